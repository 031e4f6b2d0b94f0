// Rule 4's benefits review: a project closes only when every project metric has a final value,
// meaning one recorded for the period the project closes in or the last complete period before
// it. A figure from months ago says nothing about what the project delivered, and a provisional one
// describes a period whose data were not complete (docs/governance-rules.md NUM-5).
import type { CalendarDate } from "./calendar";
import { computePeriodStart } from "./metrics";
import type { Cadence } from "./vocabulary";

const MS_PER_DAY = 86_400_000;

/** The first day of the last complete period before the one containing `closingDay`. */
export function computeEarliestFinalPeriod(cadence: Cadence, closingDay: CalendarDate): CalendarDate {
  const closingPeriod = computePeriodStart(cadence, closingDay);
  return computePeriodStart(cadence, new Date(closingPeriod.getTime() - MS_PER_DAY));
}

export interface MetricValueFacts {
  cadence: Cadence;
  /**
   * Period start of the latest FINAL value (provisional values left out, NUM-5), or null if none
   * has been recorded.
   */
  lastValuePeriodStart: CalendarDate | null;
}

/** Whether the metric's latest value is recent enough to serve as the benefits-review value. */
export function hasFinalValue(metric: MetricValueFacts, closingDay: CalendarDate): boolean {
  if (!metric.lastValuePeriodStart) return false;
  return (
    metric.lastValuePeriodStart.getTime() >= computeEarliestFinalPeriod(metric.cadence, closingDay).getTime()
  );
}
