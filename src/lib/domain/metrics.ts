import { utc } from "@date-fns/utc";
import { addMonths, addQuarters, addWeeks, startOfMonth, startOfQuarter, startOfWeek } from "date-fns";
import { type CalendarDate, computeDaysBetween, computeLocalDate, formatCalendarDate } from "./calendar";
import { CADENCE_LABEL as CADENCE_NAME, CADENCE_PERIOD_START_LABEL } from "./labels";
import type { FieldViolation, Violation } from "./violations";
import type { Cadence, MetricDirection } from "./vocabulary";

// Metric periods, RAG and progress (docs/governance-rules.md rule 7, NUM-4 to NUM-6, and the
// scorecard views).
//
// Periods are identified by their first day, a calendar date held as a UTC-midnight `Date`:
// exactly what `MetricValue.periodStart` (`@db.Date`) stores, so a result can be written or
// compared with a stored row without conversion. Period arithmetic is done on those calendar
// dates in UTC, where every day has 24 hours; the organisation's time zone matters only when
// turning an instant ("now") into a date, which `computeLocalDate` does.

export type Rag = "GREEN" | "AMBER" | "RED";

// UTCDate reads a day without asking Intl for an offset each time: dashboards do this thousands of
// times a request, and a TZDate in "UTC" made that the page's main cost.
const UTC = utc;

// The words messages use for a cadence, from the one table of labels (./labels).
const CADENCE_LABEL: Record<Cadence, { adjective: string; start: string }> = {
  WEEKLY: { adjective: CADENCE_NAME.WEEKLY, start: CADENCE_PERIOD_START_LABEL.WEEKLY },
  MONTHLY: { adjective: CADENCE_NAME.MONTHLY, start: CADENCE_PERIOD_START_LABEL.MONTHLY },
  QUARTERLY: { adjective: CADENCE_NAME.QUARTERLY, start: CADENCE_PERIOD_START_LABEL.QUARTERLY },
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
  /** The period's data are not complete yet; such a value may be recorded for the current period. */
  provisional?: boolean;
}

/**
 * Rule 7 and NUM-5: a value belongs to one whole period, named by its first day, and only to a
 * period that has ended: a figure for a month half gone would be read as the month's result. The
 * current period takes a value only when it is marked provisional (a weekly huddle's figure so
 * far); a period that has not begun takes none. (One value per period is the unique index on
 * MetricValue; corrections update that row.)
 */
export function metricValueViolations(input: RecordPeriodInput): FieldViolation[] {
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
  const ahead = computeDaysBetween(current, aligned);
  if (ahead > 0) {
    violations.push({
      code: "PERIOD_IN_FUTURE",
      message: `The period starting ${formatCalendarDate(aligned)} has not begun yet: record values for periods that have ended`,
    });
  } else if (ahead === 0 && !input.provisional) {
    violations.push({
      code: "PERIOD_NOT_ENDED",
      message: `The period starting ${formatCalendarDate(aligned)} has not ended yet, so its figure is not final: mark the value provisional, or record it once the period ends on ${formatCalendarDate(computeNextPeriodStart(cadence, aligned))}`,
    });
  }

  return violations;
}

/**
 * NUM-5: a provisional value becomes final only once its period has ended (a correction may mark
 * it so). Empty when it may.
 */
export function finaliseValueViolations(input: Omit<RecordPeriodInput, "provisional">): FieldViolation[] {
  const current = computeCurrentPeriodStart(input.cadence, input.now, input.timeZone);
  const start = computePeriodStart(input.cadence, input.periodStart);
  if (computeDaysBetween(current, start) < 0) return [];
  return [
    {
      code: "PERIOD_NOT_ENDED",
      message: `The period starting ${formatCalendarDate(start)} has not ended yet: the value stays provisional until ${formatCalendarDate(computeNextPeriodStart(input.cadence, start))}`,
    },
  ];
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
  checkGraceDays(graceDays);
  const recorded = new Set(input.recorded.map((day) => computePeriodStart(cadence, day).getTime()));
  const missing: CalendarDate[] = [];
  let start = computePeriodStart(cadence, input.from);
  while (isPeriodDue(cadence, start, to, graceDays)) {
    if (!recorded.has(start.getTime())) missing.push(start);
    start = computeNextPeriodStart(cadence, start);
  }
  return missing;
}

/** A period's value is due on the day `graceDays` after the first day of the next period. */
function isPeriodDue(cadence: Cadence, start: CalendarDate, on: CalendarDate, graceDays: number): boolean {
  return computeDaysBetween(computeNextPeriodStart(cadence, start), on) >= graceDays;
}

function checkGraceDays(graceDays: number) {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`graceDays must be a whole number of days, 0 or more (got ${graceDays})`);
  }
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

/** What a metric shows where RAG is shown: a colour, or why there is none (NUM-6). */
export type MetricStatus = Rag | "NO_RECENT_DATA" | "NO_DATA";

/**
 * NUM-6: whether a value for the period starting `periodStart` is still recent on `today`: the
 * period after it has not yet been due for longer than the cadence's grace (the same grace that
 * makes a missing value an overdue gap, DEFAULT_OVERDUE_GRACE_DAYS).
 */
export function isValueRecent(
  cadence: Cadence,
  periodStart: CalendarDate,
  today: CalendarDate,
  graceDays: number = DEFAULT_OVERDUE_GRACE_DAYS[cadence],
): boolean {
  // Recent while no later period is overdue, as computeMissingPeriods would say with nothing
  // recorded. Later periods fall due later, so only the one after the value's own needs judging: a
  // dashboard asks this of thousands of metrics, some last valued years ago, and listing every
  // missed week would cost more than the answer.
  checkGraceDays(graceDays);
  const following = computePeriodStart(cadence, computeNextPeriodStart(cadence, periodStart));
  return !isPeriodDue(cadence, following, today, graceDays);
}

export interface MetricStatusInput extends Omit<RagInput, "value"> {
  cadence: Cadence;
  /** The latest value that is not provisional (NUM-5), or null when none is. */
  latestFinal: { periodStart: CalendarDate; value: number } | null;
  today: CalendarDate;
  graceDays?: number;
}

/**
 * NUM-6: the colour of the latest final value while it is recent; "NO_RECENT_DATA" once the
 * cadence's next value is overdue, because an old green says nothing about today; "NO_DATA"
 * before any final value. Provisional values never colour a metric (NUM-5): the period they
 * describe is not over.
 */
export function computeMetricStatus(input: MetricStatusInput): MetricStatus {
  const { latestFinal } = input;
  if (!latestFinal) return "NO_DATA";
  if (!isValueRecent(input.cadence, latestFinal.periodStart, input.today, input.graceDays)) {
    return "NO_RECENT_DATA";
  }
  return computeRag({ ...input, value: latestFinal.value });
}

export interface MetricDefinitionInput {
  direction: MetricDirection;
  baselineValue: number;
  targetValue: number;
  amberThreshold: number;
  redThreshold: number;
}

/**
 * NUM-4: the numbers that make RAG and progress mean something. With computeRag's colours (a value
 * at a threshold gets the better colour), for HIGHER_IS_BETTER:
 *
 *   target > baseline              (else "progress" would reward standing still or getting worse)
 *   red ≤ amber                    (else amber could never show)
 *   baseline < amber               (else the metric is green before the project has done anything)
 *   amber ≤ target                 (else meeting the target still shows amber or red)
 *
 * and the mirror image for LOWER_IS_BETTER (target < baseline, red ≥ amber, baseline > amber,
 * amber ≥ target). Together: red ≤ amber, and baseline < amber ≤ target (higher) or
 * target ≤ amber < baseline (lower). The red threshold may lie either side of the baseline: a
 * baseline may start amber or red. Each violation names the field to fix.
 */
export function metricDefinitionViolations(input: MetricDefinitionInput): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fields = [
    ["baseline", "baselineValue", input.baselineValue],
    ["target", "targetValue", input.targetValue],
    ["amber threshold", "amberThreshold", input.amberThreshold],
    ["red threshold", "redThreshold", input.redThreshold],
  ] as const;
  for (const [name, field, value] of fields) {
    if (!Number.isFinite(value)) {
      violations.push({
        code: "NOT_A_NUMBER",
        field,
        message: `The ${name} is not a number: enter a number`,
      });
    }
  }
  if (violations.length > 0) return violations;

  const { baselineValue: baseline, targetValue: target, amberThreshold: amber, redThreshold: red } = input;
  const higher = input.direction === "HIGHER_IS_BETTER";
  // `better(a, b)`: a is strictly better than b in this metric's direction.
  const better = (a: number, b: number) => (higher ? a > b : a < b);
  const worse = higher ? "below" : "above";

  if (better(red, amber)) {
    violations.push({
      code: "THRESHOLDS_OUT_OF_ORDER",
      field: "redThreshold",
      message: higher
        ? `The thresholds are the wrong way round: when higher is better, the red threshold (below it, red) must be at or below the amber threshold (${amber})`
        : `The thresholds are the wrong way round: when lower is better, the red threshold (above it, red) must be at or above the amber threshold (${amber})`,
    });
  }
  if (!better(target, baseline)) {
    violations.push({
      code: "TARGET_NOT_BETTER_THAN_BASELINE",
      field: "targetValue",
      message: higher
        ? `The target must be above the baseline (${baseline}) when higher is better: a target that is no improvement cannot show progress`
        : `The target must be below the baseline (${baseline}) when lower is better: a target that is no improvement cannot show progress`,
    });
    // The amber threshold's place is between baseline and target; with no such place, the
    // target is the field to fix, and saying more about amber would only confuse.
    return violations;
  }
  if (!better(amber, baseline)) {
    violations.push({
      code: "GREEN_AT_BASELINE",
      field: "amberThreshold",
      message: `At the baseline (${baseline}) the metric would already be green: set the amber threshold ${higher ? "above" : "below"} the baseline, so that green means the project has improved things`,
    });
  }
  if (better(amber, target)) {
    violations.push({
      code: "NOT_GREEN_AT_TARGET",
      field: "amberThreshold",
      message: `Meeting the target (${target}) would still show amber or red: set the amber threshold at or ${worse} the target`,
    });
  }
  return violations;
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
