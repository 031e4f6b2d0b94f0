import type { Metadata } from "next";
import { AlignmentMatrixFilters } from "@/components/dashboard/alignment-matrix-filters";
import { AlignmentMatrixTable, MatrixLegend } from "@/components/dashboard/alignment-matrix-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getAlignmentMatrix, parseAlignmentMatrixQuery } from "@/lib/server/dashboard/alignment-matrix";
import { getDashboardContext } from "@/lib/server/dashboard/overview";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership · Alignment matrix" };

export default async function AlignmentMatrixPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor("leadership");
  const query = parseAlignmentMatrixQuery(await searchParams);
  const [context, matrix] = await Promise.all([getDashboardContext(), getAlignmentMatrix(query)]);
  const params = { site: query.site, objective: query.objective, stage: query.stage, q: query.q };
  return (
    <>
      <AlignmentMatrixFilters values={params} sites={context.sites} objectives={context.objectives} />
      <h2 className="sr-only">Alignment matrix</h2>
      {matrix.total === 0 ? (
        <EmptyState title="No projects match these filters" />
      ) : (
        <>
          <MatrixLegend />
          <AlignmentMatrixTable matrix={matrix} />
          <Pagination path="/leadership/alignment" params={params} paged={matrix} noun="project" />
        </>
      )}
    </>
  );
}
