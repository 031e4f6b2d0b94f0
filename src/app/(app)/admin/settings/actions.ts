"use server";
// Server actions for the organisation's settings and bank holidays (administrators only; the
// operations check). Thin "use server" wrappers: each reads the session and hands the form to its
// operation, which checks authority and the governance rules (src/lib/server/operations).
// Signature (previousState, formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as settings from "@/lib/server/operations/settings";

type State = ActionResult<unknown> | null;

export async function updateOrganisationSettingsAction(_: State, form: FormData) {
  return act(settings.updateOrganisationSettings, form);
}
export async function addHolidayAction(_: State, form: FormData) {
  return act(settings.addHoliday, form);
}
export async function removeHolidayAction(_: State, form: FormData) {
  return act(settings.removeHoliday, form);
}
