// Forecasts on the leadership dashboard's Delivery tab (issue 12; the methods are stated on the
// page in the same words). Pure: sums and dates in, judgements out. The reads compute the sums in
// SQL (regr_* aggregates and AVG over milestones) and hand them here, so the rule is written once.
//
// 1. Does a metric reach its target by its target date? A least-squares line through its final
//    values (x = the period's first day, in days; y = the value). The line counts only when its
//    slope is statistically significant: its t-statistic (slope ÷ its standard error) is beyond
//    the two-sided 95% critical value of Student's t with n − 2 degrees of freedom. A significant
//    line is read on the target date; without one the metric is stable, so its mean (the SPC
//    centre line, docs/spc.md) is what to expect on the target date. The expected value then meets
//    the target or not, by the metric's direction. Fewer than MIN_FORECAST_VALUES final values is
//    not enough data to say.
// 2. When will a live project really finish? Each done milestone's slip ratio is its slip (actual
//    date − baseline date) over the time it was planned to take (baseline date − the project's
//    start, at least a day). The project's average slip ratio of its done milestones is applied to
//    the time left until its forecast end (which is never earlier than an open milestone's
//    forecast, NUM-1): predicted finish = forecast end + ⌈ratio × days from today to forecast
//    end⌉. A project whose milestones finished early gets an earlier prediction; one with no done
//    milestone has no history to go on.

import type { MetricDirection } from "./vocabulary";

/** Fewer final values than this and a metric's forecast says "not enough data". */
export const MIN_FORECAST_VALUES = 6;

/** Two-sided 95% critical values of Student's t for 1 to 30 degrees of freedom. */
const T_CRITICAL_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
] as const;

/** The 95% two-sided critical t for `df` degrees of freedom (the normal 1.96 beyond 30, slightly generous). */
export function tCritical95(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  return T_CRITICAL_95[Math.floor(df) - 1] ?? (df <= 60 ? 2.0 : df <= 120 ? 1.98 : 1.96);
}

/**
 * The sums a least-squares line needs, as PostgreSQL's regression aggregates give them:
 * n = regr_count, meanX/meanY = regr_avgx/regr_avgy, sxx/syy/sxy = regr_sxx/regr_syy/regr_sxy.
 */
export interface RegressionSums {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/** The same sums from the points themselves (what the SQL aggregates compute), for tests and small reads. */
export function computeRegressionSums(points: readonly { x: number; y: number }[]): RegressionSums {
  const n = points.length;
  if (n === 0) return { n: 0, meanX: 0, meanY: 0, sxx: 0, syy: 0, sxy: 0 };
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  return { n, meanX, meanY, sxx, syy, sxy };
}

export interface LeastSquaresTrend {
  slope: number;
  intercept: number;
  /** slope ÷ its standard error; infinite for a perfect non-flat line, 0 for a flat one. */
  tStatistic: number;
  significant: boolean;
}

/** The least-squares line and whether its slope is significant; null with fewer than 3 points or all x equal. */
export function computeTrend(sums: RegressionSums): LeastSquaresTrend | null {
  if (sums.n < 3 || sums.sxx <= 0) return null;
  const slope = sums.sxy / sums.sxx;
  const intercept = sums.meanY - slope * sums.meanX;
  // Residual sum of squares; never below 0, which rounding can reach on a perfect line.
  const sse = Math.max(0, sums.syy - slope * sums.sxy);
  const standardError = Math.sqrt(sse / (sums.n - 2) / sums.sxx);
  const tStatistic = slope === 0 ? 0 : standardError === 0 ? Number.POSITIVE_INFINITY : slope / standardError;
  return { slope, intercept, tStatistic, significant: Math.abs(tStatistic) > tCritical95(sums.n - 2) };
}

export type MetricForecastStatus = "ON_COURSE" | "OFF_COURSE" | "NOT_ENOUGH_DATA";

export interface MetricForecast {
  status: MetricForecastStatus;
  /** TREND: a significant least-squares line; MEAN: no significant trend, the mean carries on. */
  method: "TREND" | "MEAN" | null;
  /** The value expected on the target date; null without enough data. */
  expected: number | null;
}

/** Whether `value` meets `target` for a metric of this direction (meeting it exactly counts). */
export function meetsTarget(value: number, target: number, direction: MetricDirection): boolean {
  return direction === "HIGHER_IS_BETTER" ? value >= target : value <= target;
}

/**
 * Forecast 1 (see the top of this file): `sums` over the metric's final values with x in days
 * (any origin, as long as `targetDay` uses the same one).
 */
export function computeMetricForecast(input: {
  sums: RegressionSums;
  targetValue: number;
  direction: MetricDirection;
  /** The target date on the same day scale as the x of the sums. */
  targetDay: number;
}): MetricForecast {
  if (input.sums.n < MIN_FORECAST_VALUES) return { status: "NOT_ENOUGH_DATA", method: null, expected: null };
  const trend = computeTrend(input.sums);
  const method = trend?.significant ? "TREND" : "MEAN";
  const expected = trend?.significant ? trend.intercept + trend.slope * input.targetDay : input.sums.meanY;
  return {
    status: meetsTarget(expected, input.targetValue, input.direction) ? "ON_COURSE" : "OFF_COURSE",
    method,
    expected,
  };
}

/** A done milestone's slip over the time it was planned to take from the project's start (forecast 2). */
export function computeMilestoneSlipRatio(input: {
  projectStartDay: number;
  baselineDay: number;
  actualDay: number;
}): number {
  const planned = Math.max(1, input.baselineDay - input.projectStartDay);
  return (input.actualDay - input.baselineDay) / planned;
}

export interface PredictedFinish {
  /** Day number of the predicted finish, on the same scale as the inputs. */
  predictedDay: number;
  /** Predicted finish − forecast end, in days: positive is later than the team forecasts. */
  daysBeyondForecast: number;
}

/**
 * Forecast 2 (see the top of this file); null without a done milestone. Days are day numbers on
 * one scale (e.g. days since the epoch). A forecast end already past keeps its date: there is no
 * time left to stretch.
 */
export function computePredictedFinish(input: {
  todayDay: number;
  forecastEndDay: number;
  averageSlipRatio: number | null;
}): PredictedFinish | null {
  if (input.averageSlipRatio === null || !Number.isFinite(input.averageSlipRatio)) return null;
  const remaining = Math.max(0, input.forecastEndDay - input.todayDay);
  // ceil, as the SQL that orders the list does, so both agree on every day (and on −0 being 0).
  const daysBeyondForecast = Math.ceil(input.averageSlipRatio * remaining) || 0;
  return { predictedDay: input.forecastEndDay + daysBeyondForecast, daysBeyondForecast };
}
