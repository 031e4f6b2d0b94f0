"use server";
// Changing one's own password: every other session ends, this one stays signed in.
import type { ActionResult } from "@/lib/action-result";
import { currentClient } from "@/lib/auth/sign-in-session";
import { act } from "@/lib/server/actions";
import { changePassword } from "@/lib/server/operations/account";

type State = ActionResult<unknown> | null;

export async function changePasswordAction(_: State, form: FormData) {
  const client = await currentClient();
  return act((actor, input) => changePassword(actor, input, { client }), form);
}
