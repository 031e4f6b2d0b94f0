// The project stage machine and the gate checks on each move (docs/governance-rules.md rules 1
// and 4, GATE-1 and GATE-5). Pure: the caller gathers plain facts about a project and asks what, if
// anything, blocks a move.
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
// adds rule 4 (benefits review). PILOT → ROLLOUT adds the pilot's evidence (GATE-5): a passed gate
// milestone, results measured during the pilot and a decision to scale. Moving to ON_HOLD or
// CANCELLED, or resuming a held proposal, is never blocked: stopping work must always be possible.
//
// Who moves a project: a forward move into a gate stage is a request that an executive decides
// (GATE-1, domain/stage-gate-requests); holding, resuming and cancelling are direct moves by the
// Accountable or an executive, with a reason (GATE-4, `directStageMoveViolations`).

import { type CalendarDate, computeLocalDate, formatCalendarDate } from "./calendar";
import { PROJECT_KIND_LABEL as KIND_LABELS, STAGE_LABEL as STAGE_LABELS } from "./labels";
import { computeReasonViolations } from "./milestones";
import { type Gap, hasClinicalChampion, type RaciEntry, raciGaps } from "./raci";
import type { FieldViolation } from "./violations";
import type { MilestoneStatus, ProjectKind, ProjectStage } from "./vocabulary";

export type { ProjectKind, ProjectStage } from "./vocabulary";
export type { Gap, RaciEntry };

/** Stages in which work is live and from which a project can be put on hold. */
export type OpenStage = Extract<ProjectStage, "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT">;

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
  gateRequestRequired: "STAGE_GATE_REQUEST_REQUIRED",
  pilotGateNotPassed: "PILOT_GATE_NOT_PASSED",
  pilotNoResults: "PILOT_NO_RESULTS",
  pilotNoScaleDecision: "PILOT_NO_SCALE_DECISION",
  pilotNotToScale: "PILOT_DECIDED_NOT_TO_SCALE",
} as const;

/** Stages a project enters only through a decided gate request (GATE-1). */
export const GATE_STAGES: readonly ProjectStage[] = ["APPROVED", "PILOT", "ROLLOUT", "CLOSED"];

export interface MetricFacts {
  name: string;
  baselineValue: number | null;
  targetValue: number | null;
  /** Whether the benefits-review (final) value has been recorded. */
  hasFinalValue: boolean;
  /** Period start of the latest value that is not provisional; null or absent when there is none. */
  lastConfirmedPeriodStart?: CalendarDate | null;
}

export interface MilestoneFacts {
  title: string;
  status: MilestoneStatus;
  /** A go/no-go milestone (Milestone.isGate). */
  isGate?: boolean;
  /** Its gate was signed off (Milestone.gateApprovedById set). */
  gateApproved?: boolean;
}

export interface ScaleDecisionFacts {
  kind: "SCALE" | "DO_NOT_SCALE";
  title: string;
  decidedAt: Date;
}

/**
 * A project in PILOT: when the pilot began and what was decided on it. The start is the instant
 * the PILOT gate was approved (the latest approved PILOT request's decidedAt), or, for a pilot
 * that began without one, Project.stageChangedAt (`computePilotStartedAt`).
 */
export interface PilotFacts {
  startedAt: Date;
  /** The organisation's time zone: the pilot's first day and a decision's day are the trust's days. */
  timeZone: string;
  /** The project's SCALE and DO_NOT_SCALE decisions, any date. */
  decisions: readonly ScaleDecisionFacts[];
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
  /** Needed to leave PILOT for ROLLOUT; absent, the pilot's evidence counts as missing. */
  pilot?: PilotFacts | null;
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

/**
 * When the pilot began (GATE-5): the approval of the gate into PILOT, since that is when the
 * executive let it start; a project that entered PILOT without a gate request (before requests
 * existed) counts from its last stage change, which is the later and so the stricter reading.
 */
export function computePilotStartedAt(input: {
  pilotGateApprovedAt: Date | null;
  stageChangedAt: Date;
}): Date {
  return input.pilotGateApprovedAt ?? input.stageChangedAt;
}

/**
 * GATE-5, pilot before scale means evidence: what a project in PILOT still lacks to roll out. It
 * needs a gate milestone that is done and signed off, at least one confirmed (not provisional)
 * value of a project metric for a period starting on or after the pilot's first day, and a SCALE
 * decision dated during the pilot that no DO_NOT_SCALE decision has since overturned.
 */
export function pilotEvidenceGaps(facts: ProjectFacts): Gap[] {
  const gaps: Gap[] = [];
  const gates = facts.milestones.filter((m) => m.isGate === true);
  if (!gates.some((m) => m.status === "DONE" && m.gateApproved === true)) {
    const doneUnapproved = gates.filter((m) => m.status === "DONE");
    const open = gates.filter((m) => m.status !== "DONE" && m.status !== "CANCELLED");
    let message: string;
    if (doneUnapproved.length > 0) {
      message = `The pilot's gate ${listed(doneUnapproved.map((m) => m.title))} is done but not signed off: the project's Accountable or an executive approves it`;
    } else if (open.length > 0) {
      message = `The pilot's gate ${listed(open.map((m) => m.title))} is not done yet: complete it and have it signed off`;
    } else {
      message =
        "No gate milestone for the pilot: add one for its go/no-go review, complete it and have it signed off";
    }
    gaps.push({ code: STAGE_GAP.pilotGateNotPassed, message });
  }

  const pilot = facts.pilot ?? null;
  const firstDay = pilot ? computeLocalDate(pilot.startedAt, pilot.timeZone) : null;
  const measured =
    firstDay !== null &&
    facts.metrics.some(
      (m) => m.lastConfirmedPeriodStart && m.lastConfirmedPeriodStart.getTime() >= firstDay.getTime(),
    );
  if (!measured) {
    gaps.push({
      code: STAGE_GAP.pilotNoResults,
      message: `No results from the pilot: record a confirmed (not provisional) value of a project metric for a period starting ${firstDay ? `on or after ${formatCalendarDate(firstDay)}, when the pilot began` : "during the pilot"}`,
    });
  }

  const during = (decision: ScaleDecisionFacts) =>
    pilot !== null &&
    firstDay !== null &&
    computeLocalDate(decision.decidedAt, pilot.timeZone).getTime() >= firstDay.getTime();
  const scale = (pilot?.decisions ?? [])
    .filter((d) => d.kind === "SCALE" && during(d))
    .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())[0];
  if (!scale) {
    gaps.push({
      code: STAGE_GAP.pilotNoScaleDecision,
      message:
        "No decision to scale: an executive records a Scale decision on the project once the pilot's evidence has been reviewed",
    });
  } else {
    const overturned = (pilot?.decisions ?? []).find(
      (d) => d.kind === "DO_NOT_SCALE" && d.decidedAt.getTime() > scale.decidedAt.getTime(),
    );
    if (overturned) {
      gaps.push({
        code: STAGE_GAP.pilotNotToScale,
        message: `The latest decision, “${overturned.title}”, is not to scale: a new Scale decision is needed before rollout`,
      });
    }
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
  if (from === "PILOT" && toStage === "ROLLOUT") gaps.push(...pilotEvidenceGaps(facts));
  if (toStage === "CLOSED") gaps.push(...closureGaps(facts));
  return gaps;
}

/**
 * A forward move into a gate stage, which only a decided gate request makes (GATE-1). Resuming an
 * ON_HOLD project into the stage it was held from is not one: that gate was passed already.
 */
export function isGateMove(from: ProjectStage, toStage: ProjectStage): boolean {
  return GATE_STAGES.includes(toStage) && from !== "ON_HOLD";
}

/**
 * GATE-4: what stops a direct stage move (hold, resume, cancel). A gate stage is refused with the
 * way to get there; otherwise the machine and the gates decide, and the move needs a reason,
 * since stopping or restarting work is a decision the history must explain.
 */
export function directStageMoveViolations(
  facts: ProjectFacts,
  toStage: ProjectStage,
  reason: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (isGateMove(facts.stage, toStage) && toStage !== facts.stage) {
    violations.push({
      code: STAGE_GAP.gateRequestRequired,
      field: "toStage",
      message: `Moving to ${STAGE_LABELS[toStage]} is a stage gate: request it, and an executive who is not the project's R decides`,
    });
  } else {
    violations.push(...stageMoveGaps(facts, toStage).map((g) => ({ ...g, field: "toStage" })));
  }
  const action =
    toStage === "ON_HOLD"
      ? "putting the project on hold"
      : toStage === "CANCELLED"
        ? "cancelling the project"
        : "resuming the project";
  for (const v of computeReasonViolations(reason, action)) violations.push({ ...v, field: "reason" });
  return violations;
}

export function canMoveStage(facts: ProjectFacts, toStage: ProjectStage): boolean {
  return stageMoveGaps(facts, toStage).length === 0;
}
