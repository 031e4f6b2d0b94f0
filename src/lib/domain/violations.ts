// A rule violation that knows which form field it is about, so an operation can show it beside that
// field as well as in the message. Rules whose violations are about the whole record leave `field` out.
import type { Violation } from "./milestones";

export type { Violation };

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
