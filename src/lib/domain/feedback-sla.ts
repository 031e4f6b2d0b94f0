import { TZDate, tz, tzOffset } from "@date-fns/tz";
import { addDays, isWeekend } from "date-fns";
import type { FeedbackKind, FeedbackStatus } from "@/generated/prisma/enums";
import { assertTimeZone, type CalendarDate, computeLocalDate, type Violation } from "./milestones";

// Feedback response deadlines and lifecycle (DESIGN.md rule 6).
//
// Due-time conventions, all in the organisation's IANA time zone:
// - SAFETY: by the same local wall-clock time on the next calendar day, weekends and holidays
//   included (a safety concern does not wait for Monday). Across a clock change that is 23 hours
//   (spring) or 25 hours (autumn), not a fixed 24: staff read "by this time tomorrow". If that
//   time does not exist tomorrow (a log at 01:30 the day before the spring change) it is read
//   with the clocks not yet changed, so 02:30 BST; if it happens twice (autumn) it is the first
//   of the two. Both cases come out exactly 24 hours after the log.
// - Every other kind: by 17:00 local on the 5th working day after the day it was logged. The
//   day of logging never counts, whatever the time, so a log on a Saturday or Sunday counts from
//   Monday, and one at 16:59 or 17:01 on a Tuesday is due the same time. Working days are
//   Monday–Friday except the organisation's holidays. 17:00 is the end of the working day: a
//   deadline at midnight would land on nobody's desk.
// The deadline is computed once, when the feedback is logged, and stored in `Feedback.dueAt`;
// later changes to the holiday list do not move existing deadlines.

export const RESPONSE_WORKING_DAYS = 5;
export const END_OF_WORKING_DAY_HOUR = 17;

const UTC = tz("UTC");
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Allowed next statuses. Acknowledging is optional; closing needs an answer first; CLOSED is final. */
export const FEEDBACK_TRANSITIONS: Readonly<Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  OPEN: ["ACKNOWLEDGED", "RESPONDED"],
  ACKNOWLEDGED: ["RESPONDED"],
  RESPONDED: ["CLOSED"],
  CLOSED: [],
};

const STATUS_LABEL: Record<FeedbackStatus, string> = {
  OPEN: "open",
  ACKNOWLEDGED: "acknowledged",
  RESPONDED: "answered",
  CLOSED: "closed",
};

export interface FeedbackDueInput {
  kind: FeedbackKind;
  loggedAt: Date;
  /** The organisation's IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  /** Non-working days (bank holidays) as calendar dates; weekends need not be listed. */
  holidays: readonly CalendarDate[];
}

function dayKey(day: CalendarDate): string {
  return day.toISOString().slice(0, 10);
}

/**
 * The instant a local wall-clock time happens in a zone. Not left to TZDate's constructor: for a
 * time that happens twice, @date-fns/tz 1.5 picks the first or the second depending on the
 * server's own time zone (date-fns/tz issue #40), and a deadline must not depend on where the
 * server runs.
 * Fields out of range roll over as in Date.UTC (day 32 is the 1st of the next month).
 */
function resolveWallClock(
  timeZone: string,
  fields: [
    year: number,
    month: number,
    day: number,
    hours: number,
    minutes: number,
    seconds: number,
    ms: number,
  ],
): Date {
  const asIfUtc = Date.UTC(...fields);
  // Any offset in force within a day either side; real zones never change twice in that window.
  const offsets = new Set(
    [-MS_PER_DAY, 0, MS_PER_DAY].map((shift) => tzOffset(timeZone, new Date(asIfUtc + shift))),
  );
  const matches = [...offsets]
    .map((offset) => asIfUtc - offset * MS_PER_MINUTE)
    .filter((instant) => tzOffset(timeZone, new Date(instant)) * MS_PER_MINUTE === asIfUtc - instant)
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first !== undefined) return new Date(first);
  // Skipped by the clocks going forward: read it with the offset in force before the change.
  return new Date(asIfUtc - tzOffset(timeZone, new Date(asIfUtc - MS_PER_DAY)) * MS_PER_MINUTE);
}

/** The instant by which feedback must be answered; see the conventions at the top of this file. */
export function computeFeedbackDueAt(input: FeedbackDueInput): Date {
  const { loggedAt, timeZone } = input;
  assertTimeZone(timeZone);

  if (input.kind === "SAFETY") {
    const local = new TZDate(loggedAt.getTime(), timeZone);
    return resolveWallClock(timeZone, [
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + 1,
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
    ]);
  }

  const holidays = new Set(input.holidays.map(dayKey));
  let day = computeLocalDate(loggedAt, timeZone);
  let counted = 0;
  while (counted < RESPONSE_WORKING_DAYS) {
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
  status: FeedbackStatus;
  dueAt: Date;
  respondedAt?: Date | null;
}

export interface FeedbackSla {
  /** Still waiting for an answer from the project's R or A. */
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
  const awaitingAnswer = feedback.status === "OPEN" || feedback.status === "ACKNOWLEDGED";
  if (awaitingAnswer) {
    const msUntilDue = feedback.dueAt.getTime() - now.getTime();
    return { awaitingAnswer, overdue: msUntilDue < 0, msUntilDue, answeredLate: null };
  }
  const answeredLate = feedback.respondedAt
    ? feedback.respondedAt.getTime() > feedback.dueAt.getTime()
    : null;
  return { awaitingAnswer, overdue: false, msUntilDue: null, answeredLate };
}

export interface FeedbackTransitionInput {
  from: FeedbackStatus;
  to: FeedbackStatus;
  /** Required when moving to RESPONDED. */
  responseText?: string | null;
}

export type FeedbackTransitionCheck =
  | { ok: true; responseText: string | null }
  | { ok: false; violations: Violation[] };

function transitionViolation(from: FeedbackStatus, to: FeedbackStatus): Violation | null {
  if (FEEDBACK_TRANSITIONS[from].includes(to)) return null;
  if (from === "CLOSED") {
    return {
      code: "FEEDBACK_CLOSED",
      message: "This feedback is closed and can no longer change: log new feedback if the issue comes back",
    };
  }
  if (from === to) {
    return { code: "FEEDBACK_ALREADY_IN_STATUS", message: `This feedback is already ${STATUS_LABEL[to]}` };
  }
  if (to === "CLOSED") {
    return {
      code: "FEEDBACK_NOT_ANSWERED",
      message: "This feedback has not been answered: write a response before closing it",
    };
  }
  if (from === "RESPONDED") {
    return {
      code: "FEEDBACK_ALREADY_ANSWERED",
      message: `This feedback has already been answered: it cannot go back to ${STATUS_LABEL[to]}`,
    };
  }
  return {
    code: "FEEDBACK_TRANSITION_NOT_ALLOWED",
    message: `Feedback that is ${STATUS_LABEL[from]} cannot become ${STATUS_LABEL[to]}`,
  };
}

/** Rule 6's lifecycle. Who may answer (an R or A of the project) is an authority check, not this rule. */
export function canTransitionFeedback(input: FeedbackTransitionInput): FeedbackTransitionCheck {
  const transition = transitionViolation(input.from, input.to);
  // Asking for a response to feedback that cannot be answered any more would only confuse.
  if (transition) return { ok: false, violations: [transition] };
  if (input.to !== "RESPONDED") return { ok: true, responseText: null };

  const responseText = input.responseText?.trim() ?? "";
  if (responseText.length === 0) {
    return {
      ok: false,
      violations: [
        {
          code: "RESPONSE_REQUIRED",
          message: "No response written: write the answer the person who logged this feedback will read",
        },
      ],
    };
  }
  return { ok: true, responseText };
}
