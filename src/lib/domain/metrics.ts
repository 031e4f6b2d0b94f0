import { tz } from "@date-fns/tz";
import { addMonths, addQuarters, addWeeks, startOfMonth, startOfQuarter, startOfWeek } from "date-fns";
import type { Cadence, MetricDirection } from "@/generated/prisma/enums";
import {
  type CalendarDate,
  computeDaysBetween,
  computeLocalDate,
  formatCalendarDate,
  type Violation,
} from "./milestones";

// Metric periods, RAG and progress (DESIGN.md rule 7 and the scorecard views).
//
// Periods are identified by their first day, a calendar date held as a UTC-midnight `Date`:
// exactly what `MetricValue.periodStart` (`@db.Date`) stores, so a result can be written or
// compared with a stored row without conversion. Period arithmetic is done on those calendar
// dates in UTC, where every day has 24 hours; the organisation's time zone matters only when
// turning an instant ("now") into a date, which `computeLocalDate` does.

export type Rag = "GREEN" | "AMBER" | "RED";

const UTC = tz("UTC");

const CADENCE_LABEL: Record<Cadence, { adjective: string; start: string }> = {
  WEEKLY: { adjective: "Weekly", start: "a Monday" },
  MONTHLY: { adjective: "Monthly", start: "the first day of a month" },
  QUARTERLY: {
    adjective: "Quarterly",
    start: "the first day of a quarter (1 January, April, July or October)",
  },
};

/**
 * Days after a period ends before its missing value counts as overdue (an alignment gap), as
 * opposed to merely due (an item on the operations dashboard). Weekly values belong to the
 * Monday–Wednesday review; monthly and quarterly figures often wait for month-end data, which
 * takes about two working weeks, or three for a quarter.
 */
export const DEFAULT_OVERDUE_GRACE_DAYS: Record<Cadence, number> = {
  WEEKLY: 3,
  MONTHLY: 10,
  QUARTERLY: 21,
};

function plainDate(date: Date): CalendarDate {
  // date-fns returns TZDate when given a context; callers and Prisma expect a plain Date.
  return new Date(date.getTime());
}

/** First day of the period containing a calendar date: Monday, the 1st, or 1 Jan/Apr/Jul/Oct. */
export function computePeriodStart(cadence: Cadence, day: CalendarDate): CalendarDate {
  switch (cadence) {
    case "WEEKLY":
      return plainDate(startOfWeek(day, { weekStartsOn: 1, in: UTC }));
    case "MONTHLY":
      return plainDate(startOfMonth(day, { in: UTC }));
    case "QUARTERLY":
      return plainDate(startOfQuarter(day, { in: UTC }));
  }
}

/** First day of the period the organisation is in at `now`, in its own time zone. */
export function computeCurrentPeriodStart(cadence: Cadence, now: Date, timeZone: string): CalendarDate {
  return computePeriodStart(cadence, computeLocalDate(now, timeZone));
}

/** First day of the period after the one starting (or containing) `day`. */
export function computeNextPeriodStart(cadence: Cadence, day: CalendarDate): CalendarDate {
  const start = computePeriodStart(cadence, day);
  switch (cadence) {
    case "WEEKLY":
      return plainDate(addWeeks(start, 1, { in: UTC }));
    case "MONTHLY":
      return plainDate(addMonths(start, 1, { in: UTC }));
    case "QUARTERLY":
      return plainDate(addQuarters(start, 1, { in: UTC }));
  }
}

export interface RecordPeriodInput {
  cadence: Cadence;
  periodStart: CalendarDate;
  now: Date;
  timeZone: string;
}

/**
 * Rule 7: a value belongs to one whole period, named by its first day, and only to a period that
 * has begun. The current period is allowed so that a weekly review can record this week's figure.
 * (One value per period is the unique index on MetricValue; corrections update that row.)
 */
export function canRecordMetricValue(
  input: RecordPeriodInput,
): { ok: true } | { ok: false; violations: Violation[] } {
  const { cadence, periodStart } = input;
  const violations: Violation[] = [];
  const label = CADENCE_LABEL[cadence];

  const aligned = computePeriodStart(cadence, periodStart);
  if (computeDaysBetween(aligned, periodStart) !== 0) {
    violations.push({
      code: "PERIOD_NOT_ALIGNED",
      message: `${label.adjective} values are recorded against ${label.start}, and ${formatCalendarDate(periodStart)} is not: use the period starting ${formatCalendarDate(aligned)}`,
    });
  }

  const current = computeCurrentPeriodStart(cadence, input.now, input.timeZone);
  if (computeDaysBetween(current, aligned) > 0) {
    violations.push({
      code: "PERIOD_IN_FUTURE",
      message: `The period starting ${formatCalendarDate(aligned)} has not begun yet: record values for the current period (from ${formatCalendarDate(current)}) or earlier ones`,
    });
  }

  return violations.length > 0 ? { ok: false, violations } : { ok: true };
}

export interface MissingPeriodsInput {
  cadence: Cadence;
  /** First day values are expected from; the period containing it is the first one due. */
  from: CalendarDate;
  /** The day to judge on, usually today in the organisation's time zone. */
  to: CalendarDate;
  /** Period starts that already have a value (any day inside a period counts for that period). */
  recorded: readonly CalendarDate[];
  /**
   * Days after a period ends before it is counted. 0 (the default) lists every period that has
   * ended, i.e. values due; pass `DEFAULT_OVERDUE_GRACE_DAYS[cadence]` for values overdue.
   */
  graceDays?: number;
}

/**
 * The periods between two dates that have ended (plus grace) without a value, oldest first.
 * The period `to` falls in is never listed: it may be recorded, but it is not due until it ends.
 */
export function computeMissingPeriods(input: MissingPeriodsInput): CalendarDate[] {
  const { cadence, to } = input;
  const graceDays = input.graceDays ?? 0;
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`graceDays must be a whole number of days, 0 or more (got ${graceDays})`);
  }
  const recorded = new Set(input.recorded.map((day) => computePeriodStart(cadence, day).getTime()));
  const missing: CalendarDate[] = [];
  let start = computePeriodStart(cadence, input.from);
  for (;;) {
    const next = computeNextPeriodStart(cadence, start);
    // Due on the day `graceDays` after the first day of the next period.
    if (computeDaysBetween(next, to) < graceDays) break;
    if (!recorded.has(start.getTime())) missing.push(start);
    start = next;
  }
  return missing;
}

export interface RagInput {
  direction: MetricDirection;
  value: number;
  /** The green/amber boundary: a value at this threshold is still green. */
  amberThreshold: number;
  /** The amber/red boundary: a value at this threshold is still amber. */
  redThreshold: number;
}

/**
 * A value exactly at a threshold gets the better colour: thresholds are written as "at least 92%"
 * or "no more than 4 hours", and meeting the stated level should not show as failing it.
 */
export function computeRag(input: RagInput): Rag {
  const { direction, value, amberThreshold, redThreshold } = input;
  if (!Number.isFinite(value)) throw new RangeError(`A metric value must be a finite number (got ${value})`);
  if (direction === "HIGHER_IS_BETTER") {
    if (value >= amberThreshold) return "GREEN";
    if (value >= redThreshold) return "AMBER";
    return "RED";
  }
  if (value <= amberThreshold) return "GREEN";
  if (value <= redThreshold) return "AMBER";
  return "RED";
}

export interface MetricDefinitionInput {
  direction: MetricDirection;
  baselineValue: number;
  targetValue: number;
  amberThreshold: number;
  redThreshold: number;
}

/**
 * The numbers that make RAG and progress meaningful: thresholds in the metric's own order (else
 * amber could never show) and a target that is an improvement on the baseline (else "progress"
 * would reward getting worse). A target equal to the baseline is allowed: "hold at 95%" is a
 * legitimate aim, it just has no progress fraction.
 */
export function canDefineMetric(
  input: MetricDefinitionInput,
): { ok: true } | { ok: false; violations: Violation[] } {
  const violations: Violation[] = [];
  const fields = [
    ["baseline", input.baselineValue],
    ["target", input.targetValue],
    ["amber threshold", input.amberThreshold],
    ["red threshold", input.redThreshold],
  ] as const;
  for (const [name, value] of fields) {
    if (!Number.isFinite(value)) {
      violations.push({ code: "NOT_A_NUMBER", message: `The ${name} is not a number: enter a number` });
    }
  }
  if (violations.length > 0) return { ok: false, violations };

  const higher = input.direction === "HIGHER_IS_BETTER";
  if (higher ? input.amberThreshold < input.redThreshold : input.amberThreshold > input.redThreshold) {
    violations.push({
      code: "THRESHOLDS_OUT_OF_ORDER",
      message: higher
        ? "The thresholds are the wrong way round: when higher is better, the amber threshold (below it the metric turns amber) must be at or above the red threshold (below it, red)"
        : "The thresholds are the wrong way round: when lower is better, the amber threshold (above it the metric turns amber) must be at or below the red threshold (above it, red)",
    });
  }
  if (higher ? input.targetValue < input.baselineValue : input.targetValue > input.baselineValue) {
    violations.push({
      code: "TARGET_WORSE_THAN_BASELINE",
      message: higher
        ? "The target is below the baseline: when higher is better, set a target at or above the baseline"
        : "The target is above the baseline: when lower is better, set a target at or below the baseline",
    });
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true };
}

export interface ProgressInput {
  baselineValue: number;
  targetValue: number;
  value: number;
}

export interface Progress {
  /** Share of the distance from baseline to target covered: below 0 is worse than baseline, above 1 beyond target. */
  raw: number;
  /** `raw` clamped to 0–1, for progress bars and averages that must not be skewed by one outlier. */
  display: number;
}

/**
 * Progress from baseline (0) to target (1). Dividing by the signed distance makes this work for
 * either direction without being told it. Null when baseline equals target: there is no distance
 * to cover, so any fraction would be invented.
 */
export function computeProgressToTarget(input: ProgressInput): Progress | null {
  const distance = input.targetValue - input.baselineValue;
  if (distance === 0 || !Number.isFinite(distance) || !Number.isFinite(input.value)) return null;
  const raw = (input.value - input.baselineValue) / distance;
  return { raw, display: Math.min(1, Math.max(0, raw)) };
}
