"use server";
// Server actions for a project's delivery records. Thin: each reads the session and hands the
// form to its operation, which checks authority and the governance rules (src/lib/server/operations).
// Signature `(previousState, formData)` so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as feedback from "@/lib/server/operations/feedback";
import * as milestones from "@/lib/server/operations/milestones";
import * as raci from "@/lib/server/operations/raci";

type State = ActionResult<unknown> | null;

export async function createMilestoneAction(_: State, form: FormData) {
  return act(milestones.createMilestone, form);
}
export async function changeMilestoneForecastAction(_: State, form: FormData) {
  return act(milestones.changeMilestoneForecast, form);
}
export async function completeMilestoneAction(_: State, form: FormData) {
  return act(milestones.completeMilestone, form);
}
export async function cancelMilestoneAction(_: State, form: FormData) {
  return act(milestones.cancelMilestone, form);
}

export async function assignRaciAction(_: State, form: FormData) {
  return act(raci.assignRaci, form);
}
export async function removeRaciAction(_: State, form: FormData) {
  return act(raci.removeRaci, form);
}
export async function handOverAccountableAction(_: State, form: FormData) {
  return act(raci.handOverAccountable, form);
}

export async function logFeedbackAction(_: State, form: FormData) {
  return act(feedback.logFeedback, form);
}
export async function acknowledgeFeedbackAction(_: State, form: FormData) {
  return act(feedback.acknowledgeFeedback, form);
}
export async function respondToFeedbackAction(_: State, form: FormData) {
  return act(feedback.respondToFeedback, form);
}
export async function closeFeedbackAction(_: State, form: FormData) {
  return act(feedback.closeFeedback, form);
}
