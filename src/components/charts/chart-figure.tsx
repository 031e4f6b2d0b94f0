// The frame every chart sits in (issue 12): a visible title that names the figure, the chart
// itself (an image with a summary in words for assistive technology), a table view of the same
// data and a CSV download of it. A chart is never the only way to read its numbers.
import { Disclosure } from "@/components/ui/disclosure";
import { type Column, Table } from "@/components/ui/table";
import { type CsvCell, csvDataUrl, toCsv } from "./csv";

export interface ChartDataColumn<Row> {
  header: string;
  align?: "left" | "right";
  /** The raw value written to the CSV. */
  value: (row: Row) => CsvCell;
  /** How the table view shows it (the raw value when absent). */
  cell?: (row: Row) => React.ReactNode;
  className?: string;
}

export function ChartFigure<Row>({
  id,
  title,
  description,
  tableLabel = `Table view: ${title}`,
  tableCaption = title,
  csvName,
  columns,
  rows,
  csvRows = rows,
  rowKey,
  headingLevel = 3,
  framed = true,
  children,
}: {
  /** Unique on the page: names the title for the figure. */
  id: string;
  title: string;
  description?: React.ReactNode;
  /** The table view's disclosure, e.g. "Table view of the SPC chart of …". */
  tableLabel?: string;
  tableCaption?: string;
  /** The download's file name, without ".csv". */
  csvName: string;
  columns: readonly ChartDataColumn<Row>[];
  rows: readonly Row[];
  /** The CSV's rows when the chart and its table show only some of them (the worst few). */
  csvRows?: readonly Row[];
  rowKey: (row: Row) => string;
  /** The title's heading level under the section it sits in. */
  headingLevel?: 3 | 4;
  /** A card of its own (the default), or plain inside a card it already sits in. */
  framed?: boolean;
  /** The chart: give it role="img" and an aria-label summarising it. */
  children: React.ReactNode;
}) {
  const titleId = `${id}-title`;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const csv = toCsv(
    columns.map((c) => c.header),
    csvRows.map((row) => columns.map((c) => c.value(row))),
  );
  const tableColumns: Column<Row>[] = columns.map((c) => ({
    header: c.header,
    ...(c.align ? { align: c.align } : {}),
    ...(c.className ? { className: c.className } : {}),
    cell: (row: Row) => (c.cell ? c.cell(row) : (c.value(row) ?? "—")),
  }));
  return (
    <figure
      aria-labelledby={titleId}
      className={framed ? "rounded-lg border border-slate-200 bg-white p-4 shadow-sm" : "mb-3"}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Heading id={titleId} className="text-sm font-semibold text-slate-900">
          {title}
        </Heading>
        <a
          href={csvDataUrl(csv)}
          download={`${csvName}.csv`}
          className="text-sm font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
        >
          Download the data (CSV)<span className="sr-only">: {title}</span>
        </a>
      </div>
      {description ? <p className="mt-1 text-xs text-slate-600">{description}</p> : null}
      <div className="mt-3">{children}</div>
      <div className="mt-3">
        <Disclosure summary={tableLabel}>
          <Table caption={tableCaption} rows={rows} rowKey={rowKey} columns={tableColumns} />
        </Disclosure>
      </div>
    </figure>
  );
}
