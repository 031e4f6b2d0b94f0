// The open risks behind a cell of the Overview tab's heat map, paged.
import type { Metadata } from "next";
import { DrilldownList } from "@/components/dashboard/drilldown-list";
import { RISK_STATUS_LABEL } from "@/lib/domain/labels";
import { listDashboardRisks, parseDashboardRisksQuery } from "@/lib/server/dashboard/overview-drilldown";
import { dashboardQuery } from "@/lib/server/dashboard-filters";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Risks" };

export default async function DashboardRisksPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseDashboardRisksQuery(await searchParams);
  const risks = await listDashboardRisks(query);
  const cell = [
    query.likelihood ? `likelihood ${query.likelihood}` : null,
    query.impact ? `impact ${query.impact}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const title = `Open risks${cell ? ` at ${cell}` : ""}`;
  const params = {
    site: query.site,
    objective: query.objective,
    likelihood: query.likelihood ? String(query.likelihood) : undefined,
    impact: query.impact ? String(query.impact) : undefined,
  };
  return (
    <DrilldownList
      title={title}
      path="/leadership/risks"
      params={params}
      backHref={`/leadership${dashboardQuery(query)}`}
      paged={risks}
      noun="open risk"
      emptyTitle="No open risks match"
      rowKey={(r) => r.id}
      projectCode={(r) => r.projectCode}
      projectTab={() => "/risks"}
      columns={[
        { header: "Risk", cell: (r) => r.title },
        { header: "Likelihood", align: "right", cell: (r) => r.likelihood },
        { header: "Impact", align: "right", cell: (r) => r.impact },
        { header: "Status", cell: (r) => RISK_STATUS_LABEL[r.status] },
        { header: "Owner", cell: (r) => r.ownerName },
      ]}
    />
  );
}
