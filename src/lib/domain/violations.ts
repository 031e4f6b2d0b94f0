// The domain's one rule-result shape. Every rule that can refuse is a pure function named
// `…Violations` (or `…Gaps` for what a project lacks at a gate) returning `FieldViolation[]`: empty
// means allowed; otherwise each entry names one gap, as a sentence for a hospital user that says
// what to do, with a stable `code` and, when it is about one form field, that `field`. Rules whose
// violations are about the whole record leave `field` out. A value the change goes on to record (a
// normalised reason, a forecast change's slip) comes from a separate small `compute…` function
// called once the violations are empty, never from the check itself. Booleans are kept for
// predicates (`isX`, `needsX`, `canBeAccountable`), which refuse nothing on their own.

/** What a rule found wrong: a stable code for programs, and a sentence for people. */
export type Violation = { code: string; message: string };

export interface FieldViolation extends Violation {
  field?: string;
}

/** Messages grouped by field, in order; undefined when no violation names a field. */
export function groupByField(violations: readonly FieldViolation[]): Record<string, string[]> | undefined {
  const fields: Record<string, string[]> = {};
  for (const v of violations) {
    if (v.field) fields[v.field] = [...(fields[v.field] ?? []), v.message];
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** A free-text reason as it is kept: trimmed, runs of whitespace collapsed (as the reason checks read it). */
export function normaliseReason(reason: string): string {
  return reason.trim().replace(/\s+/g, " ");
}
