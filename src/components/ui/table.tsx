// Plain semantic tables with one look, described by their columns so that a column shown on
// several pages (a project's code, a milestone's dates) is written once. Wide tables scroll inside
// their frame on small screens instead of widening the page.

export interface Column<Row> {
  /** The header text; also the cells' React key, so unique within a table. */
  header: string;
  /** Right-aligned columns hold numbers, shown with tabular figures so digits line up. */
  align?: "left" | "right";
  /** Extra classes for the header cell, e.g. a width in a fixed table. */
  headerClassName?: string;
  /** Extra classes for each body cell. */
  className?: string;
  cell: (row: Row) => React.ReactNode;
}

export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  fixed = false,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Highlights rows that need attention. */
  rowClassName?: (row: Row) => string | undefined;
  /** Column widths from the header cells, so several tables of one kind line up. */
  fixed?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table
        className={`divide-y divide-slate-200 text-sm ${fixed ? "w-full min-w-[56rem] table-fixed" : "min-w-full"}`}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={`bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase ${
                  column.align === "right" ? "text-right" : "text-left"
                } ${column.headerClassName ?? ""}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td
                  key={column.header}
                  className={`px-3 py-2 align-top text-slate-800 ${
                    column.align === "right" ? "text-right tabular-nums" : ""
                  } ${column.className ?? ""}`}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
