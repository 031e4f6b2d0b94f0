// Histories that accumulate period by period: metric values and monthly spend. Values move slowly
// towards target with noise and winter pressure, as real hospital data does; nothing is recorded
// for a period that has not finished (rule 7).
import type { Cadence, MetricDirection } from "@/generated/prisma/enums";
import { computeNextPeriodStart, computePeriodStart } from "@/lib/domain/metrics";
import { addDays, addMonths, daysBetween, maxDate, minDate, startOfMonth } from "./calendar";
import { COST_DESCRIPTIONS } from "./demo-activity";
import type { MetricShape } from "./demo-organisation";
import type { TemplateName } from "./demo-projects";
import type { Random } from "./random";
import { during } from "./timeline";

export interface ValuePlan {
  periodStart: Date;
  value: number;
  note: string | null;
  recordedAt: Date;
  /** Not final yet (NUM-5): the period's data are incomplete, or the period has not ended. */
  provisional: boolean;
}

export interface CostPlan {
  period: Date;
  amount: number;
  description: string;
  createdAt: Date;
}

interface SeriesMetric {
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: Cadence;
}

/** How hard winter bites, by UTC month (0 = January): NHS winter runs November to March. */
const WINTER_WEIGHT = [1, 0.7, 0.35, 0, 0, 0, 0, 0, 0, 0, 0.5, 1];

const RECORDING_LAG_DAYS: Record<Cadence, [number, number]> = {
  WEEKLY: [1, 4],
  MONTHLY: [5, 12],
  QUARTERLY: [15, 30],
};

/**
 * The day by which a pilot that began on `pilotDay` has its first confirmed result on record: the
 * first whole period starting on or after that day, recorded within the cadence's usual lag
 * (docs/governance-rules.md GATE-5 counts only periods starting once the pilot has begun).
 */
export function pilotResultsBy(cadence: Cadence, pilotDay: Date): Date {
  const containing = computePeriodStart(cadence, pilotDay);
  const first =
    containing.getTime() < pilotDay.getTime() ? computeNextPeriodStart(cadence, containing) : containing;
  return addDays(computeNextPeriodStart(cadence, first), RECORDING_LAG_DAYS[cadence][1] + 1);
}

/** Period starts from the one containing `from` up to the last one complete before `until`. */
export function completePeriods(cadence: Cadence, from: Date, until: Date): Date[] {
  const periods: Date[] = [];
  for (
    let p = computePeriodStart(cadence, from);
    computeNextPeriodStart(cadence, p).getTime() <= until.getTime();
    p = computeNextPeriodStart(cadence, p)
  ) {
    periods.push(p);
  }
  return periods;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function recordedAt(cadence: Cadence, period: Date, random: Random, notAfter: Date): Date {
  const [min, max] = RECORDING_LAG_DAYS[cadence];
  return during(addDays(computeNextPeriodStart(cadence, period), random.int(min, max)), random, notAfter);
}

/** Two years of a trust scorecard metric, up to the last complete period. */
export function trustSeries(
  metric: SeriesMetric,
  shape: MetricShape,
  today: Date,
  now: Date,
  random: Random,
): ValuePlan[] {
  const periods = completePeriods(metric.cadence, addMonths(today, -24), today);
  periods.splice(periods.length - (shape.missingRecent ?? 0));
  const gap = metric.target - metric.baseline;
  const better = metric.direction === "HIGHER_IS_BETTER" ? 1 : -1;
  let yearToDate = 0;
  return periods.map((period, i) => {
    const month = period.getUTCMonth();
    let value: number;
    if (shape.yearToDate) {
      // Cumulative within the financial year: restarts every April, and a history that begins
      // mid-year starts from what the year had already delivered.
      const monthsIntoYear = (month + 9) % 12;
      if (month === 3) yearToDate = 0;
      else if (i === 0) yearToDate = (metric.target / 12) * shape.achieved * monthsIntoYear;
      yearToDate += (metric.target / 12) * shape.achieved * (1 + 3 * shape.noise * random.normal());
      value = Math.max(0, yearToDate);
    } else {
      const t = periods.length > 1 ? i / (periods.length - 1) : 1;
      value = metric.baseline + gap * shape.achieved * t ** 0.9;
      value -= better * (shape.winter ?? 0) * (WINTER_WEIGHT[month] ?? 0) * Math.abs(gap);
      value += random.normal() * shape.noise * Math.abs(gap);
    }
    value = Math.max(0, value);
    if (shape.max !== undefined) value = Math.min(shape.max, value);
    const winterNote =
      (shape.winter ?? 0) >= 0.35 && (month === 11 || month === 0) && random.chance(0.35)
        ? "Winter escalation: extra beds open across the site"
        : null;
    const provisional =
      i === periods.length - 1 && metric.cadence === "MONTHLY" && random.chance(0.3)
        ? "Provisional: validated figure due with next month’s return"
        : null;
    return {
      periodStart: period,
      value: round(value, shape.decimals),
      note: winterNote ?? provisional,
      recordedAt: recordedAt(metric.cadence, period, random, now),
      // Flagged as the note says, so that it never colours the metric (NUM-5).
      provisional: winterNote === null && provisional !== null,
    };
  });
}

export interface ProjectSeriesRange {
  start: Date;
  plannedEnd: Date;
  /** Values stop at the last period complete before this day (today, paused, stopped or closed). */
  cutoff: Date;
  /** Share of the baseline-to-target gap closed by the planned end. */
  achieved: number;
  /** Closed projects' last value is their benefits review. */
  closed: boolean;
  /** Periods at the end still waiting for a value. */
  missingRecent: number;
  /** Never recorded later than this (a closed project's closure). */
  notAfter: Date;
}

/** A project's own measure from its start, improving as the project delivers. */
export function projectSeries(
  metric: SeriesMetric & { decimals: number; max?: number },
  range: ProjectSeriesRange,
  today: Date,
  random: Random,
): ValuePlan[] {
  const from = maxDate(range.start, addMonths(today, -24));
  const periods = completePeriods(metric.cadence, from, range.cutoff);
  if (range.missingRecent > 0) periods.splice(periods.length - range.missingRecent);
  const gap = metric.target - metric.baseline;
  // Counts that start from nothing (nurses in post, portal sign-ups) only ever go up.
  const cumulative = metric.baseline === 0 && metric.direction === "HIGHER_IS_BETTER";
  const life = Math.max(1, daysBetween(range.start, range.plannedEnd));
  let previous = metric.baseline;
  return periods.map((period, i) => {
    const t = Math.min(
      1,
      Math.max(0, daysBetween(range.start, computeNextPeriodStart(metric.cadence, period)) / life),
    );
    let value = metric.baseline + gap * range.achieved * t ** 1.3;
    if (!cumulative) value += random.normal() * 0.06 * Math.abs(gap);
    if (cumulative) value = Math.max(previous, value);
    value = Math.max(0, value);
    if (metric.max !== undefined) value = Math.min(metric.max, value);
    previous = value;
    const isFinal = range.closed && i === periods.length - 1;
    return {
      periodStart: period,
      value: round(value, metric.decimals),
      note: isFinal ? "Benefits review at closure" : null,
      recordedAt: recordedAt(metric.cadence, period, random, range.notAfter),
      provisional: false,
    };
  });
}

export interface CostRange {
  budget: number;
  start: Date;
  plannedEnd: Date;
  cutoff: Date;
  closed: boolean;
  /** Spend as a multiple of the pro-rata budget. */
  spendFactor: number;
  template: TemplateName;
  now: Date;
}

/** Monthly actual spend for every complete month the project has run. */
export function costSeries(range: CostRange, random: Random): CostPlan[] {
  const months: Date[] = [];
  const lastMonth = startOfMonth(range.cutoff);
  for (let m = startOfMonth(range.start); m.getTime() < lastMonth.getTime(); m = addMonths(m, 1))
    months.push(m);
  if (months.length === 0) return [];
  const elapsed = range.closed
    ? 1
    : Math.min(
        1,
        Math.max(
          0,
          daysBetween(range.start, lastMonth) / Math.max(1, daysBetween(range.start, range.plannedEnd)),
        ),
      );
  const total = range.budget * elapsed * range.spendFactor;
  const descriptions = COST_DESCRIPTIONS[range.template];
  const lumpy = range.template === "digital" || range.template === "estates";
  const lumpDescription =
    range.template === "estates" ? "Contractor valuation" : "Supplier milestone payment";
  const entries = months.map((period, i) => {
    const lump = lumpy && i > 0 && i % random.int(3, 5) === 0;
    const weight = Math.max(0.3, 1 + 0.3 * random.normal()) + (lump ? 2.5 : 0);
    const description = lump ? lumpDescription : random.pick(descriptions);
    return { period, weight, description };
  });
  const weights = entries.reduce((sum, e) => sum + e.weight, 0);
  return entries.map((e) => ({
    period: e.period,
    amount: Math.max(10, Math.round((total * e.weight) / weights / 10) * 10),
    description: e.description,
    createdAt: during(
      minDate(addDays(addMonths(e.period, 1), random.int(3, 12)), range.cutoff),
      random,
      range.now,
    ),
  }));
}
