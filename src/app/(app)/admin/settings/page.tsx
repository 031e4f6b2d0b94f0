import type { Metadata } from "next";
import { AddHolidayForm, RemoveHolidayForm } from "@/components/admin/holiday-forms";
import { SettingsForm } from "@/components/admin/settings-form";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { getAdminSettingsPage } from "@/lib/server/admin-settings";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { firstValues, pageNumberSchema, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Settings" };

/** Every IANA zone the runtime knows, with the one in force first kept even if the runtime drops it. */
function timeZonesWith(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("admin-settings");
  const holidayPage = pageNumberSchema.parse(firstValues(await searchParams).page);
  const clock = await getClock();
  const page = await getAdminSettingsPage({ today: clock.today, holidayPage });
  const { settings, upcomingHolidays: holidays } = page;
  const executives = [
    ...page.executives,
    ...(page.formerDutyExecutive
      ? [
          {
            ...page.formerDutyExecutive,
            name: `${page.formerDutyExecutive.name} (no longer an active executive)`,
          },
        ]
      : []),
  ].map((e) => ({ value: e.id, label: e.name }));

  return (
    <>
      <PageHeader
        title="Settings"
        description="The trust's name, clock and the thresholds the governance rules read. Changes apply from the moment they are saved."
      />
      <Section
        id="organisation-settings"
        title="Organisation and governance"
        description={`Every field says what it changes. Feedback already logged keeps the due time it was given.${
          page.lastSaved
            ? ` Last saved ${formatDateTime(page.lastSaved.at, clock.timeZone)}${page.lastSaved.by ? ` by ${page.lastSaved.by}` : ""}.`
            : ""
        }`}
      >
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <SettingsForm
            values={settings}
            timeZones={timeZonesWith(settings.timeZone)}
            executives={executives}
          />
        </div>
      </Section>

      <Section
        id="holidays"
        title="Bank holidays"
        description={`Days that are not working days when feedback answer times are counted. ${
          page.pastHolidayCount > 0
            ? `${plural(page.pastHolidayCount, "past holiday is", "past holidays are")} kept and not shown.`
            : ""
        }`}
      >
        <div className="mb-4">
          <Disclosure summary="Add a bank holiday">
            <AddHolidayForm />
          </Disclosure>
        </div>
        {holidays.total === 0 ? (
          <EmptyState title="No bank holidays to come">
            Add the trust's bank holidays for the coming year, so answer times skip them.
          </EmptyState>
        ) : (
          <>
            <Table
              caption={`Bank holidays from today, page ${holidays.page} of ${holidays.pageCount}, by date`}
              rows={holidays.rows}
              rowKey={(h) => h.date}
              columns={[
                {
                  header: "Date",
                  className: "whitespace-nowrap",
                  cell: (h) => <time dateTime={h.date}>{formatCalendarDate(h.date)}</time>,
                },
                { header: "Holiday", className: "min-w-48", cell: (h) => h.name },
                {
                  header: "Change",
                  className: "w-80",
                  cell: (h) => (
                    <Disclosure summary="Remove">
                      <RemoveHolidayForm date={h.date} name={h.name} />
                    </Disclosure>
                  ),
                },
              ]}
            />
            <Pagination path="/admin/settings" paged={holidays} noun="holiday" />
          </>
        )}
      </Section>
    </>
  );
}
