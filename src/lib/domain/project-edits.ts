// What may change when a project is edited (docs/governance-rules.md rules 1, 4 and 5, NUM-1). Pure.
//
// - A closed or cancelled project is history: it is not edited.
// - The kind decides which gates apply (a clinical champion, a pilot before scale), so it may
//   change only while the project is a proposal; afterwards a CLINICAL project could otherwise be
//   relabelled OPERATIONAL to skip its pilot.
// - The forecast end date is a prediction: like a milestone forecast (rule 5) a change needs a
//   reason and cannot lie in the past or before the project starts. The baseline end date and
//   budget are not edited at all; they move only through an approved rebaseline.
// - NUM-1: the forecast end is never earlier than the latest forecast of an open milestone.
import { isPastProposal } from "./alignment-links";
import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import { computeReasonViolations } from "./milestones";
import { forecastEndViolations, type ScheduledMilestone } from "./schedule";
import { isFinalStage } from "./stage-gates";
import type { FieldViolation } from "./violations";
import type { ProjectKind, ProjectStage } from "./vocabulary";

export const PROJECT_EDIT_VIOLATION = {
  projectFinal: "PROJECT_FINAL",
  kindFixed: "PROJECT_KIND_FIXED",
  forecastBeforeStart: "PROJECT_FORECAST_BEFORE_START",
  forecastInPast: "PROJECT_FORECAST_IN_PAST",
} as const;

export interface ProjectEditInput {
  stage: ProjectStage;
  heldFrom?: ProjectStage | null;
  startDate: CalendarDate;
  kind: { current: ProjectKind; next: ProjectKind };
  forecastEndDate: { current: CalendarDate; next: CalendarDate };
  /** Why the forecast end date moves; only read when it does. */
  forecastReason: string;
  /** The organisation's date today. */
  today: CalendarDate;
  /** The project's milestones, for NUM-1; only read when the forecast end date moves. */
  milestones?: readonly ScheduledMilestone[];
}

export function forecastEndDateChanged(input: Pick<ProjectEditInput, "forecastEndDate">): boolean {
  return computeDaysBetween(input.forecastEndDate.current, input.forecastEndDate.next) !== 0;
}

/** Everything that stops the edit; empty when it may be saved. */
export function projectEditViolations(input: ProjectEditInput): FieldViolation[] {
  if (isFinalStage(input.stage)) {
    return [
      {
        code: PROJECT_EDIT_VIOLATION.projectFinal,
        message: "The project is closed or cancelled: it is kept as it ended and no longer edited",
      },
    ];
  }
  const violations: FieldViolation[] = [];
  if (input.kind.current !== input.kind.next && isPastProposal(input.stage, input.heldFrom)) {
    violations.push({
      code: PROJECT_EDIT_VIOLATION.kindFixed,
      field: "kind",
      message:
        "The kind can only change while the project is proposed: its stage gates (clinical champion, pilot before scale) were passed for this kind",
    });
  }
  if (forecastEndDateChanged(input)) {
    const next = input.forecastEndDate.next;
    if (computeDaysBetween(input.startDate, next) <= 0) {
      violations.push({
        code: PROJECT_EDIT_VIOLATION.forecastBeforeStart,
        field: "forecastEndDate",
        message: `The forecast end date must be after the project's start (${formatCalendarDate(input.startDate)})`,
      });
    } else if (computeDaysBetween(input.today, next) < 0) {
      violations.push({
        code: PROJECT_EDIT_VIOLATION.forecastInPast,
        field: "forecastEndDate",
        message: `A forecast cannot be before today (${formatCalendarDate(input.today)}): choose a date from today on`,
      });
    }
    violations.push(...forecastEndViolations({ forecastEndDate: next, milestones: input.milestones ?? [] }));
    for (const v of computeReasonViolations(input.forecastReason, "moving the forecast end date")) {
      violations.push({ ...v, field: "forecastReason" });
    }
  }
  return violations;
}
