"use server";
// The steps owed right after signing in (docs/security-mfa.md): choosing one's own password after an
// admin chose it, and setting up a second factor when the role or the organisation requires one.
// Only a session that owes the step may take it (src/lib/server/pending-actions.ts).
import type { ActionResult } from "@/lib/action-result";
import { currentClient } from "@/lib/auth/sign-in-session";
import * as account from "@/lib/server/operations/account";
import { actOnPendingSignIn } from "@/lib/server/pending-actions";

type State = ActionResult<unknown> | null;

export async function choosePasswordAction(_: State, form: FormData) {
  const client = await currentClient();
  const result = await actOnPendingSignIn(
    "change_password",
    (actor, input) => account.changePassword(actor, input, { client, atSignIn: true }),
    form,
  );
  return result;
}

export async function confirmRequiredMfaAction(_: State, form: FormData) {
  const client = await currentClient();
  return actOnPendingSignIn(
    "enrol_mfa",
    (actor, input) => account.confirmMfa(actor, input, { client }),
    form,
  );
}

export async function restartRequiredMfaAction(_: State, form: FormData) {
  return actOnPendingSignIn("enrol_mfa", (actor) => account.beginMfaEnrolment(actor), form);
}
