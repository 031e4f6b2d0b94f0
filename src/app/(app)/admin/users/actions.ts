"use server";
// Server actions for user administration (administrators only; the operations check).
// Thin "use server" wrappers: each reads the session and hands the form to its operation, which
// checks authority and the governance rules (src/lib/server/operations). Signature
// (previousState, formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as users from "@/lib/server/operations/users";

type State = ActionResult<unknown> | null;

export async function createUserAction(_: State, form: FormData) {
  return act(users.createUser, form);
}
export async function changeUserRoleAction(_: State, form: FormData) {
  return act(users.changeUserRole, form);
}
export async function deactivateUserAction(_: State, form: FormData) {
  return act(users.deactivateUser, form);
}
export async function reactivateUserAction(_: State, form: FormData) {
  return act(users.reactivateUser, form);
}
export async function resetPasswordAction(_: State, form: FormData) {
  return act(users.resetPassword, form);
}
export async function setSroEligibilityAction(_: State, form: FormData) {
  return act(users.setSroEligibility, form);
}
