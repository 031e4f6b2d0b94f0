// Rebaselines (docs/governance-rules.md rule 5 and REB-1…REB-6: baselines move only through an
// approved Rebaseline). Pure: the caller passes the project's and milestone's current baselines,
// the request and the organisation's tolerances, and gets back every reason it cannot go ahead,
// each tied to the form field it is about.
//
// A request proposes at least one new value: the project's end date, its budget, or one
// milestone's baseline date (several at once when they move together). Each proposed value must
// differ from the baseline it replaces, and the request must say why. The previous values are
// captured at request; approval re-checks them, so a request overtaken by another approved one
// cannot silently undo it: it is rejected and raised again against the new baseline.
//
// Scope is part of the baseline too (REB-4, REB-5): once a project is past PROPOSED, adding or
// cancelling a milestone is a scope-change request (kind ADD_MILESTONE or CANCEL_MILESTONE),
// decided like any rebaseline. Who may approve depends on the tolerance (REB-2, REB-3, REB-6).
import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import { STAGE_LABEL as STAGE_LABELS } from "./labels";
import { computeReasonViolations } from "./milestones";
import { formatMoney, isSameAmount, parseMoney } from "./money";
import type { GovernanceSettings } from "./settings";
import { isFinalStage } from "./stage-gates";
import { type FieldViolation, normaliseReason, type Violation } from "./violations";
import type {
  MilestoneStatus,
  ProjectStage,
  RaciLetter,
  RebaselineKind,
  RebaselineStatus,
  Role,
} from "./vocabulary";

export const REBASELINE_VIOLATION = {
  projectFinal: "REBASELINE_PROJECT_FINAL",
  nothingProposed: "REBASELINE_NOTHING_PROPOSED",
  milestoneDateWithoutMilestone: "REBASELINE_MILESTONE_DATE_WITHOUT_MILESTONE",
  milestoneWithoutDate: "REBASELINE_MILESTONE_WITHOUT_DATE",
  milestoneFinished: "REBASELINE_MILESTONE_FINISHED",
  endDateUnchanged: "REBASELINE_END_DATE_UNCHANGED",
  endDateBeforeStart: "REBASELINE_END_DATE_BEFORE_START",
  budgetUnchanged: "REBASELINE_BUDGET_UNCHANGED",
  milestoneDateUnchanged: "REBASELINE_MILESTONE_DATE_UNCHANGED",
  notPending: "REBASELINE_NOT_PENDING",
  baselineMoved: "REBASELINE_BASELINE_MOVED",
  scopeGoverned: "REBASELINE_SCOPE_GOVERNED",
  scopeNotGoverned: "REBASELINE_SCOPE_NOT_GOVERNED",
  milestoneBeforeStart: "REBASELINE_MILESTONE_BEFORE_START",
  ownRequest: "REBASELINE_OWN_REQUEST",
  beyondTolerance: "REBASELINE_BEYOND_TOLERANCE",
  beyondToleranceResponsible: "REBASELINE_BEYOND_TOLERANCE_RESPONSIBLE",
} as const;

/** Why a request is beyond tolerance, one code per threshold passed (REB-3, REB-6). */
export const TOLERANCE_BREACH = {
  endDate: "TOLERANCE_END_DATE",
  budget: "TOLERANCE_BUDGET",
  milestoneDate: "TOLERANCE_MILESTONE_DATE",
  addedAfterEnd: "TOLERANCE_ADDED_AFTER_END",
  recreatedLater: "TOLERANCE_RECREATED_LATER",
  gateCancelled: "TOLERANCE_GATE_CANCELLED",
} as const;

export interface ProjectBaseline {
  stage: ProjectStage;
  startDate: CalendarDate;
  baselineEndDate: CalendarDate;
  /** A decimal string, e.g. "250000.00". */
  baselineBudget: string;
}

export interface MilestoneBaseline {
  title: string;
  status: MilestoneStatus;
  baselineDate: CalendarDate;
  /** A go/no-go milestone; cancelling one is always beyond tolerance (REB-6). */
  isGate?: boolean;
}

export interface RebaselineProposal {
  proposedEndDate?: CalendarDate | null;
  /** A decimal string, e.g. "275000.00". */
  proposedBudget?: string | null;
  proposedMilestoneDate?: CalendarDate | null;
}

export interface RebaselineRequestInput extends RebaselineProposal {
  project: ProjectBaseline;
  /** The milestone named in the request, when one is. */
  milestone?: MilestoneBaseline | null;
  reason: string;
}

const sameDay = (a: CalendarDate, b: CalendarDate) => computeDaysBetween(a, b) === 0;

function milestoneFinished(milestone: MilestoneBaseline, field?: string): FieldViolation | null {
  if (milestone.status !== "DONE" && milestone.status !== "CANCELLED") return null;
  return {
    code: REBASELINE_VIOLATION.milestoneFinished,
    ...(field ? { field } : {}),
    message: `“${milestone.title}” is ${milestone.status === "DONE" ? "done" : "cancelled"}: its baseline is history and no longer moves`,
  };
}

/** Everything wrong with a rebaseline request; empty when it may be raised. */
export function rebaselineRequestViolations(input: RebaselineRequestInput): FieldViolation[] {
  const { project, milestone } = input;
  const violations: FieldViolation[] = [];
  if (isFinalStage(project.stage)) {
    violations.push({
      code: REBASELINE_VIOLATION.projectFinal,
      message: "The project is closed or cancelled: its baselines no longer move",
    });
  }

  const endDate = input.proposedEndDate ?? null;
  const budget = input.proposedBudget ?? null;
  const milestoneDate = input.proposedMilestoneDate ?? null;
  if (!endDate && budget === null && !milestoneDate && !milestone) {
    violations.push({
      code: REBASELINE_VIOLATION.nothingProposed,
      field: "proposedEndDate",
      message:
        "Propose a new end date, a new budget or a new milestone date: a rebaseline has to move something",
    });
  }

  if (endDate) {
    if (sameDay(endDate, project.baselineEndDate)) {
      violations.push({
        code: REBASELINE_VIOLATION.endDateUnchanged,
        field: "proposedEndDate",
        message: `The baseline end date is already ${formatCalendarDate(project.baselineEndDate)}: propose a different date`,
      });
    } else if (computeDaysBetween(project.startDate, endDate) <= 0) {
      violations.push({
        code: REBASELINE_VIOLATION.endDateBeforeStart,
        field: "proposedEndDate",
        message: `The end date must be after the project's start (${formatCalendarDate(project.startDate)})`,
      });
    }
  }
  if (budget !== null && isSameAmount(budget, project.baselineBudget)) {
    violations.push({
      code: REBASELINE_VIOLATION.budgetUnchanged,
      field: "proposedBudget",
      message: `The baseline budget is already ${formatMoney(project.baselineBudget)}: propose a different amount`,
    });
  }

  if (milestoneDate && !milestone) {
    violations.push({
      code: REBASELINE_VIOLATION.milestoneDateWithoutMilestone,
      field: "milestoneId",
      message: "Choose the milestone whose baseline date should move",
    });
  }
  if (milestone) {
    const finished = milestoneFinished(milestone, "milestoneId");
    if (finished) violations.push(finished);
    if (!milestoneDate) {
      violations.push({
        code: REBASELINE_VIOLATION.milestoneWithoutDate,
        field: "proposedMilestoneDate",
        message: `Propose the new baseline date for “${milestone.title}”`,
      });
    } else if (sameDay(milestoneDate, milestone.baselineDate)) {
      violations.push({
        code: REBASELINE_VIOLATION.milestoneDateUnchanged,
        field: "proposedMilestoneDate",
        message: `The baseline of “${milestone.title}” is already ${formatCalendarDate(milestone.baselineDate)}: propose a different date`,
      });
    }
  }

  for (const v of computeReasonViolations(input.reason, "the rebaseline")) {
    violations.push({ ...v, field: "reason" });
  }
  return violations;
}

export interface RebaselineRecord {
  /** BASELINE when absent. */
  kind?: RebaselineKind;
  status: RebaselineStatus;
  previousEndDate: CalendarDate | null;
  proposedEndDate: CalendarDate | null;
  previousBudget: string | null;
  proposedBudget: string | null;
  previousMilestoneDate: CalendarDate | null;
  proposedMilestoneDate: CalendarDate | null;
}

export interface RebaselineDecisionInput {
  request: RebaselineRecord;
  decision: "APPROVED" | "REJECTED";
  reason: string;
  /** The baselines as they stand now. */
  project: ProjectBaseline;
  milestone?: MilestoneBaseline | null;
}

/** Everything that stops this decision; empty when it may be recorded (and, if approved, applied). */
export function rebaselineDecisionViolations(input: RebaselineDecisionInput): FieldViolation[] {
  const { request, project, milestone } = input;
  if (request.status !== "REQUESTED") {
    return [
      {
        code: REBASELINE_VIOLATION.notPending,
        message: `This rebaseline was already ${request.status === "APPROVED" ? "approved" : "rejected"}: a decision is final`,
      },
    ];
  }
  if (input.decision === "REJECTED") {
    return computeReasonViolations(input.reason, "rejecting the rebaseline").map((v) => ({
      ...v,
      field: "reason",
    }));
  }

  const violations: FieldViolation[] = [];
  if (isFinalStage(project.stage)) {
    violations.push({
      code: REBASELINE_VIOLATION.projectFinal,
      message: "The project is closed or cancelled: its baselines no longer move, so reject this request",
    });
  }
  // A milestone whose baseline moves, or which a scope change cancels, must still be open.
  if (milestone && (request.proposedMilestoneDate || request.kind === "CANCEL_MILESTONE")) {
    const finished = milestoneFinished(milestone);
    if (finished) violations.push(finished);
  }
  const moved: string[] = [];
  if (
    request.proposedEndDate &&
    request.previousEndDate &&
    !sameDay(request.previousEndDate, project.baselineEndDate)
  ) {
    moved.push(
      `the end date was ${formatCalendarDate(request.previousEndDate)} and is now ${formatCalendarDate(project.baselineEndDate)}`,
    );
  }
  if (
    request.proposedBudget !== null &&
    request.previousBudget !== null &&
    !isSameAmount(request.previousBudget, project.baselineBudget)
  ) {
    moved.push(
      `the budget was ${formatMoney(request.previousBudget)} and is now ${formatMoney(project.baselineBudget)}`,
    );
  }
  if (
    milestone &&
    request.proposedMilestoneDate &&
    request.previousMilestoneDate &&
    !sameDay(request.previousMilestoneDate, milestone.baselineDate)
  ) {
    moved.push(
      `the baseline of “${milestone.title}” was ${formatCalendarDate(request.previousMilestoneDate)} and is now ${formatCalendarDate(milestone.baselineDate)}`,
    );
  }
  if (moved.length > 0) {
    violations.push({
      code: REBASELINE_VIOLATION.baselineMoved,
      message: `The baseline has moved since this was requested (${moved.join("; ")}): reject this request and raise a new one against the current baseline`,
    });
  }
  return violations;
}

// ── Scope changes (REB-4, REB-5) ────────────────────────────────────────────────────────────

export interface ProjectScope {
  stage: ProjectStage;
  /** The stage an ON_HOLD project was held from. */
  heldFromStage: ProjectStage | null;
}

export type ScopeChange = "ADD_MILESTONE" | "CANCEL_MILESTONE";

const SCOPE_CHANGE_WORDS: Record<ScopeChange, string> = {
  ADD_MILESTONE: "adding a milestone",
  CANCEL_MILESTONE: "cancelling a milestone",
};

/**
 * docs/governance-rules.md REB-4: whether the project's plan has been approved, so that its scope
 * (which milestones it commits to) changes only through a decided request. A proposed project, or
 * one put on hold while proposed, still plans freely; an on-hold project whose held-from stage is
 * unknown is treated as approved (the stricter reading).
 */
export function isScopeGoverned(project: ProjectScope): boolean {
  if (isFinalStage(project.stage)) return false;
  const effective = project.stage === "ON_HOLD" ? project.heldFromStage : project.stage;
  return effective !== "PROPOSED";
}

function stageWording(project: ProjectScope): string {
  const stage = STAGE_LABELS[project.stage].toLowerCase();
  return project.stage === "ON_HOLD" && project.heldFromStage
    ? `${stage} (held from ${STAGE_LABELS[project.heldFromStage].toLowerCase()})`
    : stage;
}

/**
 * REB-4: why a milestone cannot be added or cancelled directly on this project; empty when it can.
 * The refusal points to the scope-change request, which the Accountable or an executive decides.
 */
export function directScopeChangeViolations(project: ProjectScope, change: ScopeChange): FieldViolation[] {
  if (!isScopeGoverned(project)) return [];
  return [
    {
      code: REBASELINE_VIOLATION.scopeGoverned,
      message: `The project is ${stageWording(project)}, so its plan is approved and ${SCOPE_CHANGE_WORDS[change]} changes its scope: raise a scope change request instead, for the project's Accountable or an executive to decide`,
    },
  ];
}

export interface ScopeChangeRequestInput {
  project: ProjectBaseline & ProjectScope;
  kind: ScopeChange;
  /** ADD_MILESTONE: the new milestone's baseline date. */
  proposedMilestoneDate?: CalendarDate | null;
  /** CANCEL_MILESTONE: the milestone to cancel. */
  milestone?: MilestoneBaseline | null;
  reason: string;
}

/** REB-5: everything wrong with a scope-change request; empty when it may be raised. */
export function scopeChangeRequestViolations(input: ScopeChangeRequestInput): FieldViolation[] {
  const { project, milestone } = input;
  const violations: FieldViolation[] = [];
  if (isFinalStage(project.stage)) {
    violations.push({
      code: REBASELINE_VIOLATION.projectFinal,
      message: "The project is closed or cancelled: its scope no longer changes",
    });
  } else if (!isScopeGoverned(project)) {
    violations.push({
      code: REBASELINE_VIOLATION.scopeNotGoverned,
      message: `The project is ${stageWording(project)}: its plan is not approved yet, so ${input.kind === "ADD_MILESTONE" ? "add the milestone" : "cancel the milestone"} directly`,
    });
  }
  if (input.kind === "ADD_MILESTONE") {
    const date = input.proposedMilestoneDate ?? null;
    if (!date) {
      violations.push({
        code: REBASELINE_VIOLATION.nothingProposed,
        field: "proposedMilestoneDate",
        message: "Propose the new milestone's baseline date",
      });
    } else if (computeDaysBetween(project.startDate, date) < 0) {
      violations.push({
        code: REBASELINE_VIOLATION.milestoneBeforeStart,
        field: "proposedMilestoneDate",
        message: `A milestone cannot fall before the project's start (${formatCalendarDate(project.startDate)})`,
      });
    }
  } else if (!milestone) {
    violations.push({
      code: REBASELINE_VIOLATION.nothingProposed,
      field: "milestoneId",
      message: "Choose the milestone to cancel",
    });
  } else {
    const finished = milestoneFinished(milestone, "milestoneId");
    if (finished) violations.push(finished);
  }
  const action = input.kind === "ADD_MILESTONE" ? "adding the milestone" : "cancelling the milestone";
  for (const v of computeReasonViolations(input.reason, action)) violations.push({ ...v, field: "reason" });
  return violations;
}

// ── Tolerance (REB-3, REB-6) ────────────────────────────────────────────────────────────────

export type RebaselineToleranceSettings = Pick<
  GovernanceSettings,
  "rebaselineToleranceDays" | "rebaselineTolerancePercent"
>;

export interface ToleranceRequest {
  kind?: RebaselineKind;
  proposedEndDate: CalendarDate | null;
  /** A decimal string. */
  proposedBudget: string | null;
  proposedMilestoneDate: CalendarDate | null;
  proposedMilestoneTitle?: string | null;
}

export interface ToleranceInput {
  request: ToleranceRequest;
  /** The baselines as they stand at decision time. */
  project: Pick<ProjectBaseline, "baselineEndDate" | "baselineBudget">;
  /** The milestone the request names (a baseline move or a cancellation). */
  milestone?: Pick<MilestoneBaseline, "title" | "baselineDate" | "isGate"> | null;
  /**
   * ADD_MILESTONE: the project's other milestones that are not done. One with the same title is
   * what the new one would replace, so re-creating it later is judged like moving its baseline.
   */
  existingMilestones?: readonly Pick<MilestoneBaseline, "title" | "status" | "baselineDate">[];
  settings: RebaselineToleranceSettings;
}

export interface RebaselineTolerance {
  within: boolean;
  /** Each threshold passed, as "end date 45 days later; tolerance 30 days". */
  breaches: Violation[];
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const percent = (n: number) => `${Math.round(n * 10) / 10}%`;
const pence = (amount: string) => Number((parseMoney(amount) ?? "0.00").replace(".", ""));
const sameTitle = (a: string, b: string) =>
  normaliseReason(a).toLowerCase() === normaliseReason(b).toLowerCase();

/**
 * docs/governance-rules.md REB-3 and REB-6: whether a request is within the organisation's
 * tolerance, and each threshold it passes. Earlier dates and lower budgets are always within.
 * - BASELINE: the end date, or a milestone's baseline, more than N days later than it is now; the
 *   budget more than P% above what it is now (any rise from £0 is beyond).
 * - ADD_MILESTONE: the new baseline lands more than N days after the project's baseline end, or it
 *   re-creates a not-done milestone of the same title more than N days later than that one's
 *   baseline (cancel and re-create is a baseline move, and is judged as one).
 * - CANCEL_MILESTONE: cancelling a gate milestone drops a go/no-go decision, so it is always beyond;
 *   cancelling any other milestone is within.
 */
export function computeRebaselineTolerance(input: ToleranceInput): RebaselineTolerance {
  const { request, project, milestone, settings } = input;
  const toleranceDays = `tolerance ${days(settings.rebaselineToleranceDays)}`;
  const breaches: Violation[] = [];
  const later = (from: CalendarDate, to: CalendarDate) => computeDaysBetween(from, to);
  const kind = request.kind ?? "BASELINE";

  if (kind === "BASELINE") {
    if (request.proposedEndDate) {
      const moved = later(project.baselineEndDate, request.proposedEndDate);
      if (moved > settings.rebaselineToleranceDays) {
        breaches.push({
          code: TOLERANCE_BREACH.endDate,
          message: `end date ${days(moved)} later; ${toleranceDays}`,
        });
      }
    }
    if (request.proposedBudget !== null) {
      const from = pence(project.baselineBudget);
      const to = pence(request.proposedBudget);
      // In whole pence, so the comparison is exact: (to − from) / from > P%.
      if (to > from && (from === 0 || (to - from) * 100 > settings.rebaselineTolerancePercent * from)) {
        breaches.push({
          code: TOLERANCE_BREACH.budget,
          message:
            from === 0
              ? `budget raised from ${formatMoney(project.baselineBudget)} to ${formatMoney(request.proposedBudget)}; tolerance ${percent(settings.rebaselineTolerancePercent)}`
              : `budget ${percent(((to - from) * 100) / from)} higher (${formatMoney(project.baselineBudget)} to ${formatMoney(request.proposedBudget)}); tolerance ${percent(settings.rebaselineTolerancePercent)}`,
        });
      }
    }
    if (milestone && request.proposedMilestoneDate) {
      const moved = later(milestone.baselineDate, request.proposedMilestoneDate);
      if (moved > settings.rebaselineToleranceDays) {
        breaches.push({
          code: TOLERANCE_BREACH.milestoneDate,
          message: `baseline of “${milestone.title}” ${days(moved)} later; ${toleranceDays}`,
        });
      }
    }
  } else if (kind === "ADD_MILESTONE" && request.proposedMilestoneDate) {
    const date = request.proposedMilestoneDate;
    const title = request.proposedMilestoneTitle ?? "the new milestone";
    const afterEnd = later(project.baselineEndDate, date);
    if (afterEnd > settings.rebaselineToleranceDays) {
      breaches.push({
        code: TOLERANCE_BREACH.addedAfterEnd,
        message: `“${title}” lands ${days(afterEnd)} after the project's baseline end; ${toleranceDays}`,
      });
    }
    for (const existing of input.existingMilestones ?? []) {
      if (existing.status === "DONE" || !sameTitle(existing.title, title)) continue;
      const moved = later(existing.baselineDate, date);
      if (moved > settings.rebaselineToleranceDays) {
        breaches.push({
          code: TOLERANCE_BREACH.recreatedLater,
          message: `re-creates “${existing.title}” ${days(moved)} after its baseline of ${formatCalendarDate(existing.baselineDate)}; ${toleranceDays}`,
        });
      }
    }
  } else if (kind === "CANCEL_MILESTONE" && milestone?.isGate) {
    breaches.push({
      code: TOLERANCE_BREACH.gateCancelled,
      message: `cancels the gate milestone “${milestone.title}”, a go/no-go decision`,
    });
  }
  return { within: breaches.length === 0, breaches };
}

// ── Who decides (REB-2) ─────────────────────────────────────────────────────────────────────

export interface RebaselineDeciderInput {
  decision: "APPROVED" | "REJECTED";
  requestedById: string;
  /** The person deciding: the matrix ("rebaseline.decide") has already let them try. */
  decider: { id: string; role: Role; letter: RaciLetter | null };
  tolerance: RebaselineTolerance;
}

/**
 * docs/governance-rules.md REB-2, separation of duties on top of the matrix (an executive or the
 * project's A): the requester never decides their own request; within tolerance the Accountable or
 * an executive approves; beyond it only an executive who is not the project's R, since the R runs
 * the plan being moved. Anyone else allowed to decide may reject: saying no keeps the baseline.
 * Empty when this person may record this decision.
 */
export function rebaselineDeciderViolations(input: RebaselineDeciderInput): FieldViolation[] {
  const { decider, tolerance } = input;
  const beyond = tolerance.breaches.map((b) => b.message).join(", and ");
  const whoDecides = tolerance.within
    ? "the project's Accountable or an executive"
    : "an executive who is not the project's Responsible";
  if (decider.id === input.requestedById) {
    return [
      {
        code: REBASELINE_VIOLATION.ownRequest,
        message: `You requested this rebaseline, so someone else decides it: ${whoDecides}`,
      },
    ];
  }
  if (input.decision === "REJECTED" || tolerance.within) return [];
  if (decider.role !== "EXECUTIVE") {
    return [
      {
        code: REBASELINE_VIOLATION.beyondTolerance,
        message: `Beyond tolerance (${beyond}): an executive decides this`,
      },
    ];
  }
  if (decider.letter === "R") {
    return [
      {
        code: REBASELINE_VIOLATION.beyondToleranceResponsible,
        message: `Beyond tolerance (${beyond}): an executive who is not the project's Responsible decides this, so not you`,
      },
    ];
  }
  return [];
}
