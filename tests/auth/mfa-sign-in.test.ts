// Signing in with a second factor against a real database: the code step after a correct password,
// single-use codes, recovery codes, the security events, and the steps a session owes before it
// opens any page (docs/security-mfa.md).
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, type SignInResult } from "@/lib/auth/authenticate";
import { confirmMfaEnrolment, SecondFactorError, startMfaEnrolment } from "@/lib/auth/mfa";
import { hashPassword } from "@/lib/auth/password";
import { UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { checkSession, loadPendingSignIn, revokeAllSessions, type SessionClaims } from "@/lib/auth/sessions";
import { totpCodeForStep, totpStep } from "@/lib/auth/totp";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/vocabulary";
import { useMigratedDatabase } from "../support/test-database";

process.env.AUTH_SECRET ??= "a-test-auth-secret-that-is-long-enough-for-hkdf";
useMigratedDatabase();

const PASSWORD = "correct horse battery staple";
let n = 0;

async function person(role: Role, extra: { mustChangePassword?: boolean } = {}) {
  n += 1;
  return db().user.create({
    data: {
      email: `person${n}@northbridge.example`,
      name: `Person ${n}`,
      passwordHash: await hashPassword(PASSWORD),
      role,
      discipline: "EXECUTIVE",
      ...extra,
    },
  });
}

/** Enrols through the real functions; returns the secret and the recovery codes. */
async function enrol(user: { id: string; email: string }, at = Date.now()) {
  const { secret } = await startMfaEnrolment(db(), user);
  const outcome = await db().$transaction((tx) =>
    confirmMfaEnrolment(tx, user.id, totpCodeForStep(secret, totpStep(at)), { requestId: "test" }, at),
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return { secret, recoveryCodes: outcome.recoveryCodes };
}

const signIn = (email: string, code?: string) =>
  authorizeCredentials(db, { email, password: PASSWORD, ...(code === undefined ? {} : { code }) });

/** The claims the session token of a successful sign-in carries (src/lib/auth/options.ts). */
function claimsOf(result: SignInResult): SessionClaims {
  if (result.status !== "signed_in") throw new Error(`not signed in: ${result.status}`);
  const { user } = result;
  return { sessionId: user.sessionId, userId: user.id, sessionVersion: user.sessionVersion };
}

/** What getActor sees of a session: its person, unless the session has ended or still owes a step. */
async function actorOf(claims: SessionClaims) {
  const identity = await checkSession(db(), claims);
  return identity && !identity.owes ? identity : null;
}

const eventsOf = (userId: string, action: string) =>
  db().auditEvent.count({ where: { entityId: userId, action } });

describe("signing in with a second factor", () => {
  let executive: Awaited<ReturnType<typeof person>>;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    executive = await person("EXECUTIVE");
    // Enrolled a minute ago, so the codes of the steps around now are all still unused.
    ({ secret, recoveryCodes } = await enrol(executive, Date.now() - 60_000));
  });

  it("asks for the code after a correct password, and writes no sign-in", async () => {
    await expect(signIn(executive.email)).rejects.toThrow(SecondFactorError.REQUIRED);
    expect(await eventsOf(executive.id, "auth.sign_in")).toBe(0);
  });

  it("refuses the code step for a wrong password the same as any wrong password", async () => {
    const code = totpCodeForStep(secret, totpStep());
    expect(await authorizeCredentials(db, { email: executive.email, password: "wrong", code })).toEqual({
      status: "refused",
    });
  });

  it("signs in with the current code once; the same code again is refused and recorded", async () => {
    const code = totpCodeForStep(secret, totpStep());
    await expect(signIn(executive.email, code)).resolves.toMatchObject({
      status: "signed_in",
      user: { id: executive.id },
    });
    expect(await eventsOf(executive.id, "auth.sign_in")).toBe(1);
    const failedBefore = await eventsOf(executive.id, "auth.mfa_challenge_failed");
    await expect(signIn(executive.email, code)).rejects.toThrow(SecondFactorError.REJECTED);
    expect(await eventsOf(executive.id, "auth.mfa_challenge_failed")).toBe(failedBefore + 1);
    // An older step is refused too, once a newer one has been used.
    await expect(signIn(executive.email, totpCodeForStep(secret, totpStep() - 1))).rejects.toThrow(
      SecondFactorError.REJECTED,
    );
  });

  it("lets only one of two simultaneous sign-ins with the same code through", async () => {
    const code = totpCodeForStep(secret, totpStep() + 1);
    const results = await Promise.allSettled([signIn(executive.email, code), signIn(executive.email, code)]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.status === "signed_in")).toHaveLength(1);
  });

  it("refuses a wrong code", async () => {
    await expect(signIn(executive.email, "000000")).rejects.toThrow(SecondFactorError.REJECTED);
  });

  it("accepts a recovery code once, in any case and spacing, and records its use", async () => {
    const code = recoveryCodes[0] ?? "";
    const typed = ` ${code.toLowerCase().replace("-", " ")} `;
    await expect(signIn(executive.email, typed)).resolves.toMatchObject({ status: "signed_in" });
    expect(await eventsOf(executive.id, "auth.mfa_recovery_code_used")).toBe(1);
    await expect(signIn(executive.email, code)).rejects.toThrow(SecondFactorError.REJECTED);
    expect(await db().mfaRecoveryCode.count({ where: { userId: executive.id, usedAt: null } })).toBe(9);
  });

  it("stores only hashes of the recovery codes and an encrypted secret", async () => {
    const stored = await db().user.findUniqueOrThrow({ where: { id: executive.id } });
    expect(stored.mfaSecret).not.toContain(secret);
    const hashes = await db().mfaRecoveryCode.findMany({ where: { userId: executive.id } });
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(JSON.stringify(hashes)).not.toContain(code);
      expect(JSON.stringify(hashes)).not.toContain(code.replace("-", ""));
    }
  });

  it("does not let one person's recovery code sign in another", async () => {
    const other = await person("EXECUTIVE");
    await enrol(other);
    await expect(signIn(other.email, recoveryCodes[1])).rejects.toThrow(SecondFactorError.REJECTED);
  });
});

describe("confirming an enrolment", () => {
  it("refuses a wrong code and keeps the factor off", async () => {
    const user = await person("PROJECT_MANAGER");
    await startMfaEnrolment(db(), user);
    const outcome = await db().$transaction((tx) =>
      confirmMfaEnrolment(tx, user.id, "123456", { requestId: "t" }),
    );
    expect(outcome).toEqual({ ok: false, reason: "wrong_code" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mfaEnabledAt).toBeNull();
    expect(await eventsOf(user.id, "auth.mfa_enrolled")).toBe(0);
  });

  it("switches it on, records auth.mfa_enrolled, and the confirming code cannot sign in", async () => {
    const user = await person("PROJECT_MANAGER");
    const { secret } = await startMfaEnrolment(db(), user);
    const code = totpCodeForStep(secret, totpStep());
    const outcome = await db().$transaction((tx) =>
      confirmMfaEnrolment(tx, user.id, code, { requestId: "t" }),
    );
    expect(outcome.ok && outcome.recoveryCodes).toHaveLength(10);
    expect(await eventsOf(user.id, "auth.mfa_enrolled")).toBe(1);
    await expect(signIn(user.email, code)).rejects.toThrow(SecondFactorError.REJECTED);
  });
});

describe("the code step and the throttle", () => {
  it("counts a wrong code like a wrong password: recorded, and the failure that locks answers throttled", async () => {
    const user = await person("EXECUTIVE");
    await enrol(user, Date.now() - 60_000);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      try {
        const result = await signIn(user.email, "000000");
        outcomes.push(result.status);
        if (result.status === "throttled") break;
      } catch (error) {
        outcomes.push(error instanceof SecondFactorError ? error.message : "fault");
      }
    }
    expect(outcomes.at(-1)).toBe("throttled");
    expect(outcomes.slice(0, -1).every((o) => o === SecondFactorError.REJECTED)).toBe(true);
    expect(await eventsOf(user.id, "auth.mfa_challenge_failed")).toBe(outcomes.length);
    expect(await eventsOf(user.id, "auth.locked_out")).toBe(1);
    // Locked: even the right password with no code is refused before the code is asked for.
    expect(await signIn(user.email)).toMatchObject({ status: "throttled" });
  });

  it("does not count a missing code, and lets SecondFactorError past the fault guard", async () => {
    const user = await person("EXECUTIVE");
    const { secret } = await enrol(user, Date.now() - 60_000);
    const logged: unknown[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(
        authorizeCredentials(db, { email: user.email, password: PASSWORD }, undefined, (_, e) =>
          logged.push(e),
        ),
      ).rejects.toThrow(SecondFactorError.REQUIRED);
    }
    expect(logged).toEqual([]);
    expect(await eventsOf(user.id, "auth.sign_in_failed")).toBe(0);
    await expect(signIn(user.email, totpCodeForStep(secret, totpStep()))).resolves.toMatchObject({
      status: "signed_in",
    });
  });
});

describe("what a session owes before it opens any page", () => {
  it("an executive or admin without a factor: nothing but the enrolment step", async () => {
    for (const role of ["EXECUTIVE", "ADMIN"] as const) {
      const user = await person(role);
      const claims = claimsOf(await signIn(user.email));
      expect(await actorOf(claims)).toBeNull();
      expect(await loadPendingSignIn(db(), claims, "r")).toMatchObject({
        step: "enrol_mfa",
        actor: { id: user.id, sessionId: claims.sessionId },
      });
      await enrol(user);
      // The same session, now owing nothing, opens every page.
      expect(await actorOf(claims)).toMatchObject({ id: user.id });
      expect(await loadPendingSignIn(db(), claims, "r")).toBeNull();
    }
  });

  it("anyone else is not asked, until the organisation requires it of everyone", async () => {
    const user = await person("PROJECT_MANAGER");
    const claims = claimsOf(await signIn(user.email));
    expect(await actorOf(claims)).toMatchObject({ id: user.id });
    await db().organisation.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Northbridge", mfaRequiredForAll: true },
      update: { mfaRequiredForAll: true },
    });
    try {
      expect(await actorOf(claims)).toBeNull();
      expect(await loadPendingSignIn(db(), claims, "r")).toMatchObject({ step: "enrol_mfa" });
    } finally {
      await db().organisation.update({ where: { id: 1 }, data: { mfaRequiredForAll: false } });
    }
  });

  it("a password an admin chose: its change comes first, before enrolment", async () => {
    const user = await person("EXECUTIVE", { mustChangePassword: true });
    const claims = claimsOf(await signIn(user.email));
    expect(await actorOf(claims)).toBeNull();
    expect(await loadPendingSignIn(db(), claims, "r")).toMatchObject({ step: "change_password" });
  });

  it("a revoked session or a deactivated account owes nothing: it is simply over", async () => {
    const user = await person("EXECUTIVE");
    const claims = claimsOf(await signIn(user.email));
    expect(await loadPendingSignIn(db(), claims, "r")).toMatchObject({ step: "enrol_mfa" });
    await db().$transaction((tx) =>
      revokeAllSessions(tx, user.id, "ended_by_admin", { requestId: "r", client: UNKNOWN_CLIENT }),
    );
    expect(await loadPendingSignIn(db(), claims, "r")).toBeNull();
    const again = claimsOf(await signIn(user.email));
    expect(await loadPendingSignIn(db(), again, "r")).not.toBeNull();
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadPendingSignIn(db(), again, "r")).toBeNull();
  });
});
