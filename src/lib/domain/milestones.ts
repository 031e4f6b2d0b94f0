import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import { type FieldViolation, normaliseReason, type Violation } from "./violations";
import type { MilestoneStatus } from "./vocabulary";

// Milestone rules (docs/governance-rules.md rule 5): health, slippage, and what may change a
// milestone's dates. Dates are calendar dates, read with the helpers in ./calendar.

export type MilestoneHealth =
  | "DONE_ON_TIME"
  | "DONE_LATE"
  | "CANCELLED"
  | "OVERDUE"
  | "AT_RISK"
  | "DUE_SOON"
  | "ON_TRACK";

export interface MilestoneDates {
  baselineDate: CalendarDate;
  forecastDate: CalendarDate;
  actualDate: CalendarDate | null;
  status: MilestoneStatus;
}

export interface MilestoneHealthReport {
  health: MilestoneHealth;
  /** Days the milestone lands after its baseline (actual date once done, forecast otherwise); negative is early. */
  slipDays: number;
  /** Days from today to the forecast while the milestone is open (negative once overdue); null when done or cancelled. */
  daysToForecast: number | null;
}

/** Two weeks: what a fortnightly review needs to see coming. */
export const DEFAULT_DUE_SOON_DAYS = 14;

/** Long enough for "Supplier delivery slipped", short enough that nobody is forced to pad. */
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2000;

// Whole texts that satisfy a length check but explain nothing; compared after lower-casing and
// dropping punctuation. A governance trail full of "see above" is what rule 5 exists to prevent.
const PLACEHOLDER_REASONS = new Set([
  "as above",
  "see above",
  "as discussed",
  "as agreed",
  "per discussion",
  "not applicable",
  "no reason",
  "no reason given",
  "to be confirmed",
  "to be decided",
  "to be advised",
  "date changed",
  "date moved",
  "date updated",
  "change date",
  "changed date",
  "update date",
  "updated date",
  "new date",
  "forecast changed",
  "forecast updated",
  "forecast moved",
  "update forecast",
  "updated forecast",
  "change forecast",
  "changed forecast",
  "milestone moved",
  "milestone cancelled",
  "cancel milestone",
  "not needed",
  "no longer needed",
  "test test",
  "testing testing",
  "lorem ipsum",
]);

/**
 * Slip against the baseline: the actual date once done (it is what happened), otherwise the
 * forecast. A DONE milestone without an actual date (legacy data) falls back to its forecast.
 */
export function computeSlipDays(milestone: MilestoneDates): number {
  const landed =
    milestone.status === "DONE" && milestone.actualDate ? milestone.actualDate : milestone.forecastDate;
  return computeDaysBetween(milestone.baselineDate, landed);
}

/**
 * One health per milestone, worst first: overdue beats at-risk beats due-soon, so a dashboard
 * sorting by health shows what needs attention today before what needs attention this month.
 * A forecast of today is due, not overdue; early completion counts as on time.
 */
export function computeMilestoneHealth(
  milestone: MilestoneDates,
  today: CalendarDate,
  options: { dueSoonDays?: number } = {},
): MilestoneHealthReport {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
    throw new RangeError(`dueSoonDays must be a whole number of days, 0 or more (got ${dueSoonDays})`);
  }
  const slipDays = computeSlipDays(milestone);

  if (milestone.status === "DONE") {
    return { health: slipDays > 0 ? "DONE_LATE" : "DONE_ON_TIME", slipDays, daysToForecast: null };
  }
  if (milestone.status === "CANCELLED") {
    return { health: "CANCELLED", slipDays, daysToForecast: null };
  }

  const daysToForecast = computeDaysBetween(today, milestone.forecastDate);
  let health: MilestoneHealth;
  if (daysToForecast < 0) health = "OVERDUE";
  else if (slipDays > 0) health = "AT_RISK";
  else if (daysToForecast <= dueSoonDays) health = "DUE_SOON";
  else health = "ON_TRACK";
  return { health, slipDays, daysToForecast };
}

/**
 * Whether a free-text reason actually explains something. Used for forecast changes and
 * cancellations; the slippage history is only worth keeping if its reasons can be read later.
 * `action` completes “Give a reason for …” in the messages, e.g. "moving the forecast".
 */
export function computeReasonViolations(reason: string, action: string): FieldViolation[] {
  const text = normaliseReason(reason);
  if (text.length === 0) {
    return [{ code: "REASON_REQUIRED", message: `Give a reason for ${action}` }];
  }
  if (text.length > REASON_MAX_LENGTH) {
    return [
      {
        code: "REASON_TOO_LONG",
        message: `The reason for ${action} is over ${REASON_MAX_LENGTH} characters: summarise it, and put the detail in a decision or a document`,
      },
    ];
  }
  if (text.length < REASON_MIN_LENGTH) {
    return [
      {
        code: "REASON_TOO_SHORT",
        message: `The reason for ${action} is too short to explain anything: write at least ${REASON_MIN_LENGTH} characters, for example “Supplier delivery slipped two weeks”`,
      },
    ];
  }
  const words = text.split(" ").filter((word) => /\p{L}/u.test(word));
  const distinctLetters = new Set(text.toLowerCase().match(/\p{L}/gu) ?? []);
  const bare = normaliseReason(text.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ""));
  if (words.length < 2 || distinctLetters.size < 4 || PLACEHOLDER_REASONS.has(bare)) {
    const quoted = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return [
      {
        code: "REASON_NOT_MEANINGFUL",
        message: `“${quoted}” does not explain ${action}: say what happened and why, for example “Supplier delivery slipped two weeks”`,
      },
    ];
  }
  return [];
}

export interface ForecastChangeInput {
  milestone: Pick<MilestoneDates, "status" | "baselineDate" | "forecastDate">;
  newForecastDate: CalendarDate;
  reason: string;
  today: CalendarDate;
}

/** What an allowed forecast change records. */
export interface ForecastChange {
  oldDate: CalendarDate;
  newDate: CalendarDate;
  /** Trimmed, whitespace collapsed: what the MilestoneChange row should keep. */
  reason: string;
  /** Positive when the forecast moves later. */
  deltaDays: number;
  /** New forecast against the baseline; positive is late. */
  slipDays: number;
  /** Rule 5: a forecast later than the baseline marks the milestone at risk. */
  marksAtRisk: boolean;
}

/**
 * Rule 5: every forecast change needs a reason, and is kept as history. A forecast is a
 * prediction, so it cannot lie in the past: work that already happened is recorded by completing
 * the milestone with its actual date. The baseline is not touched here; it moves only through an
 * approved Rebaseline.
 */
export function forecastChangeViolations(input: ForecastChangeInput): FieldViolation[] {
  const { milestone, newForecastDate, today } = input;
  const violations: Violation[] = [];

  if (milestone.status === "DONE") {
    violations.push({
      code: "MILESTONE_DONE",
      message: "This milestone is done: its forecast can no longer change",
    });
  } else if (milestone.status === "CANCELLED") {
    violations.push({
      code: "MILESTONE_CANCELLED",
      message: "This milestone was cancelled: its forecast can no longer change",
    });
  }

  const deltaDays = computeDaysBetween(milestone.forecastDate, newForecastDate);
  if (deltaDays === 0) {
    violations.push({
      code: "FORECAST_UNCHANGED",
      message: `The forecast is already ${formatCalendarDate(milestone.forecastDate)}: choose a different date`,
    });
  } else if (computeDaysBetween(today, newForecastDate) < 0) {
    violations.push({
      code: "FORECAST_IN_PAST",
      message: `A forecast cannot be before today (${formatCalendarDate(today)}): choose a date from today on, or, if the milestone has already happened, mark it done with its actual date`,
    });
  }

  violations.push(...computeReasonViolations(input.reason, "moving the forecast"));
  return violations;
}

/** The change a forecast move records (once `forecastChangeViolations` has none). */
export function computeForecastChange(input: Omit<ForecastChangeInput, "today">): ForecastChange {
  const { milestone, newForecastDate } = input;
  const slipDays = computeDaysBetween(milestone.baselineDate, newForecastDate);
  return {
    oldDate: milestone.forecastDate,
    newDate: newForecastDate,
    reason: normaliseReason(input.reason),
    deltaDays: computeDaysBetween(milestone.forecastDate, newForecastDate),
    slipDays,
    marksAtRisk: slipDays > 0,
  };
}

export interface CompletionInput {
  milestone: Pick<MilestoneDates, "status" | "baselineDate">;
  actualDate: CalendarDate;
  today: CalendarDate;
}

/** What completing a milestone on its actual date means for its schedule. */
export interface MilestoneCompletion {
  actualDate: CalendarDate;
  slipDays: number;
  onTime: boolean;
}

/** A milestone is done when it has happened: the actual date may be today or earlier, never later. */
export function completionViolations(input: CompletionInput): FieldViolation[] {
  const { milestone, actualDate, today } = input;
  const violations: Violation[] = [];

  if (milestone.status === "DONE") {
    violations.push({ code: "MILESTONE_ALREADY_DONE", message: "This milestone is already marked done" });
  } else if (milestone.status === "CANCELLED") {
    violations.push({
      code: "MILESTONE_CANCELLED",
      message: "This milestone was cancelled: it cannot be marked done",
    });
  }
  if (computeDaysBetween(today, actualDate) > 0) {
    violations.push({
      code: "ACTUAL_DATE_IN_FUTURE",
      message: `The actual date, ${formatCalendarDate(actualDate)}, is in the future: mark the milestone done once it has happened (today is ${formatCalendarDate(today)})`,
    });
  }

  return violations;
}

/** The completion's slip against the baseline (once `completionViolations` has none). */
export function computeMilestoneCompletion(input: Omit<CompletionInput, "today">): MilestoneCompletion {
  const slipDays = computeDaysBetween(input.milestone.baselineDate, input.actualDate);
  return { actualDate: input.actualDate, slipDays, onTime: slipDays <= 0 };
}

export interface CancellationInput {
  milestone: Pick<MilestoneDates, "status">;
  reason: string;
}

/**
 * Cancelling drops a commitment, so, like a forecast change, it has to say why. A done milestone
 * stays done: what happened is not undone by cancelling it.
 */
export function cancellationViolations(input: CancellationInput): FieldViolation[] {
  const violations: Violation[] = [];
  if (input.milestone.status === "DONE") {
    violations.push({
      code: "MILESTONE_DONE",
      message: "This milestone is done: what has happened cannot be cancelled",
    });
  } else if (input.milestone.status === "CANCELLED") {
    violations.push({ code: "MILESTONE_ALREADY_CANCELLED", message: "This milestone is already cancelled" });
  }
  violations.push(...computeReasonViolations(input.reason, "cancelling the milestone"));
  return violations;
}
