// Where each gate gap is put right, so the checklist can link to it: the team tab for the RACI
// (rules 1 and 2), the alignment editor on the overview, the metrics and milestones tabs for the
// evidence (rule 4, GATE-5). Gaps with no page of their own (a scale decision) get no link.
import { RACI_GAP } from "@/lib/domain/raci";
import { STAGE_GAP } from "@/lib/domain/stage-gates";

export interface GapFix {
  /** Relative to the project's overview: "" (this page), "team", "metrics", "milestones". */
  segment: string;
  anchor?: string;
  label: string;
}

const TEAM: GapFix = { segment: "team", label: "Fix on the Team tab" };
const METRICS: GapFix = { segment: "metrics", label: "Fix on the Metrics tab" };
const MILESTONES: GapFix = { segment: "milestones", label: "Fix on the Milestones tab" };

const FIX: Record<string, GapFix> = {
  [STAGE_GAP.notAligned]: { segment: "", anchor: "alignment", label: "Align it below" },
  [STAGE_GAP.noClinicalChampion]: TEAM,
  [RACI_GAP.duplicatePerson]: TEAM,
  [RACI_GAP.noAccountable]: TEAM,
  [RACI_GAP.multipleAccountable]: TEAM,
  [RACI_GAP.accountableInactive]: TEAM,
  [RACI_GAP.noResponsible]: TEAM,
  [STAGE_GAP.noMeasurableMetric]: METRICS,
  [STAGE_GAP.metricsWithoutFinalValue]: METRICS,
  [STAGE_GAP.pilotNoResults]: METRICS,
  [STAGE_GAP.milestonesOpen]: MILESTONES,
  [STAGE_GAP.pilotGateNotPassed]: MILESTONES,
};

export function gapFix(code: string): GapFix | undefined {
  return FIX[code];
}

export function gapFixHref(projectCode: string, fix: GapFix): string {
  const base = `/projects/${encodeURIComponent(projectCode)}`;
  const path = fix.segment ? `${base}/${fix.segment}` : base;
  return fix.anchor ? `${path}#${fix.anchor}` : path;
}
