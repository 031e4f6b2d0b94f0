import "server-only";
// Rebaseline operations (DESIGN.md rule 5: baselines move only through an approved Rebaseline).
// A request captures the values it would replace; a decision by the project's Accountable or an
// executive (never the requester) approves or rejects it, and an approval moves the baselines in
// the same transaction as the decision and its audit event.
import type { Rebaseline, RebaselineStatus } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import {
  mayDecideRebaseline,
  type RebaselineRecord,
  rebaselineDecisionViolations,
  rebaselineRequestViolations,
} from "@/lib/domain/rebaselines";
import { normaliseReason } from "@/lib/domain/violations";
import { decideRebaselineSchema, requestRebaselineSchema } from "@/lib/schemas/rebaselines";
import { recordAudit } from "./audit";
import { assertCan, assertCanOnProject, letterOn } from "./authority";
import { conflict, notFound, OperationError, refuse } from "./errors";
import { lockProject } from "./project-lock";
import { requireProjectMilestone } from "./project-milestone";
import { parseInput, runOperation } from "./run";

export interface RebaselineRef {
  id: string;
  version: number;
  status: RebaselineStatus;
}

const ref = (r: Rebaseline): RebaselineRef => ({ id: r.id, version: r.version, status: r.status });

const baselineSelect = {
  stage: true,
  startDate: true,
  baselineEndDate: true,
  baselineBudget: true,
} as const;

const milestoneSelect = { projectId: true, title: true, status: true, baselineDate: true } as const;

export function requestRebaseline(actor: Actor, input: unknown): Promise<ActionResult<RebaselineRef>> {
  return runOperation(async () => {
    const data = parseInput(requestRebaselineSchema, input);
    return db().$transaction(async (tx) => {
      // Locked first, so the project cannot be closed or cancelled between the stage check and the request.
      await lockProject(tx, data.projectId);
      const project = await tx.project.findUniqueOrThrow({
        where: { id: data.projectId },
        select: baselineSelect,
      });
      await assertCanOnProject(tx, "rebaseline.request", actor, data.projectId);
      const milestone = data.milestoneId
        ? await requireProjectMilestone(tx, data.projectId, data.milestoneId)
        : null;
      const baselineBudget = project.baselineBudget.toFixed(2);
      const violations = rebaselineRequestViolations({
        project: { ...project, baselineBudget },
        milestone,
        proposedEndDate: data.proposedEndDate ?? null,
        proposedBudget: data.proposedBudget ?? null,
        proposedMilestoneDate: data.proposedMilestoneDate ?? null,
        reason: data.reason,
      });
      if (violations.length) throw refuse(violations);
      const rebaseline = await tx.rebaseline.create({
        data: {
          projectId: data.projectId,
          ...(milestone ? { milestoneId: milestone.id } : {}),
          reason: normaliseReason(data.reason),
          previousEndDate: data.proposedEndDate ? project.baselineEndDate : null,
          proposedEndDate: data.proposedEndDate ?? null,
          previousBudget: data.proposedBudget !== undefined ? baselineBudget : null,
          proposedBudget: data.proposedBudget ?? null,
          previousMilestoneDate: milestone ? milestone.baselineDate : null,
          proposedMilestoneDate: data.proposedMilestoneDate ?? null,
          requestedById: actor.id,
        },
      });
      await recordAudit(tx, actor, {
        action: "rebaseline.request",
        entityType: "Rebaseline",
        entityId: rebaseline.id,
        after: rebaseline,
      });
      return ref(rebaseline);
    });
  }, "Rebaseline requested. The Accountable or an executive will decide it.");
}

const record = (r: Rebaseline): RebaselineRecord => ({
  status: r.status,
  previousEndDate: r.previousEndDate,
  proposedEndDate: r.proposedEndDate,
  previousBudget: r.previousBudget?.toFixed(2) ?? null,
  proposedBudget: r.proposedBudget?.toFixed(2) ?? null,
  previousMilestoneDate: r.previousMilestoneDate,
  proposedMilestoneDate: r.proposedMilestoneDate,
});

export async function decideRebaseline(actor: Actor, input: unknown): Promise<ActionResult<RebaselineRef>> {
  const result = await runOperation(async () => {
    const data = parseInput(decideRebaselineSchema, input);
    return db().$transaction(async (tx) => {
      const rebaseline = await tx.rebaseline.findUnique({ where: { id: data.rebaselineId } });
      if (!rebaseline) throw notFound("The rebaseline");
      assertCan("rebaseline.decide", actor, { letter: await letterOn(tx, actor, rebaseline.projectId) });
      if (!mayDecideRebaseline({ requestedById: rebaseline.requestedById, deciderId: actor.id })) {
        throw new OperationError(
          "FORBIDDEN",
          "You requested this rebaseline, so someone else decides it: the project's Accountable or an executive.",
        );
      }
      if (rebaseline.version !== data.version) throw conflict("rebaseline");
      // Baselines are read under the project's lock, so two approvals cannot both pass the
      // "has the baseline moved since the request?" check and overwrite each other.
      await lockProject(tx, rebaseline.projectId);
      const project = await tx.project.findUniqueOrThrow({
        where: { id: rebaseline.projectId },
        select: baselineSelect,
      });
      const milestone = rebaseline.milestoneId
        ? await tx.milestone.findUnique({ where: { id: rebaseline.milestoneId }, select: milestoneSelect })
        : null;
      const violations = rebaselineDecisionViolations({
        request: record(rebaseline),
        decision: data.decision,
        reason: data.reason,
        project: { ...project, baselineBudget: project.baselineBudget.toFixed(2) },
        milestone,
      });
      if (violations.length) throw refuse(violations);

      const reason = normaliseReason(data.reason);
      const { count } = await tx.rebaseline.updateMany({
        where: { id: rebaseline.id, version: rebaseline.version, status: "REQUESTED" },
        data: {
          status: data.decision,
          decidedById: actor.id,
          decidedAt: new Date(),
          decisionReason: reason || null,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw conflict("rebaseline");

      const applied: Record<string, { from: unknown; to: unknown }> = {};
      if (data.decision === "APPROVED") {
        const projectChange = {
          ...(rebaseline.proposedEndDate ? { baselineEndDate: rebaseline.proposedEndDate } : {}),
          ...(rebaseline.proposedBudget !== null ? { baselineBudget: rebaseline.proposedBudget } : {}),
        };
        if (rebaseline.proposedEndDate) {
          applied.baselineEndDate = { from: project.baselineEndDate, to: rebaseline.proposedEndDate };
        }
        if (rebaseline.proposedBudget !== null) {
          applied.baselineBudget = { from: project.baselineBudget, to: rebaseline.proposedBudget };
        }
        if (Object.keys(projectChange).length > 0) {
          await tx.project.update({
            where: { id: rebaseline.projectId },
            data: { ...projectChange, version: { increment: 1 } },
          });
        }
        if (milestone && rebaseline.milestoneId && rebaseline.proposedMilestoneDate) {
          await tx.milestone.update({
            where: { id: rebaseline.milestoneId },
            data: { baselineDate: rebaseline.proposedMilestoneDate, version: { increment: 1 } },
          });
          applied.milestoneBaselineDate = {
            from: milestone.baselineDate,
            to: rebaseline.proposedMilestoneDate,
          };
        }
      }
      const saved = await tx.rebaseline.findUniqueOrThrow({ where: { id: rebaseline.id } });
      await recordAudit(tx, actor, {
        action: data.decision === "APPROVED" ? "rebaseline.approve" : "rebaseline.reject",
        entityType: "Rebaseline",
        entityId: rebaseline.id,
        before: rebaseline,
        after: data.decision === "APPROVED" ? { ...saved, applied } : saved,
      });
      return ref(saved);
    });
  });
  if (!result.ok) return result;
  return {
    ...result,
    message:
      result.data.status === "APPROVED"
        ? "Rebaseline approved: the baseline has moved."
        : "Rebaseline rejected.",
  };
}
