// The calendar: days, the trust's today, and how days are written. One set of helpers for the
// rules, the read modules and the pages, so a date never reads one way in a message and another
// on a page, and no module keeps its own day arithmetic.
//
// A day is a calendar date, not an instant: a `Date` at UTC midnight, which is what Prisma returns
// for `@db.Date` columns and what it writes back. Only the UTC year-month-day is read, so an
// instant passed by mistake is truncated the way Prisma would truncate it when saving. "Today"
// must therefore be the organisation's local date (`computeLocalDate(now, organisation.timeZone)`),
// never `new Date()`: just after midnight in London in summer, the UTC date is still yesterday.
// Pages receive days as "YYYY-MM-DD" text (`IsoDate`): plain data that serialises as is and that
// no time zone can shift on the way.

import { TZDate, tzOffset } from "@date-fns/tz";
import { utc } from "@date-fns/utc";
import { format } from "date-fns";

/** A day, as a `Date` at UTC midnight (Prisma's `@db.Date`). */
export type CalendarDate = Date;

/** A day as text, "2025-03-03": how days travel to pages. */
export type IsoDate = string;

// Read in UTC, where a calendar date's midnight lives, so the server's own zone never shifts a day.
// UTCDate reads a day without asking Intl for an offset each time: dashboards do this thousands of
// times a request, and a TZDate in "UTC" made that the page's main cost.
const UTC = utc;
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Days since the epoch of a calendar date; the UTC reading is what makes this a date comparison. */
function dayNumber(date: CalendarDate): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * Throws on a time zone the runtime does not know. A bad zone is a configuration error, not a
 * user's mistake, and silently computing in UTC would move every due date by hours.
 */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as "Europe/London".`);
  }
}

/** The calendar date an instant falls on in the given IANA time zone, as a UTC-midnight `Date`. */
export function computeLocalDate(instant: Date, timeZone: string): CalendarDate {
  assertTimeZone(timeZone);
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** Whole days from `from` to `to` (positive when `to` is later), read as calendar dates. */
export function computeDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The instant a local wall-clock time happens in a zone: a time that happens twice (the clocks
 * going back) is the first of the two; one that does not happen (the clocks going forward) is read
 * with the clocks not yet changed, so one hour later. Not left to TZDate's constructor: for a
 * time that happens twice, @date-fns/tz 1.5 picks the first or the second depending on the
 * server's own time zone (date-fns/tz issue #40), and a deadline must not depend on where the
 * server runs. Fields out of range roll over as in Date.UTC (day 32 is the 1st of the next month).
 */
export function computeWallClockInstant(
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

/** The day as "YYYY-MM-DD", for pages and keys. */
export function toIsoDate(date: CalendarDate): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** "2025-03-03" (a longer ISO text is read by its first ten characters) as a calendar date. */
export function parseIsoDate(isoDate: IsoDate): CalendarDate {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
}

const asCalendarDate = (date: CalendarDate | IsoDate): CalendarDate =>
  typeof date === "string" ? parseIsoDate(date) : date;

/** "Monday 3 March 2025": unambiguous in messages whatever the reader's locale conventions. */
export function formatCalendarDate(date: CalendarDate | IsoDate): string {
  return format(asCalendarDate(date), "EEEE d MMMM yyyy", { in: UTC });
}

const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "3 Mar 2025" ("3 Sept 2025", as en-GB writes it): a day in a table or a fact on a page. */
export function formatShortCalendarDate(date: CalendarDate | IsoDate): string {
  return shortDateFormat.format(asCalendarDate(date));
}

/** "March 2025": how people name a month (of spend, of a report), from any day in it. */
export function formatCalendarMonth(date: CalendarDate | IsoDate): string {
  return format(asCalendarDate(date), "MMMM yyyy", { in: UTC });
}

/** "3 Mar 2025, 14:05": an instant as the trust reads it, in its IANA time zone. */
export function formatInstant(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(typeof instant === "string" ? new Date(instant) : instant);
}
