"use server";
// "Sign out everywhere" for oneself and, for an admin, for someone else (issue #11;
// docs/security-sessions.md). Thin wrappers: the operations check authority and audit.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { cookiePolicy } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";
import { act } from "@/lib/server/actions";
import * as sessions from "@/lib/server/operations/sessions";

type State = ActionResult<unknown> | null;

export async function signOutEverywhereAction(_: State, form: FormData) {
  const result = await act((actor) => sessions.signOutEverywhere(actor), form);
  if (!result.ok) return result;
  // This session ended with the others: its cookie goes too, and the person signs in again.
  (await cookies()).delete(cookiePolicy(getEnv().NEXTAUTH_URL).sessionTokenName);
  redirect("/signin");
}

export async function endUserSessionsAction(_: State, form: FormData) {
  return act(sessions.endUserSessions, form);
}
