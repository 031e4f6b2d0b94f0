import { computeReasonViolations } from "./milestones";
import type { FieldViolation, Violation } from "./violations";
import type { Cadence } from "./vocabulary";

// Changes to a metric once it is in use; every correction keeps its reason in the audit trail.
// Recording a new value is rule 7 (`metricValueViolations` in ./metrics); these are the edits.

export interface CadenceChangeInput {
  from: Cadence;
  to: Cadence;
  /** How many values the metric already has. */
  recordedValues: number;
}

/**
 * Values are keyed by the first day of their period, so a weekly series read as monthly would
 * hold four values for one month, and a monthly one read as weekly would be missing most weeks.
 * The cadence is therefore fixed once the first value is in; a new cadence is a new metric.
 */
export function cadenceChangeViolations(input: CadenceChangeInput): FieldViolation[] {
  if (input.from === input.to || input.recordedValues === 0) return [];
  return [
    {
      code: "CADENCE_LOCKED",
      message: `This metric already has ${input.recordedValues === 1 ? "a value" : `${input.recordedValues} values`} recorded ${input.from.toLowerCase()}: its cadence can no longer change (define a new metric for a ${input.to.toLowerCase()} series)`,
    },
  ];
}

export interface CorrectionInput {
  current: { value: number; note: string | null };
  value: number;
  note: string | null;
  reason: string;
  /** The correction makes a provisional value final (NUM-5): a change even with the same figure. */
  finalising?: boolean;
}

/**
 * A correction replaces a figure people may already have reported on, so, like a forecast change,
 * it has to say why; the reason is kept in the audit event with the before and after.
 */
export function metricCorrectionViolations(input: CorrectionInput): FieldViolation[] {
  const violations: Violation[] = [];
  if (!Number.isFinite(input.value)) {
    violations.push({ code: "NOT_A_NUMBER", message: "The value is not a number: enter a number" });
  } else if (
    !input.finalising &&
    input.value === input.current.value &&
    (input.note ?? null) === (input.current.note ?? null)
  ) {
    violations.push({
      code: "VALUE_UNCHANGED",
      message:
        "The value and note are the same as the ones recorded: change one of them, or leave the value as it is",
    });
  }
  violations.push(...computeReasonViolations(input.reason, "correcting the value"));
  return violations;
}
