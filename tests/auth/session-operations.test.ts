// The session lifetimes as organisation settings, "sign out everywhere" for oneself and for an
// admin, and the admin's security log read (docs/security-sessions.md).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { authorizeCredentials } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { SECURITY_ACTIONS } from "@/lib/auth/security-log";
import { checkSession, REVOCATION_REASONS } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { REVOCATION_REASON_LABEL, SECURITY_ACTION_LABEL } from "@/lib/domain/labels";
import { SETTINGS_VIOLATION, sessionLifetimeViolations } from "@/lib/domain/organisation-settings";
import { endUserSessions, signOutEverywhere } from "@/lib/server/operations/sessions";
import { updateOrganisationSettings } from "@/lib/server/operations/settings";
import { getOrganisationSettings } from "@/lib/server/organisation";
import { listSecurityEvents, parseSecurityLogQuery } from "@/lib/server/security-log";
import { actorOf, expectRefusedWithoutChange } from "../operations/support";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const PASSWORD = "correct horse battery staple";
const CLIENT = { address: "192.0.2.10", userAgent: "Mozilla/5.0 (Admin PC)" };
let admin: Actor;
let pmo: Actor;

beforeAll(async () => {
  admin = { ...actorOf(await make.createUser({ role: "ADMIN" })), client: CLIENT };
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
});

async function withSessions(count: number) {
  const user = await make.createUser({ role: "PROJECT_MANAGER" });
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const sessionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await authorizeCredentials(db, { email: user.email, password: PASSWORD });
    if (result.status !== "signed_in") throw new Error("expected a sign-in");
    sessionIds.push(result.user.sessionId);
  }
  const live = async () => {
    const checks = await Promise.all(
      sessionIds.map((sessionId) => checkSession(db(), { sessionId, userId: user.id, sessionVersion: 0 })),
    );
    return checks.filter(Boolean).length;
  };
  return { user, sessionIds, live };
}

describe("session lifetimes as organisation settings", () => {
  it("accepts the defaults and refuses out-of-range values or an idle timeout longer than the session", () => {
    expect(sessionLifetimeViolations({ sessionAbsoluteHours: 12, sessionIdleMinutes: 30 })).toEqual([]);
    expect(
      sessionLifetimeViolations({ sessionAbsoluteHours: 13, sessionIdleMinutes: 4 }).map((v) => v.field),
    ).toEqual(["sessionAbsoluteHours", "sessionIdleMinutes"]);
    expect(sessionLifetimeViolations({ sessionAbsoluteHours: 1, sessionIdleMinutes: 90 })).toEqual([
      {
        code: SETTINGS_VIOLATION.idleLongerThanSession,
        field: "sessionIdleMinutes",
        message: "The idle timeout cannot be longer than the session itself: enter at most 60 minutes",
      },
    ]);
  });

  it("saves them from the settings form, keeps them when the form leaves them out, and refuses bad ones beside their field", async () => {
    const form = (version: number, extra: Record<string, string> = {}) => ({
      version: String(version),
      timeZone: "Europe/London",
      rebaselineToleranceDays: "30",
      rebaselineTolerancePercent: "5",
      scheduleAmberPercent: "10",
      scheduleRedPercent: "20",
      safetyCriticalAnswerHours: "4",
      safetyHighAnswerHours: "24",
      safetyOtherAnswerWorkingDays: "2",
      feedbackAnswerWorkingDays: "5",
      ...extra,
    });
    const { version } = await getOrganisationSettings();
    expect(
      await updateOrganisationSettings(
        admin,
        form(version, { sessionAbsoluteHours: "8", sessionIdleMinutes: "15" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await getOrganisationSettings()).toMatchObject({
      sessionAbsoluteHours: 8,
      sessionIdleMinutes: 15,
    });
    const saved = await getOrganisationSettings();
    expect(await updateOrganisationSettings(admin, form(saved.version))).toMatchObject({ ok: true });
    expect(await getOrganisationSettings()).toMatchObject({
      sessionAbsoluteHours: 8,
      sessionIdleMinutes: 15,
    });
    const current = await getOrganisationSettings();
    const refused = await expectRefusedWithoutChange(["Organisation", "AuditEvent"], "INVALID", () =>
      updateOrganisationSettings(admin, form(current.version, { sessionAbsoluteHours: "24" })),
    );
    expect(refused.fieldErrors).toEqual({ sessionAbsoluteHours: ["Enter a number of hours from 1 to 12"] });
  });
});

describe("sign out everywhere", () => {
  it("ends every session of one's own account, audited with the reason", async () => {
    const { user, live } = await withSessions(2);
    const self = { ...actorOf(user), client: CLIENT };
    expect(await live()).toBe(2);
    expect(await signOutEverywhere(self)).toMatchObject({ ok: true, data: { sessions: 2 } });
    expect(await live()).toBe(0);
    const [event] = await db().auditEvent.findMany({
      where: { action: "auth.sessions_revoked", entityId: user.id },
    });
    expect(event).toMatchObject({
      actorId: user.id,
      requestId: self.requestId,
      clientAddress: CLIENT.address,
      after: { reason: "signed_out_everywhere", sessions: 2 },
    });
  });

  it("lets an admin end someone's sessions, in the admin's name", async () => {
    const { user, live } = await withSessions(2);
    expect(await endUserSessions(admin, { userId: user.id })).toMatchObject({
      ok: true,
      data: { sessions: 2 },
    });
    expect(await live()).toBe(0);
    const [event] = await db().auditEvent.findMany({
      where: { action: "auth.sessions_revoked", entityId: user.id },
    });
    expect(event).toMatchObject({ actorId: admin.id, after: { reason: "ended_by_admin", sessions: 2 } });
  });

  it("refuses anyone but an admin, an unknown person and a malformed id, without change", async () => {
    const { user, live } = await withSessions(1);
    await expectRefusedWithoutChange(["AuthSession", "AuditEvent", "User"], "FORBIDDEN", () =>
      endUserSessions(pmo, { userId: user.id }),
    );
    await expectRefusedWithoutChange(["AuthSession", "AuditEvent", "User"], "NOT_FOUND", () =>
      endUserSessions(admin, { userId: "6f1c1f0e-0000-4000-8000-000000000000" }),
    );
    await expectRefusedWithoutChange(["AuthSession", "AuditEvent", "User"], "INVALID", () =>
      endUserSessions(admin, { userId: "not-an-id" }),
    );
    expect(await live()).toBe(1);
  });
});

describe("the security log", () => {
  it("names every security event and every reason a session ends", () => {
    for (const action of SECURITY_ACTIONS) expect(SECURITY_ACTION_LABEL[action]).toBeTruthy();
    for (const reason of REVOCATION_REASONS) expect(REVOCATION_REASON_LABEL[reason]).toBeTruthy();
  });

  it("lists security events only, newest first, a page at a time, filtered by event and by person or email tried", async () => {
    const { user } = await withSessions(1);
    await authorizeCredentials(
      db,
      { email: user.email, password: "wrong" },
      { requestId: "r1", client: CLIENT },
    );
    await authorizeCredentials(
      db,
      { email: "Stranger@Elsewhere.example", password: "wrong" },
      { requestId: "r2", client: CLIENT },
    );
    await endUserSessions(admin, { userId: user.id });

    const all = await listSecurityEvents(parseSecurityLogQuery({}));
    expect(all.rows.every((r) => (SECURITY_ACTIONS as readonly string[]).includes(r.action))).toBe(true);
    expect(all.rows.some((r) => r.action.startsWith("user."))).toBe(false);
    const times = all.rows.map((r) => r.at);
    expect(times).toEqual(times.toSorted().reverse());

    const failures = await listSecurityEvents(parseSecurityLogQuery({ action: "auth.sign_in_failed" }));
    expect(failures.rows.map((r) => [r.account?.id ?? null, r.detail.email])).toEqual([
      [null, "stranger@elsewhere.example"],
      [user.id, user.email],
    ]);
    expect(failures.rows[0]).toMatchObject({ clientAddress: CLIENT.address, userAgent: CLIENT.userAgent });

    const byName = await listSecurityEvents(parseSecurityLogQuery({ q: user.name.toUpperCase() }));
    expect(byName.rows.map((r) => r.action).toSorted()).toEqual(
      ["auth.sign_in", "auth.sign_in_failed", "auth.sessions_revoked"].toSorted(),
    );
    expect(byName.rows.find((r) => r.action === "auth.sessions_revoked")?.by).toBe(admin.name);

    const byEmailTried = await listSecurityEvents(parseSecurityLogQuery({ q: "STRANGER@" }));
    expect(byEmailTried.rows.map((r) => r.action)).toEqual(["auth.sign_in_failed"]);

    const paged = await listSecurityEvents({ page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(paged.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));

    // Anything malformed in the query string is ignored.
    expect(parseSecurityLogQuery({ action: "user.create", page: "-3", q: ["a", "b"] })).toEqual({
      page: 1,
      q: "a",
    });
  });
});
