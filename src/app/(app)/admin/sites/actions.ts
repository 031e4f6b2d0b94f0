"use server";
// Server actions for the trust's sites (administrators only; the operations check). Thin "use
// server" wrappers: each reads the session and hands the form to its operation, which checks
// authority and the rules (src/lib/server/operations/sites.ts). Signature (previousState,
// formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as sites from "@/lib/server/operations/sites";

type State = ActionResult<unknown> | null;

export async function createSiteAction(_: State, form: FormData) {
  return act(sites.createSite, form);
}
export async function updateSiteAction(_: State, form: FormData) {
  return act(sites.updateSite, form);
}
