import type { Metadata } from "next";
import Link from "next/link";
import { hasFilters, PortfolioFilters } from "@/components/portfolio/portfolio-filters";
import {
  projectCodeColumn,
  projectKindColumn,
  projectNameColumn,
  projectStageColumn,
} from "@/components/projects/project-columns";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { can } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/page-access";
import { listPortfolio, listSites, parsePortfolioQuery } from "@/lib/server/portfolio";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("portfolio");
  const query = parsePortfolioQuery(await searchParams);
  // Admins, executives, the PMO and project managers propose projects: the matrix says who.
  const mayPropose = can("project.create", { role: actor.role });
  const [portfolio, sites] = await Promise.all([listPortfolio(query), listSites()]);
  const filters = { stage: query.stage, kind: query.kind, site: query.site, q: query.q };
  const filtered = hasFilters(filters);

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every project, who is accountable for it, the objective it serves and how far its forecast end has moved from its baseline."
      >
        {/* The form has its own page, so the list does not carry everyone it may name (issue 12). */}
        {mayPropose ? (
          <Link href="/portfolio/propose" className={buttonClass()}>
            Propose a project
          </Link>
        ) : null}
      </PageHeader>
      <PortfolioFilters values={filters} sites={sites} />
      {portfolio.total === 0 ? (
        <EmptyState title={filtered ? "No projects match these filters" : "No projects yet"}>
          {filtered
            ? "Try fewer filters, or a shorter part of the project's code or name."
            : mayPropose
              ? "Propose the first project: what it will do, its plan and budget, and who answers for it."
              : "Projects appear here once they have been proposed."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Portfolio projects, page ${portfolio.page} of ${portfolio.pageCount}, sorted by code`}
            rows={portfolio.rows}
            rowKey={(p) => p.code}
            columns={[
              projectCodeColumn,
              { ...projectNameColumn, className: "min-w-56" },
              projectKindColumn,
              projectStageColumn,
              { header: "Site", className: "min-w-32", cell: (p) => p.site.name },
              {
                header: "Accountable",
                className: "min-w-32",
                cell: (p) =>
                  p.accountable ? p.accountable.name : <span className="text-red-700">None assigned</span>,
              },
              {
                header: "Objective",
                className: "whitespace-nowrap",
                cell: (p) => p.primaryObjectiveCode ?? <span className="text-slate-500">Not aligned</span>,
              },
              {
                header: "End vs baseline",
                cell: (p) => (
                  <ScheduleCell
                    forecastDate={p.forecastEndDate}
                    baselineDate={p.baselineEndDate}
                    actualDate={p.actualEndDate}
                    slipDays={p.slipDays}
                    rag={p.scheduleRag}
                  />
                ),
              },
            ]}
          />
          <Pagination path="/portfolio" params={filters} paged={portfolio} noun="project" />
        </>
      )}
    </>
  );
}
