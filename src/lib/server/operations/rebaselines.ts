import "server-only";
// Rebaseline operations (docs/governance-rules.md rule 5 and REB-1…REB-6: baselines, and once a
// project is past PROPOSED its scope, move only through an approved Rebaseline). A request
// captures the values it would replace; a decision by the project's Accountable or an executive
// (never the requester; beyond tolerance only an executive who is not the project's R) approves or
// rejects it, and an approval moves the baselines, or adds or cancels the milestone, in the same
// transaction as the decision and its one audit event.
import type { Rebaseline, RebaselineKind, RebaselineStatus } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import {
  computeRebaselineTolerance,
  type RebaselineRecord,
  rebaselineDeciderViolations,
  rebaselineDecisionViolations,
  rebaselineRequestViolations,
  scopeChangeRequestViolations,
} from "@/lib/domain/rebaselines";
import { normaliseReason } from "@/lib/domain/violations";
import {
  decideRebaselineSchema,
  requestRebaselineSchema,
  requestScopeChangeSchema,
} from "@/lib/schemas/rebaselines";
import { getGovernanceSettings } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, assertCanOnProject, letterOn } from "./authority";
import { conflict, notFound, OperationError, refuse } from "./errors";
import { assertProjectTakes, lockProject } from "./project-lock";
import { requireProjectMilestone } from "./project-milestone";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface RebaselineRef {
  id: string;
  version: number;
  kind: RebaselineKind;
  status: RebaselineStatus;
}

const ref = (r: Rebaseline): RebaselineRef => ({
  id: r.id,
  version: r.version,
  kind: r.kind,
  status: r.status,
});

const DECIDED: Record<RebaselineKind, Record<"APPROVED" | "REJECTED", string>> = {
  BASELINE: { APPROVED: "Rebaseline approved: the baseline has moved.", REJECTED: "Rebaseline rejected." },
  ADD_MILESTONE: {
    APPROVED: "Scope change approved: the milestone has been added.",
    REJECTED: "Scope change rejected.",
  },
  CANCEL_MILESTONE: {
    APPROVED: "Scope change approved: the milestone is cancelled.",
    REJECTED: "Scope change rejected.",
  },
};

const baselineSelect = {
  stage: true,
  startDate: true,
  baselineEndDate: true,
  baselineBudget: true,
} as const;

const milestoneSelect = {
  projectId: true,
  title: true,
  status: true,
  baselineDate: true,
  isGate: true,
} as const;

export function requestRebaseline(actor: Actor, input: unknown): Promise<ActionResult<RebaselineRef>> {
  return runOperation(
    actor,
    async () => {
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
    },
    "Rebaseline requested. The Accountable or an executive will decide it.",
  );
}

/**
 * docs/governance-rules.md REB-5: asks to add a milestone to, or cancel one of, a project whose
 * plan is approved. Nothing changes until the request is approved by decideRebaseline.
 */
export function requestScopeChange(actor: Actor, input: unknown): Promise<ActionResult<RebaselineRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(requestScopeChangeSchema, input);
      return db().$transaction(async (tx) => {
        // Locked first, so the stage checked is the stage the request is raised against.
        const locked = await lockProject(tx, data.projectId);
        await assertCanOnProject(tx, "rebaseline.request", actor, data.projectId);
        assertProjectTakes(locked, { what: "scope changes" });
        const project = await tx.project.findUniqueOrThrow({
          where: { id: data.projectId },
          select: { ...baselineSelect, heldFromStage: true },
        });
        const milestone =
          data.kind === "CANCEL_MILESTONE"
            ? await requireProjectMilestone(tx, data.projectId, data.milestoneId)
            : null;
        const proposedMilestoneDate = data.kind === "ADD_MILESTONE" ? data.proposedMilestoneDate : null;
        const violations = scopeChangeRequestViolations({
          project: { ...project, baselineBudget: project.baselineBudget.toFixed(2) },
          kind: data.kind,
          proposedMilestoneDate,
          milestone,
          reason: data.reason,
        });
        if (violations.length) throw refuse(violations);
        const rebaseline = await tx.rebaseline.create({
          data: {
            projectId: data.projectId,
            kind: data.kind,
            reason: normaliseReason(data.reason),
            requestedById: actor.id,
            ...(data.kind === "ADD_MILESTONE"
              ? {
                  proposedMilestoneTitle: data.proposedMilestoneTitle,
                  proposedMilestoneDate,
                  proposedMilestoneIsGate: data.proposedMilestoneIsGate,
                }
              : // The baseline it had when cancelled, so the history reads without the milestone.
                { milestoneId: data.milestoneId, previousMilestoneDate: milestone?.baselineDate ?? null }),
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
    },
    "Scope change requested. The Accountable or an executive will decide it.",
  );
}

const record = (r: Rebaseline): RebaselineRecord => ({
  kind: r.kind,
  status: r.status,
  previousEndDate: r.previousEndDate,
  proposedEndDate: r.proposedEndDate,
  previousBudget: r.previousBudget?.toFixed(2) ?? null,
  proposedBudget: r.proposedBudget?.toFixed(2) ?? null,
  previousMilestoneDate: r.previousMilestoneDate,
  proposedMilestoneDate: r.proposedMilestoneDate,
});

export async function decideRebaseline(actor: Actor, input: unknown): Promise<ActionResult<RebaselineRef>> {
  const result = await runOperation(actor, async () => {
    const data = parseInput(decideRebaselineSchema, input);
    return db().$transaction(async (tx) => {
      const rebaseline = await tx.rebaseline.findUnique({ where: { id: data.rebaselineId } });
      if (!rebaseline) throw notFound("The rebaseline");
      const letter = await letterOn(tx, actor, rebaseline.projectId);
      assertCan("rebaseline.decide", actor, { letter });
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
      // REB-3: tolerance is judged now, against the baselines and the settings in force today.
      const tolerance = computeRebaselineTolerance({
        request: {
          ...record(rebaseline),
          proposedMilestoneTitle: rebaseline.proposedMilestoneTitle,
        },
        project: { ...project, baselineBudget: project.baselineBudget.toFixed(2) },
        milestone,
        existingMilestones:
          rebaseline.kind === "ADD_MILESTONE"
            ? await tx.milestone.findMany({
                where: { projectId: rebaseline.projectId, status: { not: "DONE" } },
                select: { title: true, status: true, baselineDate: true },
              })
            : [],
        settings: await getGovernanceSettings(tx),
      });
      // REB-2: separation of duties, with who may decide named in the refusal.
      const barred = rebaselineDeciderViolations({
        decision: data.decision,
        requestedById: rebaseline.requestedById,
        decider: { id: actor.id, role: actor.role, letter },
        tolerance,
      });
      if (barred.length) throw new OperationError("FORBIDDEN", `${barred.map((v) => v.message).join(". ")}.`);
      const violations = rebaselineDecisionViolations({
        request: record(rebaseline),
        decision: data.decision,
        reason: data.reason,
        project: { ...project, baselineBudget: project.baselineBudget.toFixed(2) },
        milestone,
      });
      if (violations.length) throw refuse(violations);

      const reason = normaliseReason(data.reason);
      const applied: Record<string, { from: unknown; to: unknown }> = {};
      const apply = async () => {
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
        if (rebaseline.kind === "ADD_MILESTONE" && rebaseline.proposedMilestoneDate) {
          // REB-5: the approved milestone starts on its baseline (forecast = baseline).
          const added = await tx.milestone.create({
            data: {
              projectId: rebaseline.projectId,
              title: rebaseline.proposedMilestoneTitle ?? "New milestone",
              baselineDate: rebaseline.proposedMilestoneDate,
              forecastDate: rebaseline.proposedMilestoneDate,
              isGate: rebaseline.proposedMilestoneIsGate,
            },
          });
          await tx.rebaseline.update({ where: { id: rebaseline.id }, data: { milestoneId: added.id } });
          applied.milestoneAdded = { from: null, to: added };
        } else if (rebaseline.kind === "CANCEL_MILESTONE" && milestone && rebaseline.milestoneId) {
          // The project's lock is held, and every milestone change takes it first: no lost update.
          await tx.milestone.update({
            where: { id: rebaseline.milestoneId },
            data: { status: "CANCELLED", version: { increment: 1 } },
          });
          applied.milestoneStatus = { from: milestone.status, to: "CANCELLED" };
        } else if (milestone && rebaseline.milestoneId && rebaseline.proposedMilestoneDate) {
          await tx.milestone.update({
            where: { id: rebaseline.milestoneId },
            data: { baselineDate: rebaseline.proposedMilestoneDate, version: { increment: 1 } },
          });
          applied.milestoneBaselineDate = {
            from: milestone.baselineDate,
            to: rebaseline.proposedMilestoneDate,
          };
        }
      };
      const decision = {
        status: data.decision,
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionReason: reason || null,
      };
      const saved = await saveVersioned(tx, actor, tx.rebaseline, rebaseline, decision, {
        action: data.decision === "APPROVED" ? "rebaseline.approve" : "rebaseline.reject",
        entityType: "Rebaseline",
        what: "rebaseline",
        // Decided once: a decision that landed meanwhile makes this one a conflict.
        where: { status: "REQUESTED" },
        // An approval applies the change in the same transaction as the decision and its audit event.
        ...(data.decision === "APPROVED" ? { history: apply } : {}),
        after: (row) => ({ ...row, ...(data.decision === "APPROVED" ? { applied } : {}), tolerance }),
      });
      return ref(saved);
    });
  });
  if (!result.ok) return result;
  const { kind, status } = result.data;
  return { ...result, message: DECIDED[kind][status === "APPROVED" ? "APPROVED" : "REJECTED"] };
}
