import type { Metadata } from "next";
import { AlignmentMatrixFilters } from "@/components/dashboard/alignment-matrix-filters";
import { AlignmentMatrixTable, MatrixLegend } from "@/components/dashboard/alignment-matrix-table";
import { MatrixColumnPager } from "@/components/dashboard/matrix-column-pager";
import { OBJECTIVE_LIST_LIMIT } from "@/components/dashboard/objective-filter-field";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { pageHref } from "@/lib/navigation";
import { getAlignmentMatrix, parseAlignmentMatrixQuery } from "@/lib/server/dashboard/alignment-matrix";
import { getDashboardContext } from "@/lib/server/dashboard/overview";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Alignment matrix" };

const PATH = "/leadership/alignment";

export default async function AlignmentMatrixPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseAlignmentMatrixQuery(await searchParams);
  const [context, matrix] = await Promise.all([getDashboardContext(), getAlignmentMatrix(query)]);
  const filters = {
    site: query.site,
    objective: query.objective,
    category: query.category,
    serving: query.serving ? "1" : undefined,
    stage: query.stage,
    q: query.q,
  };
  // Each pager keeps the filters and the other's page.
  const columnPage = matrix.columns.page > 1 ? String(matrix.columns.page) : undefined;
  const columnHref = (columns: number) =>
    pageHref(PATH, { ...filters, columns: columns > 1 ? String(columns) : undefined }, matrix.page);
  return (
    <>
      <AlignmentMatrixFilters
        values={filters}
        sites={context.sites}
        objectives={context.objectives.slice(0, OBJECTIVE_LIST_LIMIT + 1)}
      />
      <h2 className="sr-only">Alignment matrix</h2>
      {matrix.total === 0 ? (
        <EmptyState title="No projects match these filters" />
      ) : (
        <>
          <MatrixLegend />
          <MatrixColumnPager
            columns={matrix.columns}
            categories={matrix.categories.map((c) => c.category)}
            href={columnHref}
          />
          <AlignmentMatrixTable matrix={matrix} />
          <Pagination
            path={PATH}
            params={{ ...filters, columns: columnPage }}
            paged={matrix}
            noun="project"
          />
        </>
      )}
    </>
  );
}
