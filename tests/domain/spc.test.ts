import { describe, expect, it } from "vitest";
import {
  computeXmR,
  type SpcRule,
  summariseAssurance,
  summariseVariation,
  type XmRChart,
  type XmROptions,
} from "@/lib/domain/spc";

/** The chart, failing the test when there is none. */
function chart(values: number[], options: XmROptions): XmRChart {
  const result = computeXmR(values, options);
  if (!result) throw new Error("expected a chart");
  return result;
}

/** Indices of the points that carry a rule, with the judgement of that rule's signal. */
function flagged(result: XmRChart, rule: SpcRule): [number, string][] {
  return result.points.flatMap((point) =>
    point.signals
      .filter((signal) => signal.rule === rule)
      .map((signal): [number, string] => [point.index, signal.judgement]),
  );
}

// A stable baseline: 12, 10, 12, 10, ... alternates around the mean 11 with every moving range 2,
// so its limits are 11 ± 2.66 × 2 = 5.68 to 16.32 and two sigma is 2 × 2 / 1.128 = 3.546 either
// side (7.454 to 14.546). Alternating sides and steps, it holds no run and no trend of its own. It
// ends below the mean, so a run above starts with the first point after it; the mirror image,
// ending above the mean, comes before runs below.
const BASELINE = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
const BASELINE_ENDING_HIGH = BASELINE.map((value) => 22 - value);
const FIXED = { baselineLength: BASELINE.length } as const;

describe("computeXmR: the published worked example", () => {
  // SAS/QC User's Guide, "Example 9.4 Displaying Individual Measurements on an EWMA Chart"
  // (https://support.sas.com/documentation/cdl/en/qcug/63964/HTML/default/qcug_macontrol_a0000000363.htm):
  // steel-belt diameters of 30 tyres; Output 9.4.1 lists the individuals and moving range chart's
  // limits from PROC SHEWHART IRCHART: _MEAN_ 24.0083, _R_ (average moving range) 0.056897,
  // _STDDEV_ 0.050423, _LCLI_ 23.8571, _UCLI_ 24.1596. SAS uses 3 sigma with d2 = 1.128379 where
  // Making Data Count uses 2.66 and 1.128; the difference is under 0.00005 here.
  const TYRES = [
    24.05, 23.99, 23.95, 23.93, 23.97, 24.02, 24.06, 24.1, 23.98, 24.03, 23.91, 24.06, 24.06, 23.96, 23.98,
    24.06, 24.01, 24.0, 23.93, 23.92, 24.09, 24.11, 24.05, 23.98, 23.98, 24.06, 24.02, 24.06, 23.97, 23.96,
  ];

  it("reproduces the published centre line, average moving range, sigma and limits", () => {
    const result = chart(TYRES, { direction: "HIGHER_IS_BETTER" });
    expect(result.mean).toBeCloseTo(24.0083, 4);
    expect(result.averageMovingRange).toBeCloseTo(0.056897, 6);
    expect(result.sigma).toBeCloseTo(0.050423, 4);
    expect(result.lowerLimit).toBeCloseTo(23.8571, 3);
    expect(result.upperLimit).toBeCloseTo(24.1596, 3);
    expect(result.baselineLength).toBe(30);
    expect(result.points).toHaveLength(30);
  });
});

describe("computeXmR: the arithmetic", () => {
  it("computes mean, moving ranges, average moving range and limits by hand", () => {
    const result = chart([1, 3, 2, 4], { direction: "HIGHER_IS_BETTER" });
    expect(result.mean).toBe(2.5);
    expect(result.points.map((point) => point.movingRange)).toEqual([null, 2, 1, 2]);
    expect(result.averageMovingRange).toBeCloseTo(5 / 3, 12);
    expect(result.upperLimit).toBeCloseTo(2.5 + 2.66 * (5 / 3), 12);
    expect(result.lowerLimit).toBeCloseTo(2.5 - 2.66 * (5 / 3), 12);
    expect(result.sigma).toBeCloseTo(5 / 3 / 1.128, 12);
    expect(result.points.map((point) => point.side)).toEqual(["BELOW", "ABOVE", "BELOW", "ABOVE"]);
  });

  it("has no chart with fewer than 2 values: no moving range, no limits", () => {
    expect(computeXmR([], { direction: "HIGHER_IS_BETTER" })).toBeNull();
    expect(computeXmR([42], { direction: "HIGHER_IS_BETTER" })).toBeNull();
    expect(computeXmR([42, 43], { direction: "HIGHER_IS_BETTER" })).not.toBeNull();
  });

  it("copes with a constant series: zero moving range, limits on the mean, no signal", () => {
    const result = chart([5, 5, 5, 5, 5, 5, 5, 5, 5], { direction: "HIGHER_IS_BETTER" });
    expect(result.averageMovingRange).toBe(0);
    expect(result.upperLimit).toBe(5);
    expect(result.lowerLimit).toBe(5);
    // Every point is on the mean (no run) and every step is a tie (no trend).
    expect(result.points.every((point) => point.side === "ON_MEAN" && point.signals.length === 0)).toBe(true);
    expect(summariseVariation(result)).toBe("COMMON_CAUSE");
    expect(summariseAssurance(result, 5)).toBe("HIT_AND_MISS");
    expect(summariseAssurance(result, 6)).toBe("CONSISTENTLY_FAILING");
    expect(summariseAssurance(result, 4)).toBe("CONSISTENTLY_PASSING");
  });

  it("fixes the limits from a baseline period and judges later points against them", () => {
    const values = [...BASELINE, 14, 15, 14, 15];
    const fixed = chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(fixed.mean).toBe(11);
    expect(fixed.averageMovingRange).toBe(2);
    expect(fixed.upperLimit).toBeCloseTo(16.32, 12);
    expect(fixed.lowerLimit).toBeCloseTo(5.68, 12);
    expect(fixed.baselineLength).toBe(12);
    // Every value still has its moving range, baseline or not.
    expect(fixed.points.at(-1)?.movingRange).toBe(1);
    const all = chart(values, { direction: "HIGHER_IS_BETTER" });
    expect(all.mean).toBe(11.875); // (12 × 11 + 58) / 16
    expect(all.baselineLength).toBe(16);
  });

  it("recalculates the limits from a given point, and looks for patterns within each period only", () => {
    const after = BASELINE.map((value) => value + 10);
    const values = [...BASELINE, ...after];
    // One set of limits: the second half sits wholly above the mean, a run.
    const once = chart(values, { direction: "HIGHER_IS_BETTER" });
    expect(flagged(once, "RUN").length).toBeGreaterThan(0);

    const twice = chart(values, { direction: "HIGHER_IS_BETTER", recalculateAt: [12] });
    expect(twice.segments.map(({ start, end, mean }) => ({ start, end, mean }))).toEqual([
      { start: 0, end: 12, mean: 11 },
      { start: 12, end: 24, mean: 21 },
    ]);
    // The chart's own limits are the latest period's.
    expect(twice.mean).toBe(21);
    expect(twice.upperLimit).toBeCloseTo(26.32, 12);
    expect(twice.points[12]?.movingRange).toBeNull();
    expect(twice.points[12]?.segment).toBe(1);
    expect(twice.points.every((point) => point.signals.length === 0)).toBe(true);
  });

  it("refuses values that are not numbers and periods too short to have a moving range", () => {
    const direction = "HIGHER_IS_BETTER";
    expect(() => computeXmR([1, Number.NaN, 3], { direction })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3], { direction, runLength: 1 })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3], { direction, baselineLength: 1 })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3, 4], { direction, recalculateAt: [1] })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3, 4], { direction, recalculateAt: [0] })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3, 4], { direction, recalculateAt: [2, 2] })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3, 4], { direction, recalculateAt: [3] })).toThrow(RangeError);
    expect(() => computeXmR([1, 2, 3, 4], { direction, recalculateAt: [2] })).not.toThrow();
  });
});

describe("rule 1: a point outside the process limits", () => {
  it("flags a point above the upper limit, judged by the metric's direction", () => {
    const values = [...BASELINE, 20];
    expect(flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED }), "OUTSIDE_LIMITS")).toEqual([
      [12, "IMPROVEMENT"],
    ]);
    expect(flagged(chart(values, { direction: "LOWER_IS_BETTER", ...FIXED }), "OUTSIDE_LIMITS")).toEqual([
      [12, "CONCERN"],
    ]);
  });

  it("flags a point below the lower limit, and nothing on or inside the limits", () => {
    const values = [...BASELINE, 2, 11, 16.32];
    const result = chart(values, { direction: "LOWER_IS_BETTER", ...FIXED });
    expect(flagged(result, "OUTSIDE_LIMITS")).toEqual([[12, "IMPROVEMENT"]]);
    expect(result.points[12]?.signals.map((signal) => signal.rule)).toEqual(["OUTSIDE_LIMITS"]);
  });
});

describe("rule 2: a run of points on one side of the mean", () => {
  const run = (length: number) => Array.from({ length }, (_, i) => (i % 2 === 0 ? 11.5 : 11.7));

  it("flags every point of a run of 7 above the mean", () => {
    const result = chart([...BASELINE, ...run(7)], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "RUN")).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, "IMPROVEMENT"]));
    // Nothing else: the run stays inside two sigma and zigzags.
    expect(result.points.flatMap((point) => point.signals.map((signal) => signal.rule))).toEqual(
      Array(7).fill("RUN"),
    );
  });

  it("does not flag 6 in a row, unless the run length is set to 6", () => {
    const values = [...BASELINE, ...run(6)];
    expect(flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED }), "RUN")).toEqual([]);
    expect(
      flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED, runLength: 6 }), "RUN"),
    ).toHaveLength(6);
  });

  it("flags a run below the mean as a concern when higher is better", () => {
    const below = run(7).map((value) => 22 - value);
    expect(
      flagged(chart([...BASELINE_ENDING_HIGH, ...below], { direction: "HIGHER_IS_BETTER", ...FIXED }), "RUN"),
    ).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, "CONCERN"]));
  });

  it("ends a run at a point exactly on the mean", () => {
    const values = [...BASELINE, 11.5, 11.7, 11.5, 11, 11.7, 11.5, 11.7, 11.5];
    const result = chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(result.points[15]?.side).toBe("ON_MEAN");
    expect(flagged(result, "RUN")).toEqual([]);
  });
});

describe("rule 3: a trend of points all rising or all falling", () => {
  const rising = [9, 9.5, 10, 10.5, 11, 11.5, 12];

  it("flags all 7 points of a rising trend, as an improvement when higher is better", () => {
    const result = chart([...BASELINE, ...rising], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TREND")).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, "IMPROVEMENT"]));
  });

  it("flags a falling trend as an improvement when lower is better", () => {
    const falling = rising.map((value) => 22 - value);
    const result = chart([...BASELINE, ...falling], { direction: "LOWER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TREND")).toEqual([12, 13, 14, 15, 16, 17, 18].map((i) => [i, "IMPROVEMENT"]));
  });

  it("does not flag 6 rising points, unless the trend length is set to 6", () => {
    const values = [...BASELINE, ...rising.slice(0, 6)];
    expect(flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED }), "TREND")).toEqual([]);
    expect(
      flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED, trendLength: 6 }), "TREND"),
    ).toHaveLength(6);
  });

  it("treats a tie as breaking the trend: equal consecutive values are neither rising nor falling", () => {
    // Eight points from 9 to 12, but 10 is repeated: 3 rising, then 5 rising, never 7.
    const values = [...BASELINE, 9, 9.5, 10, 10, 10.5, 11, 11.5, 12];
    expect(flagged(chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED }), "TREND")).toEqual([]);
  });

  it("gives the peak between a rise and a fall a signal for each", () => {
    const result = chart([1, 2, 3, 2, 1], { direction: "HIGHER_IS_BETTER", trendLength: 3 });
    expect(flagged(result, "TREND")).toEqual([
      [0, "IMPROVEMENT"],
      [1, "IMPROVEMENT"],
      [2, "IMPROVEMENT"],
      [2, "CONCERN"],
      [3, "CONCERN"],
      [4, "CONCERN"],
    ]);
    expect(result.points[2]?.judgement).toBe("CONCERN");
  });
});

describe("rule 4: two of three points beyond two sigma on the same side", () => {
  it("flags the two points beyond two sigma, not the one between them", () => {
    const result = chart([...BASELINE, 15, 11.5, 15], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TWO_OF_THREE")).toEqual([
      [12, "IMPROVEMENT"],
      [14, "IMPROVEMENT"],
    ]);
    expect(result.points[13]?.signals).toEqual([]);
  });

  it("does not flag points beyond two sigma that are not 2 in any 3", () => {
    const result = chart([...BASELINE, 15, 11, 10, 15], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TWO_OF_THREE")).toEqual([]);
  });

  it("does not pair points beyond two sigma on opposite sides", () => {
    const result = chart([...BASELINE, 15, 7, 11], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TWO_OF_THREE")).toEqual([]);
  });

  it("counts a point outside the limits as beyond two sigma, judged below the mean as a concern", () => {
    const result = chart([...BASELINE, 5, 7], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "TWO_OF_THREE")).toEqual([
      [12, "CONCERN"],
      [13, "CONCERN"],
    ]);
    expect(result.points[12]?.signals.map((signal) => signal.rule)).toEqual([
      "OUTSIDE_LIMITS",
      "TWO_OF_THREE",
    ]);
  });
});

describe("summariseVariation: judged on the most recent point", () => {
  it("is improving when the latest point takes part in an improving signal", () => {
    const result = chart([...BASELINE, 20], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(summariseVariation(result)).toBe("SPECIAL_CAUSE_IMPROVING");
  });

  it("is concerning when the latest point takes part in a concerning signal", () => {
    const result = chart([...BASELINE, 20], { direction: "LOWER_IS_BETTER", ...FIXED });
    expect(summariseVariation(result)).toBe("SPECIAL_CAUSE_CONCERNING");
  });

  it("is common cause once the latest point carries no signal, whatever came before", () => {
    const result = chart([...BASELINE, 20, 11], { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(flagged(result, "OUTSIDE_LIMITS")).toEqual([[12, "IMPROVEMENT"]]);
    expect(summariseVariation(result)).toBe("COMMON_CAUSE");
  });

  it("is concerning when the latest point's signals disagree", () => {
    // Rising (an improvement when higher is better) but all below the mean (a concern).
    const values = [...BASELINE_ENDING_HIGH, 7.5, 8, 8.5, 9, 9.5, 10, 10.5];
    const result = chart(values, { direction: "HIGHER_IS_BETTER", ...FIXED });
    expect(result.points.at(-1)?.signals).toEqual([
      { rule: "RUN", judgement: "CONCERN" },
      { rule: "TREND", judgement: "IMPROVEMENT" },
    ]);
    expect(summariseVariation(result)).toBe("SPECIAL_CAUSE_CONCERNING");
  });
});

describe("summariseAssurance: the target against the process limits", () => {
  // Limits 5.68 to 16.32.
  const higher = chart(BASELINE, { direction: "HIGHER_IS_BETTER" });
  const lower = chart(BASELINE, { direction: "LOWER_IS_BETTER" });

  it("passes consistently when the target is beyond the limits on the worse side", () => {
    expect(summariseAssurance(higher, 5)).toBe("CONSISTENTLY_PASSING");
    expect(summariseAssurance(lower, 17)).toBe("CONSISTENTLY_PASSING");
  });

  it("fails consistently when the target is beyond the limits on the better side", () => {
    expect(summariseAssurance(higher, 17)).toBe("CONSISTENTLY_FAILING");
    expect(summariseAssurance(lower, 5)).toBe("CONSISTENTLY_FAILING");
  });

  it("is hit and miss when the target lies between the limits or on one", () => {
    expect(summariseAssurance(higher, 11)).toBe("HIT_AND_MISS");
    expect(summariseAssurance(lower, 11)).toBe("HIT_AND_MISS");
    expect(summariseAssurance(higher, higher.upperLimit)).toBe("HIT_AND_MISS");
    expect(summariseAssurance(lower, lower.lowerLimit)).toBe("HIT_AND_MISS");
  });

  it("uses the latest period's limits after a recalculation", () => {
    const values = [...BASELINE, ...BASELINE.map((value) => value + 10)];
    const result = chart(values, { direction: "HIGHER_IS_BETTER", recalculateAt: [12] });
    // 15 was hit and miss before the change and is passed by every value after it.
    expect(summariseAssurance(result, 15)).toBe("CONSISTENTLY_PASSING");
  });
});
