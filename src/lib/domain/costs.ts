import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { computePeriodStart } from "./metrics";
import { type CalendarDate, computeDaysBetween, formatCalendarDate, type Violation } from "./milestones";

// Cost entries (DESIGN.md CostEntry; who may record them is rule 3). Spend is booked by month, so a
// period is named by its first day, the way `CostEntry.period` stores it and the way finance
// reports it. The current month is allowed (spend accrues as it happens); later months are not:
// a cost entry records what was spent, and a forecast belongs in the budget, not in the actuals.

/** "March 2025": how people name a month of spend. */
export function formatMonth(period: CalendarDate): string {
  return format(period, "MMMM yyyy", { in: tz("UTC") });
}

export interface CostPeriodInput {
  period: CalendarDate;
  /** Today in the organisation's time zone (`computeLocalDate`), not the UTC date. */
  today: CalendarDate;
}

export function canRecordCostEntry(
  input: CostPeriodInput,
): { ok: true } | { ok: false; violations: Violation[] } {
  const violations: Violation[] = [];
  const month = computePeriodStart("MONTHLY", input.period);
  if (computeDaysBetween(month, input.period) !== 0) {
    violations.push({
      code: "PERIOD_NOT_MONTH_START",
      message: `Costs are recorded against the first day of a month, and ${formatCalendarDate(input.period)} is not: use ${formatCalendarDate(month)} for ${formatMonth(month)}`,
    });
  }
  const current = computePeriodStart("MONTHLY", input.today);
  if (computeDaysBetween(current, month) > 0) {
    violations.push({
      code: "PERIOD_IN_FUTURE",
      message: `${formatMonth(month)} has not begun yet: record spend for ${formatMonth(current)} or an earlier month`,
    });
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true };
}
