import type { Metadata } from "next";
import { PortfolioFilters } from "@/components/portfolio/portfolio-filters";
import { ProjectLink } from "@/components/projects/project-link";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { StageBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PROJECT_KIND_LABEL } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/page-access";
import { listPortfolio, listSites, parsePortfolioQuery } from "@/lib/server/portfolio";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("portfolio");
  const query = parsePortfolioQuery(await searchParams);
  const [portfolio, sites] = await Promise.all([listPortfolio(query), listSites()]);
  const filters = { stage: query.stage, kind: query.kind, site: query.site, q: query.q };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every project, who is accountable for it, the objective it serves and how far its forecast end has moved from its baseline."
      />
      <PortfolioFilters values={filters} sites={sites} />
      {portfolio.total === 0 ? (
        <EmptyState title={filtered ? "No projects match these filters" : "No projects yet"}>
          {filtered
            ? "Try fewer filters, or a shorter part of the project's code or name."
            : "Projects appear here once they have been proposed."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Portfolio projects, page ${portfolio.page} of ${portfolio.pageCount}, sorted by code`}
          >
            <thead>
              <tr>
                <Th>Code</Th>
                <Th>Name</Th>
                <Th>Kind</Th>
                <Th>Stage</Th>
                <Th>Site</Th>
                <Th>Accountable</Th>
                <Th>Objective</Th>
                <Th>Forecast end vs baseline</Th>
              </tr>
            </thead>
            <TBody>
              {portfolio.rows.map((p) => (
                <tr key={p.code}>
                  <Td>
                    <ProjectLink code={p.code} />
                  </Td>
                  <Td className="min-w-56">{p.name}</Td>
                  <Td>{PROJECT_KIND_LABEL[p.kind]}</Td>
                  <Td>
                    <StageBadge stage={p.stage} />
                  </Td>
                  <Td className="whitespace-nowrap">{p.site.name}</Td>
                  <Td className="whitespace-nowrap">
                    {p.accountable ? p.accountable.name : <span className="text-red-700">None assigned</span>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {p.primaryObjectiveCode ?? <span className="text-slate-500">Not aligned</span>}
                  </Td>
                  <Td>
                    <ScheduleCell
                      forecastDate={p.forecastEndDate}
                      baselineDate={p.baselineEndDate}
                      slipDays={p.slipDays}
                      rag={p.scheduleRag}
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            path="/portfolio"
            params={filters}
            page={portfolio.page}
            pageCount={portfolio.pageCount}
            total={portfolio.total}
            noun="project"
          />
        </>
      )}
    </>
  );
}
