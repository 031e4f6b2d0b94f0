import { describe, expect, it } from "vitest";
import type { RaciEntry } from "@/lib/domain/raci";
import {
  mayDecideStageGate,
  STAGE_GATE_VIOLATION,
  stageGateDeciderViolations,
  stageGateDecisionViolations,
  stageGateRequestViolations,
  stageGateWithdrawalViolations,
} from "@/lib/domain/stage-gate-requests";
import { type ProjectFacts, STAGE_GAP } from "@/lib/domain/stage-gates";
import type { ProjectStage, StageGateStatus } from "@/lib/domain/vocabulary";

const team: RaciEntry[] = [
  {
    userId: "a",
    name: "Dr Helen Ashworth",
    letter: "A",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
    active: true,
  },
  {
    userId: "r",
    name: "Aisha Okafor",
    letter: "R",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
    active: true,
  },
];

/** An operational project that passes rule 1: each test breaks one thing. */
function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    kind: "OPERATIONAL",
    stage: "APPROVED",
    alignmentCount: 1,
    raci: team,
    metrics: [{ name: "Discharges before noon", baselineValue: 18, targetValue: 35, hasFinalValue: false }],
    milestones: [],
    ...overrides,
  };
}

const REASON = "Business case approved by the Executive Board";
const request = (overrides: Partial<Parameters<typeof stageGateRequestViolations>[0]> = {}) =>
  stageGateRequestViolations({
    facts: facts(),
    toStage: "PILOT",
    reason: REASON,
    pending: null,
    ...overrides,
  });
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("requesting a stage gate (GATE-1)", () => {
  it("accepts a gate move the project passes, with a reason", () => {
    expect(request()).toEqual([]);
    expect(request({ toStage: "ROLLOUT" })).toEqual([]);
    expect(request({ facts: facts({ stage: "PROPOSED" }), toStage: "APPROVED" })).toEqual([]);
  });

  it("refuses a second request while one waits, naming it", () => {
    const violations = request({
      pending: {
        toStage: "ROLLOUT",
        requestedByName: "Aisha Okafor",
        requestedOn: new Date("2026-03-02T00:00:00Z"),
      },
    });
    expect(codes(violations)).toEqual([STAGE_GATE_VIOLATION.pending]);
    expect(violations[0]?.message).toBe(
      "A request to move to Rollout (asked by Aisha Okafor on Monday 2 March 2026) is already waiting for a decision: wait for it, or withdraw it before asking again",
    );
  });

  it("refuses moves that are not gates, and a project on hold", () => {
    for (const toStage of ["ON_HOLD", "CANCELLED", "PROPOSED"] as ProjectStage[]) {
      expect(codes(request({ toStage }))).toEqual([STAGE_GATE_VIOLATION.notAGate]);
    }
    expect(request({ toStage: "CANCELLED" })[0]?.message).toMatch(/^Cancelled is not a gate/);
    expect(
      codes(request({ facts: facts({ stage: "ON_HOLD", heldFrom: "APPROVED" }), toStage: "PILOT" })),
    ).toEqual([STAGE_GATE_VIOLATION.onHold]);
  });

  it("names every gap of the gate at once, beside the stage", () => {
    const violations = request({ facts: facts({ alignmentCount: 0, metrics: [] }) });
    expect(codes(violations)).toEqual([STAGE_GAP.notAligned, STAGE_GAP.noMeasurableMetric]);
    expect(violations.every((v) => v.field === "toStage")).toBe(true);
    expect(codes(request({ toStage: "CLOSED" }))).toEqual([STAGE_GAP.notAllowed]);
  });

  it("needs a reason that explains the request", () => {
    expect(request({ reason: "  " })).toEqual([
      { code: "REASON_REQUIRED", field: "reason", message: "Give a reason for the stage gate" },
    ]);
    expect(codes(request({ reason: "see above!" }))).toEqual(["REASON_NOT_MEANINGFUL"]);
  });
});

describe("who may decide a stage gate (GATE-2)", () => {
  const decider = (deciderId: string, deciderLetter: RaciEntry["letter"] | null) =>
    stageGateDeciderViolations({ requestedById: "pmo", deciderId, deciderLetter });

  it("refuses the requester, whatever letter they hold", () => {
    for (const letter of [null, "A", "C"] as const) {
      expect(
        codes(stageGateDeciderViolations({ requestedById: "x", deciderId: "x", deciderLetter: letter })),
      ).toEqual([STAGE_GATE_VIOLATION.deciderRequested]);
    }
    expect(
      stageGateDeciderViolations({ requestedById: "x", deciderId: "x", deciderLetter: null })[0]?.message,
    ).toMatch(/^You requested this stage gate, so another executive decides it/);
  });

  it("refuses the project's Responsible", () => {
    expect(codes(decider("r", "R"))).toEqual([STAGE_GATE_VIOLATION.deciderResponsible]);
    expect(decider("r", "R")[0]?.message).toMatch(/^You are this project's Responsible/);
    expect(mayDecideStageGate({ requestedById: "pmo", deciderId: "r", deciderLetter: "R" })).toBe(false);
  });

  it("lets anyone else decide, the Accountable included", () => {
    for (const letter of [null, "A", "C", "I"] as const) expect(decider("exec", letter)).toEqual([]);
    expect(mayDecideStageGate({ requestedById: "pmo", deciderId: "a", deciderLetter: "A" })).toBe(true);
  });
});

describe("deciding and withdrawing a stage gate (GATE-3)", () => {
  const pending = { status: "REQUESTED" as const, fromStage: "APPROVED" as const, toStage: "PILOT" as const };
  const decide = (overrides: Partial<Parameters<typeof stageGateDecisionViolations>[0]> = {}) =>
    stageGateDecisionViolations({
      request: pending,
      decision: "APPROVED",
      reason: "",
      facts: facts(),
      ...overrides,
    });

  it("approves a request the project still passes, with or without a reason", () => {
    expect(decide()).toEqual([]);
    expect(decide({ reason: "Evidence reviewed at the board" })).toEqual([]);
  });

  it("refuses an approval once the project has moved, or when gaps opened while it waited", () => {
    const moved = decide({ facts: facts({ stage: "ON_HOLD", heldFrom: "APPROVED" }) });
    expect(codes(moved)).toEqual([STAGE_GATE_VIOLATION.stageMoved]);
    expect(moved[0]?.message).toBe(
      "The project is now On hold, not Approved as when this was requested: reject this request",
    );
    expect(codes(decide({ facts: facts({ raci: [team[0] as RaciEntry] }) }))).toEqual([
      "RACI_NO_RESPONSIBLE",
    ]);
  });

  it("rejects with a reason whatever the project's state", () => {
    const reason = "The business case needs a costed staffing plan";
    expect(
      decide({ decision: "REJECTED", reason, facts: facts({ stage: "CANCELLED", alignmentCount: 0 }) }),
    ).toEqual([]);
    expect(decide({ decision: "REJECTED", reason: "" })).toEqual([
      { code: "REASON_REQUIRED", field: "reason", message: "Give a reason for rejecting the stage gate" },
    ]);
  });

  it("decides a request only once", () => {
    for (const status of ["APPROVED", "REJECTED", "WITHDRAWN"] as StageGateStatus[]) {
      const violations = decide({
        request: { ...pending, status },
        decision: "REJECTED",
        reason: "Too late now, sorry",
      });
      expect(codes(violations)).toEqual([STAGE_GATE_VIOLATION.notPending]);
      expect(violations[0]?.message).toBe(
        `This request was already ${status.toLowerCase()}: it no longer waits for a decision`,
      );
      expect(codes(stageGateWithdrawalViolations({ status }))).toEqual([STAGE_GATE_VIOLATION.notPending]);
    }
    expect(stageGateWithdrawalViolations({ status: "REQUESTED" })).toEqual([]);
  });
});
