import "server-only";
import { db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar";
// What the organisation settings page shows: the settings with the version they were read at, the
// people who may be the executive on duty, and the trust's bank holidays from today on (past ones
// are kept, since feedback already logged was timed with them, but nobody edits history).
import { type CalendarDate, toIsoDate } from "@/lib/domain/calendar";
import { getOrganisationSettings, type OrganisationSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";
import { listActiveExecutives } from "./users";

export const HOLIDAYS_PAGE_SIZE = 50;

export interface HolidayRow {
  date: IsoDate;
  name: string;
}

export interface AdminSettingsPage {
  settings: OrganisationSettings;
  executives: { id: string; name: string }[];
  /** The duty executive when they are no longer an active executive, so the form can name them. */
  formerDutyExecutive: { id: string; name: string } | null;
  upcomingHolidays: Paged<HolidayRow>;
  pastHolidayCount: number;
  /** When the settings were last saved and by whom, from the audit trail; null if never. */
  lastSaved: { at: string; by: string | null } | null;
}

export async function getAdminSettingsPage(options: {
  today: CalendarDate;
  holidayPage: number;
}): Promise<AdminSettingsPage> {
  const upcoming = { date: { gte: options.today } };
  const [settings, executives, upcomingHolidays, pastHolidayCount, lastSave] = await Promise.all([
    getOrganisationSettings(),
    listActiveExecutives(),
    loadPage({
      page: options.holidayPage,
      pageSize: HOLIDAYS_PAGE_SIZE,
      count: () => db().holiday.count({ where: upcoming }),
      fetch: (skip, take) => db().holiday.findMany({ where: upcoming, orderBy: { date: "asc" }, skip, take }),
    }),
    db().holiday.count({ where: { date: { lt: options.today } } }),
    db().auditEvent.findFirst({
      where: { action: "settings.update" },
      orderBy: { id: "desc" },
      select: { at: true, actor: { select: { name: true } } },
    }),
  ]);
  const dutyId = settings.dutyExecutiveId;
  const formerDutyExecutive =
    dutyId && !executives.some((e) => e.id === dutyId)
      ? await db().user.findUnique({ where: { id: dutyId }, select: { id: true, name: true } })
      : null;
  return {
    settings,
    executives,
    formerDutyExecutive,
    upcomingHolidays: {
      ...upcomingHolidays,
      rows: upcomingHolidays.rows.map((h) => ({ date: toIsoDate(h.date), name: h.name })),
    },
    pastHolidayCount,
    lastSaved: lastSave ? { at: lastSave.at.toISOString(), by: lastSave.actor?.name ?? null } : null,
  };
}
