import { describe, expect, it } from "vitest";
import {
  computeRebaselineTolerance,
  directScopeChangeViolations,
  isScopeGoverned,
  type MilestoneBaseline,
  type ProjectBaseline,
  type RebaselineRecord,
  type RebaselineTolerance,
  rebaselineDeciderViolations,
  rebaselineDecisionViolations,
  rebaselineRequestViolations,
  scopeChangeRequestViolations,
  TOLERANCE_BREACH as T,
  type ToleranceRequest,
  REBASELINE_VIOLATION as V,
} from "@/lib/domain/rebaselines";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const REASON = "Supplier delivery slipped by six weeks";

const project: ProjectBaseline = {
  stage: "PILOT",
  startDate: day("2025-06-01"),
  baselineEndDate: day("2026-12-31"),
  baselineBudget: "250000.00",
};
const milestone: MilestoneBaseline = {
  title: "Go-live ward 7",
  status: "IN_PROGRESS",
  baselineDate: day("2026-03-01"),
};

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("rebaselineRequestViolations", () => {
  it("accepts a new end date, a new budget, a milestone date, or several together", () => {
    expect(
      rebaselineRequestViolations({ project, proposedEndDate: day("2027-03-31"), reason: REASON }),
    ).toEqual([]);
    expect(rebaselineRequestViolations({ project, proposedBudget: "275000", reason: REASON })).toEqual([]);
    expect(rebaselineRequestViolations({ project, proposedBudget: "0", reason: REASON })).toEqual([]);
    expect(
      rebaselineRequestViolations({
        project,
        milestone,
        proposedMilestoneDate: day("2026-04-01"),
        reason: REASON,
      }),
    ).toEqual([]);
    expect(
      rebaselineRequestViolations({
        project,
        milestone,
        proposedEndDate: day("2027-01-31"),
        proposedBudget: "260000.00",
        proposedMilestoneDate: day("2026-04-01"),
        reason: REASON,
      }),
    ).toEqual([]);
  });

  it("refuses a request that moves nothing", () => {
    const violations = rebaselineRequestViolations({ project, reason: REASON });
    expect(violations).toEqual([
      expect.objectContaining({ code: V.nothingProposed, field: "proposedEndDate" }),
    ]);
  });

  it("refuses values equal to the current baseline, naming each field", () => {
    const violations = rebaselineRequestViolations({
      project,
      milestone,
      proposedEndDate: day("2026-12-31"),
      proposedBudget: "250000",
      proposedMilestoneDate: day("2026-03-01"),
      reason: REASON,
    });
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      [V.endDateUnchanged, "proposedEndDate"],
      [V.budgetUnchanged, "proposedBudget"],
      [V.milestoneDateUnchanged, "proposedMilestoneDate"],
    ]);
    expect(violations[1]?.message).toContain("£250,000.00");
  });

  it("refuses an end date on or before the project's start", () => {
    expect(
      codes(rebaselineRequestViolations({ project, proposedEndDate: day("2025-06-01"), reason: REASON })),
    ).toEqual([V.endDateBeforeStart]);
  });

  it("needs a milestone for a milestone date, and a date for a milestone", () => {
    expect(
      rebaselineRequestViolations({ project, proposedMilestoneDate: day("2026-04-01"), reason: REASON }).map(
        (v) => v.field,
      ),
    ).toEqual(["milestoneId"]);
    expect(codes(rebaselineRequestViolations({ project, milestone, reason: REASON }))).toEqual([
      V.milestoneWithoutDate,
    ]);
  });

  it("refuses to move a finished milestone or anything on a closed project", () => {
    expect(
      codes(
        rebaselineRequestViolations({
          project,
          milestone: { ...milestone, status: "DONE" },
          proposedMilestoneDate: day("2026-04-01"),
          reason: REASON,
        }),
      ),
    ).toEqual([V.milestoneFinished]);
    expect(
      codes(
        rebaselineRequestViolations({
          project: { ...project, stage: "CLOSED" },
          proposedEndDate: day("2027-01-31"),
          reason: REASON,
        }),
      ),
    ).toEqual([V.projectFinal]);
  });

  it("needs a reason that explains something", () => {
    const empty = rebaselineRequestViolations({ project, proposedBudget: "300000", reason: "  " });
    expect(empty).toEqual([expect.objectContaining({ code: "REASON_REQUIRED", field: "reason" })]);
    const vague = rebaselineRequestViolations({ project, proposedBudget: "300000", reason: "as discussed" });
    expect(codes(vague)).toEqual(["REASON_NOT_MEANINGFUL"]);
  });
});

// docs/governance-rules.md REB-2
describe("rebaselineDeciderViolations", () => {
  const within: RebaselineTolerance = { within: true, breaches: [] };
  const beyond: RebaselineTolerance = {
    within: false,
    breaches: [{ code: T.endDate, message: "end date 45 days later; tolerance 30 days" }],
  };
  const decide = (
    decider: { id?: string; role: "EXECUTIVE" | "PROJECT_MANAGER"; letter: "R" | "A" | null },
    tolerance: RebaselineTolerance,
    decision: "APPROVED" | "REJECTED" = "APPROVED",
  ) =>
    rebaselineDeciderViolations({
      decision,
      requestedById: "requester",
      decider: { id: decider.id ?? "decider", role: decider.role, letter: decider.letter },
      tolerance,
    });

  it("never lets the requester decide, and names who does", () => {
    for (const decision of ["APPROVED", "REJECTED"] as const) {
      const own = decide({ id: "requester", role: "EXECUTIVE", letter: "A" }, within, decision);
      expect(codes(own)).toEqual([V.ownRequest]);
      expect(own[0]?.message).toMatch(
        /You requested this rebaseline.*the project's Accountable or an executive/,
      );
    }
    expect(decide({ id: "requester", role: "EXECUTIVE", letter: null }, beyond)[0]?.message).toMatch(
      /an executive who is not the project's Responsible/,
    );
  });

  it("within tolerance lets the Accountable or an executive approve", () => {
    expect(decide({ role: "PROJECT_MANAGER", letter: "A" }, within)).toEqual([]);
    expect(decide({ role: "EXECUTIVE", letter: null }, within)).toEqual([]);
  });

  it("beyond tolerance refuses an Accountable who is not an executive, saying which threshold and who decides", () => {
    const refused = decide({ role: "PROJECT_MANAGER", letter: "A" }, beyond);
    expect(refused).toEqual([
      {
        code: V.beyondTolerance,
        message: "Beyond tolerance (end date 45 days later; tolerance 30 days): an executive decides this",
      },
    ]);
  });

  it("beyond tolerance refuses an executive who is the project's R, and lets any other executive approve", () => {
    expect(codes(decide({ role: "EXECUTIVE", letter: "R" }, beyond))).toEqual([V.beyondToleranceResponsible]);
    expect(decide({ role: "EXECUTIVE", letter: "A" }, beyond)).toEqual([]);
    expect(decide({ role: "EXECUTIVE", letter: null }, beyond)).toEqual([]);
  });

  it("lets anyone allowed to decide reject, even beyond tolerance", () => {
    expect(decide({ role: "PROJECT_MANAGER", letter: "A" }, beyond, "REJECTED")).toEqual([]);
    expect(decide({ role: "EXECUTIVE", letter: "R" }, beyond, "REJECTED")).toEqual([]);
  });
});

// docs/governance-rules.md REB-3 and REB-6
describe("computeRebaselineTolerance", () => {
  const settings = { rebaselineToleranceDays: 30, rebaselineTolerancePercent: 5 };
  const none: ToleranceRequest = { proposedEndDate: null, proposedBudget: null, proposedMilestoneDate: null };
  const judge = (
    request: Partial<ToleranceRequest>,
    extra: Partial<Parameters<typeof computeRebaselineTolerance>[0]> = {},
  ) =>
    computeRebaselineTolerance({ request: { ...none, ...request }, project, milestone, settings, ...extra });

  it("is within at exactly the thresholds, and for earlier dates and lower budgets", () => {
    expect(judge({ proposedEndDate: day("2027-01-30") })).toEqual({ within: true, breaches: [] }); // +30
    expect(judge({ proposedBudget: "262500.00" }).within).toBe(true); // +5%
    expect(judge({ proposedMilestoneDate: day("2026-03-31") }).within).toBe(true); // +30
    expect(
      judge({
        proposedEndDate: day("2026-01-31"),
        proposedBudget: "1.00",
        proposedMilestoneDate: day("2025-07-01"),
      }),
    ).toEqual({ within: true, breaches: [] });
  });

  it("names each threshold passed: end date, budget and milestone baseline", () => {
    const result = judge({
      proposedEndDate: day("2027-01-31"),
      proposedBudget: "262500.01",
      proposedMilestoneDate: day("2026-04-15"),
    });
    expect(result.within).toBe(false);
    expect(result.breaches).toEqual([
      { code: T.endDate, message: "end date 31 days later; tolerance 30 days" },
      {
        code: T.budget,
        message: "budget 5% higher (£250,000.00 to £262,500.01); tolerance 5%",
      },
      { code: T.milestoneDate, message: "baseline of “Go-live ward 7” 45 days later; tolerance 30 days" },
    ]);
    expect(judge({ proposedBudget: "280000.00" }).breaches[0]?.message).toBe(
      "budget 12% higher (£250,000.00 to £280,000.00); tolerance 5%",
    );
  });

  it("judges against the settings given (those in force when deciding)", () => {
    const request = { proposedEndDate: day("2027-01-14") }; // +14
    expect(judge(request).within).toBe(true);
    expect(
      judge(request, { settings: { rebaselineToleranceDays: 7, rebaselineTolerancePercent: 0 } }).breaches,
    ).toEqual([{ code: T.endDate, message: "end date 14 days later; tolerance 7 days" }]);
    expect(
      judge(
        { proposedBudget: "250000.01" },
        { settings: { rebaselineToleranceDays: 0, rebaselineTolerancePercent: 0 } },
      ).within,
    ).toBe(false);
    expect(DEFAULT_SETTINGS).toMatchObject(settings);
  });

  it("treats any rise from a zero budget as beyond", () => {
    const result = judge({ proposedBudget: "10.00" }, { project: { ...project, baselineBudget: "0.00" } });
    expect(result.breaches).toEqual([
      { code: T.budget, message: "budget raised from £0.00 to £10.00; tolerance 5%" },
    ]);
  });

  it("an added milestone is beyond when it lands more than N days after the project's baseline end", () => {
    const add = (date: string) => ({
      kind: "ADD_MILESTONE" as const,
      proposedMilestoneTitle: "Evaluation report",
      proposedMilestoneDate: day(date),
    });
    expect(judge(add("2027-01-30"), { milestone: null })).toEqual({ within: true, breaches: [] });
    expect(judge(add("2027-02-14"), { milestone: null }).breaches).toEqual([
      {
        code: T.addedAfterEnd,
        message: "“Evaluation report” lands 45 days after the project's baseline end; tolerance 30 days",
      },
    ]);
  });

  it("an added milestone that re-creates a not-done one more than N days later is beyond, like a baseline move", () => {
    const request = {
      kind: "ADD_MILESTONE" as const,
      proposedMilestoneTitle: " go-live  WARD 7 ",
      proposedMilestoneDate: day("2026-05-01"),
    };
    const existing = (status: "CANCELLED" | "NOT_STARTED" | "DONE") => [
      { title: "Go-live ward 7", status, baselineDate: day("2026-03-01") },
      { title: "Training", status: "CANCELLED" as const, baselineDate: day("2026-01-01") },
    ];
    for (const status of ["CANCELLED", "NOT_STARTED"] as const) {
      const result = judge(request, { milestone: null, existingMilestones: existing(status) });
      expect(codes(result.breaches)).toEqual([T.recreatedLater]);
      expect(result.breaches[0]?.message).toMatch(/re-creates “Go-live ward 7” 61 days after its baseline/);
    }
    // A done milestone is history: doing it again is new scope, not a moved baseline.
    expect(judge(request, { milestone: null, existingMilestones: existing("DONE") }).within).toBe(true);
    expect(
      judge(
        { ...request, proposedMilestoneDate: day("2026-03-20") },
        { milestone: null, existingMilestones: existing("CANCELLED") },
      ).within,
    ).toBe(true);
  });

  it("cancelling a gate milestone is always beyond; cancelling any other is within", () => {
    const cancel = { kind: "CANCEL_MILESTONE" as const };
    expect(judge(cancel)).toEqual({ within: true, breaches: [] });
    expect(judge(cancel, { milestone: { ...milestone, isGate: true } }).breaches).toEqual([
      { code: T.gateCancelled, message: "cancels the gate milestone “Go-live ward 7”, a go/no-go decision" },
    ]);
  });
});

// docs/governance-rules.md REB-4
describe("isScopeGoverned and directScopeChangeViolations", () => {
  it("leaves a proposed project, or one held while proposed, to plan freely", () => {
    expect(isScopeGoverned({ stage: "PROPOSED", heldFromStage: null })).toBe(false);
    expect(isScopeGoverned({ stage: "ON_HOLD", heldFromStage: "PROPOSED" })).toBe(false);
    expect(directScopeChangeViolations({ stage: "PROPOSED", heldFromStage: null }, "ADD_MILESTONE")).toEqual(
      [],
    );
  });

  it("governs an approved, pilot or rollout project, or one held from those, pointing to the scope change request", () => {
    for (const stage of ["APPROVED", "PILOT", "ROLLOUT"] as const) {
      expect(isScopeGoverned({ stage, heldFromStage: null })).toBe(true);
      expect(isScopeGoverned({ stage: "ON_HOLD", heldFromStage: stage })).toBe(true);
    }
    const refused = directScopeChangeViolations(
      { stage: "ON_HOLD", heldFromStage: "PILOT" },
      "CANCEL_MILESTONE",
    );
    expect(codes(refused)).toEqual([V.scopeGoverned]);
    expect(refused[0]?.message).toBe(
      "The project is on hold (held from pilot), so its plan is approved and cancelling a milestone changes its scope: raise a scope change request instead, for the project's Accountable or an executive to decide",
    );
  });

  it("leaves closed and cancelled projects to the closed-project rule", () => {
    expect(isScopeGoverned({ stage: "CLOSED", heldFromStage: null })).toBe(false);
  });
});

// docs/governance-rules.md REB-5
describe("scopeChangeRequestViolations", () => {
  const live = { ...project, heldFromStage: null };

  it("accepts adding a milestone or cancelling an open one on an approved plan, with a reason", () => {
    expect(
      scopeChangeRequestViolations({
        project: live,
        kind: "ADD_MILESTONE",
        proposedMilestoneDate: day("2026-06-01"),
        reason: REASON,
      }),
    ).toEqual([]);
    expect(
      scopeChangeRequestViolations({ project: live, kind: "CANCEL_MILESTONE", milestone, reason: REASON }),
    ).toEqual([]);
  });

  it("refuses on a proposed plan (plan it directly) and on a closed project", () => {
    const proposed = scopeChangeRequestViolations({
      project: { ...live, stage: "PROPOSED" },
      kind: "ADD_MILESTONE",
      proposedMilestoneDate: day("2026-06-01"),
      reason: REASON,
    });
    expect(codes(proposed)).toEqual([V.scopeNotGoverned]);
    expect(proposed[0]?.message).toMatch(/add the milestone directly/);
    expect(
      codes(
        scopeChangeRequestViolations({
          project: { ...live, stage: "CLOSED" },
          kind: "CANCEL_MILESTONE",
          milestone,
          reason: REASON,
        }),
      ),
    ).toEqual([V.projectFinal]);
  });

  it("refuses a milestone before the project's start, a finished milestone, and no reason, field by field", () => {
    expect(
      scopeChangeRequestViolations({
        project: live,
        kind: "ADD_MILESTONE",
        proposedMilestoneDate: day("2025-05-31"),
        reason: "",
      }).map((v) => [v.code, v.field]),
    ).toEqual([
      [V.milestoneBeforeStart, "proposedMilestoneDate"],
      ["REASON_REQUIRED", "reason"],
    ]);
    expect(
      scopeChangeRequestViolations({
        project: live,
        kind: "CANCEL_MILESTONE",
        milestone: { ...milestone, status: "DONE" },
        reason: REASON,
      }).map((v) => [v.code, v.field]),
    ).toEqual([[V.milestoneFinished, "milestoneId"]]);
    expect(
      scopeChangeRequestViolations({ project: live, kind: "CANCEL_MILESTONE", reason: REASON }).map(
        (v) => v.field,
      ),
    ).toEqual(["milestoneId"]);
  });
});

describe("rebaselineDecisionViolations", () => {
  const request: RebaselineRecord = {
    status: "REQUESTED",
    previousEndDate: day("2026-12-31"),
    proposedEndDate: day("2027-03-31"),
    previousBudget: "250000.00",
    proposedBudget: "280000.00",
    previousMilestoneDate: null,
    proposedMilestoneDate: null,
  };

  it("approves a pending request whose baseline has not moved", () => {
    expect(rebaselineDecisionViolations({ request, decision: "APPROVED", reason: "", project })).toEqual([]);
  });

  it("decides only pending requests", () => {
    for (const status of ["APPROVED", "REJECTED"] as const) {
      expect(
        codes(
          rebaselineDecisionViolations({
            request: { ...request, status },
            decision: "REJECTED",
            reason: REASON,
            project,
          }),
        ),
      ).toEqual([V.notPending]);
    }
  });

  it("needs a reason to reject", () => {
    expect(
      rebaselineDecisionViolations({ request, decision: "REJECTED", reason: "", project }).map(
        (v) => v.field,
      ),
    ).toEqual(["reason"]);
    expect(
      rebaselineDecisionViolations({
        request,
        decision: "REJECTED",
        reason: "Benefits case does not hold up",
        project,
      }),
    ).toEqual([]);
  });

  it("refuses to approve over a baseline that has moved since the request, saying how", () => {
    const violations = rebaselineDecisionViolations({
      request,
      decision: "APPROVED",
      reason: "",
      project: { ...project, baselineEndDate: day("2027-01-31"), baselineBudget: "260000" },
    });
    expect(codes(violations)).toEqual([V.baselineMoved]);
    expect(violations[0]?.message).toMatch(/end date was .* budget was £250,000.00 and is now £260,000.00/);
    // Rejecting it is still possible: that is the way out.
    expect(
      rebaselineDecisionViolations({
        request,
        decision: "REJECTED",
        reason: "Overtaken by the January rebaseline",
        project: { ...project, baselineEndDate: day("2027-01-31") },
      }),
    ).toEqual([]);
  });

  it("refuses to approve a moved milestone baseline, a finished milestone or a closed project", () => {
    const milestoneRequest: RebaselineRecord = {
      ...request,
      proposedEndDate: null,
      previousEndDate: null,
      proposedBudget: null,
      previousBudget: null,
      previousMilestoneDate: day("2026-03-01"),
      proposedMilestoneDate: day("2026-04-15"),
    };
    expect(
      codes(
        rebaselineDecisionViolations({
          request: milestoneRequest,
          decision: "APPROVED",
          reason: "",
          project,
          milestone: { ...milestone, baselineDate: day("2026-03-20") },
        }),
      ),
    ).toEqual([V.baselineMoved]);
    expect(
      codes(
        rebaselineDecisionViolations({
          request: milestoneRequest,
          decision: "APPROVED",
          reason: "",
          project: { ...project, stage: "CANCELLED" },
          milestone: { ...milestone, status: "CANCELLED" },
        }),
      ),
    ).toEqual([V.projectFinal, V.milestoneFinished]);
  });

  it("refuses to approve a scope change cancelling a milestone that is already done or cancelled", () => {
    const cancel: RebaselineRecord = {
      kind: "CANCEL_MILESTONE",
      status: "REQUESTED",
      previousEndDate: null,
      proposedEndDate: null,
      previousBudget: null,
      proposedBudget: null,
      previousMilestoneDate: day("2026-03-01"),
      proposedMilestoneDate: null,
    };
    expect(
      rebaselineDecisionViolations({ request: cancel, decision: "APPROVED", reason: "", project, milestone }),
    ).toEqual([]);
    expect(
      codes(
        rebaselineDecisionViolations({
          request: cancel,
          decision: "APPROVED",
          reason: "",
          project,
          milestone: { ...milestone, status: "CANCELLED" },
        }),
      ),
    ).toEqual([V.milestoneFinished]);
  });
});
