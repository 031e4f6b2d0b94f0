// The stage gates or rebaselines behind the Overview tab's escalations, oldest first, paged. They
// are decided from Approvals, where each decider sees the ones they may decide.
import type { Metadata } from "next";
import { DrilldownList } from "@/components/dashboard/drilldown-list";
import { formatDateTime } from "@/components/ui/format";
import { REBASELINE_KIND_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import {
  listDashboardWaitingDecisions,
  parseDashboardDecisionsQuery,
} from "@/lib/server/dashboard/overview-drilldown";
import { dashboardQuery } from "@/lib/server/dashboard-filters";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Decisions waiting" };

export default async function DashboardDecisionsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseDashboardDecisionsQuery(await searchParams);
  const [clock, decisions] = await Promise.all([getClock(), listDashboardWaitingDecisions(query)]);
  const title =
    query.kind === "gate" ? "Stage gates waiting for a decision" : "Rebaselines waiting for a decision";
  const noun = query.kind === "gate" ? "request" : "rebaseline";
  const params = { site: query.site, objective: query.objective, kind: query.kind };
  return (
    <DrilldownList
      title={title}
      path="/leadership/decisions"
      params={params}
      backHref={`/leadership${dashboardQuery(query)}`}
      paged={decisions}
      noun={noun}
      emptyTitle="Nothing is waiting"
      rowKey={(d) => d.id}
      projectCode={(d) => d.projectCode}
      projectTab={(d) => (d.toStage ? "" : "/milestones")}
      columns={[
        { header: "Name", cell: (d) => d.projectName },
        {
          header: "Asks for",
          cell: (d) =>
            d.toStage
              ? `Gate to ${STAGE_LABEL[d.toStage].toLowerCase()}`
              : d.kind
                ? REBASELINE_KIND_LABEL[d.kind]
                : "",
        },
        { header: "Asked by", cell: (d) => d.requestedByName },
        {
          header: "Asked",
          className: "whitespace-nowrap",
          cell: (d) => formatDateTime(d.requestedAt, clock.timeZone),
        },
      ]}
    />
  );
}
