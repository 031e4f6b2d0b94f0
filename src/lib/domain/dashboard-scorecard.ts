// The leadership scorecard's summary of an objective's metrics (issue #12). Each metric keeps the
// colour the metric rules give it (docs/governance-rules.md NUM-5, NUM-6: the latest final value,
// recent enough for its cadence) and its progress from baseline to target (computeProgressToTarget,
// direction-aware); this only rolls them up, so the scorecard never grades a metric differently
// from its own page. Pure.
import type { CalendarDate } from "./calendar";
import { computeMetricStatus, computeProgressToTarget, type MetricStatus, type Rag } from "./metrics";
import type { Cadence, MetricDirection } from "./vocabulary";

export interface ScorecardMetricFacts {
  direction: MetricDirection;
  cadence: Cadence;
  baselineValue: number;
  targetValue: number;
  amberThreshold: number;
  redThreshold: number;
  /** The latest value that is not provisional (NUM-5), or null when none is. */
  latestFinal: { periodStart: CalendarDate; value: number } | null;
}

export interface ScorecardMetric {
  status: MetricStatus;
  /** Share of the way from baseline to target, 0–1, of a metric with a colour; null otherwise. */
  progress: number | null;
}

export function computeScorecardMetric(facts: ScorecardMetricFacts, today: CalendarDate): ScorecardMetric {
  const status = computeMetricStatus({ ...facts, today });
  // Progress of a stale value would say how far things got months ago, not where they stand:
  // it is shown only beside a colour (NUM-6).
  const progress =
    facts.latestFinal && (status === "GREEN" || status === "AMBER" || status === "RED")
      ? (computeProgressToTarget({ ...facts, value: facts.latestFinal.value })?.display ?? null)
      : null;
  return { status, progress };
}

export interface ObjectiveScorecard {
  /** The worst colour among its metrics with one; "NO_DATA" when none has a colour. */
  rag: Rag | "NO_DATA";
  metricCount: number;
  byStatus: Record<MetricStatus, number>;
  /** Mean progress (0–1) of the metrics with a colour; null when none has one. */
  progress: number | null;
}

const WORST_FIRST: readonly Rag[] = ["RED", "AMBER", "GREEN"];

/**
 * An objective's metrics rolled up: worst colour wins, because an objective with one metric red
 * is not on track whatever its others say, and a board reads the red first. Metrics without a
 * recent final value count apart ("No recent data", "No data yet") and colour nothing.
 */
export function computeObjectiveScorecard(metrics: readonly ScorecardMetric[]): ObjectiveScorecard {
  const byStatus: Record<MetricStatus, number> = {
    RED: 0,
    AMBER: 0,
    GREEN: 0,
    NO_RECENT_DATA: 0,
    NO_DATA: 0,
  };
  let progressSum = 0;
  let progressCount = 0;
  for (const metric of metrics) {
    byStatus[metric.status] += 1;
    if (metric.progress !== null) {
      progressSum += metric.progress;
      progressCount += 1;
    }
  }
  const rag = WORST_FIRST.find((colour) => byStatus[colour] > 0) ?? "NO_DATA";
  return {
    rag,
    metricCount: metrics.length,
    byStatus,
    progress: progressCount > 0 ? progressSum / progressCount : null,
  };
}
