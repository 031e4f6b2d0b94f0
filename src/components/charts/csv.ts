// A chart's data as CSV (RFC 4180), for the download beside every chart. Pure, so the page and the
// tests build the same text.

export type CsvCell = string | number | null;

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the
 * start) is prefixed with an apostrophe: a metric's or project's name is typed by people, and a
 * downloaded file must not run anything when opened. Numbers are written as numbers.
 */
function cellText(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Header and rows as CSV text, lines ended by CRLF as RFC 4180 writes them. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(cellText).join(",")).join("\r\n")}\r\n`;
}

/** The CSV as a data: URL for a download link, so the download needs no request and no script. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
