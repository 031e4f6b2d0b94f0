import type { MetricDirection } from "./vocabulary";

// Statistical process control for a metric's values, as NHS England's "Making Data Count" does it
// (issue 12; the method is written down in docs/spc.md). Pure: values in, chart out.
//
// An XmR chart (individuals and moving ranges, Wheeler's "Understanding Variation"): the centre
// line is the mean of the values, the moving ranges are the differences between consecutive
// values, and the process limits sit 2.66 average moving ranges either side of the mean. 2.66 is
// 3 / d2 with d2 = 1.128, the expected range of two values from a normal distribution in units of
// its standard deviation, so the limits are "three sigma" estimated from point-to-point variation
// rather than from the overall spread, which a shift or trend would inflate.
//
// Four special-cause rules, each flagging every point that takes part in the pattern:
// - OUTSIDE_LIMITS: a point strictly above the upper or below the lower process limit;
// - RUN: `runLength` (7) or more consecutive points strictly on one side of the mean; a point
//   exactly on the mean belongs to neither side and ends the run;
// - TREND: `trendLength` (7) or more consecutive points each strictly higher (or each strictly
//   lower) than the one before; two equal consecutive values are a tie and end the trend, so a
//   flat step never counts as rising or falling;
// - TWO_OF_THREE: of three consecutive points, two or more strictly beyond two sigma from the mean
//   on the same side (sigma = average moving range / 1.128); the points beyond two sigma are
//   flagged, the third may lie anywhere. A point outside the limits is also beyond two sigma.
// Patterns are looked for within one period of limits only: after the limits are recalculated
// (say at a change's go-live) a run or trend starts afresh.

/** Scales the average moving range to the process limits: 3 / d2 for ranges of two values. */
export const XMR_LIMIT_FACTOR = 2.66;
/** d2 for ranges of two values: average moving range ÷ 1.128 estimates one sigma. */
export const XMR_SIGMA_DIVISOR = 1.128;
/** Points in a row on one side of the mean that make a shift (Making Data Count: 7). */
export const DEFAULT_RUN_LENGTH = 7;
/** Points in a row all rising or all falling that make a trend (Making Data Count: 7). */
export const DEFAULT_TREND_LENGTH = 7;

export const SPC_RULES = ["OUTSIDE_LIMITS", "RUN", "TREND", "TWO_OF_THREE"] as const;
export type SpcRule = (typeof SPC_RULES)[number];

/** Whether a pattern moved the metric the way its direction calls better or worse. */
export type SpcJudgement = "IMPROVEMENT" | "CONCERN";

/** Where a point lies against its period's mean. */
export type SpcSide = "ABOVE" | "BELOW" | "ON_MEAN";

export interface SpcSignal {
  rule: SpcRule;
  judgement: SpcJudgement;
}

/** The centre line and limits of one period of an XmR chart. */
export interface XmRLimits {
  mean: number;
  averageMovingRange: number;
  /** Average moving range ÷ 1.128. */
  sigma: number;
  upperLimit: number;
  lowerLimit: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
  /** How many values the limits were computed from (the baseline of the period). */
  baselineLength: number;
}

/** A period of the chart with limits of its own: points `start` (inclusive) to `end` (exclusive). */
export interface XmRSegment extends XmRLimits {
  start: number;
  end: number;
}

export interface XmRPoint {
  index: number;
  value: number;
  /** |value − previous value| within the period; null for a period's first point. */
  movingRange: number | null;
  /** Index of the point's period in `segments`. */
  segment: number;
  side: SpcSide;
  /**
   * The rules this point takes part in, in SPC_RULES order; the peak (or trough) between a rising
   * and a falling trend carries a TREND signal for each.
   */
  signals: SpcSignal[];
  /** The point's verdict: CONCERN if any of its signals is a concern, else IMPROVEMENT if any signal, else null. */
  judgement: SpcJudgement | null;
}

/** The chart; its own mean and limits are the latest period's, the process as it runs now. */
export interface XmRChart extends XmRLimits {
  direction: MetricDirection;
  segments: XmRSegment[];
  points: XmRPoint[];
}

export interface XmROptions {
  direction: MetricDirection;
  /**
   * Fix each period's limits from its first `baselineLength` points (at least 2); later points are
   * judged against them. A period with fewer points uses all it has. Default: every point.
   */
  baselineLength?: number;
  /** Indices where the limits are recalculated (a new period starts), e.g. a change's go-live. */
  recalculateAt?: readonly number[];
  /** Default DEFAULT_RUN_LENGTH. */
  runLength?: number;
  /** Default DEFAULT_TREND_LENGTH. */
  trendLength?: number;
}

function requireWholeNumber(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number, ${minimum} or more (got ${value})`);
  }
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** |value − previous value| for each value; null for the first, which has no previous. */
function movingRanges(values: readonly number[]): (number | null)[] {
  let previous: number | null = null;
  return values.map((value) => {
    const range = previous === null ? null : Math.abs(value - previous);
    previous = value;
    return range;
  });
}

function computeLimits(values: readonly number[], baselineLength: number | undefined): XmRLimits {
  const baseline = baselineLength === undefined ? values : values.slice(0, baselineLength);
  const centre = mean(baseline);
  const averageMovingRange = mean(movingRanges(baseline).filter((range) => range !== null));
  const sigma = averageMovingRange / XMR_SIGMA_DIVISOR;
  return {
    mean: centre,
    averageMovingRange,
    sigma,
    upperLimit: centre + XMR_LIMIT_FACTOR * averageMovingRange,
    lowerLimit: centre - XMR_LIMIT_FACTOR * averageMovingRange,
    upperTwoSigma: centre + 2 * sigma,
    lowerTwoSigma: centre - 2 * sigma,
    baselineLength: baseline.length,
  };
}

function limitsOf(segment: XmRLimits): XmRLimits {
  const {
    mean,
    averageMovingRange,
    sigma,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    baselineLength,
  } = segment;
  return {
    mean,
    averageMovingRange,
    sigma,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    baselineLength,
  };
}

function sideOf(value: number, centre: number): SpcSide {
  if (value > centre) return "ABOVE";
  if (value < centre) return "BELOW";
  return "ON_MEAN";
}

/** Higher values are the better ones when the metric is HIGHER_IS_BETTER. */
function judge(higher: boolean, direction: MetricDirection): SpcJudgement {
  return higher === (direction === "HIGHER_IS_BETTER") ? "IMPROVEMENT" : "CONCERN";
}

/**
 * For each key, whether it belongs to a stretch of at least `length` consecutive equal keys; null
 * keys never belong to a stretch.
 */
function inLongStretch<K>(keys: readonly (K | null)[], length: number): boolean[] {
  const stretches: { key: K | null; count: number }[] = [];
  let last: { key: K | null; count: number } | undefined;
  for (const key of keys) {
    if (last && key !== null && key === last.key) {
      last.count++;
    } else {
      last = { key, count: 1 };
      stretches.push(last);
    }
  }
  return stretches.flatMap(({ key, count }) => Array<boolean>(count).fill(key !== null && count >= length));
}

function segmentSignals(
  values: readonly number[],
  limits: XmRLimits,
  direction: MetricDirection,
  runLength: number,
  trendLength: number,
): SpcSignal[][] {
  // RUN: a point on the mean has no side (null) and so ends a run.
  const sides = values.map((value) => sideOf(value, limits.mean));
  const inRun = inLongStretch(
    sides.map((side) => (side === "ON_MEAN" ? null : side)),
    runLength,
  );
  // TREND: each point's step from the one before (a tie is no step and ends the trend); a stretch
  // of trendLength − 1 steps the same way is a trend of trendLength points, the first of them being
  // the point before the first step. Rising and falling are looked for apart, so the peak between a
  // rise and a fall can belong to both.
  let previous: number | null = null;
  const steps = values.map((value) => {
    const step = previous === null || value === previous ? null : value > previous ? "UP" : "DOWN";
    previous = value;
    return step;
  });
  const inTrend = (way: "UP" | "DOWN"): boolean[] => {
    const stepsIn = inLongStretch(
      steps.map((step) => (step === way ? way : null)),
      trendLength - 1,
    );
    return stepsIn.map((stepIn, i) => stepIn || stepsIn[i + 1] === true);
  };
  const rising = inTrend("UP");
  const falling = inTrend("DOWN");
  // TWO_OF_THREE: every window of three consecutive points with two or more beyond two sigma on
  // the same side flags those points.
  const beyond = values.map((value) =>
    value > limits.upperTwoSigma ? "ABOVE" : value < limits.lowerTwoSigma ? "BELOW" : null,
  );
  const twoOfThree = values.map(() => false);
  for (let first = 0; first + 3 <= values.length; first++) {
    for (const side of ["ABOVE", "BELOW"] as const) {
      const members = [first, first + 1, first + 2].filter((i) => beyond[i] === side);
      if (members.length >= 2) for (const i of members) twoOfThree[i] = true;
    }
  }

  return values.map((value, i) => {
    const signals: SpcSignal[] = [];
    if (value > limits.upperLimit || value < limits.lowerLimit) {
      signals.push({ rule: "OUTSIDE_LIMITS", judgement: judge(value > limits.upperLimit, direction) });
    }
    if (inRun[i]) signals.push({ rule: "RUN", judgement: judge(sides[i] === "ABOVE", direction) });
    if (rising[i]) signals.push({ rule: "TREND", judgement: judge(true, direction) });
    if (falling[i]) signals.push({ rule: "TREND", judgement: judge(false, direction) });
    if (twoOfThree[i])
      signals.push({ rule: "TWO_OF_THREE", judgement: judge(beyond[i] === "ABOVE", direction) });
    return signals;
  });
}

/**
 * The XmR chart of a series of values in time order, with each point's special-cause signals
 * judged against the metric's direction. Null with fewer than 2 values: there is no moving range
 * and so no limits. Throws RangeError on a value that is not a finite number or on options that
 * would leave a period without a moving range.
 */
export function computeXmR(values: readonly number[], options: XmROptions): XmRChart | null {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`An SPC value must be a finite number (got ${value})`);
  }
  const runLength = options.runLength ?? DEFAULT_RUN_LENGTH;
  const trendLength = options.trendLength ?? DEFAULT_TREND_LENGTH;
  requireWholeNumber("runLength", runLength, 2);
  requireWholeNumber("trendLength", trendLength, 3);
  if (options.baselineLength !== undefined) requireWholeNumber("baselineLength", options.baselineLength, 2);
  if (values.length < 2) return null;

  const starts = [0, ...(options.recalculateAt ?? [])];
  const bounds = starts.map((start, s) => ({ start, end: starts[s + 1] ?? values.length }));
  for (const { start, end } of bounds) {
    requireWholeNumber("recalculateAt", start, 0);
    if (end - start < 2 || end > values.length) {
      throw new RangeError(
        `Each period of limits needs at least 2 values, in order: recalculating at ${start} leaves ${Math.max(0, end - start)}`,
      );
    }
  }

  const points: XmRPoint[] = [];
  const segments = bounds.map(({ start, end }, s): XmRSegment => {
    const period = values.slice(start, end);
    const limits = computeLimits(period, options.baselineLength);
    const signals = segmentSignals(period, limits, options.direction, runLength, trendLength);
    const ranges = movingRanges(period);
    period.forEach((value, i) => {
      const pointSignals = signals[i] ?? [];
      points.push({
        index: start + i,
        value,
        movingRange: ranges[i] ?? null,
        segment: s,
        side: sideOf(value, limits.mean),
        signals: pointSignals,
        judgement: pointSignals.some((signal) => signal.judgement === "CONCERN")
          ? "CONCERN"
          : pointSignals.length > 0
            ? "IMPROVEMENT"
            : null,
      });
    });
    return { ...limits, start, end };
  });
  // The chart's own limits are the latest period's (there is always one).
  const latest = segments.reduce((_earlier, segment) => segment);
  return { ...limitsOf(latest), direction: options.direction, segments, points };
}

export const VARIATION_SUMMARIES = [
  "COMMON_CAUSE",
  "SPECIAL_CAUSE_IMPROVING",
  "SPECIAL_CAUSE_CONCERNING",
] as const;
export type VariationSummary = (typeof VARIATION_SUMMARIES)[number];

export const VARIATION_SUMMARY_LABEL: Record<VariationSummary, string> = {
  COMMON_CAUSE: "Common cause variation",
  SPECIAL_CAUSE_IMPROVING: "Special cause variation: improving",
  SPECIAL_CAUSE_CONCERNING: "Special cause variation: concerning",
};

/**
 * The variation icon's verdict, judged on the most recent point as Making Data Count's icons are:
 * special cause improving (or concerning) when the latest point takes part in a signal judged so,
 * concerning when it takes part in both kinds, and common cause when the latest point has no
 * signal, even if earlier points had some (that special cause has passed).
 */
export function summariseVariation(chart: XmRChart): VariationSummary {
  switch (chart.points.at(-1)?.judgement ?? null) {
    case "CONCERN":
      return "SPECIAL_CAUSE_CONCERNING";
    case "IMPROVEMENT":
      return "SPECIAL_CAUSE_IMPROVING";
    case null:
      return "COMMON_CAUSE";
  }
}

export const ASSURANCE_SUMMARIES = ["CONSISTENTLY_PASSING", "HIT_AND_MISS", "CONSISTENTLY_FAILING"] as const;
export type AssuranceSummary = (typeof ASSURANCE_SUMMARIES)[number];

export const ASSURANCE_SUMMARY_LABEL: Record<AssuranceSummary, string> = {
  CONSISTENTLY_PASSING: "Consistently passing the target",
  HIT_AND_MISS: "Hit and miss: the target sits inside the process limits",
  CONSISTENTLY_FAILING: "Consistently failing the target",
};

/**
 * Whether the process as it runs now (the latest period's limits) can be relied on to meet a
 * target. A target beyond the limits on the worse side (below the lower limit when higher is
 * better) is passed by every value the process produces; beyond them on the better side, never
 * reached; between the limits or on one, met some periods and missed others.
 */
export function summariseAssurance(chart: XmRChart, target: number): AssuranceSummary {
  if (!Number.isFinite(target)) throw new RangeError(`A target must be a finite number (got ${target})`);
  const higherIsBetter = chart.direction === "HIGHER_IS_BETTER";
  if (target < chart.lowerLimit) return higherIsBetter ? "CONSISTENTLY_PASSING" : "CONSISTENTLY_FAILING";
  if (target > chart.upperLimit) return higherIsBetter ? "CONSISTENTLY_FAILING" : "CONSISTENTLY_PASSING";
  return "HIT_AND_MISS";
}
