// RACI invariants (docs/governance-rules.md rule 2, and the RACI half of rule 1). Pure: callers pass
// plain facts about the people on a project, so the same checks serve a RACI editor, a stage gate
// and the seed. Letters and disciplines are the domain's vocabulary, which Prisma's enums equal.

import type { FieldViolation } from "./violations";
import type { Discipline, RaciLetter, Role } from "./vocabulary";

export type { RaciLetter } from "./vocabulary";

/**
 * A named reason a project falls short of a rule, worded for the person who can put it right:
 * the domain's one rule-result shape (violations.ts), so gaps from every rule module mix in one list.
 */
export type Gap = FieldViolation;

export interface RaciEntry {
  userId: string;
  /** Used in messages so people know whom a gap is about. */
  name?: string;
  letter: RaciLetter;
  role: Role;
  discipline: Discipline;
  active: boolean;
}

export const RACI_GAP = {
  duplicatePerson: "RACI_DUPLICATE_PERSON",
  noAccountable: "RACI_NO_ACCOUNTABLE",
  multipleAccountable: "RACI_MULTIPLE_ACCOUNTABLE",
  accountableInactive: "RACI_ACCOUNTABLE_INACTIVE",
  noResponsible: "RACI_NO_RESPONSIBLE",
} as const;

export interface RaciCheckOptions {
  /**
   * Once a project is past PROPOSED someone must be doing the work; a proposal may still be
   * looking for its delivery lead.
   */
  requireResponsible: boolean;
}

function who(entry: RaciEntry): string {
  return entry.name ?? "a user";
}

function listNames(entries: readonly RaciEntry[]): string {
  return entries.map(who).join(", ");
}

/** Every RACI invariant the entries break, in a stable order (empty when the RACI is sound). */
export function raciGaps(entries: readonly RaciEntry[], options: RaciCheckOptions): Gap[] {
  const gaps: Gap[] = [];

  const lettersByUser = new Map<string, RaciEntry[]>();
  for (const entry of entries) {
    const held = lettersByUser.get(entry.userId);
    if (held) held.push(entry);
    else lettersByUser.set(entry.userId, [entry]);
  }
  for (const held of lettersByUser.values()) {
    const [first] = held;
    if (first && held.length > 1) {
      gaps.push({
        code: RACI_GAP.duplicatePerson,
        message: `${who(first)} holds more than one letter (${held.map((e) => e.letter).join(", ")}): give each person one letter`,
      });
    }
  }

  const accountable = entries.filter((e) => e.letter === "A");
  if (accountable.length === 0) {
    gaps.push({
      code: RACI_GAP.noAccountable,
      message: "No Accountable: assign exactly one active person as A",
    });
  } else if (accountable.length > 1) {
    gaps.push({
      code: RACI_GAP.multipleAccountable,
      message: `${accountable.length} people are Accountable (${listNames(accountable)}): keep exactly one A`,
    });
  }
  for (const entry of accountable) {
    if (!entry.active) {
      gaps.push({
        code: RACI_GAP.accountableInactive,
        message: `The Accountable, ${who(entry)}, is no longer an active user: hand A to an active colleague`,
      });
    }
  }

  if (options.requireResponsible) {
    const responsible = entries.filter((e) => e.letter === "R");
    if (!responsible.some((e) => e.active)) {
      gaps.push({
        code: RACI_GAP.noResponsible,
        message:
          responsible.length === 0
            ? "No Responsible: assign at least one person as R to do the work"
            : `Everyone Responsible (${listNames(responsible)}) has been deactivated: assign an active person as R`,
      });
    }
  }

  return gaps;
}

/** The single Accountable, or undefined when there is none or more than one. */
export function accountableOf(entries: readonly RaciEntry[]): RaciEntry | undefined {
  const accountable = entries.filter((e) => e.letter === "A");
  return accountable.length === 1 ? accountable[0] : undefined;
}

/**
 * A clinical champion shapes the work from the front line: Responsible or Consulted, not merely
 * Informed. A deactivated colleague, or one who can no longer act (a viewer), no longer speaks for
 * the wards.
 */
export function hasClinicalChampion(entries: readonly RaciEntry[]): boolean {
  return entries.some(isClinicalChampion);
}

/**
 * The front line's voice beside the accountable owner (docs/governance-rules.md rule 1): an active
 * CLINICAL colleague who can act (not a viewer) holding R or C. The A never counts: the champion
 * speaks beside the person accountable, not as them.
 */
export function isClinicalChampion(entry: RaciEntry): boolean {
  return (
    entry.active &&
    entry.role !== "VIEWER" &&
    entry.discipline === "CLINICAL" &&
    (entry.letter === "R" || entry.letter === "C")
  );
}
