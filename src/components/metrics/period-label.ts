// How a metric's period is named on a page: by its cadence, from its first day, so a picker reads
// "November 2026" rather than a bare date (docs/governance-rules.md rule 7: a value is one period's).
import { formatCalendarMonth, formatShortCalendarDate, type IsoDate } from "@/lib/domain/calendar";
import type { Cadence } from "@/lib/domain/vocabulary";

export function periodLabel(cadence: Cadence, periodStart: IsoDate): string {
  switch (cadence) {
    case "WEEKLY":
      return `Week from ${formatShortCalendarDate(periodStart)}`;
    case "MONTHLY":
      return formatCalendarMonth(periodStart);
    case "QUARTERLY":
      return `Quarter from ${formatShortCalendarDate(periodStart)}`;
  }
}
