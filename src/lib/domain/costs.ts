import {
  type CalendarDate,
  computeDaysBetween,
  formatCalendarDate,
  formatCalendarMonth as formatMonth,
} from "./calendar";
import { computePeriodStart } from "./metrics";
import { computeReasonViolations } from "./milestones";
import { formatMoney } from "./money";
import type { FieldViolation, Violation } from "./violations";

// Cost entries (who may record them is docs/governance-rules.md rule 3). Spend is booked by month,
// so a period is named by its first day, the way `CostEntry.period` stores it and the way finance
// reports it. The current month is allowed (spend accrues as it happens); later months are not:
// a cost entry records what was spent, and a forecast belongs in the budget, not in the actuals.
//
// The ledger is append-only (docs/governance-rules.md FRAME-6): an entry is never edited or
// deleted. A wrong entry is cancelled by a reversing entry of the opposite amount in the same
// month, and the right one recorded afresh, so every total is a plain sum and the trail shows
// what was booked, when and why it was taken back.

export interface CostPeriodInput {
  period: CalendarDate;
  /** Today in the organisation's time zone (`computeLocalDate`), not the UTC date. */
  today: CalendarDate;
}

export function costEntryViolations(input: CostPeriodInput): FieldViolation[] {
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
  return violations;
}

export interface CostReversalInput {
  /** The entry to reverse: its amount as text ("1250.50"), its month, and what it reverses itself. */
  entry: { amount: string; period: CalendarDate; reversesId: string | null };
  /** Whether an entry reversing it already exists. */
  alreadyReversed: boolean;
  /** Why it is being reversed, as typed. */
  reason: string;
}

/**
 * Why an entry cannot be reversed (docs/governance-rules.md FRAME-7); empty when it can.
 * A reversal is never itself reversed (the spend is recorded again instead), and an entry is
 * reversed once: a second reversal would take the money off the ledger twice.
 */
export function costReversalViolations(input: CostReversalInput): FieldViolation[] {
  const { entry } = input;
  const what = `${formatMoney(entry.amount)} for ${formatMonth(entry.period)}`;
  const violations: FieldViolation[] = [];
  if (entry.reversesId !== null) {
    violations.push({
      code: "REVERSAL_NOT_REVERSIBLE",
      message: `This entry of ${what} is itself a reversal and cannot be reversed: if the original spend was right after all, record it again as a new entry`,
    });
  } else if (input.alreadyReversed) {
    violations.push({
      code: "ALREADY_REVERSED",
      message: `The entry of ${what} has already been reversed, and an entry is reversed only once: record a new entry for the right amount instead`,
    });
  }
  for (const v of computeReasonViolations(input.reason, "reversing this cost")) {
    violations.push({ ...v, field: "reason" });
  }
  return violations;
}
