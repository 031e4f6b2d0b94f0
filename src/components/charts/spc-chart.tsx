"use client";
// An XmR chart as Making Data Count draws it (issue 12, docs/spc.md): the values, the mean, the
// upper and lower process limits, the target, special-cause points marked by shape as well as
// colour and named in the legend (never colour alone), and go-lives as labelled vertical lines.
// The data arrive computed on the server; the table view beside the chart carries the same numbers.
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from "recharts";

export interface SpcChartPoint {
  label: string;
  value: number;
  mean: number;
  upperLimit: number;
  lowerLimit: number;
  /** The value again when the point is a special cause judged so, else null (not drawn). */
  improvement: number | null;
  concern: number | null;
}

export function SpcChart({
  title,
  unit,
  target,
  points,
  goLives,
}: {
  /** The accessible name of the chart. */
  title: string;
  unit: string;
  target: number;
  points: readonly SpcChartPoint[];
  /** Labels of the periods a go-live fell in, with what went live; drawn as "Go-live 1", "Go-live 2"… in this order. */
  goLives: readonly { label: string; title: string }[];
}) {
  return (
    <div role="img" aria-label={title} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...points]} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11, fill: "#475569" }}
            interval="preserveStartEnd"
            minTickGap={24}
          />
          <YAxis
            tick={{ fontSize: 11, fill: "#475569" }}
            width={48}
            domain={["auto", "auto"]}
            label={{ value: unit, angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }}
          />
          <ReferenceLine
            y={target}
            ifOverflow="extendDomain"
            stroke="#0f766e"
            strokeDasharray="6 3"
            // Above the line on the left (recharts draws "insideBottom" above a horizontal line), so a
            // target of 0 on the axis never prints over the x axis labels.
            label={{ value: `Target ${target}`, position: "insideBottomLeft", fontSize: 11, fill: "#0f766e" }}
          />
          {/* Numbered, not titled: two go-lives weeks apart would print their titles over each
              other. The figure's description names each number. */}
          {goLives.map((g, i) => (
            <ReferenceLine
              key={`${g.label}-${g.title}`}
              x={g.label}
              stroke="#7c3aed"
              strokeDasharray="2 2"
              label={{
                value: `Go-live ${i + 1}`,
                position: i % 2 === 0 ? "insideTopLeft" : "insideBottomLeft",
                fontSize: 11,
                fill: "#5b21b6",
              }}
            />
          ))}
          <Line
            name="Upper process limit"
            dataKey="upperLimit"
            stroke="#64748b"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name="Mean"
            dataKey="mean"
            stroke="#0f172a"
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name="Lower process limit"
            dataKey="lowerLimit"
            stroke="#64748b"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name="Value"
            dataKey="value"
            stroke="#334155"
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
          <Scatter
            name="Special cause: improvement (square)"
            dataKey="improvement"
            fill="#1d4ed8"
            shape="square"
            legendType="square"
            isAnimationActive={false}
          />
          <Scatter
            name="Special cause: concern (diamond)"
            dataKey="concern"
            fill="#c2410c"
            shape="diamond"
            legendType="diamond"
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
