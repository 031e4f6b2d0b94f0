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

import type { Role } from "./permissions";
import type { Discipline } from "./raci";
import type { FieldViolation } from "./violations";

export const USER_VIOLATION = {
  unchanged: "USER_UNCHANGED",
  ownAdminRole: "USER_OWN_ADMIN_ROLE",
  accountableBecomesViewer: "USER_ACCOUNTABLE_VIEWER",
  deactivateSelf: "USER_DEACTIVATE_SELF",
  alreadyInactive: "USER_ALREADY_INACTIVE",
  accountableDeactivated: "USER_ACCOUNTABLE_DEACTIVATED",
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

export interface RoleChangeInput {
  isSelf: boolean;
  name: string;
  current: { role: Role; discipline: Discipline };
  next: { role: Role; discipline: Discipline };
  /** Live projects (not closed or cancelled) on which the person is the Accountable. */
  accountableFor: readonly ProjectLabel[];
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
  return violations;
}

export interface DeactivationInput {
  isSelf: boolean;
  name: string;
  active: boolean;
  accountableFor: readonly ProjectLabel[];
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
  if (input.accountableFor.length > 0) {
    return [
      {
        code: USER_VIOLATION.accountableDeactivated,
        message: `${input.name} is the Accountable of ${listProjects(input.accountableFor)}: hand each over to an active colleague first, so no live project is left without its A`,
      },
    ];
  }
  return [];
}

export function reactivationViolations(input: { name: string; active: boolean }): FieldViolation[] {
  return input.active
    ? [{ code: USER_VIOLATION.alreadyActive, message: `${input.name} is already active` }]
    : [];
}
