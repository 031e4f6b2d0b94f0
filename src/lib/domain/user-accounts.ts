// Managing people's accounts (DESIGN.md rule 2: the Accountable is always an active user who can
// act). Pure: the caller passes who is acting, the account concerned and the live projects it is
// Accountable for.
//
// - Nobody locks themselves out: an admin cannot deactivate themselves or drop their own ADMIN
//   role. Together these keep at least one active admin, since only an admin can act on another.
// - An Accountable stays able to act: someone who is the A of a live project (not closed or
//   cancelled) is neither deactivated nor made a VIEWER (read-only everywhere, whatever their
//   letter) until each project has been handed over. The projects are named so the admin knows
//   where to go.
// - A live project keeps what rule 1 gave it (domain/raci-changes): nobody is deactivated or made
//   a viewer while they are its only active Responsible, nor deactivated or moved out of CLINICAL
//   while they are its only clinical champion. The same gaps a RACI edit would refuse, named by
//   project so the admin can reassign first.

import type { Role } from "./permissions";
import { type Discipline, RACI_GAP, type RaciEntry } from "./raci";
import { introducedRaciGaps, type RaciChangeProject } from "./raci-changes";
import { isFinalStage, STAGE_GAP } from "./stage-gates";
import type { FieldViolation } from "./violations";

export const USER_VIOLATION = {
  unchanged: "USER_UNCHANGED",
  ownAdminRole: "USER_OWN_ADMIN_ROLE",
  accountableBecomesViewer: "USER_ACCOUNTABLE_VIEWER",
  deactivateSelf: "USER_DEACTIVATE_SELF",
  alreadyInactive: "USER_ALREADY_INACTIVE",
  accountableDeactivated: "USER_ACCOUNTABLE_DEACTIVATED",
  onlyResponsibleLost: "USER_ONLY_RESPONSIBLE",
  onlyChampionLost: "USER_ONLY_CLINICAL_CHAMPION",
  alreadyActive: "USER_ALREADY_ACTIVE",
} as const;

export interface ProjectLabel {
  code: string;
  name: string;
}

/** A person may be the Accountable unless they are read-only. */
export function canBeAccountable(user: { role: Role; active: boolean }): boolean {
  return user.active && user.role !== "VIEWER";
}

/**
 * A person may be Responsible (do the work) unless they are read-only: a viewer can record no
 * milestone, value or risk, so as R they would only hide that nobody is doing the work.
 */
export function canBeResponsible(user: { role: Role; active: boolean }): boolean {
  return user.active && user.role !== "VIEWER";
}

function listProjects(projects: readonly ProjectLabel[], max = 5): string {
  const shown = projects.slice(0, max).map((p) => `${p.code} “${p.name}”`);
  const rest = projects.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/** A project the person holds a letter on, with its whole RACI (the person's entry included). */
export interface StaffedProject extends ProjectLabel, RaciChangeProject {
  raci: readonly RaciEntry[];
}

/** Projects a change to one person would leave short of rule 1's people. */
export interface LeftShort {
  /** Live projects on which the person is the only active Responsible. */
  responsible: readonly ProjectLabel[];
  /** Live clinical, digital or mixed projects on which the person is the only clinical champion. */
  champion: readonly ProjectLabel[];
}

export const NONE_LEFT_SHORT: LeftShort = { responsible: [], champion: [] };

/**
 * The live projects (not closed or cancelled) that `userId` becoming `after` would leave without an
 * active Responsible or a clinical champion, when they have one now. A viewer counts as no
 * Responsible: they can record nothing.
 */
export function projectsLeftShort(
  projects: readonly StaffedProject[],
  userId: string,
  after: { role: Role; discipline: Discipline; active: boolean },
): LeftShort {
  const responsible: ProjectLabel[] = [];
  const champion: ProjectLabel[] = [];
  for (const project of projects) {
    if (isFinalStage(project.stage)) continue;
    // Asked separately: a viewer left as R does no work, yet still speaks for the wards as R.
    const introduced = (change: Partial<RaciEntry>) =>
      new Set(
        introducedRaciGaps(
          project,
          project.raci,
          project.raci.map((e) => (e.userId === userId ? { ...e, ...change } : e)),
        ).map((gap) => gap.code),
      );
    const asWorker = introduced({ active: canBeResponsible(after) });
    const asChampion = introduced({ active: after.active, discipline: after.discipline });
    const label = { code: project.code, name: project.name };
    if (asWorker.has(RACI_GAP.noResponsible)) responsible.push(label);
    if (asChampion.has(STAGE_GAP.noClinicalChampion)) champion.push(label);
  }
  return { responsible, champion };
}

function leftShortViolations(name: string, short: LeftShort, field?: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (short.responsible.length > 0) {
    violations.push({
      code: USER_VIOLATION.onlyResponsibleLost,
      ...(field ? { field } : {}),
      message: `${name} is the only active Responsible of ${listProjects(short.responsible)}, and a live project must keep someone doing the work: make someone else R first`,
    });
  }
  if (short.champion.length > 0) {
    violations.push({
      code: USER_VIOLATION.onlyChampionLost,
      ...(field ? { field } : {}),
      message: `${name} is the only clinical champion of ${listProjects(short.champion)}, and a live clinical, digital or mixed project must keep one: make another active clinical colleague R or C first`,
    });
  }
  return violations;
}

export interface RoleChangeInput {
  isSelf: boolean;
  name: string;
  current: { role: Role; discipline: Discipline };
  next: { role: Role; discipline: Discipline };
  /** Live projects (not closed or cancelled) on which the person is the Accountable. */
  accountableFor: readonly ProjectLabel[];
  /** What the new role and discipline would take from live projects (`projectsLeftShort`). */
  leftShort?: LeftShort;
}

export function roleChangeViolations(input: RoleChangeInput): FieldViolation[] {
  const { current, next } = input;
  if (current.role === next.role && current.discipline === next.discipline) {
    return [
      {
        code: USER_VIOLATION.unchanged,
        field: "role",
        message: `${input.name} already has this role and discipline`,
      },
    ];
  }
  const violations: FieldViolation[] = [];
  if (input.isSelf && current.role === "ADMIN" && next.role !== "ADMIN") {
    violations.push({
      code: USER_VIOLATION.ownAdminRole,
      field: "role",
      message:
        "You cannot remove your own admin role: ask another admin to do it, so the trust is never left without one",
    });
  }
  if (next.role === "VIEWER" && current.role !== "VIEWER" && input.accountableFor.length > 0) {
    violations.push({
      code: USER_VIOLATION.accountableBecomesViewer,
      field: "role",
      message: `${input.name} is the Accountable of ${listProjects(input.accountableFor)}, and a viewer cannot act on a project: hand each over to someone else first`,
    });
  }
  violations.push(...leftShortViolations(input.name, input.leftShort ?? NONE_LEFT_SHORT, "role"));
  return violations;
}

export interface DeactivationInput {
  isSelf: boolean;
  name: string;
  active: boolean;
  accountableFor: readonly ProjectLabel[];
  /** What deactivation would take from live projects (`projectsLeftShort`). */
  leftShort?: LeftShort;
}

export function deactivationViolations(input: DeactivationInput): FieldViolation[] {
  if (input.isSelf) {
    return [
      {
        code: USER_VIOLATION.deactivateSelf,
        message: "You cannot deactivate your own account: ask another admin to do it",
      },
    ];
  }
  if (!input.active) {
    return [{ code: USER_VIOLATION.alreadyInactive, message: `${input.name} is already deactivated` }];
  }
  const violations: FieldViolation[] = [];
  if (input.accountableFor.length > 0) {
    violations.push({
      code: USER_VIOLATION.accountableDeactivated,
      message: `${input.name} is the Accountable of ${listProjects(input.accountableFor)}: hand each over to an active colleague first, so no live project is left without its A`,
    });
  }
  violations.push(...leftShortViolations(input.name, input.leftShort ?? NONE_LEFT_SHORT));
  return violations;
}

export function reactivationViolations(input: { name: string; active: boolean }): FieldViolation[] {
  return input.active
    ? [{ code: USER_VIOLATION.alreadyActive, message: `${input.name} is already active` }]
    : [];
}
