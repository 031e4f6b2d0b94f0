// Decisions (docs/governance-rules.md FRAME-3, FRAME-4): a decision record says what was decided,
// under which authority, why, and on which day. Minutes are often written up after the meeting,
// so the day may be in the past; it is never in the future, because a decision not yet taken is a
// proposal. A SCALE or DO_NOT_SCALE decision is the verdict on a pilot (does it scale up or not),
// so it belongs to a project in its pilot; the PILOT → ROLLOUT gate reads it.
import { tzOffset } from "@date-fns/tz";
import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import { STAGE_LABEL as STAGE_LABELS } from "./labels";
import type { FieldViolation } from "./violations";
import type { DecisionKind, ProjectStage } from "./vocabulary";

/** Whether the decision is a pilot's scale verdict (SCALE or DO_NOT_SCALE). */
export function isScaleDecision(kind: DecisionKind): boolean {
  return kind === "SCALE" || kind === "DO_NOT_SCALE";
}

export interface DecisionInput {
  kind: DecisionKind;
  /** The day it was decided. */
  decidedOn: CalendarDate;
  /** Today in the organisation's time zone (`computeLocalDate`). */
  today: CalendarDate;
  /** The project the decision is filed under, with its stage now; null for none. */
  project: { stage: ProjectStage } | null;
}

/** Why the decision cannot be recorded as given, each beside its form field; empty when it can. */
export function decisionViolations(input: DecisionInput): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (computeDaysBetween(input.today, input.decidedOn) > 0) {
    violations.push({
      code: "DECISION_DATE_IN_FUTURE",
      field: "decidedOn",
      message: `${formatCalendarDate(input.decidedOn)} has not come yet: record a decision once it has been taken, dated the day it was taken (today, ${formatCalendarDate(input.today)}, or earlier)`,
    });
  }
  if (isScaleDecision(input.kind)) {
    if (!input.project) {
      violations.push({
        code: "SCALE_DECISION_WITHOUT_PROJECT",
        field: "projectId",
        message:
          "A scale decision is the verdict on a pilot, so it needs the pilot's project: choose the project, or record a general decision",
      });
    } else if (input.project.stage !== "PILOT") {
      violations.push({
        code: "SCALE_DECISION_NOT_IN_PILOT",
        field: "kind",
        message: `The project is at the ${STAGE_LABELS[input.project.stage]} stage, not in its pilot: a scale or do-not-scale decision is taken while the project is in Pilot, so record a general decision instead`,
      });
    }
  }
  return violations;
}

export interface DecidedAtInput {
  decidedOn: CalendarDate;
  today: CalendarDate;
  /** The moment it is being recorded. */
  now: Date;
  /** The organisation's IANA time zone. */
  timeZone: string;
}

/**
 * When the decision was taken, as `Decision.decidedAt` keeps it: now when it was taken today; for
 * an earlier day, whose hour nobody recorded, midday of that day in the organisation's time zone,
 * which reads as that day in the trust's time and in UTC alike.
 */
export function computeDecidedAt(input: DecidedAtInput): Date {
  if (computeDaysBetween(input.decidedOn, input.today) === 0) return input.now;
  const asIfUtc = Date.UTC(
    input.decidedOn.getUTCFullYear(),
    input.decidedOn.getUTCMonth(),
    input.decidedOn.getUTCDate(),
    12,
  );
  return new Date(asIfUtc - tzOffset(input.timeZone, new Date(asIfUtc)) * 60_000);
}
