import "server-only";
// Stage-gate requests (docs/governance-rules.md GATE-1 to GATE-3). A move into APPROVED, PILOT,
// ROLLOUT or CLOSED is requested by the project's R or A or the PMO and decided by an executive who
// neither asked for it nor is the project's R. The gates are checked when the request is made and
// again, under the project's lock, when it is approved; the approval moves the stage in the same
// transaction as the decision and its one audit event.
import type { StageGateRequest, StageGateStatus } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import {
  stageGateDeciderViolations,
  stageGateDecisionViolations,
  stageGateRequestViolations,
  stageGateWithdrawalViolations,
} from "@/lib/domain/stage-gate-requests";
import { normaliseReason } from "@/lib/domain/violations";
import {
  decideStageGateSchema,
  requestStageGateSchema,
  withdrawStageGateSchema,
} from "@/lib/schemas/stage-gates";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, assertCanOnProject, letterOn } from "./authority";
import { conflict, notFound, OperationError, refuse } from "./errors";
import { lockProject } from "./project-lock";
import { loadStageFacts } from "./projects";
import { parseInput, runOperation } from "./run";
import { saveVersioned, updateVersioned } from "./versioned";

export interface StageGateRef {
  id: string;
  version: number;
  status: StageGateStatus;
  projectId: string;
}

const ref = (r: StageGateRequest): StageGateRef => ({
  id: r.id,
  version: r.version,
  status: r.status,
  projectId: r.projectId,
});

/**
 * GATE-1: asks for the project's next gate. The project's version guards against asking on a stale
 * page; the refusal names every gap at once, or the request already waiting.
 */
export function requestStageGate(actor: Actor, input: unknown): Promise<ActionResult<StageGateRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(requestStageGateSchema, input);
      const clock = await getClock();
      return db().$transaction(async (tx) => {
        // Locked first: the stage, the team and the pending request read here hold until the request is written.
        await lockProject(tx, data.projectId);
        const { project, facts } = await loadStageFacts(tx, data.projectId, clock);
        await assertCanOnProject(tx, "stageGate.request", actor, project.id);
        if (project.version !== data.version) throw conflict("project");
        const pending = await tx.stageGateRequest.findFirst({
          where: { projectId: project.id, status: "REQUESTED" },
          select: { toStage: true, requestedAt: true, requestedBy: { select: { name: true } } },
        });
        const violations = stageGateRequestViolations({
          facts,
          toStage: data.toStage,
          reason: data.reason,
          pending: pending
            ? {
                toStage: pending.toStage,
                requestedByName: pending.requestedBy.name,
                requestedOn: computeLocalDate(pending.requestedAt, clock.timeZone),
              }
            : null,
        });
        if (violations.length) throw refuse(violations);
        const request = await tx.stageGateRequest.create({
          data: {
            projectId: project.id,
            fromStage: project.stage,
            toStage: data.toStage,
            reason: normaliseReason(data.reason),
            requestedById: actor.id,
            requestedAt: clock.now,
          },
        });
        await recordAudit(tx, actor, {
          action: "stage_gate.request",
          entityType: "StageGateRequest",
          entityId: request.id,
          after: request,
        });
        return ref(request);
      });
    },
    "Stage gate requested. An executive who is not the project's R will decide it.",
  );
}

/**
 * GATE-2 and GATE-3: approves or rejects a waiting request. An approval re-checks the gate under
 * the project's lock and moves the stage with the decision; a move to CLOSED records the day the
 * project ended (today, in the organisation's time zone).
 */
export async function decideStageGate(actor: Actor, input: unknown): Promise<ActionResult<StageGateRef>> {
  const result = await runOperation(actor, async () => {
    const data = parseInput(decideStageGateSchema, input);
    const clock = await getClock();
    return db().$transaction(async (tx) => {
      const request = await tx.stageGateRequest.findUnique({ where: { id: data.requestId } });
      if (!request) throw notFound("The stage gate request");
      const letter = await letterOn(tx, actor, request.projectId);
      assertCan("stageGate.decide", actor, { letter });
      const separation = stageGateDeciderViolations({
        requestedById: request.requestedById,
        deciderId: actor.id,
        deciderLetter: letter,
      });
      if (separation.length) throw new OperationError("FORBIDDEN", `${separation[0]?.message}.`);
      if (request.version !== data.version) throw conflict("stage gate request");
      await lockProject(tx, request.projectId);
      const { project, facts } = await loadStageFacts(tx, request.projectId, clock);
      const violations = stageGateDecisionViolations({
        request,
        decision: data.decision,
        reason: data.reason,
        facts,
      });
      if (violations.length) throw refuse(violations);

      const reason = normaliseReason(data.reason);
      const actualEndDate = request.toStage === "CLOSED" ? clock.today : null;
      const moved = {
        from: project.stage,
        to: request.toStage,
        stageChangedAt: clock.now,
        projectVersion: project.version + 1,
        ...(actualEndDate ? { actualEndDate } : {}),
      };
      // GATE-3: an approval moves the project with the decision, guarded by the version its gate was checked at.
      const moveProject = () =>
        updateVersioned(
          tx.project,
          project,
          {
            stage: request.toStage,
            heldFromStage: null,
            stageChangedAt: clock.now,
            ...(actualEndDate ? { actualEndDate } : {}),
          },
          "project",
        );
      const decision = {
        status: data.decision,
        decidedById: actor.id,
        decidedAt: clock.now,
        decisionReason: reason || null,
      };
      const approved = data.decision === "APPROVED";
      const saved = await saveVersioned(tx, actor, tx.stageGateRequest, request, decision, {
        action: approved ? "stage_gate.approve" : "stage_gate.reject",
        entityType: "StageGateRequest",
        what: "stage gate request",
        // Decided once: a decision or withdrawal that landed meanwhile makes this one a conflict.
        where: { status: "REQUESTED" },
        ...(approved ? { history: moveProject } : {}),
        after: (row) => (approved ? { ...row, project: moved } : row),
      });
      return ref(saved);
    });
  });
  if (!result.ok) return result;
  return {
    ...result,
    message:
      result.data.status === "APPROVED"
        ? "Stage gate approved: the project has moved."
        : "Stage gate rejected.",
  };
}

/** GATE-3: the requester, or the project's R or A or the PMO, withdraws a request still waiting. */
export function withdrawStageGate(actor: Actor, input: unknown): Promise<ActionResult<StageGateRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(withdrawStageGateSchema, input);
      return db().$transaction(async (tx) => {
        const found = await tx.stageGateRequest.findUnique({
          where: { id: data.requestId },
          select: { projectId: true },
        });
        if (!found) throw notFound("The stage gate request");
        // The same lock a decision takes, so a withdrawal and an approval take turns.
        await lockProject(tx, found.projectId);
        const request = await tx.stageGateRequest.findUniqueOrThrow({ where: { id: data.requestId } });
        // A requester who has since become a viewer is read-only like any other viewer.
        if (request.requestedById !== actor.id || actor.role === "VIEWER") {
          await assertCanOnProject(tx, "stageGate.request", actor, request.projectId);
        }
        if (request.version !== data.version) throw conflict("stage gate request");
        const violations = stageGateWithdrawalViolations(request);
        if (violations.length) throw refuse(violations);
        const saved = await saveVersioned(
          tx,
          actor,
          tx.stageGateRequest,
          request,
          { status: "WITHDRAWN" as const },
          {
            action: "stage_gate.withdraw",
            entityType: "StageGateRequest",
            what: "stage gate request",
            where: { status: "REQUESTED" },
          },
        );
        return ref(saved);
      });
    },
    "Stage gate request withdrawn.",
  );
}
