// A person's own account, through the real operations and PostgreSQL (docs/security-mfa.md):
// changing their password, setting up and switching off two-step sign-in, recovery codes; and
// the admin's side: passwords they set must be changed, and their reset of someone's factor.
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, authorizeCredentials } from "@/lib/auth/authenticate";
import { SecondFactorError } from "@/lib/auth/mfa";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { checkSession, type SessionClaims, startSession } from "@/lib/auth/sessions";
import { totpCodeForStep, totpStep } from "@/lib/auth/totp";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/vocabulary";
import {
  beginMfaEnrolment,
  changePassword,
  confirmMfa,
  disableMfa,
  regenerateRecoveryCodes,
} from "@/lib/server/operations/account";
import { createUser, resetMfa, resetPassword } from "@/lib/server/operations/users";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

process.env.AUTH_SECRET ??= "a-test-auth-secret-that-is-long-enough-for-hkdf";
useMigratedDatabase();

const TABLES = ["User", "AuditEvent", "MfaRecoveryCode"] as const;
const PASSWORD = "copper kettle under the stairs";
let n = 0;

async function person(role: Role, extra: { mustChangePassword?: boolean } = {}) {
  n += 1;
  const user = await db().user.create({
    data: {
      email: `grace.mensah${n}@northbridge.example`,
      name: `Grace Mensah`,
      passwordHash: await hashPassword(PASSWORD),
      role,
      discipline: "CLINICAL",
      ...extra,
    },
  });
  // Signed in twice: the session the person acts in, and another (a second browser).
  const context = { requestId: "sign-in", client: UNKNOWN_CLIENT };
  const own = await startSession(db(), user.id, context);
  const other = await startSession(db(), user.id, context);
  const claims = (sessionId: string): SessionClaims => ({ sessionId, userId: user.id, sessionVersion: 0 });
  return {
    user,
    actor: { ...actorOf(user), sessionId: own.sessionId },
    own: claims(own.sessionId),
    other: claims(other.sessionId),
  };
}

/** What getActor sees of a session: its person, unless the session has ended or still owes a step. */
async function sessionActor(claims: SessionClaims) {
  const identity = await checkSession(db(), claims);
  return identity && !identity.owes ? identity : null;
}

/** Sets up two-step sign-in through the operations; returns the secret and recovery codes. */
async function enrol(actor: Actor, at = Date.now() - 60_000) {
  const started = await beginMfaEnrolment(actor);
  if (!started.ok) throw new Error(started.message);
  const { secret } = started.data;
  const { confirmMfaEnrolment } = await import("@/lib/auth/mfa");
  const outcome = await db().$transaction((tx) =>
    confirmMfaEnrolment(tx, actor.id, totpCodeForStep(secret, totpStep(at)), { requestId: "t" }, at),
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return { secret, recoveryCodes: outcome.recoveryCodes };
}

const eventsOf = (userId: string, action: string) =>
  db().auditEvent.findMany({ where: { entityId: userId, action } });

describe("changePassword", () => {
  it("needs the current password, ends every other session and keeps this one, audited", async () => {
    const { user, actor, own, other } = await person("CLINICAL_CHAMPION");
    const result = await changePassword(actor, {
      currentPassword: PASSWORD,
      newPassword: "seven lanterns over the harbour",
      confirmPassword: "seven lanterns over the harbour",
    });
    expect(result).toMatchObject({ ok: true, data: { sessionsEnded: 1 } });
    const saved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(saved.passwordHash, "seven lanterns over the harbour")).toBe(true);
    expect(saved.passwordChangedAt).toBeInstanceOf(Date);
    expect(await sessionActor(own)).toMatchObject({ id: user.id });
    expect(await checkSession(db(), other)).toBeNull();
    const [revoked] = await eventsOf(user.id, "auth.sessions_revoked");
    expect(revoked?.after).toMatchObject({ reason: "password_changed", sessions: 1, kept: own.sessionId });
    const [event] = await eventsOf(user.id, "auth.password_changed");
    expect(event?.actorId).toBe(user.id);
    expect(JSON.stringify([event?.before, event?.after])).not.toContain("lanterns");
  });

  it("refuses a wrong current password, a common one, one with their name, the same one, a mismatch", async () => {
    const { actor } = await person("CLINICAL_CHAMPION");
    const wrong = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      changePassword(actor, {
        currentPassword: "not my password",
        newPassword: "seven lanterns over the harbour",
        confirmPassword: "seven lanterns over the harbour",
      }),
    );
    expect(wrong.fieldErrors?.currentPassword).toEqual(["That is not your current password"]);
    const common = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changePassword(actor, {
        currentPassword: PASSWORD,
        newPassword: "qwerty123456",
        confirmPassword: "qwerty123456",
      }),
    );
    expect(common.fieldErrors?.newPassword?.[0]).toMatch(/most common passwords/);
    const personal = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changePassword(actor, {
        currentPassword: PASSWORD,
        newPassword: "grace mensah is on shift",
        confirmPassword: "grace mensah is on shift",
      }),
    );
    expect(personal.fieldErrors?.newPassword?.[0]).toMatch(/name or email/);
    const same = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changePassword(actor, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }),
    );
    expect(same.fieldErrors?.newPassword?.[0]).toMatch(/different/);
    const mismatch = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      changePassword(actor, {
        currentPassword: PASSWORD,
        newPassword: "seven lanterns over the harbour",
        confirmPassword: "seven lanterns over the harbor",
      }),
    );
    expect(mismatch.fieldErrors?.confirmPassword).toEqual(["The two new passwords are not the same"]);
  });

  it("at sign-in, after an admin chose the password: no current password asked, the flag cleared", async () => {
    const { user, actor, own, other } = await person("PROJECT_MANAGER", { mustChangePassword: true });
    expect(await sessionActor(own)).toBeNull();
    const result = await changePassword(
      actor,
      { newPassword: "seven lanterns over the harbour", confirmPassword: "seven lanterns over the harbour" },
      { atSignIn: true },
    );
    expect(result.ok).toBe(true);
    // The session that took the step now opens every page; the other one has ended.
    expect(await sessionActor(own)).toMatchObject({ id: user.id });
    expect(await checkSession(db(), other)).toBeNull();
    // Once done, the same way in is closed: it would change a password without the current one.
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      changePassword(
        actor,
        { newPassword: "another fine evening sky", confirmPassword: "another fine evening sky" },
        { atSignIn: true },
      ),
    );
  });
});

describe("admin-set passwords", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = (await person("ADMIN")).actor;
  });

  it("a new account's first password must be changed at first sign-in", async () => {
    const created = await createUser(admin, {
      name: "New Starter",
      email: "new.starter@northbridge.example",
      password: "first day on the ward",
      role: "PROJECT_MANAGER",
      discipline: "OPERATIONAL",
    });
    expect(created.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: "new.starter@northbridge.example" } });
    expect(user.mustChangePassword).toBe(true);
  });

  it("refuses a common password or one with the person's name, beside the field", async () => {
    const common = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      createUser(admin, {
        name: "Second Starter",
        email: "second.starter@northbridge.example",
        password: "password1234",
        role: "VIEWER",
        discipline: "OPERATIONAL",
      }),
    );
    expect(common.fieldErrors?.password?.[0]).toMatch(/most common passwords/);
    const { user } = await person("VIEWER");
    const personal = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      resetPassword(admin, { userId: user.id, version: 0, password: "mensah-welcome-back" }),
    );
    expect(personal.fieldErrors?.password?.[0]).toMatch(/name or email/);
  });
});

describe("two-step sign-in on one's own account", () => {
  it("confirms with a code, returns ten codes once, and then sign-in asks for a code", async () => {
    const { user, actor } = await person("PROJECT_MANAGER");
    const started = await beginMfaEnrolment(actor);
    if (!started.ok) throw new Error(started.message);
    const wrong = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      confirmMfa(actor, { code: "12345" }),
    );
    expect(wrong.fieldErrors?.code?.[0]).toMatch(/six-digit/);
    const result = await confirmMfa(actor, { code: totpCodeForStep(started.data.secret, totpStep()) });
    expect(result.ok && result.data.recoveryCodes).toHaveLength(10);
    expect(await eventsOf(user.id, "auth.mfa_enrolled")).toHaveLength(1);
    await expect(authorizeCredentials(db, { email: user.email, password: PASSWORD })).rejects.toThrow(
      SecondFactorError.REQUIRED,
    );
  });

  it("new recovery codes need the password, and the old ones stop working", async () => {
    const { user, actor } = await person("PROJECT_MANAGER");
    const { recoveryCodes } = await enrol(actor);
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      regenerateRecoveryCodes(actor, { currentPassword: "wrong password" }),
    );
    const result = await regenerateRecoveryCodes(actor, { currentPassword: PASSWORD });
    expect(result.ok && result.data.recoveryCodes).toHaveLength(10);
    await expect(
      authorizeCredentials(db, { email: user.email, password: PASSWORD, code: recoveryCodes[0] }),
    ).rejects.toThrow(SecondFactorError.REJECTED);
    const fresh = result.ok ? result.data.recoveryCodes[0] : "";
    await expect(
      authorizeCredentials(db, { email: user.email, password: PASSWORD, code: fresh }),
    ).resolves.toMatchObject({ status: "signed_in", user: { id: user.id } });
  });

  it("may be switched off where optional, never by an executive or admin", async () => {
    const pm = await person("PROJECT_MANAGER");
    await enrol(pm.actor);
    expect(await disableMfa(pm.actor, { currentPassword: PASSWORD })).toMatchObject({ ok: true });
    const stored = await db().user.findUniqueOrThrow({ where: { id: pm.user.id } });
    expect(stored.mfaSecret).toBeNull();
    expect(await db().mfaRecoveryCode.count({ where: { userId: pm.user.id } })).toBe(0);
    expect(await eventsOf(pm.user.id, "auth.mfa_reset")).toHaveLength(1);

    for (const role of ["EXECUTIVE", "ADMIN"] as const) {
      const { actor } = await person(role);
      await enrol(actor);
      const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
        disableMfa(actor, { currentPassword: PASSWORD }),
      );
      expect(refused.message).toMatch(/requires two-step sign-in/);
    }
  });
});

describe("resetMfa (an admin's reset)", () => {
  it("clears the factor, ends the person's sessions, sends them to enrol again; audited naming the admin", async () => {
    const admin = await person("ADMIN");
    const { user, actor, own, other } = await person("EXECUTIVE");
    await enrol(actor);
    expect(await sessionActor(own)).not.toBeNull();
    const result = await resetMfa(admin.actor, { userId: user.id, version: 0 });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ mfaSecret: null, mfaEnabledAt: null });
    expect(await db().mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await checkSession(db(), own)).toBeNull();
    expect(await checkSession(db(), other)).toBeNull();
    const [revoked] = await eventsOf(user.id, "auth.sessions_revoked");
    expect(revoked?.after).toMatchObject({ reason: "mfa_reset", sessions: 2 });
    expect(revoked?.actorId).toBe(admin.user.id);
    // At their next sign-in they owe the enrolment again.
    const again = await authorizeCredentials(db, { email: user.email, password: PASSWORD });
    if (again.status !== "signed_in") throw new Error(again.status);
    const claims = {
      sessionId: again.user.sessionId,
      userId: user.id,
      sessionVersion: again.user.sessionVersion,
    };
    expect(await sessionActor(claims)).toBeNull();
    expect(await checkSession(db(), claims)).toMatchObject({ owes: "enrol_mfa" });
    const [event] = await eventsOf(user.id, "auth.mfa_reset");
    expect(event).toMatchObject({ actorId: admin.user.id, requestId: admin.actor.requestId });
  });

  it("refuses one's own reset, a non-admin, a stale version and an unknown person, changing nothing", async () => {
    const admin = await person("ADMIN");
    await enrol(admin.actor);
    const self = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      resetMfa(admin.actor, { userId: admin.user.id, version: 0 }),
    );
    expect(self.message).toMatch(/another admin/);
    const { user, actor } = await person("EXECUTIVE");
    await enrol(actor);
    for (const role of [
      "EXECUTIVE",
      "PORTFOLIO_MANAGER",
      "PROJECT_MANAGER",
      "CLINICAL_CHAMPION",
      "VIEWER",
    ] as const) {
      const other = await person(role);
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        resetMfa(other.actor, { userId: user.id, version: 0 }),
      );
    }
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      resetMfa(admin.actor, { userId: user.id, version: 3 }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      resetMfa(admin.actor, { userId: "6f1c1f0e-0000-4000-8000-000000000000", version: 0 }),
    );
  });
});
