// The one set of calendar helpers (src/lib/domain/calendar.ts): days are UTC-midnight Dates, the
// trust's today comes from its time zone, and a day reads the same in a message and on a page
// whatever the machine's own time zone.
import { describe, expect, it } from "vitest";
import {
  assertTimeZone,
  computeDaysBetween,
  computeLocalDate,
  computeWallClockInstant,
  formatCalendarDate,
  formatCalendarMonth,
  formatInstant,
  formatShortCalendarDate,
  parseIsoDate,
  toIsoDate,
} from "@/lib/domain/calendar";

/** A calendar date as Prisma returns a `@db.Date` column. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

describe("computeLocalDate", () => {
  it("gives the local date, not the UTC one, just after midnight in London summer time", () => {
    expect(computeLocalDate(new Date("2025-07-01T23:30:00Z"), "Europe/London")).toEqual(d("2025-07-02"));
  });

  it("gives the same date as UTC in London winter time", () => {
    expect(computeLocalDate(new Date("2025-01-15T23:30:00Z"), "Europe/London")).toEqual(d("2025-01-15"));
  });

  it("gives the previous day west of UTC", () => {
    expect(computeLocalDate(new Date("2025-07-02T03:00:00Z"), "America/New_York")).toEqual(d("2025-07-01"));
  });

  it("gives the next day far east of UTC", () => {
    expect(computeLocalDate(new Date("2025-07-01T15:00:00Z"), "Australia/Sydney")).toEqual(d("2025-07-02"));
  });

  it("returns a plain Date at UTC midnight", () => {
    const local = computeLocalDate(new Date("2025-03-30T12:00:00Z"), "Europe/London");
    expect(local.constructor).toBe(Date);
    expect(local.toISOString()).toBe("2025-03-30T00:00:00.000Z");
  });

  it("refuses an unknown time zone instead of silently using UTC", () => {
    expect(() => computeLocalDate(new Date(), "Europe/Londres")).toThrow(
      /Unknown time zone "Europe\/Londres"/,
    );
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(RangeError);
    expect(() => assertTimeZone("Asia/Kolkata")).not.toThrow();
  });
});

describe("computeDaysBetween and formatCalendarDate", () => {
  it("counts calendar days, unaffected by the clock change on 30 March 2025", () => {
    expect(computeDaysBetween(d("2025-03-29"), d("2025-03-31"))).toBe(2);
    expect(computeDaysBetween(d("2025-10-25"), d("2025-10-27"))).toBe(2);
    expect(computeDaysBetween(d("2025-03-31"), d("2025-03-29"))).toBe(-2);
  });

  it("reads a Date holding a time of day as its UTC date, as Prisma does when saving it", () => {
    expect(computeDaysBetween(d("2025-03-10"), new Date("2025-03-10T23:59:59Z"))).toBe(0);
    expect(computeDaysBetween(d("2024-02-28"), d("2024-03-01"))).toBe(2);
  });

  it("formats a date the same way whatever the machine's time zone", () => {
    expect(formatCalendarDate(d("2025-03-03"))).toBe("Monday 3 March 2025");
    expect(formatCalendarDate(d("2025-12-31"))).toBe("Wednesday 31 December 2025");
  });
});

describe("ISO days and the other formats", () => {
  it("turns a day into its ISO text and back", () => {
    expect(toIsoDate(d("2025-03-03"))).toBe("2025-03-03");
    expect(parseIsoDate("2025-03-03")).toEqual(d("2025-03-03"));
    expect(parseIsoDate("2025-03-03T15:00:00.000Z")).toEqual(d("2025-03-03"));
  });

  it("writes a day the same way from a Date or from its ISO text", () => {
    expect(formatCalendarDate("2025-03-03")).toBe("Monday 3 March 2025");
    expect(formatShortCalendarDate(d("2025-03-03"))).toBe("3 Mar 2025");
    expect(formatShortCalendarDate("2025-12-31")).toBe("31 Dec 2025");
  });

  it("names the month as people say it, whatever the machine's time zone", () => {
    expect(formatCalendarMonth(d("2025-03-01"))).toBe("March 2025");
    expect(formatCalendarMonth(d("2024-12-01"))).toBe("December 2024");
    expect(formatCalendarMonth("2024-12-31")).toBe("December 2024");
  });

  it("shows an instant at the trust's wall-clock time", () => {
    expect(formatInstant("2025-07-01T23:30:00.000Z", "Europe/London")).toBe("2 Jul 2025, 00:30");
    expect(formatInstant(new Date("2025-01-15T09:05:00Z"), "Europe/London")).toBe("15 Jan 2025, 09:05");
  });
});

describe("computeWallClockInstant", () => {
  const london = (day: number, month: number, hours: number, minutes = 0) =>
    computeWallClockInstant("Europe/London", [2025, month - 1, day, hours, minutes, 0, 0]).toISOString();

  it("reads a wall-clock time in the zone's offset that day", () => {
    expect(london(15, 1, 17)).toBe("2025-01-15T17:00:00.000Z");
    expect(london(1, 7, 17)).toBe("2025-07-01T16:00:00.000Z");
  });

  it("takes the first of a time that happens twice, and moves a skipped one an hour on", () => {
    // 26 October 2025: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(london(26, 10, 1, 30)).toBe("2025-10-26T00:30:00.000Z");
    // 30 March 2025: 01:30 never happens; read with the clocks not yet changed (GMT).
    expect(london(30, 3, 1, 30)).toBe("2025-03-30T01:30:00.000Z");
  });

  it("rolls fields over as Date.UTC does", () => {
    expect(london(32, 1, 17)).toBe("2025-02-01T17:00:00.000Z");
  });
});
