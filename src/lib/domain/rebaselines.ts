// Rebaselines (DESIGN.md rule 5: baselines move only through an approved Rebaseline). Pure: the
// caller passes the project's and milestone's current baselines and the request, and gets back
// every reason it cannot go ahead, each tied to the form field it is about.
//
// A request proposes at least one new value: the project's end date, its budget, or one
// milestone's baseline date (several at once when they move together). Each proposed value must
// differ from the baseline it replaces, and the request must say why. The previous values are
// captured at request; approval re-checks them, so a request overtaken by another approved one
// cannot silently undo it: it is rejected and raised again against the new baseline.
import type { MilestoneStatus, ProjectStage, RebaselineStatus } from "@/generated/prisma/enums";
import {
  type CalendarDate,
  computeDaysBetween,
  computeReasonViolations,
  formatCalendarDate,
} from "./milestones";
import { formatMoney, isSameAmount } from "./money";
import { isFinalStage } from "./stage-gates";
import type { FieldViolation } from "./violations";

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

/** Separation of duties: whoever asked for a baseline to move does not approve it themselves. */
export function mayDecideRebaseline(input: { requestedById: string; deciderId: string }): boolean {
  return input.requestedById !== input.deciderId;
}

export interface RebaselineRecord {
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
  if (milestone && request.proposedMilestoneDate) {
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
