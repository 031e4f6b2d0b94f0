// Which objectives the leadership scorecard shows first (issue #12). At hundreds of objectives the
// overview shows only a few per category, so the order decides what an executive sees: what is off
// track comes before what is on track, never the alphabet. Pure.
import type { Rag } from "./metrics";
import type { ObjectiveStatus } from "./vocabulary";

export interface AttentionFacts {
  code: string;
  status: ObjectiveStatus;
  /** An active objective nobody is delivering (NUM-7). */
  visionWithoutDelivery: boolean;
  /** The worst colour of its metrics with recent data (computeObjectiveScorecard). */
  metricsRag: Rag | "NO_DATA";
  /** Live projects contributing to it whose schedule is red (NUM-3). */
  redProjects: number;
  /** Live projects contributing to it whose schedule is amber. */
  amberProjects: number;
}

/** Why an objective needs attention, worst first; null when nothing does. */
export type AttentionReason = "NOBODY_DELIVERING" | "METRICS_RED" | "METRICS_AMBER" | "PROJECTS_LATE";

const RANK: Record<AttentionReason, number> = {
  NOBODY_DELIVERING: 0,
  METRICS_RED: 1,
  METRICS_AMBER: 2,
  PROJECTS_LATE: 3,
};

/**
 * The worst reason an objective needs attention. Nobody delivering comes first: its metrics may
 * look fine, but nothing is being done toward them. Then its own metrics (the outcome), then the
 * schedule of the projects serving it (the means). Projects count only when one is red, since an
 * amber schedule alone is a watch, not a call to act.
 */
export function attentionReason(facts: AttentionFacts): AttentionReason | null {
  if (facts.visionWithoutDelivery) return "NOBODY_DELIVERING";
  if (facts.metricsRag === "RED") return "METRICS_RED";
  if (facts.metricsRag === "AMBER") return "METRICS_AMBER";
  if (facts.redProjects > 0) return "PROJECTS_LATE";
  return null;
}

/** Worst first; within a reason, the one with more red then amber projects; then by code. */
export function compareByAttention(a: AttentionFacts, b: AttentionFacts): number {
  const rank = (facts: AttentionFacts) => {
    const reason = attentionReason(facts);
    return reason === null ? Number.MAX_SAFE_INTEGER : RANK[reason];
  };
  return (
    rank(a) - rank(b) ||
    b.redProjects - a.redProjects ||
    b.amberProjects - a.amberProjects ||
    a.code.localeCompare(b.code)
  );
}

/** How many of a category's objectives need attention, by their worst reason. */
export function countByAttention(
  objectives: readonly AttentionFacts[],
): Record<AttentionReason, number> & { onTrack: number } {
  const counts = { NOBODY_DELIVERING: 0, METRICS_RED: 0, METRICS_AMBER: 0, PROJECTS_LATE: 0, onTrack: 0 };
  for (const objective of objectives) {
    const reason = attentionReason(objective);
    if (reason === null) counts.onTrack += 1;
    else counts[reason] += 1;
  }
  return counts;
}
