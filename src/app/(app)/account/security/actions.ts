"use server";
// A person's own second factor (docs/security-mfa.md). Thin wrappers over operations/account.
import type { ActionResult } from "@/lib/action-result";
import { currentClient } from "@/lib/auth/sign-in-session";
import { act } from "@/lib/server/actions";
import * as account from "@/lib/server/operations/account";

type State = ActionResult<unknown> | null;

export async function beginMfaEnrolmentAction(_: State, form: FormData) {
  return act((actor) => account.beginMfaEnrolment(actor), form);
}
export async function confirmMfaAction(_: State, form: FormData) {
  const client = await currentClient();
  return act((actor, input) => account.confirmMfa(actor, input, { client }), form);
}
export async function regenerateRecoveryCodesAction(_: State, form: FormData) {
  const client = await currentClient();
  return act((actor, input) => account.regenerateRecoveryCodes(actor, input, { client }), form);
}
export async function disableMfaAction(_: State, form: FormData) {
  const client = await currentClient();
  return act((actor, input) => account.disableMfa(actor, input, { client }), form);
}
