"use server";
// Changing one's own password: every other session ends, this one is re-issued at the new version.
import type { ActionResult } from "@/lib/action-result";
import { renewOwnSession } from "@/lib/auth/session-renewal";
import { currentClient } from "@/lib/auth/sign-in-session";
import { act } from "@/lib/server/actions";
import { changePassword } from "@/lib/server/operations/account";

type State = ActionResult<unknown> | null;

export async function changePasswordAction(_: State, form: FormData) {
  const client = await currentClient();
  const result = await act((actor, input) => changePassword(actor, input, { client }), form);
  if (result.ok) await renewOwnSession(result.data.sessionVersion);
  return result;
}
