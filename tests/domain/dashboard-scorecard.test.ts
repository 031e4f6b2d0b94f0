import { describe, expect, it } from "vitest";
import {
  computeObjectiveScorecard,
  computeScorecardMetric,
  type ScorecardMetricFacts,
} from "@/lib/domain/dashboard-scorecard";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const TODAY = day("2026-03-10");

// Waiting times: lower is better, baseline 12 h, target 4 h, green at 6 h or less, red above 9 h.
const waits: ScorecardMetricFacts = {
  direction: "LOWER_IS_BETTER",
  cadence: "MONTHLY",
  baselineValue: 12,
  targetValue: 4,
  amberThreshold: 6,
  redThreshold: 9,
  latestFinal: { periodStart: day("2026-02-01"), value: 5 },
};

describe("computeScorecardMetric", () => {
  it("colours by the metric's own rule and measures progress in its direction", () => {
    expect(computeScorecardMetric(waits, TODAY)).toEqual({ status: "GREEN", progress: 7 / 8 });
    expect(
      computeScorecardMetric({ ...waits, latestFinal: { periodStart: day("2026-02-01"), value: 14 } }, TODAY),
    ).toEqual({ status: "RED", progress: 0 });
  });

  it("shows no progress beside a stale value or none (NUM-6)", () => {
    expect(
      computeScorecardMetric({ ...waits, latestFinal: { periodStart: day("2025-10-01"), value: 5 } }, TODAY),
    ).toEqual({ status: "NO_RECENT_DATA", progress: null });
    expect(computeScorecardMetric({ ...waits, latestFinal: null }, TODAY)).toEqual({
      status: "NO_DATA",
      progress: null,
    });
  });
});

describe("computeObjectiveScorecard", () => {
  it("takes the worst colour and averages the progress of metrics with a colour", () => {
    const card = computeObjectiveScorecard([
      { status: "GREEN", progress: 1 },
      { status: "AMBER", progress: 0.5 },
      { status: "NO_RECENT_DATA", progress: null },
    ]);
    expect(card).toEqual({
      rag: "AMBER",
      metricCount: 3,
      byStatus: { RED: 0, AMBER: 1, GREEN: 1, NO_RECENT_DATA: 1, NO_DATA: 0 },
      progress: 0.75,
    });
    expect(
      computeObjectiveScorecard([
        { status: "GREEN", progress: 1 },
        { status: "RED", progress: 0 },
      ]).rag,
    ).toBe("RED");
  });

  it("has no colour when no metric has one", () => {
    expect(computeObjectiveScorecard([{ status: "NO_DATA", progress: null }])).toMatchObject({
      rag: "NO_DATA",
      progress: null,
    });
    expect(computeObjectiveScorecard([])).toMatchObject({ rag: "NO_DATA", metricCount: 0, progress: null });
  });
});
