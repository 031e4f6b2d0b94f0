// The project stage machine and the gate checks on each move (DESIGN.md rules 1 and 4). Pure:
// the caller gathers plain facts about a project and asks what, if anything, blocks a move.
//
// The machine:
//   PROPOSED → APPROVED → PILOT → ROLLOUT → CLOSED, and APPROVED → ROLLOUT for work that cannot
//     be piloted (a new endoscopy unit, a procurement round); CLINICAL, DIGITAL and MIXED projects
//     must pilot before they scale, which the gate enforces rather than the machine, so the reason
//     reaches the user as a named gap.
//   Any open stage (PROPOSED, APPROVED, PILOT, ROLLOUT) → ON_HOLD, and ON_HOLD → the stage it was
//     held from, so a pause can never be used to skip a gate.
//   Any non-final stage (including ON_HOLD) → CANCELLED.
//   CLOSED and CANCELLED are final. There are no other backward moves: a failed pilot is cancelled
//     (with a decision saying why) rather than quietly rewound.
//
// Gates: every move into APPROVED, PILOT, ROLLOUT or CLOSED (including resuming into one of them)
// re-checks rule 1, because the facts that let a project leave PROPOSED — alignment, an active
// Accountable, a Responsible, a clinical champion, a measurable metric — can decay later. CLOSED
// adds rule 4 (benefits review). Moving to ON_HOLD or CANCELLED, or resuming a held proposal, is
// never blocked: stopping work must always be possible.

import { type Gap, hasClinicalChampion, type RaciEntry, raciGaps } from "./raci";

export type { Gap, RaciEntry };

export type ProjectStage = "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT" | "CLOSED" | "ON_HOLD" | "CANCELLED";
export type ProjectKind = "CLINICAL" | "OPERATIONAL" | "DIGITAL" | "MIXED";
export type MilestoneStatus = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "CANCELLED";
/** Stages in which work is live and from which a project can be put on hold. */
export type OpenStage = "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT";

export const STAGE_LABELS: Record<ProjectStage, string> = {
  PROPOSED: "Proposed",
  APPROVED: "Approved",
  PILOT: "Pilot",
  ROLLOUT: "Rollout",
  CLOSED: "Closed",
  ON_HOLD: "On hold",
  CANCELLED: "Cancelled",
};

export const KIND_LABELS: Record<ProjectKind, string> = {
  CLINICAL: "Clinical",
  OPERATIONAL: "Operational",
  DIGITAL: "Digital",
  MIXED: "Mixed",
};

export const OPEN_STAGES: readonly OpenStage[] = ["PROPOSED", "APPROVED", "PILOT", "ROLLOUT"];

const FORWARD: Record<OpenStage, readonly ProjectStage[]> = {
  PROPOSED: ["APPROVED"],
  APPROVED: ["PILOT", "ROLLOUT"],
  PILOT: ["ROLLOUT"],
  ROLLOUT: ["CLOSED"],
};

export const STAGE_GAP = {
  unchanged: "STAGE_UNCHANGED",
  notAllowed: "STAGE_MOVE_NOT_ALLOWED",
  resumeStageUnknown: "STAGE_RESUME_UNKNOWN",
  notAligned: "NOT_ALIGNED",
  noClinicalChampion: "NO_CLINICAL_CHAMPION",
  noMeasurableMetric: "NO_MEASURABLE_METRIC",
  pilotRequired: "PILOT_REQUIRED",
  milestonesOpen: "MILESTONES_OPEN",
  metricsWithoutFinalValue: "METRICS_WITHOUT_FINAL_VALUE",
} as const;

export interface MetricFacts {
  name: string;
  baselineValue: number | null;
  targetValue: number | null;
  /** Whether the benefits-review (final) value has been recorded. */
  hasFinalValue: boolean;
}

export interface MilestoneFacts {
  title: string;
  status: MilestoneStatus;
}

/** What the gates need to know about a project; metrics are the project-linked ones only. */
export interface ProjectFacts {
  kind: ProjectKind;
  stage: ProjectStage;
  /** For an ON_HOLD project (Project.heldFromStage): the stage it was paused in, the only one it can resume to. */
  heldFrom?: OpenStage | null;
  alignmentCount: number;
  raci: readonly RaciEntry[];
  metrics: readonly MetricFacts[];
  milestones: readonly MilestoneFacts[];
}

export function isFinalStage(stage: ProjectStage): boolean {
  return stage === "CLOSED" || stage === "CANCELLED";
}

export function isOpenStage(stage: ProjectStage): stage is OpenStage {
  return (OPEN_STAGES as readonly ProjectStage[]).includes(stage);
}

/** Kinds that touch patient care need a clinical voice on the team (rule 1) and a pilot before scale. */
export function needsClinicalChampion(kind: ProjectKind): boolean {
  return kind !== "OPERATIONAL";
}

export function needsPilot(kind: ProjectKind): boolean {
  return kind !== "OPERATIONAL";
}

/**
 * The stages the machine allows next, before any gate check. An ON_HOLD project whose held-from
 * stage is unknown can only be cancelled: guessing where to resume could skip a gate.
 */
export function allowedNextStages(stage: ProjectStage, heldFrom?: OpenStage | null): ProjectStage[] {
  if (stage === "ON_HOLD") return heldFrom ? [heldFrom, "CANCELLED"] : ["CANCELLED"];
  if (!isOpenStage(stage)) return [];
  return [...FORWARD[stage], "ON_HOLD", "CANCELLED"];
}

function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((item) => `“${item}”`);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

function hasBaselineAndTarget(metric: MetricFacts): boolean {
  return (
    metric.baselineValue !== null &&
    Number.isFinite(metric.baselineValue) &&
    metric.targetValue !== null &&
    Number.isFinite(metric.targetValue)
  );
}

/**
 * Rule 1: what a project needs before it may leave PROPOSED, and keep having while it is live.
 * Empty when the project is ready.
 */
export function readinessGaps(facts: ProjectFacts): Gap[] {
  const gaps: Gap[] = [];
  if (facts.alignmentCount < 1) {
    gaps.push({
      code: STAGE_GAP.notAligned,
      message: "Not aligned to any strategic objective: link it to the objective it serves",
    });
  }
  gaps.push(...raciGaps(facts.raci, { requireResponsible: true }));
  if (needsClinicalChampion(facts.kind) && !hasClinicalChampion(facts.raci)) {
    gaps.push({
      code: STAGE_GAP.noClinicalChampion,
      message: `No clinical champion: assign a CLINICAL user as R or C (${KIND_LABELS[facts.kind]} projects need one)`,
    });
  }
  if (!facts.metrics.some(hasBaselineAndTarget)) {
    gaps.push({
      code: STAGE_GAP.noMeasurableMetric,
      message: "No metric with a baseline and a target: add one that will show whether the project worked",
    });
  }
  return gaps;
}

/** Rule 4: the benefits review that closing a project requires. Empty when it may close. */
export function closureGaps(facts: ProjectFacts): Gap[] {
  const gaps: Gap[] = [];
  const open = facts.milestones.filter((m) => m.status !== "DONE" && m.status !== "CANCELLED");
  if (open.length > 0) {
    gaps.push({
      code: STAGE_GAP.milestonesOpen,
      message: `${open.length === 1 ? "1 milestone is" : `${open.length} milestones are`} still open (${listed(open.map((m) => m.title))}): mark each done or cancelled`,
    });
  }
  const unmeasured = facts.metrics.filter((m) => !m.hasFinalValue);
  if (unmeasured.length > 0) {
    gaps.push({
      code: STAGE_GAP.metricsWithoutFinalValue,
      message: `No final value for ${listed(unmeasured.map((m) => m.name))}: record the benefits-review value for every project metric`,
    });
  }
  return gaps;
}

/** Everything blocking a move to `toStage`; an empty list means the move may go ahead. */
export function stageMoveGaps(facts: ProjectFacts, toStage: ProjectStage): Gap[] {
  const from = facts.stage;
  if (toStage === from) {
    return [{ code: STAGE_GAP.unchanged, message: `The project is already ${STAGE_LABELS[from]}` }];
  }
  const allowed = allowedNextStages(from, facts.heldFrom);
  if (!allowed.includes(toStage)) {
    if (from === "ON_HOLD" && !facts.heldFrom && isOpenStage(toStage)) {
      return [
        {
          code: STAGE_GAP.resumeStageUnknown,
          message: "The stage this project was paused in is not known, so it cannot be resumed safely",
        },
      ];
    }
    const options = allowed.map((s) => STAGE_LABELS[s]).join(", ");
    return [
      {
        code: STAGE_GAP.notAllowed,
        message: isFinalStage(from)
          ? `A ${STAGE_LABELS[from].toLowerCase()} project cannot change stage`
          : `A project in ${STAGE_LABELS[from]} can move to ${options}, not ${STAGE_LABELS[toStage]}`,
      },
    ];
  }

  if (toStage === "ON_HOLD" || toStage === "CANCELLED" || toStage === "PROPOSED") return [];

  const gaps = readinessGaps(facts);
  if (from === "APPROVED" && toStage === "ROLLOUT" && needsPilot(facts.kind)) {
    gaps.push({
      code: STAGE_GAP.pilotRequired,
      message: `${KIND_LABELS[facts.kind]} projects pilot before they scale: move to Pilot first`,
    });
  }
  if (toStage === "CLOSED") gaps.push(...closureGaps(facts));
  return gaps;
}

export function canMoveStage(facts: ProjectFacts, toStage: ProjectStage): boolean {
  return stageMoveGaps(facts, toStage).length === 0;
}
