import "server-only";
// Authority is derived from the resource, never from input: operations load the project a record
// belongs to and the actor's RACI letter on it, then ask the pure matrix (domain/permissions).
import type { RaciLetter } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/authenticate";
import type { DbTx } from "@/lib/db/client";
import { type Action, can } from "@/lib/domain/permissions";
import { forbidden } from "./errors";

const ACTION_WORDING: Record<Action, string> = {
  "objective.create": "create strategic objectives",
  "objective.edit": "edit this objective (only its owner can)",
  "project.create": "propose projects",
  "project.edit": "edit this project",
  "project.changeStage":
    "put this project on hold, resume it or cancel it (its Accountable or an executive can)",
  "stageGate.request": "request a stage gate for this project (its R or A, or the PMO, can)",
  "stageGate.decide":
    "decide stage gates (an executive who did not request it and is not the project's R can)",
  "alignment.manage": "change this project's alignment",
  "raci.manage": "change this project's RACI",
  "milestone.manage": "change this project's milestones",
  "milestone.approveGate": "approve this gate milestone (the project's Accountable or an executive can)",
  "rebaseline.request": "request a rebaseline on this project",
  "rebaseline.decide": "decide rebaselines on this project (its Accountable or an executive can)",
  "cost.record": "record costs on this project",
  "metric.define": "define metrics here",
  "metricValue.record": "record values for this metric",
  "feedback.log": "log feedback",
  "feedback.answer": "answer feedback on this project (only its R or A can)",
  "feedback.accept": "accept or reopen this answer (only the feedback's author can)",
  "feedback.close":
    "close this feedback (only its R or A can, once its author has let the acceptance time pass)",
  "risk.manage": "manage this project's risks",
  "decision.record": "record decisions (executives do)",
  "user.manage": "manage users",
  "user.resetMfa": "reset someone's two-step sign-in",
  "settings.manage": "change the organisation's settings",
};

export async function letterOn(tx: DbTx, actor: Actor, projectId: string): Promise<RaciLetter | null> {
  const assignment = await tx.raciAssignment.findUnique({
    where: { projectId_userId: { projectId, userId: actor.id } },
    select: { letter: true },
  });
  return assignment?.letter ?? null;
}

export function assertCan(
  action: Action,
  actor: Actor,
  context: { letter?: RaciLetter | null; isOwner?: boolean } = {},
): void {
  if (!can(action, { role: actor.role, ...context })) throw forbidden(ACTION_WORDING[action]);
}

/** Loads the actor's letter on the project and refuses unless the matrix allows the action. */
export async function assertCanOnProject(
  tx: DbTx,
  action: Action,
  actor: Actor,
  projectId: string,
): Promise<void> {
  assertCan(action, actor, { letter: await letterOn(tx, actor, projectId) });
}
