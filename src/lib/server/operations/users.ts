import "server-only";
// User administration (admins only). Every read here omits the password hash, so neither results
// nor audit events can carry one. A role change, a deactivation and a password reset end every
// session of the account in the same transaction (src/lib/auth/sessions.ts revokeAllSessions;
// docs/security-sessions.md), so the person signs in again under what changed.
//
// A change of role or a deactivation first locks every active admin's row (docs/governance-rules.md
// ACC-6), so two admins removing each other take turns and the second sees the first's outcome.
import type { Prisma } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { clearMfa } from "@/lib/auth/mfa";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyViolations } from "@/lib/auth/password-policy";
import { recordSecurityEvent, UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { type RevocationReason, revokeAllSessions } from "@/lib/auth/sessions";
import { type DbTx, db } from "@/lib/db/client";
import {
  adminCoverViolations,
  deactivationViolations,
  type LeftShort,
  NONE_LEFT_SHORT,
  type ObjectiveLabel,
  type ProjectLabel,
  projectsLeftShort,
  reactivationViolations,
  roleChangeViolations,
  type StaffedProject,
  sroEligibilityViolations,
} from "@/lib/domain/user-accounts";
import {
  changeUserRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setSroEligibilitySchema,
  userRefSchema,
} from "@/lib/schemas/users";
import { getGovernanceSettings } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan } from "./authority";
import { conflict, forbidden, notFound, OperationError, refuse } from "./errors";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface UserRef {
  id: string;
  version: number;
  active: boolean;
  sroEligible: boolean;
}

const withoutSecrets = { passwordHash: true } as const;

type SafeUser = Prisma.UserGetPayload<{ omit: typeof withoutSecrets }>;

const ref = (u: SafeUser): UserRef => ({
  id: u.id,
  version: u.version,
  active: u.active,
  sroEligible: u.sroEligible,
});

/**
 * docs/governance-rules.md ACC-6: locks every active admin's row, in id order (so two such changes
 * cannot deadlock), before anything about the account is read, and returns their ids. Every change
 * that can remove an admin takes these locks first, so none can remove another admin while this
 * transaction counts them. The actor must still be among them: an admin whose rights a concurrent
 * change has just removed no longer manages accounts.
 */
async function lockActiveAdmins(tx: DbTx, actor: Actor): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actor.id)) throw forbidden("manage users (you are no longer an active admin)");
  return ids;
}

/**
 * The account, locked FOR UPDATE before anything about it is checked. Choosing someone as an
 * Accountable or an owner reads their row FOR SHARE (operations/people), so a deactivation or role
 * change waits for a hand-over in flight and then sees the letter it gave, and a hand-over waits
 * for the account change and then sees the person inactive or a viewer.
 */
async function loadUser(tx: DbTx, userId: string, version: number): Promise<SafeUser> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, omit: withoutSecrets });
  if (!user) throw notFound("The user");
  if (user.version !== version) throw conflict("user");
  return user;
}

/** Live projects (not closed or cancelled) the user is the Accountable of, by code. */
async function accountableFor(tx: DbTx, userId: string): Promise<ProjectLabel[]> {
  const rows = await tx.raciAssignment.findMany({
    where: { userId, letter: "A", project: { stage: { notIn: ["CLOSED", "CANCELLED"] } } },
    select: { project: { select: { code: true, name: true } } },
    orderBy: { project: { code: "asc" } },
  });
  return rows.map((row) => row.project);
}

/** Open (draft or active) objectives the user owns, by code (ACC-4). */
async function ownedObjectives(tx: DbTx, userId: string): Promise<ObjectiveLabel[]> {
  return tx.strategicObjective.findMany({
    where: { ownerId: userId, status: { in: ["DRAFT", "ACTIVE"] } },
    select: { code: true, title: true },
    orderBy: { code: "asc" },
  });
}

/** Whether the user is the organisation's duty executive (ACC-5). */
async function isOnDuty(tx: DbTx, userId: string): Promise<boolean> {
  return (await getGovernanceSettings(tx)).dutyExecutiveId === userId;
}

/**
 * What the account becoming `after` would take from the live projects on which the person is R or
 * C (domain/user-accounts `projectsLeftShort`). A's are `accountableFor`'s business.
 */
async function leftShortBy(
  tx: DbTx,
  user: SafeUser,
  after: Pick<SafeUser, "role" | "discipline" | "active">,
): Promise<LeftShort> {
  const projects = await tx.project.findMany({
    where: {
      stage: { notIn: ["CLOSED", "CANCELLED"] },
      raci: { some: { userId: user.id, letter: { in: ["R", "C"] } } },
    },
    select: {
      code: true,
      name: true,
      kind: true,
      stage: true,
      heldFromStage: true,
      raci: {
        select: {
          userId: true,
          letter: true,
          user: { select: { name: true, role: true, discipline: true, active: true } },
        },
      },
    },
    orderBy: { code: "asc" },
  });
  const staffed: StaffedProject[] = projects.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    stage: p.stage,
    heldFrom: p.heldFromStage,
    raci: p.raci.map((r) => ({ userId: r.userId, letter: r.letter, ...r.user })),
  }));
  return projectsLeftShort(staffed, user.id, after);
}

/** Ends every session of the account, recorded as the admin's doing (auth.sessions_revoked). */
async function endSessionsOf(
  tx: DbTx,
  actor: Actor,
  userId: string,
  reason: RevocationReason,
): Promise<void> {
  await revokeAllSessions(tx, userId, reason, {
    requestId: actor.requestId,
    client: actor.client ?? UNKNOWN_CLIENT,
    actorId: actor.id,
  });
}

/** The account change, version-guarded (rule 8) and audited before and after, never with its secrets. */
async function saveUser(
  tx: DbTx,
  actor: Actor,
  action: string,
  user: SafeUser,
  data: Prisma.UserUpdateManyMutationInput,
): Promise<UserRef> {
  const saved = await saveVersioned(tx, actor, tx.user, user, data, {
    action,
    entityType: "User",
    what: "user",
    reload: () => tx.user.findUniqueOrThrow({ where: { id: user.id }, omit: withoutSecrets }),
  });
  return ref(saved);
}

export function createUser(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createUserSchema, input);
      assertCan("user.manage", actor);
      const weak = passwordPolicyViolations(data.password, data);
      if (weak.length) throw refuse(weak);
      // Hashing is deliberately slow: done before the transaction so it holds no connection meanwhile.
      const passwordHash = await hashPassword(data.password);
      return db().$transaction(async (tx) => {
        const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
        if (taken) {
          throw new OperationError("CONFLICT", `There is already an account for ${data.email}.`, {
            email: ["An account with this email already exists"],
          });
        }
        const user = await tx.user.create({
          data: {
            name: data.name,
            email: data.email,
            passwordHash,
            // The admin knows it: the person chooses their own at their first sign-in.
            mustChangePassword: true,
            role: data.role,
            discipline: data.discipline,
            ...(data.jobTitle ? { jobTitle: data.jobTitle } : {}),
          },
          omit: withoutSecrets,
        });
        await recordAudit(tx, actor, {
          action: "user.create",
          entityType: "User",
          entityId: user.id,
          after: user,
        });
        return ref(user);
      });
    },
    "User created.",
  );
}

export function changeUserRole(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(changeUserRoleSchema, input);
      assertCan("user.manage", actor);
      return db().$transaction(async (tx) => {
        const activeAdminIds = await lockActiveAdmins(tx, actor);
        const user = await loadUser(tx, data.userId, data.version);
        const next = { role: data.role, discipline: data.discipline };
        const violations = [
          ...roleChangeViolations({
            isSelf: user.id === actor.id,
            name: user.name,
            current: { role: user.role, discipline: user.discipline },
            next,
            sroEligible: user.sroEligible,
            accountableFor: await accountableFor(tx, user.id),
            ownedObjectives: user.active ? await ownedObjectives(tx, user.id) : [],
            onDuty: await isOnDuty(tx, user.id),
            leftShort: user.active ? await leftShortBy(tx, user, { ...next, active: true }) : NONE_LEFT_SHORT,
          }),
          ...adminCoverViolations({
            name: user.name,
            userId: user.id,
            activeAdminIds,
            after: { role: data.role, active: user.active },
          }),
        ];
        if (violations.length) throw refuse(violations, "role");
        const saved = await saveUser(tx, actor, "user.change_role", user, next);
        // A new role is new authority: it starts with a new sign-in (issue #11), not mid-session.
        if (next.role !== user.role) await endSessionsOf(tx, actor, user.id, "role_changed");
        return saved;
      });
    },
    "Role updated.",
  );
}

export function deactivateUser(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(userRefSchema, input);
      assertCan("user.manage", actor);
      return db().$transaction(async (tx) => {
        const activeAdminIds = await lockActiveAdmins(tx, actor);
        const user = await loadUser(tx, data.userId, data.version);
        const violations = deactivationViolations({
          isSelf: user.id === actor.id,
          name: user.name,
          active: user.active,
          role: user.role,
          accountableFor: await accountableFor(tx, user.id),
          ownedObjectives: await ownedObjectives(tx, user.id),
          onDuty: await isOnDuty(tx, user.id),
          leftShort: await leftShortBy(tx, user, { ...user, active: false }),
        });
        // Only worth counting once the change is otherwise allowed (yourself, or an inactive account,
        // is refused above).
        if (!violations.length) {
          violations.push(
            ...adminCoverViolations({
              name: user.name,
              userId: user.id,
              activeAdminIds,
              after: { role: user.role, active: false },
            }),
          );
        }
        if (violations.length) throw refuse(violations);
        const saved = await saveUser(tx, actor, "user.deactivate", user, { active: false });
        await endSessionsOf(tx, actor, user.id, "deactivated");
        return saved;
      });
    },
    "User deactivated. Their sessions have ended.",
  );
}

/**
 * Marks someone SRO-eligible, so they may be a project's Accountable without being an executive,
 * or clears the mark (docs/governance-rules.md ACC-1); clearing it is refused while they hold the A
 * of a live project they could then no longer hold (ACC-3).
 */
export function setSroEligibility(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(setSroEligibilitySchema, input);
      assertCan("user.manage", actor);
      return db().$transaction(async (tx) => {
        const user = await loadUser(tx, data.userId, data.version);
        const violations = sroEligibilityViolations({
          name: user.name,
          role: user.role,
          active: user.active,
          current: user.sroEligible,
          next: data.sroEligible,
          accountableFor: data.sroEligible ? [] : await accountableFor(tx, user.id),
        });
        if (violations.length) throw refuse(violations, "sroEligible");
        return saveUser(tx, actor, "user.set_sro_eligibility", user, { sroEligible: data.sroEligible });
      });
    },
    "SRO eligibility updated.",
  );
}

export function reactivateUser(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(userRefSchema, input);
      assertCan("user.manage", actor);
      return db().$transaction(async (tx) => {
        const user = await loadUser(tx, data.userId, data.version);
        const violations = reactivationViolations({ name: user.name, active: user.active });
        if (violations.length) throw refuse(violations);
        return saveUser(tx, actor, "user.reactivate", user, { active: true });
      });
    },
    "User reactivated.",
  );
}

export function resetPassword(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(resetPasswordSchema, input);
      assertCan("user.manage", actor);
      const owner = await db().user.findUnique({
        where: { id: data.userId },
        select: { name: true, email: true },
      });
      const weak = owner ? passwordPolicyViolations(data.password, owner) : [];
      if (weak.length) throw refuse(weak);
      const passwordHash = await hashPassword(data.password);
      return db().$transaction(async (tx) => {
        const user = await loadUser(tx, data.userId, data.version);
        const saved = await saveUser(tx, actor, "user.reset_password", user, {
          passwordHash,
          // The admin knows it: the person chooses their own at their next sign-in.
          mustChangePassword: true,
        });
        await recordSecurityEvent(tx, {
          action: "auth.password_changed",
          userId: user.id,
          actorId: actor.id,
          requestId: actor.requestId,
          client: actor.client ?? UNKNOWN_CLIENT,
          detail: { by: "admin", mustChangePassword: true },
        });
        await endSessionsOf(tx, actor, user.id, "password_reset");
        return saved;
      });
    },
    "Password reset. Their existing sessions have ended.",
  );
}

/**
 * An admin's reset of someone's second factor, when they have lost their authenticator and their
 * recovery codes (docs/security-mfa.md): the secret and recovery codes go, every session of theirs
 * ends, and if their role requires a factor they set up a new one at their next sign-in. Audited as
 * auth.mfa_reset naming the admin. Never for oneself: an admin who could reset their own factor
 * would make it worthless to anyone holding their password.
 */
export function resetMfa(actor: Actor, input: unknown): Promise<ActionResult<UserRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(userRefSchema, input);
      assertCan("user.resetMfa", actor);
      if (data.userId === actor.id) {
        throw refuse([
          {
            code: "MFA_RESET_SELF",
            message: "You cannot reset your own two-step sign-in: ask another admin",
          },
        ]);
      }
      return db().$transaction(async (tx) => {
        const user = await loadUser(tx, data.userId, data.version);
        await clearMfa(tx, user.id);
        const saved = await tx.user.update({
          where: { id: user.id },
          data: { version: { increment: 1 } },
          omit: withoutSecrets,
        });
        await recordSecurityEvent(tx, {
          action: "auth.mfa_reset",
          userId: user.id,
          actorId: actor.id,
          requestId: actor.requestId,
          client: actor.client ?? UNKNOWN_CLIENT,
          detail: { by: "admin", sessionsEnded: true },
        });
        await endSessionsOf(tx, actor, user.id, "mfa_reset");
        return ref(saved);
      });
    },
    "Two-step sign-in reset. Their sessions have ended; they set it up again at their next sign-in.",
  );
}
