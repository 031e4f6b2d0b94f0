"use client";
// Horizontal bars, one row per category (a site, an objective), for the dashboard's rollups
// (issue 12). Readable without colour: each series has a pattern of its own (solid, hatched,
// dotted) shown in the legend too, and every bar carries its value as text. The data arrive
// computed on the server; the ChartFigure around the chart gives its table view and CSV.
import { useId } from "react";
import {
  Bar,
  CartesianGrid,
  LabelList,
  Legend,
  BarChart as RechartsBarChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { barChartHeight } from "./bar-chart-size";

export type BarPattern = "solid" | "hatch" | "dots";
/** How values read on the bars and the axis (functions cannot cross from server to client). */
export type BarValueFormat = "count" | "percent" | "money";

export interface BarSeries {
  key: string;
  name: string;
  color: string;
  pattern: BarPattern;
}

export interface BarRow {
  label: string;
  values: Record<string, number>;
}

const compactMoney = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  notation: "compact",
  maximumFractionDigits: 1,
});
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

function formatValue(value: number, format: BarValueFormat): string {
  if (format === "money") return compactMoney.format(value);
  if (format === "percent") return `${oneDecimal.format(value)}%`;
  return oneDecimal.format(value);
}

export function BarChart({
  summary,
  rows,
  series,
  format,
  stacked = false,
  references = [],
}: {
  /** The chart in words, for assistive technology. */
  summary: string;
  rows: readonly BarRow[];
  series: readonly BarSeries[];
  format: BarValueFormat;
  /** Stack the series in one bar (parts of a whole), else side by side. */
  stacked?: boolean;
  /** Vertical lines at values that matter, e.g. the schedule's amber and red thresholds. */
  references?: readonly { value: number; label: string }[];
}) {
  const prefix = useId().replace(/:/g, "");
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const barSize = stacked ? 22 : 14;
  const height = barChartHeight(rows.length, series.length, stacked);
  const fill = (s: BarSeries) => (s.pattern === "solid" ? s.color : `url(#${prefix}-${s.key})`);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      {/* Patterns for the bars and their legend swatches; ids are unique per chart. */}
      <svg width="0" height="0" aria-hidden="true" className="absolute">
        <defs>
          {series
            .filter((s) => s.pattern !== "solid")
            .map((s) => (
              <pattern
                key={s.key}
                id={`${prefix}-${s.key}`}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform={s.pattern === "hatch" ? "rotate(45)" : undefined}
              >
                <rect width="6" height="6" fill="#ffffff" />
                {s.pattern === "hatch" ? (
                  <rect width="3" height="6" fill={s.color} />
                ) : (
                  <circle cx="3" cy="3" r="1.6" fill={s.color} />
                )}
              </pattern>
            ))}
        </defs>
      </svg>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart
          data={data}
          layout="vertical"
          margin={{ top: references.length > 0 ? 24 : 8, right: 56, bottom: 8, left: 8 }}
        >
          <CartesianGrid stroke="#e2e8f0" horizontal={false} />
          <XAxis
            type="number"
            tick={{ fontSize: 11, fill: "#475569" }}
            tickFormatter={(v: number) => formatValue(v, format)}
          />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11, fill: "#334155" }} />
          {references.map((r) => (
            <ReferenceLine
              key={r.label}
              x={r.value}
              stroke="#475569"
              strokeDasharray="4 3"
              ifOverflow="extendDomain"
              label={{ value: r.label, position: "top", fontSize: 11, fill: "#334155" }}
            />
          ))}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={fill(s)}
              stroke={s.color}
              barSize={barSize}
              isAnimationActive={false}
              {...(stacked ? { stackId: "one" } : {})}
            >
              <LabelList
                dataKey={s.key}
                position={stacked ? "center" : "right"}
                fontSize={11}
                fill="#0f172a"
                formatter={(value: unknown) =>
                  typeof value === "number" && (value !== 0 || !stacked) ? formatValue(value, format) : ""
                }
              />
            </Bar>
          ))}
          {/* Legend words in the page's text colour: a light series colour would be too faint to read. */}
          <Legend
            wrapperStyle={{ fontSize: 11 }}
            formatter={(value: string) => <span style={{ color: "#334155" }}>{value}</span>}
          />
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
