import "server-only";
// Decision operations: executives record what was decided, under what authority and why, on which
// day, linked to what prompted it (docs/governance-rules.md FRAME-3 to FRAME-5). Admins and the PMO
// prepare decisions but do not take them, so they do not record them (the matrix). A decision is a
// record of what happened, so there is no edit: a changed decision is a new decision.
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { computeDecidedAt, decisionViolations } from "@/lib/domain/decisions";
import { recordDecisionSchema } from "@/lib/schemas/decisions";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan } from "./authority";
import { invalid, notFound, refuse } from "./errors";
import { lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";

export interface DecisionRef {
  id: string;
  /** The project the decision is filed under: as given, or the one its feedback or rebaseline belongs to. */
  projectId: string | null;
}

interface Links {
  projectId?: string | undefined;
  objectiveId?: string | undefined;
  feedbackId?: string | undefined;
  rebaselineId?: string | undefined;
}

interface ResolvedLinks {
  projectId: string | null;
  objectiveId: string | null;
  feedbackId: string | null;
  rebaselineId: string | null;
}

/**
 * Every link must exist, and feedback or a rebaseline must belong to the decision's project. With
 * no project given, the project of the feedback or rebaseline is the decision's, so it shows on
 * that project's page; given both, they must be of the same project.
 */
async function resolveLinks(tx: DbTx, links: Links): Promise<ResolvedLinks> {
  const project = links.projectId
    ? await tx.project.findUnique({ where: { id: links.projectId }, select: { id: true } })
    : null;
  if (links.projectId && !project) throw notFound("The project");
  const objective = links.objectiveId
    ? await tx.strategicObjective.findUnique({ where: { id: links.objectiveId }, select: { id: true } })
    : null;
  if (links.objectiveId && !objective) throw notFound("The objective");
  const feedback = links.feedbackId
    ? await tx.feedback.findUnique({ where: { id: links.feedbackId }, select: { id: true, projectId: true } })
    : null;
  if (links.feedbackId && !feedback) throw notFound("The feedback");
  const rebaseline = links.rebaselineId
    ? await tx.rebaseline.findUnique({
        where: { id: links.rebaselineId },
        select: { id: true, projectId: true },
      })
    : null;
  if (links.rebaselineId && !rebaseline) throw notFound("The rebaseline");

  const projectId = project?.id ?? feedback?.projectId ?? rebaseline?.projectId ?? null;
  const fieldErrors: Record<string, string[]> = {};
  if (feedback && feedback.projectId !== projectId) {
    fieldErrors.feedbackId = ["Choose feedback on the decision's project"];
  }
  if (rebaseline && rebaseline.projectId !== projectId) {
    fieldErrors.rebaselineId = [
      project
        ? "Choose a rebaseline of the decision's project"
        : "Choose a rebaseline of the same project as the feedback",
    ];
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw invalid(fieldErrors);
  }
  return {
    projectId,
    objectiveId: objective?.id ?? null,
    feedbackId: feedback?.id ?? null,
    rebaselineId: rebaseline?.id ?? null,
  };
}

export function recordDecision(actor: Actor, input: unknown): Promise<ActionResult<DecisionRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(recordDecisionSchema, input);
      assertCan("decision.record", actor);
      const { now, today, timeZone } = await getClock();
      const decidedOn = data.decidedOn ?? today;
      return db().$transaction(async (tx) => {
        const links = await resolveLinks(tx, data);
        // The project's lock: a scale decision and the stage move that reads it take turns, so a
        // project cannot leave its pilot between this check and the decision (FRAME-4).
        const project = links.projectId ? await lockProject(tx, links.projectId) : null;
        const violations = decisionViolations({ kind: data.kind, decidedOn, today, project });
        if (violations.length) throw refuse(violations);
        const decision = await tx.decision.create({
          data: {
            kind: data.kind,
            title: data.title,
            detail: data.detail,
            authority: data.authority,
            rationale: data.rationale,
            decidedById: actor.id,
            // When it was taken (FRAME-3); createdAt keeps when it was recorded.
            decidedAt: computeDecidedAt({ decidedOn, today, now, timeZone }),
            ...links,
          },
        });
        await recordAudit(tx, actor, {
          action: "decision.record",
          entityType: "Decision",
          entityId: decision.id,
          after: decision,
        });
        return { id: decision.id, projectId: decision.projectId };
      });
    },
    "Decision recorded.",
  );
}
