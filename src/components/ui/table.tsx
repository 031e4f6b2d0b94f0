// Plain semantic tables with one look. Wide tables scroll inside their frame on small screens
// instead of widening the page.

export function Table({
  caption,
  fixed = false,
  children,
}: {
  caption: string;
  /** Column widths from the header cells, so several tables of one kind line up. */
  fixed?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table
        className={`divide-y divide-slate-200 text-sm ${fixed ? "w-full min-w-[56rem] table-fixed" : "min-w-full"}`}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({
  children,
  align = "left",
  className = "",
}: {
  children: React.ReactNode;
  align?: "left" | "right";
  className?: string;
}) {
  return (
    <th
      scope="col"
      className={`bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase ${
        align === "right" ? "text-right" : "text-left"
      } ${className}`}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  align = "left",
  className = "",
}: {
  children: React.ReactNode;
  align?: "left" | "right";
  className?: string;
}) {
  return (
    <td
      className={`px-3 py-2 align-top text-slate-800 ${align === "right" ? "text-right tabular-nums" : ""} ${className}`}
    >
      {children}
    </td>
  );
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}
