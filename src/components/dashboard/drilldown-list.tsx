// A list opened from a dashboard number: what it lists under which filters, how many, the rows of
// one page, and the way through the pages and back to the overview with the same filters.
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { type Column, Table } from "@/components/ui/table";
import { DrilldownHeading } from "./drilldown-heading";

export function DrilldownList<Row>({
  title,
  path,
  params,
  backHref,
  paged,
  noun,
  emptyTitle,
  rowKey,
  projectCode,
  projectTab = () => "",
  columns,
}: {
  title: string;
  /** The list's own path, e.g. "/leadership/projects". */
  path: string;
  /** The dashboard's filters and the list's own parameters, kept on every page link. */
  params: { site?: string; objective?: string } & Record<string, string | undefined>;
  /** The overview with the same filters. */
  backHref: string;
  paged: { rows: readonly Row[]; page: number; pageCount: number; total: number };
  /** What is counted, singular: "project". */
  noun: string;
  emptyTitle: string;
  rowKey: (row: Row) => string;
  /** The project each row is about: the first column links to its page. */
  projectCode: (row: Row) => string;
  /** The tab of the project's page that holds the row, e.g. "/risks"; its overview if absent. */
  projectTab?: (row: Row) => string;
  /** The columns after the project's. */
  columns: readonly Column<Row>[];
}) {
  return (
    <>
      <DrilldownHeading title={title} filters={params} backHref={backHref} count={paged.total} noun={noun} />
      {paged.total === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <>
          <Table
            caption={title}
            rows={paged.rows}
            rowKey={rowKey}
            columns={[projectLinkColumn(projectCode, projectTab), ...columns]}
          />
          <Pagination path={path} params={params} paged={paged} noun={noun} />
        </>
      )}
    </>
  );
}

function projectLinkColumn<Row>(codeOf: (row: Row) => string, tabOf: (row: Row) => string): Column<Row> {
  return {
    header: "Project",
    cell: (row) => (
      <Link
        href={`/projects/${encodeURIComponent(codeOf(row))}${tabOf(row)}`}
        className="font-medium text-teal-800 underline-offset-2 hover:underline"
      >
        {codeOf(row)}
      </Link>
    ),
  };
}
