// Stage-gate requests (docs/governance-rules.md GATE-1 to GATE-3). Pure: the caller passes the
// project's stage facts (domain/stage-gates), the request and who is acting, and gets back every
// reason the step cannot go ahead.
//
// A move into APPROVED, PILOT, ROLLOUT or CLOSED is asked for by the people running the project (or
// the PMO) and decided by an executive who did not ask for it and is not the project's R: the
// gate is a check on the work, so neither the person who wants it passed nor the person who did
// the work passes it. The gates (rule 1, rule 4, the pilot's evidence) are checked when the
// request is made, so nobody waits on a request that cannot pass, and again when it is approved,
// since the facts can decay while it waits. A rejection is always possible.
import { formatCalendarDate } from "./calendar";
import { STAGE_LABEL as STAGE_LABELS } from "./labels";
import { computeReasonViolations } from "./milestones";
import { GATE_STAGES, type ProjectFacts, stageMoveGaps } from "./stage-gates";
import type { FieldViolation } from "./violations";
import type { ProjectStage, RaciLetter, StageGateStatus } from "./vocabulary";

export const STAGE_GATE_VIOLATION = {
  notAGate: "STAGE_GATE_NOT_A_GATE",
  onHold: "STAGE_GATE_PROJECT_ON_HOLD",
  pending: "STAGE_GATE_ALREADY_PENDING",
  notPending: "STAGE_GATE_NOT_PENDING",
  stageMoved: "STAGE_GATE_STAGE_MOVED",
  deciderRequested: "STAGE_GATE_DECIDER_REQUESTED",
  deciderResponsible: "STAGE_GATE_DECIDER_RESPONSIBLE",
} as const;

/** The request already waiting on the project, as the refusal names it. */
export interface PendingGateRequest {
  toStage: ProjectStage;
  requestedByName: string;
  /** The organisation's calendar day it was asked for. */
  requestedOn: Date;
}

export interface StageGateRequestInput {
  facts: ProjectFacts;
  toStage: ProjectStage;
  reason: string;
  /** The project's pending request, if one is waiting. */
  pending: PendingGateRequest | null;
}

const STATUS_WORD: Record<StageGateStatus, string> = {
  REQUESTED: "requested",
  APPROVED: "approved",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
};

/**
 * GATE-1 (requesting): everything stopping this request. One request waits per project; the move
 * must be a gate move the machine allows, with every gap named at once; and the request says why.
 */
export function stageGateRequestViolations(input: StageGateRequestInput): FieldViolation[] {
  const { facts, toStage, pending } = input;
  const violations: FieldViolation[] = [];
  if (pending) {
    violations.push({
      code: STAGE_GATE_VIOLATION.pending,
      message: `A request to move to ${STAGE_LABELS[pending.toStage]} (asked by ${pending.requestedByName} on ${formatCalendarDate(pending.requestedOn)}) is already waiting for a decision: wait for it, or withdraw it before asking again`,
    });
  } else if (facts.stage === "ON_HOLD") {
    violations.push({
      code: STAGE_GATE_VIOLATION.onHold,
      field: "toStage",
      message:
        "The project is on hold: its Accountable or an executive resumes it first, then the next gate can be requested",
    });
  } else if (!GATE_STAGES.includes(toStage)) {
    violations.push({
      code: STAGE_GATE_VIOLATION.notAGate,
      field: "toStage",
      message: `${STAGE_LABELS[toStage]} is not a gate: the project's Accountable or an executive puts a project on hold or cancels it directly`,
    });
  } else {
    violations.push(...stageMoveGaps(facts, toStage).map((g) => ({ ...g, field: "toStage" })));
  }
  for (const v of computeReasonViolations(input.reason, "the stage gate")) {
    violations.push({ ...v, field: "reason" });
  }
  return violations;
}

/**
 * GATE-2, separation of duties: who may not decide this gate even though they are an executive.
 * The requester does not approve their own request, and the project's Responsible does not pass
 * the gate on their own work. The project's Accountable may decide: they answer for the outcome.
 */
export function stageGateDeciderViolations(input: {
  requestedById: string;
  deciderId: string;
  /** The decider's RACI letter on the project, null when they hold none. */
  deciderLetter: RaciLetter | null;
}): FieldViolation[] {
  if (input.requestedById === input.deciderId) {
    return [
      {
        code: STAGE_GATE_VIOLATION.deciderRequested,
        message:
          "You requested this stage gate, so another executive decides it: a gate is not passed by the person who asked for it",
      },
    ];
  }
  if (input.deciderLetter === "R") {
    return [
      {
        code: STAGE_GATE_VIOLATION.deciderResponsible,
        message:
          "You are this project's Responsible, so another executive decides its gate: a gate checks the work, and is not passed by the person doing it",
      },
    ];
  }
  return [];
}

export function mayDecideStageGate(input: Parameters<typeof stageGateDeciderViolations>[0]): boolean {
  return stageGateDeciderViolations(input).length === 0;
}

export interface StageGateDecisionInput {
  request: { status: StageGateStatus; fromStage: ProjectStage; toStage: ProjectStage };
  decision: "APPROVED" | "REJECTED";
  reason: string;
  /** The project's facts now, read under its lock. */
  facts: ProjectFacts;
}

function notPending(status: StageGateStatus): FieldViolation {
  return {
    code: STAGE_GATE_VIOLATION.notPending,
    message: `This request was already ${STATUS_WORD[status]}: it no longer waits for a decision`,
  };
}

/**
 * GATE-3 (deciding): a rejection needs only a reason. An approval needs the project still where
 * it was when the request was made, and the gate still passing: every gap that opened while the
 * request waited is named, and the request is then rejected and raised again once they are closed.
 */
export function stageGateDecisionViolations(input: StageGateDecisionInput): FieldViolation[] {
  const { request, facts } = input;
  if (request.status !== "REQUESTED") return [notPending(request.status)];
  if (input.decision === "REJECTED") {
    return computeReasonViolations(input.reason, "rejecting the stage gate").map((v) => ({
      ...v,
      field: "reason",
    }));
  }
  if (facts.stage !== request.fromStage) {
    return [
      {
        code: STAGE_GATE_VIOLATION.stageMoved,
        message: `The project is now ${STAGE_LABELS[facts.stage]}, not ${STAGE_LABELS[request.fromStage]} as when this was requested: reject this request`,
      },
    ];
  }
  return stageMoveGaps(facts, request.toStage);
}

/** GATE-3 (withdrawing): only a request still waiting can be withdrawn. */
export function stageGateWithdrawalViolations(request: { status: StageGateStatus }): FieldViolation[] {
  return request.status === "REQUESTED" ? [] : [notPending(request.status)];
}
