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
  "project.changeStage": "move this project between stages",
  "alignment.manage": "change this project's alignment",
  "raci.manage": "change this project's RACI",
  "milestone.manage": "change this project's milestones",
  "rebaseline.request": "request a rebaseline on this project",
  "rebaseline.decide": "decide rebaselines on this project",
  "cost.record": "record costs on this project",
  "metric.define": "define metrics here",
  "metricValue.record": "record values for this metric",
  "feedback.log": "log feedback",
  "feedback.answer": "answer feedback on this project (only its R or A can)",
  "feedback.close": "close this feedback",
  "risk.manage": "manage this project's risks",
  "decision.record": "record decisions",
  "user.manage": "manage users",
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
