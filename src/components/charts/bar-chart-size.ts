// A bar chart's height from its rows and series, apart from the chart itself so a page can hold
// the chart's space before the chart's code has loaded (no layout shift when it draws).
export function barChartHeight(rowCount: number, seriesCount: number, stacked: boolean): number {
  const rowHeight = stacked ? 40 : 18 * seriesCount + 22;
  return Math.max(140, rowCount * rowHeight + 70);
}
