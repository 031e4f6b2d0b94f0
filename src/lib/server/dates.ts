import "server-only";
// Calendar dates (PostgreSQL `date` columns) reach pages as "YYYY-MM-DD" strings: plain data that
// serialises as is and cannot be shifted by a time zone on the way. The date rules themselves
// (today in the trust's time zone, days between dates) live in src/lib/domain/milestones.ts.
import { type CalendarDate, computeLocalDate } from "@/lib/domain/milestones";

export type IsoDate = string;

export function toIsoDate(date: CalendarDate): IsoDate {
  return date.toISOString().slice(0, 10);
}

export interface Clock {
  now: Date;
  /** The organisation's calendar day at `now` (UTC midnight, like a `date` column). */
  today: CalendarDate;
  /** The organisation's IANA time zone, for showing times as the trust reads them. */
  timeZone: string;
}

export function clockAt(now: Date, timeZone: string): Clock {
  return { now, today: computeLocalDate(now, timeZone), timeZone };
}
