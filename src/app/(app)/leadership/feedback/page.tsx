// The overdue feedback behind the Overview tab's escalations, most overdue first, paged.
import type { Metadata } from "next";
import { DrilldownList } from "@/components/dashboard/drilldown-list";
import { formatDateTime } from "@/components/ui/format";
import { SEVERITY_LABEL } from "@/lib/domain/labels";
import {
  listDashboardOverdueFeedback,
  parseDashboardFeedbackQuery,
} from "@/lib/server/dashboard/overview-drilldown";
import { dashboardQuery } from "@/lib/server/dashboard-filters";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Overdue feedback" };

export default async function DashboardFeedbackPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseDashboardFeedbackQuery(await searchParams);
  const now = new Date();
  const [clock, feedback] = await Promise.all([getClock(now), listDashboardOverdueFeedback(query, now)]);
  const title =
    query.kind === "safety"
      ? "Safety feedback past its answer deadline"
      : "Concerns and suggestions past their answer deadline";
  const params = { site: query.site, objective: query.objective, kind: query.kind };
  return (
    <DrilldownList
      title={title}
      path="/leadership/feedback"
      params={params}
      backHref={`/leadership${dashboardQuery(query)}`}
      paged={feedback}
      noun="item"
      emptyTitle="Nothing is overdue"
      rowKey={(f) => f.id}
      projectCode={(f) => f.projectCode}
      projectTab={() => "/feedback"}
      columns={[
        { header: "Severity", cell: (f) => SEVERITY_LABEL[f.severity] },
        { header: "Feedback", className: "max-w-md", cell: (f) => f.body },
        {
          header: "Answer was due",
          className: "whitespace-nowrap",
          cell: (f) => formatDateTime(f.dueAt, clock.timeZone),
        },
      ]}
    />
  );
}
