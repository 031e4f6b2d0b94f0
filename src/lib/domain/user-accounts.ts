// Managing people's accounts, and who may be a project's Accountable (docs/governance-rules.md
// rule 2 and ACC-1 to ACC-6). Pure: the caller passes who is acting, the account concerned and what
// it holds (live projects it is Accountable for, open objectives it owns, the duty rota).
//
// - Who can be Accountable (ACC-1): an active executive, or an active user who is not a viewer and
//   whom the trust has marked SRO-eligible (senior responsible owner). Nobody but an executive
//   makes themselves the Accountable of the project they propose (ACC-2).
// - Nobody locks themselves out, and the trust keeps an admin (ACC-6): an admin cannot deactivate
//   themselves or drop their own ADMIN role, and the last active admin cannot be removed.
// - An Accountable stays able to hold the A (ACC-3): someone who is the A of a live project (not
//   closed or cancelled) is not deactivated, made a VIEWER, demoted from executive or cleared of
//   SRO eligibility in a way that leaves them unable to hold it, until each project has been
//   handed over. The projects are named so the admin knows where to go.
// - The rights of the executive role go with it (ACC-4, ACC-5): nobody stops being an executive,
//   or is deactivated, while they own open objectives (which only an executive owner edits) or
//   are the duty executive.
// - A live project keeps what rule 1 gave it (domain/raci-changes): nobody is deactivated or made
//   a viewer while they are its only active Responsible, nor deactivated or moved out of CLINICAL
//   while they are its only clinical champion. The same gaps a RACI edit would refuse, named by
//   project so the admin can reassign first.

import { canOwnObjective } from "./objectives";
import { RACI_GAP, type RaciEntry } from "./raci";
import { introducedRaciGaps, type RaciChangeProject } from "./raci-changes";
import { isFinalStage, STAGE_GAP } from "./stage-gates";
import type { FieldViolation } from "./violations";
import type { Discipline, Role } from "./vocabulary";

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
  accountableIneligible: "USER_ACCOUNTABLE_INELIGIBLE",
  ownsObjectives: "USER_OWNS_OBJECTIVES",
  onDuty: "USER_DUTY_EXECUTIVE",
  lastAdmin: "USER_LAST_ADMIN",
  viewerNotEligible: "USER_VIEWER_NOT_SRO_ELIGIBLE",
  adminNotEligible: "USER_ADMIN_NOT_SRO_ELIGIBLE",
} as const;

/** Why a person cannot be chosen as a project's Accountable (ACC-1). */
export const ACCOUNTABLE_VIOLATION = {
  inactive: "ACCOUNTABLE_INACTIVE",
  viewer: "ACCOUNTABLE_VIEWER",
  admin: "ACCOUNTABLE_ADMIN",
  notEligible: "ACCOUNTABLE_NOT_ELIGIBLE",
} as const;

export interface ProjectLabel {
  code: string;
  name: string;
}

/** What decides whether someone may be Accountable. */
export interface AccountableCandidate {
  role: Role;
  active: boolean;
  /** Marked by the trust as eligible to be a senior responsible owner without being an executive. */
  sroEligible: boolean;
}

/**
 * docs/governance-rules.md ACC-1: the Accountable answers for the project to the board, so it is an
 * active executive, or an active colleague the trust has marked SRO-eligible. A viewer never is,
 * marked or not: they are read-only everywhere.
 */
export function canBeAccountable(user: AccountableCandidate): boolean {
  // An administrator keeps the system and takes no portfolio decision (docs/governance-rules.md
  // ACC-1), so is never the Accountable, whatever mark they carry.
  if (!user.active || user.role === "VIEWER" || user.role === "ADMIN") return false;
  return user.role === "EXECUTIVE" || user.sroEligible;
}

/** ACC-1 worded beside the form field that chose the person; empty when they may be the A. */
export function accountableChoiceViolations(
  user: AccountableCandidate & { name: string },
  field: string,
): FieldViolation[] {
  if (!user.active) {
    return [{ code: ACCOUNTABLE_VIOLATION.inactive, field, message: "Choose an active user" }];
  }
  if (user.role === "VIEWER") {
    return [
      {
        code: ACCOUNTABLE_VIOLATION.viewer,
        field,
        message: "A viewer cannot be Accountable: choose someone who can act on the project",
      },
    ];
  }
  if (user.role === "ADMIN") {
    return [
      {
        code: ACCOUNTABLE_VIOLATION.admin,
        field,
        message:
          "An administrator keeps the system and takes no portfolio decision, so cannot be Accountable: choose an executive or an SRO-eligible colleague",
      },
    ];
  }
  if (!canBeAccountable(user)) {
    return [
      {
        code: ACCOUNTABLE_VIOLATION.notEligible,
        field,
        message: `${user.name} is not an executive and has not been marked SRO-eligible: choose an executive or an SRO-eligible colleague as Accountable, or ask an admin to mark ${user.name} eligible`,
      },
    ];
  }
  return [];
}

/**
 * docs/governance-rules.md ACC-2: someone else must be accountable for a proposal, so a proposer
 * names themselves as its A only when they are an executive (who answers to the board anyway).
 */
export function mayNameSelfAccountable(input: { actorId: string; actorRole: Role; accountableId: string }) {
  return input.accountableId !== input.actorId || input.actorRole === "EXECUTIVE";
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
    // Asked separately: a viewer left as R does no work, and as a viewer no longer speaks for the
    // wards either (rule 1's champion acts), so a move to viewer can cost the project both.
    const introduced = (change: Partial<RaciEntry>) =>
      new Set(
        introducedRaciGaps(
          project,
          project.raci,
          project.raci.map((e) => (e.userId === userId ? { ...e, ...change } : e)),
        ).map((gap) => gap.code),
      );
    const asWorker = introduced({ active: canBeResponsible(after) });
    const asChampion = introduced({ active: after.active, discipline: after.discipline, role: after.role });
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

/** What an account holds beyond its RACI letters: open objectives it owns, the duty rota. */
export interface Holdings {
  /** Open (draft or active) objectives the person owns, by code. */
  ownedObjectives?: readonly ObjectiveLabel[];
  /** The person is the organisation's duty executive. */
  onDuty?: boolean;
}

export interface ObjectiveLabel {
  code: string;
  title: string;
}

function listObjectives(objectives: readonly ObjectiveLabel[]): string {
  return listProjects(objectives.map((o) => ({ code: o.code, name: o.title })));
}

/**
 * ACC-4 and ACC-5: what someone whose account becomes `next` could no longer hold. Only an
 * executive owner edits an objective (the matrix's ownerRoles), so open objectives would be left
 * with nobody but an admin to keep them; the duty executive must be an active executive.
 */
function holdingsViolations(
  name: string,
  current: { role: Role; active: boolean },
  next: { role: Role; active: boolean },
  holdings: Holdings,
  field?: string,
): FieldViolation[] {
  const at = field ? { field } : {};
  const violations: FieldViolation[] = [];
  const objectives = holdings.ownedObjectives ?? [];
  if (objectives.length > 0 && canOwnObjective(current) && !canOwnObjective(next)) {
    violations.push({
      code: USER_VIOLATION.ownsObjectives,
      ...at,
      message: `${name} owns ${listObjectives(objectives)}, and an open objective is owned by an active executive: give each to another executive first`,
    });
  }
  const stillOnDuty = next.active && next.role === "EXECUTIVE";
  if (holdings.onDuty && !stillOnDuty) {
    violations.push({
      code: USER_VIOLATION.onDuty,
      ...at,
      message: `${name} is the duty executive, who sees overdue safety feedback: choose another duty executive in the organisation settings first`,
    });
  }
  return violations;
}

/** ACC-3: the live projects' A would be held by someone who can no longer hold it. */
function accountableLosesEligibility(
  name: string,
  current: AccountableCandidate,
  next: AccountableCandidate,
  accountableFor: readonly ProjectLabel[],
  field?: string,
): FieldViolation[] {
  if (accountableFor.length === 0 || !canBeAccountable(current) || canBeAccountable(next)) return [];
  return [
    {
      code: USER_VIOLATION.accountableIneligible,
      ...(field ? { field } : {}),
      message: `${name} is the Accountable of ${listProjects(accountableFor)}, and only an executive or an SRO-eligible colleague can be: hand the A of each to someone who can first`,
    },
  ];
}

export interface RoleChangeInput extends Holdings {
  isSelf: boolean;
  name: string;
  current: { role: Role; discipline: Discipline };
  next: { role: Role; discipline: Discipline };
  /** Whether the trust has marked the person SRO-eligible (a role change leaves it as it is). */
  sroEligible?: boolean;
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
  } else {
    const sroEligible = input.sroEligible ?? false;
    violations.push(
      ...accountableLosesEligibility(
        input.name,
        { role: current.role, active: true, sroEligible },
        { role: next.role, active: true, sroEligible },
        input.accountableFor,
        "role",
      ),
    );
  }
  violations.push(
    ...holdingsViolations(
      input.name,
      { role: current.role, active: true },
      { role: next.role, active: true },
      input,
      "role",
    ),
  );
  violations.push(...leftShortViolations(input.name, input.leftShort ?? NONE_LEFT_SHORT, "role"));
  return violations;
}

export interface DeactivationInput extends Holdings {
  isSelf: boolean;
  name: string;
  active: boolean;
  /** The person's role: what it lets them hold (ACC-4, ACC-5) goes with the account. */
  role: Role;
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
  violations.push(
    ...holdingsViolations(
      input.name,
      { role: input.role, active: true },
      { role: input.role, active: false },
      input,
    ),
  );
  violations.push(...leftShortViolations(input.name, input.leftShort ?? NONE_LEFT_SHORT));
  return violations;
}

export function reactivationViolations(input: { name: string; active: boolean }): FieldViolation[] {
  return input.active
    ? [{ code: USER_VIOLATION.alreadyActive, message: `${input.name} is already active` }]
    : [];
}

export interface SroEligibilityInput {
  name: string;
  role: Role;
  active: boolean;
  current: boolean;
  next: boolean;
  /** Live projects (not closed or cancelled) on which the person is the Accountable. */
  accountableFor: readonly ProjectLabel[];
}

/**
 * Marking someone SRO-eligible, or clearing the mark (ACC-1, ACC-3). A viewer or an administrator is
 * never marked: they could not be Accountable anyway, and the mark would only mislead.
 */
export function sroEligibilityViolations(input: SroEligibilityInput): FieldViolation[] {
  if (input.current === input.next) {
    return [
      {
        code: USER_VIOLATION.unchanged,
        field: "sroEligible",
        message: input.next
          ? `${input.name} is already marked SRO-eligible`
          : `${input.name} is not marked SRO-eligible`,
      },
    ];
  }
  if (input.next && input.role === "VIEWER") {
    return [
      {
        code: USER_VIOLATION.viewerNotEligible,
        field: "sroEligible",
        message: `${input.name} is a viewer, and a viewer cannot be Accountable: change their role first`,
      },
    ];
  }
  if (input.next && input.role === "ADMIN") {
    return [
      {
        code: USER_VIOLATION.adminNotEligible,
        field: "sroEligible",
        message: `${input.name} is an administrator, and administrators take no portfolio decision: an administrator is never Accountable`,
      },
    ];
  }
  const person = { role: input.role, active: input.active };
  return accountableLosesEligibility(
    input.name,
    { ...person, sroEligible: input.current },
    { ...person, sroEligible: input.next },
    input.accountableFor,
    "sroEligible",
  );
}

/**
 * docs/governance-rules.md ACC-6: the trust keeps at least one active admin. `activeAdminIds` are
 * the active admins as locked by the change (so a concurrent change cannot remove another one
 * meanwhile); `after` is what the account concerned becomes.
 */
export function adminCoverViolations(input: {
  name: string;
  userId: string;
  activeAdminIds: readonly string[];
  after: { role: Role; active: boolean };
}): FieldViolation[] {
  const staysAdmin = input.after.active && input.after.role === "ADMIN";
  const others = input.activeAdminIds.filter((id) => id !== input.userId);
  if (staysAdmin || !input.activeAdminIds.includes(input.userId) || others.length > 0) return [];
  return [
    {
      code: USER_VIOLATION.lastAdmin,
      message: `${input.name} is the last active admin: make someone else an admin first, so the trust is never left without one`,
    },
  ];
}
