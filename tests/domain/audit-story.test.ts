import { describe, expect, it } from "vitest";
import { type AuditNames, describeAuditEvent, referencedIds } from "@/lib/domain/audit-story";

const names: AuditNames = {
  user: (id) => ({ u1: "Priya Shah", u2: "Paul Hughes" })[id],
  milestone: (id) => ({ m1: "Go live" })[id],
  metric: (id) => ({ k1: "Handovers over 60 minutes" })[id],
};

const event = (action: string, before: unknown, after: unknown, entityType = "Milestone") =>
  describeAuditEvent({ action, entityType, actorName: "Priya Shah", before, after }, names);

describe("describeAuditEvent", () => {
  it("tells a forecast move with its dates and reason", () => {
    expect(
      event(
        "milestone.change_forecast",
        { title: "Go live", forecastDate: "2027-03-03T00:00:00.000Z" },
        { title: "Go live", forecastDate: "2027-03-17T00:00:00.000Z", reason: "supplier delay" },
      ),
    ).toBe("Priya Shah moved the forecast of “Go live” from 3 Mar 2027 to 17 Mar 2027: supplier delay");
  });

  it("says when a forecast move carries the project's forecast end with it", () => {
    expect(
      event(
        "milestone.change_forecast",
        { title: "Go live", forecastDate: "2027-03-03", projectForecastEndDate: "2027-03-10" },
        {
          title: "Go live",
          forecastDate: "2027-03-17",
          reason: "supplier delay",
          projectForecastEndDate: "2027-03-17",
        },
      ),
    ).toContain("(the project's forecast end moved to 17 Mar 2027)");
  });

  it("tells rebaseline requests and decisions with what moves", () => {
    const request = {
      kind: "BASELINE",
      previousEndDate: "2027-07-01T00:00:00.000Z",
      proposedEndDate: "2027-08-15T00:00:00.000Z",
      previousBudget: "210000",
      proposedBudget: "230000.5",
      reason: "Second cohort area needed",
    };
    expect(event("rebaseline.request", undefined, request, "Rebaseline")).toBe(
      "Priya Shah asked to move the end date from 1 Jul 2027 to 15 Aug 2027, and the budget from £210,000.00 to £230,000.50: Second cohort area needed",
    );
    expect(
      event(
        "rebaseline.approve",
        request,
        { ...request, status: "APPROVED", decisionReason: "Funded from winter monies" },
        "Rebaseline",
      ),
    ).toBe(
      "Priya Shah approved the rebaseline to move the end date from 1 Jul 2027 to 15 Aug 2027, and the budget from £210,000.00 to £230,000.50: Funded from winter monies",
    );
    expect(
      event("rebaseline.request", undefined, {
        kind: "CANCEL_MILESTONE",
        milestoneId: "m1",
        reason: "Not needed now that X",
      }),
    ).toBe("Priya Shah asked to cancel the milestone “Go live”: Not needed now that X");
    expect(
      event(
        "rebaseline.reject",
        {},
        {
          kind: "ADD_MILESTONE",
          proposedMilestoneTitle: "Training",
          proposedMilestoneDate: "2027-01-04",
          decisionReason: "Part of go live",
        },
      ),
    ).toBe(
      "Priya Shah rejected the scope change to add the milestone “Training” with a baseline of 4 Jan 2027: Part of go live",
    );
  });

  it("tells stage moves, gates and the team in words", () => {
    expect(
      event(
        "project.change_stage",
        { stage: "PILOT" },
        { stage: "ON_HOLD", reason: "Staffing review" },
        "Project",
      ),
    ).toBe("Priya Shah moved the project from Pilot to On hold: Staffing review");
    expect(
      event("stage_gate.request", undefined, {
        fromStage: "PILOT",
        toStage: "ROLLOUT",
        reason: "Pilot met its targets",
      }),
    ).toBe("Priya Shah asked for the Rollout gate (from Pilot): Pilot met its targets");
    expect(
      event("raci.assign", undefined, { userId: "u2", letter: "C", projectId: "p" }, "RaciAssignment"),
    ).toBe("Priya Shah made Paul Hughes Consulted");
    expect(
      event("raci.assign", { userId: "u2", letter: "C" }, { userId: "u2", letter: "R" }, "RaciAssignment"),
    ).toBe("Priya Shah changed Paul Hughes from Consulted to Responsible");
    expect(
      event(
        "raci.hand_over_accountable",
        { accountableUserId: "u1" },
        { accountableUserId: "u2" },
        "Project",
      ),
    ).toBe("Priya Shah handed the Accountable from Priya Shah to Paul Hughes");
  });

  it("names metrics, money and feedback", () => {
    expect(
      event(
        "metric_value.record",
        undefined,
        { metricId: "k1", value: 42, periodStart: "2026-11-02" },
        "MetricValue",
      ),
    ).toBe("Priya Shah recorded 42 for “Handovers over 60 minutes” (period from 2 Nov 2026)");
    expect(
      event("cost_entry.record", undefined, { amount: "1250.5", description: "Agency nurse" }, "CostEntry"),
    ).toBe("Priya Shah recorded a cost of £1,250.50 for Agency nurse");
    expect(event("feedback.log", undefined, { kind: "SAFETY", severity: "HIGH" }, "Feedback")).toBe(
      "Priya Shah logged high safety feedback",
    );
  });

  it("falls back to a plain sentence for an action it does not know, and never throws on odd snapshots", () => {
    expect(event("risk.escalate", null, "not an object", "Risk")).toBe("Priya Shah: escalate on a risk");
    expect(event("milestone.change_forecast", null, null)).toBe(
      "Priya Shah moved the forecast of a milestone from its forecast to a new date",
    );
    expect(
      describeAuditEvent(
        { action: "x.y", entityType: "Thing", actorName: null, before: null, after: null },
        names,
      ),
    ).toBe("Throughline: y on Thing");
  });
});

describe("referencedIds", () => {
  it("lists the people, milestones and metrics an event names", () => {
    expect(
      referencedIds({
        before: { accountableUserId: "u1" },
        after: { userId: "u2", milestoneId: "m1", metricId: "k1" },
      }),
    ).toEqual({ users: ["u1", "u2"], milestones: ["m1"], metrics: ["k1"] });
  });
});
