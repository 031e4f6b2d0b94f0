// The overdue feedback behind the Overview tab's escalations, most overdue first, paged.
import type { Metadata } from "next";
import Link from "next/link";
import { DrilldownHeading } from "@/components/dashboard/drilldown-heading";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
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
    <>
      <DrilldownHeading
        title={title}
        filters={query}
        backHref={`/leadership${dashboardQuery(query)}`}
        count={feedback.total}
        noun="item"
      />
      {feedback.total === 0 ? (
        <EmptyState title="Nothing is overdue" />
      ) : (
        <>
          <Table
            caption={title}
            rows={feedback.rows}
            rowKey={(f) => f.id}
            columns={[
              {
                header: "Project",
                cell: (f) => (
                  <Link
                    href={`/projects/${encodeURIComponent(f.projectCode)}/feedback`}
                    className="font-medium text-teal-800 underline-offset-2 hover:underline"
                  >
                    {f.projectCode}
                  </Link>
                ),
              },
              { header: "Severity", cell: (f) => SEVERITY_LABEL[f.severity] },
              { header: "Feedback", className: "max-w-md", cell: (f) => f.body },
              {
                header: "Answer was due",
                className: "whitespace-nowrap",
                cell: (f) => formatDateTime(f.dueAt, clock.timeZone),
              },
            ]}
          />
          <Pagination path="/leadership/feedback" params={params} paged={feedback} noun="item" />
        </>
      )}
    </>
  );
}
