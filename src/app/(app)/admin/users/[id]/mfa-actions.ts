"use server";
// An admin's reset of someone's second factor (docs/security-mfa.md); the operation checks authority.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import { resetMfa } from "@/lib/server/operations/users";

export async function resetMfaAction(_: ActionResult<unknown> | null, form: FormData) {
  return act(resetMfa, form);
}
