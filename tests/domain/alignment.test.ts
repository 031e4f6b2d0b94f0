import { describe, expect, it } from "vitest";
import type { ProjectStage } from "@/generated/prisma/enums";
import {
  ACTIVE_PROJECT_STAGES,
  type AlignmentMetricFacts,
  type AlignmentMilestoneFacts,
  computeObjectiveCoverage,
  computeProjectAlignment,
  isLiveProject,
  isProposal,
  type ProjectAlignmentFacts,
} from "@/lib/domain/alignment";
import { type RaciEntry, raciGaps } from "@/lib/domain/raci";
import { readinessGaps } from "@/lib/domain/stage-gates";

/** A calendar date as Prisma returns a `@db.Date` column. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

const TODAY = d("2025-04-15");

const wardsLive: AlignmentMetricFacts = {
  id: "m-wards",
  name: "ePMA wards live",
  cadence: "MONTHLY",
  baselineValue: 4,
  targetValue: 38,
  valuesExpectedFrom: d("2025-01-01"),
  lastValuePeriodStart: d("2025-03-01"),
};

const goLive: AlignmentMilestoneFacts = {
  id: "ms-golive",
  title: "Go-live on pilot ward",
  health: "ON_TRACK",
  forecastDate: d("2025-06-30"),
};

/** A project that meets every rule: each test breaks one thing. */
function aligned(overrides: Partial<ProjectAlignmentFacts> = {}): ProjectAlignmentFacts {
  return {
    stage: "PILOT",
    alignments: [{ objectiveId: "so-03", contribution: "PRIMARY" }],
    governanceGaps: [],
    metrics: [wardsLive],
    milestones: [goLive],
    overdueFeedbackCount: 0,
    ...overrides,
  };
}

function gapCodes(facts: ProjectAlignmentFacts, today = TODAY): string[] {
  return computeProjectAlignment(facts, today).gaps.map((gap) => gap.code);
}

const NO_ACCOUNTABLE = {
  code: "RACI_NO_ACCOUNTABLE",
  message: "No Accountable: assign exactly one active person as A",
};
const NO_RESPONSIBLE = {
  code: "RACI_NO_RESPONSIBLE",
  message: "No Responsible: assign at least one person as R",
};
const NO_CHAMPION = {
  code: "NO_CLINICAL_CHAMPION",
  message: "No clinical champion: assign a CLINICAL user as R or C",
};

describe("computeProjectAlignment: a fully aligned project", () => {
  it("has no gaps and scores 100", () => {
    expect(computeProjectAlignment(aligned(), TODAY)).toEqual({
      gaps: [],
      score: 100,
      fullyAligned: true,
      deliveryWithoutVision: false,
      pointsLost: { STRATEGY: 0, ACCOUNTABILITY: 0, MEASUREMENT: 0, GOVERNANCE: 0, SCHEDULE: 0, FEEDBACK: 0 },
    });
  });

  it("is not a gap to be at risk or due soon: those are health, not broken rules", () => {
    const milestones: AlignmentMilestoneFacts[] = [
      { ...goLive, health: "AT_RISK" },
      { ...goLive, id: "b", health: "DUE_SOON" },
      { ...goLive, id: "c", health: "DONE_LATE" },
      { ...goLive, id: "d", health: "CANCELLED" },
    ];
    expect(computeProjectAlignment(aligned({ milestones }), TODAY).score).toBe(100);
  });
});

describe("computeProjectAlignment: delivery without vision", () => {
  it("scores at most 40 with no objective, however well it is run", () => {
    const result = computeProjectAlignment(aligned({ alignments: [] }), TODAY);
    expect(result.deliveryWithoutVision).toBe(true);
    expect(result.fullyAligned).toBe(false);
    expect(result.score).toBe(40);
    expect(result.gaps).toEqual([
      {
        code: "DELIVERY_WITHOUT_VISION",
        message:
          "Delivery without vision: not aligned to any strategic objective; link it to the objective it serves",
        category: "STRATEGY",
        penalty: 60,
      },
    ]);
  });

  it("reaches 0 when nothing else is right either", () => {
    const result = computeProjectAlignment(
      aligned({
        alignments: [],
        governanceGaps: [
          NO_ACCOUNTABLE,
          NO_RESPONSIBLE,
          NO_CHAMPION,
          { code: "PILOT_REQUIRED", message: "Pilot first" },
        ],
        metrics: [],
        milestones: [{ ...goLive, health: "OVERDUE", forecastDate: d("2025-04-01") }],
        overdueFeedbackCount: 1,
        overdueSafetyFeedbackCount: 1,
      }),
      TODAY,
    );
    expect(result.score).toBe(0);
  });

  it("reports it once when the stage-gate module also reports NOT_ALIGNED", () => {
    const result = computeProjectAlignment(
      aligned({ alignments: [], governanceGaps: [{ code: "NOT_ALIGNED", message: "Not aligned" }] }),
      TODAY,
    );
    expect(result.gaps.map((gap) => gap.code)).toEqual(["DELIVERY_WITHOUT_VISION"]);
    expect(result.score).toBe(40);
  });

  it("counts a supporting alignment as aligned", () => {
    expect(
      computeProjectAlignment(
        aligned({ alignments: [{ objectiveId: "so-01", contribution: "SUPPORTING" }] }),
        TODAY,
      ).deliveryWithoutVision,
    ).toBe(false);
  });
});

describe("computeProjectAlignment: RACI and stage-gate gaps passed in", () => {
  it("passes RACI gaps through unchanged, as accountability gaps", () => {
    const result = computeProjectAlignment(aligned({ governanceGaps: [NO_ACCOUNTABLE] }), TODAY);
    expect(result.gaps).toEqual([{ ...NO_ACCOUNTABLE, category: "ACCOUNTABILITY", penalty: 15 }]);
    expect(result.score).toBe(85);
  });

  it("counts a missing clinical champion as accountability", () => {
    const result = computeProjectAlignment(aligned({ governanceGaps: [NO_CHAMPION] }), TODAY);
    expect(result.gaps[0]?.category).toBe("ACCOUNTABILITY");
    expect(result.score).toBe(85);
  });

  it("caps accountability at 30 points", () => {
    const result = computeProjectAlignment(
      aligned({ governanceGaps: [NO_ACCOUNTABLE, NO_RESPONSIBLE, NO_CHAMPION] }),
      TODAY,
    );
    expect(result.gaps).toHaveLength(3);
    expect(result.pointsLost.ACCOUNTABILITY).toBe(30);
    expect(result.score).toBe(70);
  });

  it("counts a gap once when the caller passes both raciGaps and readinessGaps", () => {
    const result = computeProjectAlignment(
      aligned({ governanceGaps: [NO_ACCOUNTABLE, NO_ACCOUNTABLE] }),
      TODAY,
    );
    expect(result.gaps).toHaveLength(1);
  });

  it("keeps two gaps with one code but different messages (two people, say)", () => {
    const result = computeProjectAlignment(
      aligned({
        governanceGaps: [
          { code: "RACI_DUPLICATE_PERSON", message: "Ann holds more than one letter" },
          { code: "RACI_DUPLICATE_PERSON", message: "Bob holds more than one letter" },
        ],
      }),
      TODAY,
    );
    expect(result.gaps).toHaveLength(2);
  });

  it("treats any other gap as governance, 10 points each, capped at 20", () => {
    const other = (n: number) => ({ code: `OTHER_${n}`, message: `Other ${n}` });
    const one = computeProjectAlignment(aligned({ governanceGaps: [other(1)] }), TODAY);
    expect(one.gaps[0]).toMatchObject({ category: "GOVERNANCE", penalty: 10 });
    expect(one.score).toBe(90);
    expect(
      computeProjectAlignment(aligned({ governanceGaps: [other(1), other(2), other(3)] }), TODAY).score,
    ).toBe(80);
  });
});

describe("computeProjectAlignment: measurement", () => {
  it("needs a metric with a baseline and a target (rule 1)", () => {
    const result = computeProjectAlignment(
      aligned({ metrics: [{ ...wardsLive, targetValue: null }] }),
      TODAY,
    );
    expect(result.gaps).toEqual([
      {
        code: "NO_MEASURED_METRIC",
        message:
          "No metric with a baseline and a target: set both on a metric that will show whether the project worked",
        category: "MEASUREMENT",
        penalty: 20,
      },
    ]);
    expect(result.score).toBe(80);
  });

  it("says so differently when there is no metric at all, and drops the stage-gate duplicate", () => {
    const result = computeProjectAlignment(
      aligned({ metrics: [], governanceGaps: [{ code: "NO_MEASURABLE_METRIC", message: "No metric" }] }),
      TODAY,
    );
    expect(result.gaps.map((gap) => gap.message)).toEqual([
      "No metric: add one with a baseline and a target that will show whether the project worked",
    ]);
  });

  it("does not count an inactive metric, nor expect values from it", () => {
    const result = computeProjectAlignment(
      aligned({ metrics: [{ ...wardsLive, active: false, lastValuePeriodStart: null }] }),
      TODAY,
    );
    expect(result.gaps.map((gap) => gap.code)).toEqual(["NO_MEASURED_METRIC"]);
  });

  it("flags a monthly value once 10 days of grace after the month have passed", () => {
    const facts = aligned({ metrics: [{ ...wardsLive, lastValuePeriodStart: d("2025-02-01") }] });
    expect(gapCodes(facts, d("2025-04-10"))).toEqual([]);
    const result = computeProjectAlignment(facts, d("2025-04-11"));
    expect(result.gaps).toEqual([
      {
        code: "METRIC_VALUE_OVERDUE",
        message: "No value for “ePMA wards live” for the period starting Saturday 1 March 2025: record it",
        category: "MEASUREMENT",
        penalty: 5,
        subjectId: "m-wards",
      },
    ]);
    expect(result.score).toBe(95);
  });

  it("counts every missing period since the last value in one gap per metric", () => {
    const result = computeProjectAlignment(
      aligned({
        metrics: [{ ...wardsLive, valuesExpectedFrom: d("2025-01-10"), lastValuePeriodStart: null }],
      }),
      TODAY,
    );
    expect(result.gaps.map((gap) => gap.message)).toEqual([
      "“ePMA wards live” is missing 3 values, the oldest for the period starting Wednesday 1 January 2025: record them",
    ]);
  });

  it("expects nothing before valuesExpectedFrom, even after an early value", () => {
    const metric = {
      ...wardsLive,
      valuesExpectedFrom: d("2025-04-01"),
      lastValuePeriodStart: d("2025-01-01"),
    };
    expect(gapCodes(aligned({ metrics: [metric] }))).toEqual([]);
  });

  it("uses each cadence's grace, which the caller may override", () => {
    const weekly: AlignmentMetricFacts = {
      ...wardsLive,
      cadence: "WEEKLY",
      valuesExpectedFrom: d("2025-03-31"),
      lastValuePeriodStart: d("2025-03-31"),
    };
    // The week of 7 Apr ended on Sunday 13; 3 days' grace are Mon 14 to Wed 16, overdue from Thu 17
    expect(gapCodes(aligned({ metrics: [weekly] }), d("2025-04-16"))).toEqual([]);
    expect(gapCodes(aligned({ metrics: [weekly] }), d("2025-04-17"))).toEqual(["METRIC_VALUE_OVERDUE"]);
    const strict = computeProjectAlignment(aligned({ metrics: [weekly] }), TODAY, {
      overdueGraceDays: { WEEKLY: 0 },
    });
    expect(strict.gaps.map((gap) => gap.code)).toEqual(["METRIC_VALUE_OVERDUE"]);
  });

  it("caps measurement at 30 points", () => {
    const stale = (id: string): AlignmentMetricFacts => ({
      ...wardsLive,
      id,
      name: id,
      targetValue: null,
      lastValuePeriodStart: null,
    });
    const result = computeProjectAlignment(aligned({ metrics: ["a", "b", "c", "d"].map(stale) }), TODAY);
    expect(result.gaps.map((gap) => gap.code)).toEqual([
      "NO_MEASURED_METRIC",
      "METRIC_VALUE_OVERDUE",
      "METRIC_VALUE_OVERDUE",
      "METRIC_VALUE_OVERDUE",
      "METRIC_VALUE_OVERDUE",
    ]);
    expect(result.pointsLost.MEASUREMENT).toBe(30);
    expect(result.score).toBe(70);
  });
});

describe("computeProjectAlignment: schedule and feedback", () => {
  it("names each overdue milestone", () => {
    const result = computeProjectAlignment(
      aligned({
        milestones: [
          goLive,
          {
            ...goLive,
            id: "ms-train",
            title: "Staff trained",
            health: "OVERDUE",
            forecastDate: d("2025-04-14"),
          },
        ],
      }),
      TODAY,
    );
    expect(result.gaps).toEqual([
      {
        code: "MILESTONE_OVERDUE",
        message:
          "Milestone “Staff trained” is 1 day overdue (forecast Monday 14 April 2025): mark it done, or give a new forecast and the reason",
        category: "SCHEDULE",
        penalty: 5,
        subjectId: "ms-train",
      },
    ]);
    expect(result.score).toBe(95);
  });

  it("caps the schedule at 20 points", () => {
    const overdue = Array.from({ length: 6 }, (_, i) => ({
      ...goLive,
      id: `ms-${i}`,
      health: "OVERDUE" as const,
      forecastDate: d("2025-03-01"),
    }));
    const result = computeProjectAlignment(aligned({ milestones: overdue }), TODAY);
    expect(result.gaps).toHaveLength(6);
    expect(result.gaps[0]?.message).toContain("45 days overdue");
    expect(result.score).toBe(80);
  });

  it("weighs overdue safety feedback three times other feedback", () => {
    expect(
      computeProjectAlignment(aligned({ overdueFeedbackCount: 1, overdueSafetyFeedbackCount: 1 }), TODAY)
        .score,
    ).toBe(85);
    expect(computeProjectAlignment(aligned({ overdueFeedbackCount: 1 }), TODAY).score).toBe(95);
  });

  it("separates safety from other overdue feedback, and words counts properly", () => {
    const result = computeProjectAlignment(
      aligned({ overdueFeedbackCount: 3, overdueSafetyFeedbackCount: 1 }),
      TODAY,
    );
    expect(result.gaps).toEqual([
      {
        code: "SAFETY_FEEDBACK_OVERDUE",
        message:
          "1 safety concern has gone unanswered past the one-day deadline: the project's R or A must respond now",
        category: "FEEDBACK",
        penalty: 15,
      },
      {
        code: "FEEDBACK_ANSWER_OVERDUE",
        message:
          "2 pieces of feedback have gone unanswered past the five-working-day deadline: the project's R or A must respond",
        category: "FEEDBACK",
        penalty: 10,
      },
    ]);
    expect(result.score).toBe(75);
  });

  it("caps feedback at 30 points", () => {
    expect(
      computeProjectAlignment(aligned({ overdueFeedbackCount: 4, overdueSafetyFeedbackCount: 3 }), TODAY)
        .score,
    ).toBe(70);
  });

  it("refuses inconsistent counts", () => {
    expect(() =>
      computeProjectAlignment(aligned({ overdueFeedbackCount: 1, overdueSafetyFeedbackCount: 2 }), TODAY),
    ).toThrow(RangeError);
    expect(() => computeProjectAlignment(aligned({ overdueFeedbackCount: -1 }), TODAY)).toThrow(RangeError);
    expect(() => computeProjectAlignment(aligned({ overdueFeedbackCount: 1.5 }), TODAY)).toThrow(RangeError);
  });

  it("stops counting dates and measurements once a project is closed or cancelled, but not unanswered feedback", () => {
    for (const stage of ["CLOSED", "CANCELLED"] as const) {
      const result = computeProjectAlignment(
        aligned({
          stage,
          metrics: [{ ...wardsLive, lastValuePeriodStart: null }],
          milestones: [{ ...goLive, health: "OVERDUE", forecastDate: d("2025-01-01") }],
          overdueFeedbackCount: 1,
        }),
        TODAY,
      );
      expect(result.gaps.map((gap) => gap.code)).toEqual(["FEEDBACK_ANSWER_OVERDUE"]);
    }
  });

  it("still counts them for a proposal or a project on hold", () => {
    for (const stage of ["PROPOSED", "ON_HOLD"] as const) {
      const facts = aligned({
        stage,
        milestones: [{ ...goLive, health: "OVERDUE", forecastDate: d("2025-04-01") }],
      });
      expect(gapCodes(facts)).toEqual(["MILESTONE_OVERDUE"]);
    }
  });
});

describe("computeProjectAlignment: ordering and arithmetic", () => {
  it("lists the most costly gaps first", () => {
    const result = computeProjectAlignment(
      aligned({
        alignments: [],
        governanceGaps: [NO_ACCOUNTABLE, { code: "OTHER", message: "Other" }],
        milestones: [{ ...goLive, health: "OVERDUE", forecastDate: d("2025-04-01") }],
        overdueFeedbackCount: 1,
        overdueSafetyFeedbackCount: 1,
      }),
      TODAY,
    );
    expect(result.gaps.map((gap) => gap.code)).toEqual([
      "DELIVERY_WITHOUT_VISION",
      "RACI_NO_ACCOUNTABLE",
      "SAFETY_FEEDBACK_OVERDUE",
      "OTHER",
      "MILESTONE_OVERDUE",
    ]);
    expect(result.pointsLost).toEqual({
      STRATEGY: 60,
      ACCOUNTABILITY: 15,
      MEASUREMENT: 0,
      GOVERNANCE: 10,
      SCHEDULE: 5,
      FEEDBACK: 15,
    });
    expect(result.score).toBe(0);
  });

  it("has points lost add up to 100 minus the score above the floor", () => {
    const result = computeProjectAlignment(
      aligned({ governanceGaps: [NO_CHAMPION], overdueFeedbackCount: 2 }),
      TODAY,
    );
    const lost = Object.values(result.pointsLost).reduce((sum, points) => sum + points, 0);
    expect(result.score).toBe(100 - lost);
    expect(result.score).toBe(75);
  });
});

describe("computeProjectAlignment with the real RACI and stage-gate modules", () => {
  const accountable: RaciEntry = {
    userId: "a",
    name: "Dr Helen Ashworth",
    letter: "A",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
    active: true,
  };
  const responsible: RaciEntry = {
    userId: "r",
    name: "Aisha Okafor",
    letter: "R",
    role: "PROJECT_MANAGER",
    discipline: "DIGITAL",
    active: true,
  };

  it("takes readinessGaps as they come and reports each problem once, in its own terms", () => {
    const gaps = readinessGaps({
      kind: "DIGITAL",
      stage: "PROPOSED",
      alignmentCount: 0,
      raci: [responsible],
      metrics: [],
      milestones: [],
    });
    const result = computeProjectAlignment(
      aligned({ stage: "PROPOSED", alignments: [], metrics: [], governanceGaps: gaps }),
      TODAY,
    );
    expect(result.gaps.map((gap) => [gap.code, gap.category])).toEqual([
      ["DELIVERY_WITHOUT_VISION", "STRATEGY"],
      ["NO_MEASURED_METRIC", "MEASUREMENT"],
      ["RACI_NO_ACCOUNTABLE", "ACCOUNTABILITY"],
      ["NO_CLINICAL_CHAMPION", "ACCOUNTABILITY"],
    ]);
  });

  it("gives the same answer whether the caller adds raciGaps to readinessGaps or not", () => {
    const entries = [accountable];
    const facts = {
      kind: "OPERATIONAL" as const,
      stage: "APPROVED" as const,
      alignmentCount: 1,
      raci: entries,
      metrics: [],
      milestones: [],
    };
    const readiness = readinessGaps(facts);
    const once = computeProjectAlignment(aligned({ governanceGaps: readiness }), TODAY);
    const twice = computeProjectAlignment(
      aligned({ governanceGaps: [...raciGaps(entries, { requireResponsible: true }), ...readiness] }),
      TODAY,
    );
    expect(twice).toEqual(once);
    expect(once.gaps.map((gap) => gap.code)).toEqual(["RACI_NO_RESPONSIBLE"]);
  });
});

describe("computeObjectiveCoverage (NUM-7)", () => {
  it("counts approved, piloting and rolling-out projects, and delivery from the primary ones", () => {
    expect(ACTIVE_PROJECT_STAGES).toEqual(["APPROVED", "PILOT", "ROLLOUT"]);
    const result = computeObjectiveCoverage({
      status: "ACTIVE",
      alignedProjects: [
        { stage: "PILOT", contribution: "PRIMARY" },
        { stage: "ROLLOUT", contribution: "SUPPORTING" },
        { stage: "PROPOSED", contribution: "PRIMARY" },
      ],
    });
    expect(result).toEqual({
      activeProjectCount: 2,
      deliveringProjectCount: 1,
      beingDelivered: true,
      visionWithoutDelivery: false,
      gap: null,
    });
  });

  it("is vision without delivery when no project serves an active objective", () => {
    expect(computeObjectiveCoverage({ status: "ACTIVE", alignedProjects: [] })).toEqual({
      activeProjectCount: 0,
      deliveringProjectCount: 0,
      beingDelivered: false,
      visionWithoutDelivery: true,
      gap: {
        code: "VISION_WITHOUT_DELIVERY",
        message:
          "Vision without delivery: no project serves this objective; align a delivering project to it or propose one",
      },
    });
  });

  it("is vision without delivery when the aligned projects are not delivering", () => {
    const notDelivering: ProjectStage[] = ["PROPOSED", "ON_HOLD", "CLOSED", "CANCELLED"];
    const result = computeObjectiveCoverage({
      status: "ACTIVE",
      alignedProjects: notDelivering.map((stage) => ({ stage, contribution: "PRIMARY" as const })),
    });
    expect(result.visionWithoutDelivery).toBe(true);
    expect(result.gap?.message).toBe(
      "Vision without delivery: none of the projects aligned to this objective is approved, in pilot or in rollout",
    );
  });

  it("does not count a supporting project as delivery: the objective is not its primary one", () => {
    const result = computeObjectiveCoverage({
      status: "ACTIVE",
      alignedProjects: [{ stage: "APPROVED", contribution: "SUPPORTING" }],
    });
    expect(result).toMatchObject({
      visionWithoutDelivery: true,
      beingDelivered: false,
      activeProjectCount: 1,
      deliveringProjectCount: 0,
    });
    expect(result.gap?.message).toBe(
      "Vision without delivery: projects support this objective, but none that is approved, in pilot or in rollout has it as its primary objective",
    );
  });

  it("does not flag draft, achieved or retired objectives", () => {
    for (const status of ["DRAFT", "ACHIEVED", "RETIRED"] as const) {
      expect(computeObjectiveCoverage({ status, alignedProjects: [] }), status).toMatchObject({
        visionWithoutDelivery: false,
        gap: null,
      });
    }
  });
});

describe("isLiveProject and isProposal (NUM-8)", () => {
  it("counts delivering projects, and those held from delivering, as live", () => {
    for (const stage of ["APPROVED", "PILOT", "ROLLOUT"] as const) {
      expect(isLiveProject(stage), stage).toBe(true);
      expect(isLiveProject("ON_HOLD", stage), `held from ${stage}`).toBe(true);
    }
    expect(isLiveProject("ON_HOLD", null)).toBe(true);
  });

  it("does not count proposals, paused proposals, closed or cancelled projects as live", () => {
    expect(isLiveProject("PROPOSED")).toBe(false);
    expect(isLiveProject("ON_HOLD", "PROPOSED")).toBe(false);
    expect(isLiveProject("CLOSED")).toBe(false);
    expect(isLiveProject("CANCELLED")).toBe(false);
  });

  it("calls a proposal, paused or not, a proposal", () => {
    expect(isProposal("PROPOSED")).toBe(true);
    expect(isProposal("ON_HOLD", "PROPOSED")).toBe(true);
    expect(isProposal("ON_HOLD", "PILOT")).toBe(false);
    expect(isProposal("APPROVED")).toBe(false);
  });
});
