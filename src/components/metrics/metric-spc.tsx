// A metric's SPC view (issue 12, docs/spc.md): the XmR chart of its final values with the
// variation and assurance summaries in words, and a table view of the chart's data (values,
// limits, signals) for anyone who cannot see the chart. Fewer values than the maths needs is said
// in words instead of a chart.
import { useId } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { SpcChart, type SpcChartPoint } from "@/components/charts/spc-chart";
import { formatDate, formatNumber } from "@/components/ui/format";
import type { MetricSpc as MetricSpcData } from "@/lib/domain/metric-spc";
import {
  ASSURANCE_SUMMARY_LABEL,
  type SpcRule,
  type SpcSignal,
  VARIATION_SUMMARY_LABEL,
  type XmRPoint,
} from "@/lib/domain/spc";
import type { Cadence } from "@/lib/domain/vocabulary";
import { periodLabel } from "./period-label";

const RULE_LABEL: Record<SpcRule, string> = {
  OUTSIDE_LIMITS: "Outside the process limits",
  RUN: "Run of 7 on one side of the mean",
  TREND: "Trend of 7 rising or falling",
  TWO_OF_THREE: "2 of 3 beyond two sigma",
};

/** "Outside the process limits (improvement)": what a signal is and which way it is judged. */
function signalText(signal: SpcSignal): string {
  return `${RULE_LABEL[signal.rule]} (${signal.judgement === "IMPROVEMENT" ? "improvement" : "concern"})`;
}

/** A metric's name as an id and file name fragment: lower case, words joined by hyphens. */
function idFor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The variation and assurance summaries in words, shown beside the metric's RAG. */
export function MetricSpcSummaries({ spc }: { spc: MetricSpcData }) {
  if (!spc.variation || !spc.assurance) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
      <li>{VARIATION_SUMMARY_LABEL[spc.variation]}</li>
      <li>{ASSURANCE_SUMMARY_LABEL[spc.assurance]}</li>
    </ul>
  );
}

export function MetricSpc({
  name,
  unit,
  cadence,
  target,
  spc,
}: {
  name: string;
  unit: string;
  cadence: Cadence;
  target: number;
  spc: MetricSpcData;
}) {
  const { chart } = spc;
  // Two metrics may share a name on one page; the figure's title id must still be unique.
  const figureId = useId();
  if (!chart) {
    return (
      <p className="text-sm text-slate-600">
        An SPC chart of {name} needs at least 2 final values; {spc.values.length === 0 ? "none is" : "1 is"}{" "}
        recorded so far.
      </p>
    );
  }
  const label = (start: string) => periodLabel(cadence, start);
  const rows = chart.points.map((point: XmRPoint) => {
    const segment = chart.segments[point.segment] ?? chart;
    const periodStart = spc.values[point.index]?.periodStart ?? "";
    return { point, segment, periodStart };
  });
  const points: SpcChartPoint[] = rows.map(({ point, segment, periodStart }) => ({
    label: label(periodStart),
    value: point.value,
    mean: segment.mean,
    upperLimit: segment.upperLimit,
    lowerLimit: segment.lowerLimit,
    improvement: point.judgement === "IMPROVEMENT" ? point.value : null,
    concern: point.judgement === "CONCERN" ? point.value : null,
  }));
  const title = `SPC chart of ${name}`;
  return (
    <ChartFigure
      id={`spc-chart-${figureId}`}
      title={title}
      headingLevel={4}
      framed={false}
      description={
        <>
          XmR chart of the final values, mean and process limits (2.66 average moving ranges either side of
          the mean).
          {spc.goLives.length > 0
            ? ` Go-lives: ${spc.goLives.map((g, i) => `${i + 1}. ${g.title} (${formatDate(g.date)})`).join("; ")}.`
            : null}
        </>
      }
      tableLabel={`Table view of the SPC chart of ${name}`}
      tableCaption={`SPC chart of ${name}: values, limits and signals, oldest first`}
      csvName={`spc-${idFor(name)}`}
      rows={rows}
      rowKey={(r) => String(r.point.index)}
      columns={[
        { header: "Period", className: "whitespace-nowrap", value: (r) => label(r.periodStart) },
        {
          header: "Value",
          align: "right",
          value: (r) => r.point.value,
          cell: (r) => formatNumber(r.point.value),
        },
        {
          header: "Mean",
          align: "right",
          value: (r) => r.segment.mean,
          cell: (r) => formatNumber(r.segment.mean),
        },
        {
          header: "Lower limit",
          align: "right",
          value: (r) => r.segment.lowerLimit,
          cell: (r) => formatNumber(r.segment.lowerLimit),
        },
        {
          header: "Upper limit",
          align: "right",
          value: (r) => r.segment.upperLimit,
          cell: (r) => formatNumber(r.segment.upperLimit),
        },
        {
          header: "Signals",
          className: "min-w-48",
          value: (r) => (r.point.signals.length === 0 ? "None" : r.point.signals.map(signalText).join("; ")),
        },
      ]}
    >
      <SpcChart
        title={`${title}: ${chart.points.length} final values with mean ${formatNumber(chart.mean)}, process limits ${formatNumber(chart.lowerLimit)} to ${formatNumber(chart.upperLimit)} and target ${formatNumber(target)} ${unit}; the table view lists them.`}
        unit={unit}
        target={target}
        points={points}
        goLives={spc.goLives.map((g) => ({ label: label(g.periodStart), title: g.title }))}
      />
    </ChartFigure>
  );
}
