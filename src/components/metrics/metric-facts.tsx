// A metric's definition as a description list: what it measures against, in words as well as
// numbers, so its RAG can be read without knowing the thresholds by heart.
import { CADENCE_LABEL, METRIC_DIRECTION_LABEL } from "@/lib/domain/labels";
import type { Cadence, MetricDirection } from "@/lib/domain/vocabulary";
import { formatDate, formatNumber } from "../ui/format";

export function MetricFacts({
  metric,
}: {
  metric: {
    unit: string;
    direction: MetricDirection;
    cadence: Cadence;
    baselineValue: number;
    targetValue: number;
    targetDate: string;
    amberThreshold: number;
    redThreshold: number;
    owner: { name: string };
  };
}) {
  const worse = metric.direction === "HIGHER_IS_BETTER" ? "below" : "above";
  const facts: [string, string][] = [
    ["Baseline", `${formatNumber(metric.baselineValue)} ${metric.unit}`],
    ["Target", `${formatNumber(metric.targetValue)} ${metric.unit} by ${formatDate(metric.targetDate)}`],
    ["Amber", `${worse} ${formatNumber(metric.amberThreshold)}`],
    ["Red", `${worse} ${formatNumber(metric.redThreshold)}`],
    ["Direction", METRIC_DIRECTION_LABEL[metric.direction]],
    ["Cadence", CADENCE_LABEL[metric.cadence]],
    ["Owner", metric.owner.name],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium text-slate-500">{term}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
