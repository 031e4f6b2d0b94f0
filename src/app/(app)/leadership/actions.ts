"use server";
// Server actions for leadership: recording decisions.
// Thin "use server" wrappers: each reads the session and hands the form to its operation, which
// checks authority and the governance rules (src/lib/server/operations). Signature
// (previousState, formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import { recordDecision } from "@/lib/server/operations/decisions";

type State = ActionResult<unknown> | null;

export async function recordDecisionAction(_: State, form: FormData) {
  return act(recordDecision, form);
}
