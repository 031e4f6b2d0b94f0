import { describe, expect, it } from "vitest";
import {
  type MilestoneBaseline,
  mayDecideRebaseline,
  type ProjectBaseline,
  type RebaselineRecord,
  rebaselineDecisionViolations,
  rebaselineRequestViolations,
  REBASELINE_VIOLATION as V,
} from "@/lib/domain/rebaselines";

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

describe("mayDecideRebaseline", () => {
  it("refuses the requester and accepts anyone else", () => {
    expect(mayDecideRebaseline({ requestedById: "u1", deciderId: "u1" })).toBe(false);
    expect(mayDecideRebaseline({ requestedById: "u1", deciderId: "u2" })).toBe(true);
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
});
