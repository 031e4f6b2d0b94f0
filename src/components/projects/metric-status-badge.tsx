import { METRIC_STATUS_LABEL } from "@/lib/domain/labels";
import type { MetricStatus } from "@/lib/domain/metrics";
import { Badge, RagBadge } from "../ui/badge";

/**
 * A metric's colour, or, when its latest final value is too old to judge today by, the words
 * "No recent data" on a neutral badge: a stale green must not read as green
 * (docs/governance-rules.md NUM-6).
 */
export function MetricStatusBadge({ status }: { status: MetricStatus }) {
  if (status === "NO_RECENT_DATA" || status === "NO_DATA")
    return <Badge>{METRIC_STATUS_LABEL[status]}</Badge>;
  return <RagBadge rag={status} />;
}
