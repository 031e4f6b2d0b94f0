// Display formatting, British English. Days and instants are written by the one set of calendar
// helpers (src/lib/domain/calendar.ts) and money by the one formatter (src/lib/domain/money.ts),
// so a page says what the rules' messages say. Days arrive as "YYYY-MM-DD" and are shown as that
// day, whatever the time zone; instants are shown in the organisation's time zone.
import { formatInstant, formatShortCalendarDate, type IsoDate } from "@/lib/domain/calendar";

/** "3 Mar 2025". */
export function formatDate(isoDate: IsoDate): string {
  return formatShortCalendarDate(isoDate);
}

/** "3 Mar 2025, 14:05" in the trust's time zone. */
export function formatDateTime(isoTimestamp: string, timeZone: string): string {
  return formatInstant(isoTimestamp, timeZone);
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "On baseline", "12 days late", "3 days early". */
export function formatSlip(days: number): string {
  if (days === 0) return "On baseline";
  const n = Math.abs(days);
  return `${n} ${n === 1 ? "day" : "days"} ${days > 0 ? "late" : "early"}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
