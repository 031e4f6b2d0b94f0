import { TZDate } from "@date-fns/tz";
import { utc } from "@date-fns/utc";
import { addDays, isWeekend } from "date-fns";
import {
  assertTimeZone,
  type CalendarDate,
  computeLocalDate,
  toIsoDate as dayKey,
  computeWallClockInstant as resolveWallClock,
} from "./calendar";
import type { GovernanceSettings } from "./settings";
import type { FeedbackKind, FeedbackStatus, Severity } from "./vocabulary";

// Feedback answer times (docs/governance-rules.md rule 6, FB-1 and FB-2).
//
// How long the project team has to answer comes from the organisation's settings (FB-2), all in
// the organisation's IANA time zone:
// - SAFETY, CRITICAL: `safetyCriticalAnswerHours` hours on the clock (4 by default). Harm does not
//   wait for a clock change, so an hour is an hour.
// - SAFETY, HIGH: `safetyHighAnswerHours` hours of the trust's wall clock (24 by default): staff
//   read "by this time tomorrow", so across a clock change that is 23 or 25 real hours. A time that
//   does not exist that day (skipped in spring) is read with the clocks not yet changed, so one
//   hour later; one that happens twice (autumn) is the first of the two.
// - SAFETY, MEDIUM or LOW: `safetyOtherAnswerWorkingDays` working days (2 by default);
// - every other kind: `feedbackAnswerWorkingDays` working days (5 by default); both by 17:00 local
//   on the last of those days. The day of logging never counts, whatever the time, so a log on a
//   Saturday or Sunday counts from Monday. Working days are Monday–Friday except the organisation's
//   holidays. 17:00 is the end of the working day: a deadline at midnight lands on nobody's desk.
// - ENDORSEMENT: acknowledged, not answered (FB-1). It gets the working-days date as a target for
//   the acknowledgement, but it is never overdue, never escalated and never counted as late.
// The deadline is computed when the feedback is logged (and again from the reopening when its
// author reopens it, FB-3) and stored in `Feedback.dueAt`; later changes to the settings or the
// holiday list do not move existing deadlines.

export const END_OF_WORKING_DAY_HOUR = 17;

/** The settings an answer time is read from (src/lib/domain/settings.ts). */
export type AnswerTimeSettings = Pick<
  GovernanceSettings,
  | "safetyCriticalAnswerHours"
  | "safetyHighAnswerHours"
  | "safetyOtherAnswerWorkingDays"
  | "feedbackAnswerWorkingDays"
>;

/** How long the team has to answer one piece of feedback (FB-2). */
export type AnswerTime =
  | { unit: "CLOCK_HOURS"; hours: number }
  | { unit: "WALL_CLOCK_HOURS"; hours: number }
  | { unit: "WORKING_DAYS"; days: number };

export function computeAnswerTime(
  kind: FeedbackKind,
  severity: Severity,
  settings: AnswerTimeSettings,
): AnswerTime {
  if (kind === "SAFETY" && severity === "CRITICAL") {
    return { unit: "CLOCK_HOURS", hours: settings.safetyCriticalAnswerHours };
  }
  if (kind === "SAFETY" && severity === "HIGH") {
    return { unit: "WALL_CLOCK_HOURS", hours: settings.safetyHighAnswerHours };
  }
  if (kind === "SAFETY") return { unit: "WORKING_DAYS", days: settings.safetyOtherAnswerWorkingDays };
  return { unit: "WORKING_DAYS", days: settings.feedbackAnswerWorkingDays };
}

/**
 * The holidays a due date computed at `from` can depend on: a window wide enough for the longest
 * working-days answer time even with a holiday in every week, so callers read only these.
 */
export function computeHolidayWindow(from: Date, settings: AnswerTimeSettings): { from: Date; to: Date } {
  const days = Math.max(settings.safetyOtherAnswerWorkingDays, settings.feedbackAnswerWorkingDays);
  return {
    from: new Date(from.getTime() - MS_PER_DAY),
    to: new Date(from.getTime() + (days * 2 + 14) * MS_PER_DAY),
  };
}

// UTCDate reads a day without asking Intl for an offset each time: dashboards do this thousands of
// times a request, and a TZDate in "UTC" made that the page's main cost.
const UTC = utc;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export interface FeedbackDueInput {
  kind: FeedbackKind;
  severity: Severity;
  /** When the clock starts: the logging, or the author's reopening (FB-3). */
  loggedAt: Date;
  /** The organisation's IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  /** Non-working days (bank holidays) as calendar dates; weekends need not be listed. */
  holidays: readonly CalendarDate[];
  settings: AnswerTimeSettings;
}

/** The instant by which feedback must be answered; see the conventions at the top of this file (FB-2). */
export function computeFeedbackDueAt(input: FeedbackDueInput): Date {
  const { loggedAt, timeZone } = input;
  assertTimeZone(timeZone);
  const answerTime = computeAnswerTime(input.kind, input.severity, input.settings);

  if (answerTime.unit === "CLOCK_HOURS") return new Date(loggedAt.getTime() + answerTime.hours * MS_PER_HOUR);
  if (answerTime.unit === "WALL_CLOCK_HOURS") {
    const local = new TZDate(loggedAt.getTime(), timeZone);
    return resolveWallClock(timeZone, [
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours() + answerTime.hours,
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ]);
  }

  const holidays = new Set(input.holidays.map(dayKey));
  let day = computeLocalDate(loggedAt, timeZone);
  let counted = 0;
  while (counted < answerTime.days) {
    day = addDays(day, 1, { in: UTC });
    if (!isWeekend(day, { in: UTC }) && !holidays.has(dayKey(day))) counted += 1;
  }
  return resolveWallClock(timeZone, [
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    END_OF_WORKING_DAY_HOUR,
    0,
    0,
    0,
  ]);
}

export interface FeedbackSlaInput {
  kind: FeedbackKind;
  status: FeedbackStatus;
  dueAt: Date;
  respondedAt?: Date | null;
}

export interface FeedbackSla {
  /** Still waiting for an answer from the project's R or A (an endorsement never is, FB-1). */
  awaitingAnswer: boolean;
  /** Waiting and past its due time: escalated on the leadership dashboard. */
  overdue: boolean;
  /** Milliseconds from `now` to the deadline while waiting (negative once overdue); null once answered. */
  msUntilDue: number | null;
  /** Whether the answer came after the deadline; null while unanswered or when the time is unknown. */
  answeredLate: boolean | null;
}

/** A deadline is met up to and including its exact instant; one millisecond later it is overdue. */
export function computeFeedbackSla(feedback: FeedbackSlaInput, now: Date): FeedbackSla {
  // An endorsement waits for an acknowledgement, not an answer: never overdue, never late (FB-1).
  if (feedback.kind === "ENDORSEMENT") {
    return { awaitingAnswer: false, overdue: false, msUntilDue: null, answeredLate: null };
  }
  const awaitingAnswer = isAwaitingAnswer(feedback.status);
  if (awaitingAnswer) {
    const msUntilDue = feedback.dueAt.getTime() - now.getTime();
    return { awaitingAnswer, overdue: msUntilDue < 0, msUntilDue, answeredLate: null };
  }
  const answeredLate = feedback.respondedAt
    ? feedback.respondedAt.getTime() > feedback.dueAt.getTime()
    : null;
  return { awaitingAnswer, overdue: false, msUntilDue: null, answeredLate };
}

/** Statuses in which feedback waits for the team's answer: logged, or reopened by its author. */
export const AWAITING_ANSWER: readonly FeedbackStatus[] = ["OPEN", "ACKNOWLEDGED"];

export function isAwaitingAnswer(status: FeedbackStatus): boolean {
  return AWAITING_ANSWER.includes(status);
}
