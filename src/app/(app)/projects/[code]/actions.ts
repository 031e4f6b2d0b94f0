"use server";
// Server actions for a project and its delivery records.
// Thin "use server" wrappers: each reads the session and hands the form to its operation, which
// checks authority and the governance rules (src/lib/server/operations). Signature
// (previousState, formData) so forms can use useActionState.
import type { ActionResult } from "@/lib/action-result";
import { act } from "@/lib/server/actions";
import * as alignment from "@/lib/server/operations/alignment";
import * as costs from "@/lib/server/operations/costs";
import * as feedback from "@/lib/server/operations/feedback";
import * as metrics from "@/lib/server/operations/metrics";
import * as milestoneGates from "@/lib/server/operations/milestone-gates";
import * as milestones from "@/lib/server/operations/milestones";
import * as projects from "@/lib/server/operations/projects";
import * as raci from "@/lib/server/operations/raci";
import * as rebaselines from "@/lib/server/operations/rebaselines";
import * as risks from "@/lib/server/operations/risks";
import * as stageGates from "@/lib/server/operations/stage-gate-requests";

type State = ActionResult<unknown> | null;

export async function updateProjectAction(_: State, form: FormData) {
  return act(projects.updateProject, form);
}
export async function changeProjectStageAction(_: State, form: FormData) {
  return act(projects.changeProjectStage, form);
}
export async function requestStageGateAction(_: State, form: FormData) {
  return act(stageGates.requestStageGate, form);
}
export async function decideStageGateAction(_: State, form: FormData) {
  return act(stageGates.decideStageGate, form);
}
export async function withdrawStageGateAction(_: State, form: FormData) {
  return act(stageGates.withdrawStageGate, form);
}
export async function alignProjectAction(_: State, form: FormData) {
  return act(alignment.alignProject, form);
}
export async function removeAlignmentAction(_: State, form: FormData) {
  return act(alignment.removeAlignment, form);
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
export async function approveMilestoneGateAction(_: State, form: FormData) {
  return act(milestoneGates.approveMilestoneGate, form);
}
export async function requestRebaselineAction(_: State, form: FormData) {
  return act(rebaselines.requestRebaseline, form);
}
export async function decideRebaselineAction(_: State, form: FormData) {
  return act(rebaselines.decideRebaseline, form);
}
export async function requestScopeChangeAction(_: State, form: FormData) {
  return act(rebaselines.requestScopeChange, form);
}
export async function recordCostEntryAction(_: State, form: FormData) {
  return act(costs.recordCostEntry, form);
}
export async function reverseCostEntryAction(_: State, form: FormData) {
  return act(costs.reverseCostEntry, form);
}
export async function recordMetricValueAction(_: State, form: FormData) {
  return act(metrics.recordMetricValue, form);
}
export async function correctMetricValueAction(_: State, form: FormData) {
  return act(metrics.correctMetricValue, form);
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
export async function acceptFeedbackAnswerAction(_: State, form: FormData) {
  return act(feedback.acceptFeedbackAnswer, form);
}
export async function reopenFeedbackAction(_: State, form: FormData) {
  return act(feedback.reopenFeedback, form);
}
export async function closeFeedbackAction(_: State, form: FormData) {
  return act(feedback.closeFeedback, form);
}
export async function createRiskAction(_: State, form: FormData) {
  return act(risks.createRisk, form);
}
export async function updateRiskAction(_: State, form: FormData) {
  return act(risks.updateRisk, form);
}
