// The projects behind a number on the Overview tab: the same predicate, paged.
import type { Metadata } from "next";
import { DrilldownList } from "@/components/dashboard/drilldown-list";
import { RagBadge } from "@/components/ui/badge";
import { RAG_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import {
  type DashboardProjectsQuery,
  listDashboardProjects,
  parseDashboardProjectsQuery,
} from "@/lib/server/dashboard/overview-drilldown";
import { dashboardQuery } from "@/lib/server/dashboard-filters";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Projects" };

function describeScope(query: DashboardProjectsQuery): string {
  const objective = query.objective ?? "an objective";
  const rag = query.rag ? ` with a ${RAG_LABEL[query.rag].toLowerCase()} schedule` : "";
  switch (query.scope) {
    case "unaligned":
      return `Live projects serving no objective${rag}`;
    case "unaligned-proposals":
      return `Proposals not yet aligned to an objective${rag}`;
    case "aligned":
      return `Projects aligned to ${objective}${rag}`;
    case "contributing":
      return `Live projects contributing to ${objective}${rag}`;
    case "primary":
      return `Projects with ${objective} as their primary objective${rag}`;
    case "delivering":
      return `Projects delivering ${objective}${rag}`;
  }
}

export default async function DashboardProjectsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseDashboardProjectsQuery(await searchParams);
  const projects = await listDashboardProjects(query);
  const params = { site: query.site, objective: query.objective, scope: query.scope, rag: query.rag };
  const title = describeScope(query);
  return (
    <DrilldownList
      title={title}
      path="/leadership/projects"
      params={params}
      backHref={`/leadership${dashboardQuery(query)}`}
      paged={projects}
      noun="project"
      emptyTitle="No projects match"
      rowKey={(p) => p.code}
      projectCode={(p) => p.code}
      columns={[
        { header: "Name", cell: (p) => p.name },
        { header: "Stage", cell: (p) => STAGE_LABEL[p.stage] },
        { header: "Site", cell: (p) => p.siteName },
        { header: "Schedule", cell: (p) => <RagBadge rag={p.scheduleRag} /> },
        { header: "Spent", align: "right", cell: (p) => formatMoney(p.spend) },
      ]}
    />
  );
}
