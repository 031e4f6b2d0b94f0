// What a rebaseline or scope change moves, from → to, as a short list a decider can read at a
// glance (docs/governance-rules.md REB-1, REB-5). Plain data in, so the milestones tab and the
// approvals inbox say it the same way.
import { REBASELINE_KIND_LABEL } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import type { RebaselineKind } from "@/lib/domain/vocabulary";
import { formatDate } from "../ui/format";

export interface RequestedChange {
  kind: RebaselineKind;
  milestoneTitle: string | null;
  previousEndDate: string | null;
  proposedEndDate: string | null;
  previousBudget: string | null;
  proposedBudget: string | null;
  previousMilestoneDate: string | null;
  proposedMilestoneDate: string | null;
  proposedMilestoneTitle: string | null;
}

/** One line per value that moves: "End date: 1 Jul 2027 → 15 Aug 2027". */
export function requestedChangeLines(change: RequestedChange): string[] {
  if (change.kind === "ADD_MILESTONE") {
    const date = change.proposedMilestoneDate ? `, baseline ${formatDate(change.proposedMilestoneDate)}` : "";
    return [`Add “${change.proposedMilestoneTitle ?? "a milestone"}”${date}`];
  }
  if (change.kind === "CANCEL_MILESTONE") {
    const date = change.previousMilestoneDate
      ? ` (baseline ${formatDate(change.previousMilestoneDate)})`
      : "";
    return [`Cancel “${change.milestoneTitle ?? "a milestone"}”${date}`];
  }
  const lines: string[] = [];
  if (change.proposedEndDate) {
    const from = change.previousEndDate ? formatDate(change.previousEndDate) : "—";
    lines.push(`End date: ${from} → ${formatDate(change.proposedEndDate)}`);
  }
  if (change.proposedBudget !== null) {
    const from = change.previousBudget !== null ? formatMoney(change.previousBudget) : "—";
    lines.push(`Budget: ${from} → ${formatMoney(change.proposedBudget)}`);
  }
  if (change.proposedMilestoneDate) {
    const from = change.previousMilestoneDate ? formatDate(change.previousMilestoneDate) : "—";
    lines.push(
      `Baseline of “${change.milestoneTitle ?? "a milestone"}”: ${from} → ${formatDate(change.proposedMilestoneDate)}`,
    );
  }
  return lines;
}

export function RequestChanges({ change }: { change: RequestedChange }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {REBASELINE_KIND_LABEL[change.kind]}
      </p>
      <ul className="mt-1 space-y-0.5 text-sm text-slate-900">
        {requestedChangeLines(change).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
