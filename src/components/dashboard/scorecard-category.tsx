// One scorecard category on the overview (issue #12), bounded at any number of objectives: how
// many need attention and why, in words, then the objectives needing it most, and a link to all of
// the category's objectives on pages of their own. An executive sees at a glance what is off track
// without the page growing with the strategy.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CATEGORY_LABEL } from "@/lib/domain/labels";
import { type AttentionFacts, compareByAttention, countByAttention } from "@/lib/domain/scorecard-attention";
import type { ScorecardCategory } from "@/lib/domain/vocabulary";
import { type ScorecardRow, ScorecardTable } from "./scorecard-table";

/** Objectives a category shows on the overview before "all N objectives". */
export const SCORECARD_PREVIEW = 3;

export function attentionFacts(o: ScorecardRow): AttentionFacts {
  return {
    code: o.code,
    status: o.status,
    visionWithoutDelivery: o.visionWithoutDelivery,
    metricsRag: o.metrics.rag,
    redProjects: o.contributing.RED,
    amberProjects: o.contributing.AMBER,
  };
}

/** A category's objectives, those needing attention most first. */
export function byAttention(objectives: readonly ScorecardRow[]): ScorecardRow[] {
  return objectives.toSorted((a, b) => compareByAttention(attentionFacts(a), attentionFacts(b)));
}

/** "100 objectives: 12 nobody delivering, 8 metrics red, …", each with its word and colour. */
export function AttentionSummary({ objectives }: { objectives: readonly ScorecardRow[] }) {
  const counts = countByAttention(objectives.map(attentionFacts));
  const parts = [
    { count: counts.NOBODY_DELIVERING, text: "nobody delivering", tone: "red" as const },
    { count: counts.METRICS_RED, text: "metrics red", tone: "red" as const },
    { count: counts.METRICS_AMBER, text: "metrics amber", tone: "amber" as const },
    { count: counts.PROJECTS_LATE, text: "a live project red on schedule", tone: "amber" as const },
    { count: counts.onTrack, text: "none of these", tone: "green" as const },
  ].filter((part) => part.count > 0);
  return (
    <p className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
      <span>
        {objectives.length} {objectives.length === 1 ? "objective" : "objectives"}:
      </span>
      {parts.map((part) => (
        <Badge key={part.text} tone={part.tone}>
          {part.count} {part.text}
        </Badge>
      ))}
    </p>
  );
}

export function ScorecardCategoryPreview({
  category,
  objectives,
  projectsHref,
  allHref,
}: {
  category: ScorecardCategory;
  objectives: readonly ScorecardRow[];
  projectsHref: (objective: string, extra: Record<string, string>) => string;
  /** The category's objectives on pages of their own, with the dashboard's filters. */
  allHref: string;
}) {
  const shown = byAttention(objectives).slice(0, SCORECARD_PREVIEW);
  const label = CATEGORY_LABEL[category];
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-800">{label}</h3>
      <AttentionSummary objectives={objectives} />
      <ScorecardTable
        category={category}
        objectives={shown}
        projectsHref={projectsHref}
        caption={
          shown.length < objectives.length
            ? `${label}: the ${shown.length} of ${objectives.length} objectives needing attention most`
            : undefined
        }
      />
      {shown.length < objectives.length ? (
        <p className="mt-2 text-sm">
          <Link href={allHref} className="font-medium text-teal-800 underline underline-offset-2">
            All {objectives.length} objectives in {label.toLowerCase()}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
