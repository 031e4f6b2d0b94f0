// What a metric's SPC chart shows, built from plain facts: pure, so pages, reads and components
// share one shape (docs/spc.md).
import { type IsoDate, toIsoDate } from "./calendar";
import { computeNextPeriodStart } from "./metrics";
import {
  type AssuranceSummary,
  computeXmR,
  summariseAssurance,
  summariseVariation,
  type VariationSummary,
  type XmRChart,
} from "./spc";
import type { Cadence, MetricDirection } from "./vocabulary";

/**
 * What a metric's SPC chart shows (issue 12, docs/spc.md): its final values in period order (a
 * provisional value is not yet a fact, NUM-5), the XmR chart of them with the variation and
 * assurance summaries, and the go-live of each done milestone of its project within the chart's
 * span, placed on the period it fell in, so a change's effect shows. The chart is null with fewer
 * values than the maths needs (computeXmR: 2).
 */
export interface MetricSpc {
  values: { periodStart: IsoDate; value: number }[];
  chart: XmRChart | null;
  variation: VariationSummary | null;
  assurance: AssuranceSummary | null;
  goLives: { title: string; date: IsoDate; periodStart: IsoDate }[];
}

/** The chart data of one metric from its final values (any order) and its project's done milestones. */
export function toMetricSpc(
  metric: { direction: MetricDirection; targetValue: number; cadence: Cadence },
  finalValues: readonly { periodStart: Date; value: number }[],
  doneMilestones: readonly { title: string; actualDate: Date | null }[],
): MetricSpc {
  const ordered = finalValues.toSorted((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  const chart = computeXmR(
    ordered.map((v) => v.value),
    { direction: metric.direction },
  );
  const first = ordered[0];
  const last = ordered.at(-1);
  // The span runs from the first period's start to the end of the last period.
  const spanEnd = last ? computeNextPeriodStart(metric.cadence, last.periodStart).getTime() : 0;
  const goLives = doneMilestones.flatMap(({ title, actualDate }) => {
    if (!first || !actualDate) return [];
    const at = actualDate.getTime();
    if (at < first.periodStart.getTime() || at >= spanEnd) return [];
    // Placed on the latest period starting on or before the go-live (periods may have gaps).
    const period = ordered.findLast((v) => v.periodStart.getTime() <= at) ?? first;
    return [{ title, date: toIsoDate(actualDate), periodStart: toIsoDate(period.periodStart) }];
  });
  return {
    values: ordered.map((v) => ({ periodStart: toIsoDate(v.periodStart), value: v.value })),
    chart,
    variation: chart ? summariseVariation(chart) : null,
    assurance: chart ? summariseAssurance(chart, metric.targetValue) : null,
    goLives,
  };
}
