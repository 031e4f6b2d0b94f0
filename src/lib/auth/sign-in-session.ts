import "server-only";
// The session of someone who has signed in but still owes a step (a password of their own, a second
// factor): the one reader the step's pages and actions use. getActor() refuses such a session, so
// every other page sends them to /signin, which sends them on here (docs/security-mfa.md). The
// session is the same stored one getActor reads (./sessions): live, unrevoked, within its lifetimes.
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { SignInStep } from "@/lib/domain/mfa-policy";
import { type Actor, requestIdFrom } from "./authenticate";
import { type ClientInfo, clientInfoFrom } from "./security-log";
import { readSessionClaims } from "./session";
import { loadPendingSignIn } from "./sessions";

export const getPendingSignIn = cache(async (): Promise<{ actor: Actor; step: SignInStep } | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const request = await headers();
  const pending = await loadPendingSignIn(db(), claims, requestIdFrom(request.get("x-request-id")));
  if (!pending) return null;
  return { ...pending, actor: { ...pending.actor, client: clientInfoFrom((name) => request.get(name)) } };
});

/** The client of the current request, for security events. */
export async function currentClient(): Promise<ClientInfo> {
  const request = await headers();
  return clientInfoFrom((name) => request.get(name));
}
