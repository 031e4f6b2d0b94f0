import "server-only";
// The organisation's clock: now, and the trust's today read from it in the trust's time zone. The
// calendar itself (days, days between them, how they are written) is src/lib/domain/calendar.ts;
// this adds only what the server knows, the instant it is and the zone the trust keeps.
import { type CalendarDate, computeLocalDate } from "@/lib/domain/calendar";

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
