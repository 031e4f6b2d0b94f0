"use server";
// Server actions for strategic objectives and the metrics that measure them.
// Thin "use server" wrappers: each reads the session and hands the form to its operation, which
// checks authority and the governance rules (src/lib/server/operations). Signature
// (previousState, formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as metrics from "@/lib/server/operations/metrics";
import * as objectives from "@/lib/server/operations/objectives";

type State = ActionResult<unknown> | null;

export async function createObjectiveAction(_: State, form: FormData) {
  return act(objectives.createObjective, form);
}
export async function updateObjectiveAction(_: State, form: FormData) {
  return act(objectives.updateObjective, form);
}
export async function defineMetricAction(_: State, form: FormData) {
  return act(metrics.defineMetric, form);
}
export async function updateMetricAction(_: State, form: FormData) {
  return act(metrics.updateMetric, form);
}
