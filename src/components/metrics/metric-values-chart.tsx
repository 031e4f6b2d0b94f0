"use client";
// A small line of a metric's recent values against its target. The table below it carries the same
// numbers for anyone who cannot see the chart, so the chart is described, not read out point by point.
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export function MetricValuesChart({
  name,
  unit,
  target,
  points,
}: {
  name: string;
  unit: string;
  target: number;
  /** Newest first, as the table lists them. */
  points: readonly { label: string; value: number; provisional: boolean }[];
}) {
  if (points.length < 2) return null;
  const data = points.toReversed();
  return (
    <figure className="mb-3">
      <div
        role="img"
        aria-label={`Chart of the recent values of ${name} against its target of ${target} ${unit}; the table below lists them.`}
        className="h-40 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 11, fill: "#475569" }}
              interval="preserveStartEnd"
              minTickGap={24}
            />
            <YAxis tick={{ fontSize: 11, fill: "#475569" }} width={48} domain={["auto", "auto"]} />
            <Tooltip formatter={(value) => [`${value} ${unit}`, name]} />
            <ReferenceLine
              y={target}
              ifOverflow="extendDomain"
              stroke="#0f766e"
              strokeDasharray="4 4"
              label={{ value: `Target ${target}`, position: "insideTopRight", fontSize: 11, fill: "#0f766e" }}
            />
            <Line
              type="monotone"
              dataKey="value"
              stroke="#334155"
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Recent values of {name}</figcaption>
    </figure>
  );
}
