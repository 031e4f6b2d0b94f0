// Changing the organisation's settings and its bank holidays (docs/governance-rules.md ACC-5, ACC-7,
// ACC-8). Pure: the caller passes the values as the form sent them (already numbers) and the person
// chosen as duty executive.
//
// The ranges keep every rule that reads a setting meaningful: a tolerance cannot be negative, an
// answer time cannot be zero, red comes after amber, and the safety answer times are never longer
// than the ones they escalate from (a critical safety concern is never given longer than a high
// one, nor safety feedback longer than ordinary feedback). The upper bounds catch slips of the
// keyboard (a 4,000-hour answer time) rather than encode policy.
import { assertTimeZone } from "./calendar";
import type { GovernanceSettings } from "./settings";
import type { FieldViolation } from "./violations";
import type { Role } from "./vocabulary";

export const SETTINGS_VIOLATION = {
  outOfRange: "SETTINGS_OUT_OF_RANGE",
  redNotAfterAmber: "SETTINGS_RED_NOT_AFTER_AMBER",
  criticalSlowerThanHigh: "SETTINGS_CRITICAL_SLOWER_THAN_HIGH",
  safetySlowerThanFeedback: "SETTINGS_SAFETY_SLOWER_THAN_FEEDBACK",
  unknownTimeZone: "SETTINGS_UNKNOWN_TIME_ZONE",
  dutyNotExecutive: "SETTINGS_DUTY_NOT_EXECUTIVE",
  holidayOnWeekend: "HOLIDAY_ON_WEEKEND",
  idleLongerThanSession: "SETTINGS_IDLE_LONGER_THAN_SESSION",
} as const;

export type SettingsValues = Omit<GovernanceSettings, "dutyExecutiveId"> & { timeZone: string };

/** The person chosen as duty executive, as loaded; null when none is chosen. */
export interface DutyCandidate {
  name: string;
  role: Role;
  active: boolean;
}

type NumericSetting = Exclude<
  keyof SettingsValues,
  "timeZone" | "feedbackAcceptanceTimeoutDays" | "mfaRequiredForAll"
>;

/** Inclusive bounds, and how the form asks for the value. */
const RANGES: Readonly<Record<NumericSetting, { min: number; max: number; ask: string }>> = {
  rebaselineToleranceDays: { min: 0, max: 365, ask: "a number of days from 0 to 365" },
  rebaselineTolerancePercent: { min: 0, max: 100, ask: "a percentage from 0 to 100" },
  scheduleAmberPercent: { min: 1, max: 100, ask: "a percentage from 1 to 100" },
  scheduleRedPercent: { min: 1, max: 500, ask: "a percentage from 1 to 500" },
  safetyCriticalAnswerHours: { min: 1, max: 24, ask: "a number of hours from 1 to 24" },
  safetyHighAnswerHours: { min: 1, max: 168, ask: "a number of hours from 1 to 168 (a week)" },
  safetyOtherAnswerWorkingDays: { min: 1, max: 20, ask: "a number of working days from 1 to 20" },
  feedbackAnswerWorkingDays: { min: 1, max: 60, ask: "a number of working days from 1 to 60" },
};

const ACCEPTANCE_TIMEOUT = { min: 1, max: 365 };

export function isTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** docs/governance-rules.md ACC-7 (ranges, time zone) and ACC-5 (the duty executive). */
export function settingsViolations(
  values: SettingsValues,
  dutyExecutive: DutyCandidate | null,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const outOfRange = new Set<string>();
  for (const [field, range] of Object.entries(RANGES) as [
    NumericSetting,
    (typeof RANGES)[NumericSetting],
  ][]) {
    const value = values[field];
    if (value < range.min || value > range.max) {
      outOfRange.add(field);
      violations.push({ code: SETTINGS_VIOLATION.outOfRange, field, message: `Enter ${range.ask}` });
    }
  }
  const timeout = values.feedbackAcceptanceTimeoutDays;
  if (timeout !== null && (timeout < ACCEPTANCE_TIMEOUT.min || timeout > ACCEPTANCE_TIMEOUT.max)) {
    violations.push({
      code: SETTINGS_VIOLATION.outOfRange,
      field: "feedbackAcceptanceTimeoutDays",
      message: "Enter a number of days from 1 to 365, or leave it blank so answers wait for their author",
    });
  }
  // Relations are judged only between values that are themselves in range: one message per slip.
  const inRange = (...fields: NumericSetting[]) => fields.every((f) => !outOfRange.has(f));
  if (
    inRange("scheduleAmberPercent", "scheduleRedPercent") &&
    values.scheduleRedPercent <= values.scheduleAmberPercent
  ) {
    violations.push({
      code: SETTINGS_VIOLATION.redNotAfterAmber,
      field: "scheduleRedPercent",
      message: `Red must start after amber: enter more than ${values.scheduleAmberPercent}%`,
    });
  }
  if (
    inRange("safetyCriticalAnswerHours", "safetyHighAnswerHours") &&
    values.safetyCriticalAnswerHours > values.safetyHighAnswerHours
  ) {
    violations.push({
      code: SETTINGS_VIOLATION.criticalSlowerThanHigh,
      field: "safetyCriticalAnswerHours",
      message: `A critical safety concern must be answered no later than a high one: enter at most ${values.safetyHighAnswerHours} hours`,
    });
  }
  if (
    inRange("safetyOtherAnswerWorkingDays", "feedbackAnswerWorkingDays") &&
    values.safetyOtherAnswerWorkingDays > values.feedbackAnswerWorkingDays
  ) {
    violations.push({
      code: SETTINGS_VIOLATION.safetySlowerThanFeedback,
      field: "safetyOtherAnswerWorkingDays",
      message: `Safety feedback must be answered no later than other feedback: enter at most ${values.feedbackAnswerWorkingDays} working days`,
    });
  }
  if (!isTimeZone(values.timeZone)) {
    violations.push({
      code: SETTINGS_VIOLATION.unknownTimeZone,
      field: "timeZone",
      message: "Enter a time zone by its IANA name, such as Europe/London",
    });
  }
  if (dutyExecutive && !(dutyExecutive.active && dutyExecutive.role === "EXECUTIVE")) {
    violations.push({
      code: SETTINGS_VIOLATION.dutyNotExecutive,
      field: "dutyExecutiveId",
      message: dutyExecutive.active
        ? `${dutyExecutive.name} is not an executive: choose an active executive as duty executive`
        : `${dutyExecutive.name} has been deactivated: choose an active executive as duty executive`,
    });
  }
  return violations;
}

/**
 * docs/governance-rules.md ACC-8: a bank holiday is a weekday. Weekends are never working days, so
 * a holiday falling on one changes nothing; the day off is the substitute weekday, which is the one
 * to enter.
 */
export function holidayViolations(date: Date): FieldViolation[] {
  const weekday = date.getUTCDay();
  if (weekday !== 0 && weekday !== 6) return [];
  return [
    {
      code: SETTINGS_VIOLATION.holidayOnWeekend,
      field: "date",
      message:
        "That date is a weekend, which is never a working day: enter the weekday the holiday is taken instead (the substitute day)",
    },
  ];
}

/**
 * How long a sign-in lasts (docs/security-sessions.md): at most `sessionAbsoluteHours` from signing
 * in, however busy, and it ends after `sessionIdleMinutes` without a request.
 */
export interface SessionLifetimes {
  sessionAbsoluteHours: number;
  sessionIdleMinutes: number;
}

/** The columns' defaults in prisma/schema.prisma: one working shift, half an hour away from the desk. */
export const DEFAULT_SESSION_LIFETIMES: Readonly<SessionLifetimes> = {
  sessionAbsoluteHours: 12,
  sessionIdleMinutes: 30,
};

/**
 * The longest a sign-in may last. The session token's own expiry (next-auth's `maxAge`) is this
 * ceiling, fixed when the app starts, so the setting may shorten a session but never lengthen it.
 */
export const SESSION_ABSOLUTE_HOURS_MAX = 12;
const IDLE_MINUTES = { min: 5, max: 8 * 60 };

/** Bounds of the session lifetimes, and an idle timeout no longer than the absolute lifetime. */
export function sessionLifetimeViolations(values: SessionLifetimes): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const { sessionAbsoluteHours: hours, sessionIdleMinutes: minutes } = values;
  const hoursInRange = hours >= 1 && hours <= SESSION_ABSOLUTE_HOURS_MAX;
  if (!hoursInRange) {
    violations.push({
      code: SETTINGS_VIOLATION.outOfRange,
      field: "sessionAbsoluteHours",
      message: `Enter a number of hours from 1 to ${SESSION_ABSOLUTE_HOURS_MAX}`,
    });
  }
  if (minutes < IDLE_MINUTES.min || minutes > IDLE_MINUTES.max) {
    violations.push({
      code: SETTINGS_VIOLATION.outOfRange,
      field: "sessionIdleMinutes",
      message: `Enter a number of minutes from ${IDLE_MINUTES.min} to ${IDLE_MINUTES.max} (8 hours)`,
    });
  } else if (hoursInRange && minutes > hours * 60) {
    violations.push({
      code: SETTINGS_VIOLATION.idleLongerThanSession,
      field: "sessionIdleMinutes",
      message: `The idle timeout cannot be longer than the session itself: enter at most ${hours * 60} minutes`,
    });
  }
  return violations;
}
