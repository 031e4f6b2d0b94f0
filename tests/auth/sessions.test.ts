// Sessions that really end (issue #11; docs/security-sessions.md): lifetimes, revocation and the
// token check next-auth runs on every read of the session, against a real database.

import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authenticate";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import {
  checkSession,
  endSession,
  LAST_SEEN_INTERVAL_MS,
  listActiveSessions,
  revokeAllSessions,
  type SessionClaims,
  SessionEndedError,
  sessionClaimsOf,
  sessionEnd,
} from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { DEFAULT_SESSION_LIFETIMES } from "@/lib/domain/organisation-settings";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const PASSWORD = "correct horse battery staple";
const CLIENT = { address: "10.1.2.3", userAgent: "Mozilla/5.0 (Ward PC)" };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let sequence = 0;

async function signedIn() {
  sequence += 1;
  const user = await db().user.create({
    data: {
      email: `session.${sequence}@northbridge.example`,
      name: `Session Holder ${sequence}`,
      passwordHash: await hashPassword(PASSWORD),
      role: "PROJECT_MANAGER",
      discipline: "OPERATIONAL",
    },
  });
  const result = await authorizeCredentials(db, { email: user.email, password: PASSWORD });
  if (result.status !== "signed_in") throw new Error(`expected a sign-in, got ${result.status}`);
  const session = await db().authSession.findUniqueOrThrow({ where: { id: result.user.sessionId } });
  const claims = { sessionId: session.id, userId: user.id, sessionVersion: 0 };
  const token: JWT = {
    sub: user.id,
    role: user.role,
    sessionVersion: 0,
    sessionId: session.id,
    sessionExpiresAt: Math.floor(session.expiresAt.getTime() / 1000),
  };
  return { user, session, claims, token, at: (ms: number) => new Date(session.createdAt.getTime() + ms) };
}

const jwt = (token: JWT) => {
  const callback = authOptions.callbacks?.jwt;
  if (!callback) throw new Error("authOptions has no jwt callback");
  // After sign-in next-auth calls it without a user, though its parameter type always has one.
  return callback({ token: { ...token }, user: undefined as never, account: null });
};

afterEach(async () => {
  await db().organisation.deleteMany();
});

describe("the token's lifetime", () => {
  it("gives the token the session's lifetime, not next-auth's 30-day default", () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(12 * 60 * 60);
    expect(authOptions.session?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    expect(authOptions.jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
  });

  it("reads a token's absolute end, which renewal never moves, and refuses one that names no session", () => {
    const token = { sub: "u1", sessionId: "s1", sessionVersion: 2, sessionExpiresAt: 1_000 };
    expect(sessionClaimsOf(token, new Date(999_000))).toEqual({
      sessionId: "s1",
      userId: "u1",
      sessionVersion: 2,
    });
    expect(sessionClaimsOf(token, new Date(1_000_000))).toBeNull();
    // A token from before sessions were stored, whatever else it says.
    expect(sessionClaimsOf({ sub: "u1", sessionVersion: 0 }, new Date(0))).toBeNull();
    expect(sessionClaimsOf(null)).toBeNull();
  });
});

describe("sessionEnd: when a stored session is over", () => {
  const created = new Date("2026-12-01T08:00:00Z");
  const stored = {
    createdAt: created,
    lastSeenAt: created,
    expiresAt: new Date(created.getTime() + 12 * HOUR),
    revokedAt: null,
  };
  const at = (ms: number) => new Date(created.getTime() + ms);

  it("lives until the idle timeout, then ends as idle", () => {
    expect(sessionEnd(stored, DEFAULT_SESSION_LIFETIMES, at(29 * MINUTE))).toBeNull();
    expect(sessionEnd(stored, DEFAULT_SESSION_LIFETIMES, at(30 * MINUTE))).toBe("idle");
  });

  it("ends at its absolute end however recently it was used", () => {
    const busy = { ...stored, lastSeenAt: at(12 * HOUR - MINUTE) };
    expect(sessionEnd(busy, DEFAULT_SESSION_LIFETIMES, at(12 * HOUR - 1))).toBeNull();
    expect(sessionEnd(busy, DEFAULT_SESSION_LIFETIMES, at(12 * HOUR))).toBe("expired");
  });

  it("ends earlier when the organisation shortens the lifetime, never later when it lengthens it", () => {
    const busy = { ...stored, lastSeenAt: at(4 * HOUR) };
    expect(sessionEnd(busy, { sessionAbsoluteHours: 4, sessionIdleMinutes: 30 }, at(4 * HOUR))).toBe(
      "expired",
    );
    const short = { ...stored, expiresAt: at(2 * HOUR), lastSeenAt: at(2 * HOUR - MINUTE) };
    expect(sessionEnd(short, DEFAULT_SESSION_LIFETIMES, at(2 * HOUR))).toBe("expired");
  });

  it("a revoked session is over at once", () => {
    expect(sessionEnd({ ...stored, revokedAt: created }, DEFAULT_SESSION_LIFETIMES, created)).toBe("revoked");
  });
});

describe("checkSession: the check on every request", () => {
  it("answers with the person as they are now", async () => {
    const { user, claims, at } = await signedIn();
    await db().user.update({ where: { id: user.id }, data: { name: "Renamed Person" } });
    expect(await checkSession(db(), claims, at(MINUTE / 2))).toMatchObject({
      id: user.id,
      name: "Renamed Person",
      role: "PROJECT_MANAGER",
      sessionId: claims.sessionId,
    });
  });

  it("touches lastSeenAt at most once a minute, and being seen keeps the session from going idle", async () => {
    const { session, claims, at } = await signedIn();
    const lastSeen = async () =>
      (await db().authSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt;
    await checkSession(db(), claims, at(LAST_SEEN_INTERVAL_MS - 1));
    expect(await lastSeen()).toEqual(session.createdAt);
    await checkSession(db(), claims, at(LAST_SEEN_INTERVAL_MS));
    expect(await lastSeen()).toEqual(at(LAST_SEEN_INTERVAL_MS));
    // 29 minutes after that touch it is still live, though 30 have passed since signing in.
    expect(await checkSession(db(), claims, at(LAST_SEEN_INTERVAL_MS + 29 * MINUTE))).not.toBeNull();
  });

  it("refuses an idle session, an expired one, and one shortened by the organisation's setting", async () => {
    const idle = await signedIn();
    expect(await checkSession(db(), idle.claims, idle.at(30 * MINUTE))).toBeNull();

    const expired = await signedIn();
    await db().authSession.update({
      where: { id: expired.session.id },
      data: { lastSeenAt: expired.at(12 * HOUR - MINUTE) },
    });
    expect(await checkSession(db(), expired.claims, expired.at(12 * HOUR))).toBeNull();

    const shortened = await signedIn();
    await db().authSession.update({
      where: { id: shortened.session.id },
      data: { lastSeenAt: shortened.at(2 * HOUR - MINUTE) },
    });
    expect(await checkSession(db(), shortened.claims, shortened.at(2 * HOUR))).not.toBeNull();
    await db().organisation.create({ data: { id: 1, name: "Northbridge", sessionAbsoluteHours: 2 } });
    expect(await checkSession(db(), shortened.claims, shortened.at(2 * HOUR))).toBeNull();
  });

  it("refuses a token naming another person's session", async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    expect(await checkSession(db(), { ...mine.claims, sessionId: theirs.session.id })).toBeNull();
  });

  it("is one SQL statement, and a second only to note the minute's use, however many people sign in", async () => {
    // The organisation's row exists and asks everyone for a second factor, so every fact the check
    // weighs is read; none of it may cost a statement of its own.
    await db().organisation.create({ data: { id: 1, name: "Northbridge", mfaRequiredForAll: true } });
    const check = async (claims: SessionClaims, now: Date) => {
      const { result, statements } = await countStatements(() => checkSession(db(), claims, now));
      return { owes: result?.owes, statements: statements.length };
    };

    const few = await signedIn();
    const onFew = await check(few.claims, few.at(MINUTE / 2));
    expect(onFew).toEqual({ owes: "enrol_mfa", statements: 1 });

    // Many more people and sessions: the same single statement.
    for (let i = 0; i < 40; i++) await signedIn();
    const many = await signedIn();
    expect(await check(many.claims, many.at(MINUTE / 2))).toEqual(onFew);
    // Once a minute the use is written: one more statement, then none again within the minute.
    expect(await check(many.claims, many.at(LAST_SEEN_INTERVAL_MS))).toEqual({ ...onFew, statements: 2 });
    expect(await check(many.claims, many.at(LAST_SEEN_INTERVAL_MS + MINUTE / 2))).toEqual(onFew);
    // An ended session costs the one statement too.
    expect(
      (await countStatements(() => checkSession(db(), many.claims, many.at(HOUR)))).statements,
    ).toHaveLength(1);
  });
});

describe("ending sessions", () => {
  it("signing out ends that session only, recorded once with the address and user agent", async () => {
    const first = await signedIn();
    const other = await authorizeCredentials(db, { email: first.user.email, password: PASSWORD });
    if (other.status !== "signed_in") throw new Error("expected a second sign-in");
    const context = { requestId: "req-out", client: CLIENT };
    expect(await endSession(db(), first.claims, context)).toBe(true);
    expect(await endSession(db(), first.claims, context)).toBe(false);
    expect(await checkSession(db(), first.claims)).toBeNull();
    expect(await checkSession(db(), { ...first.claims, sessionId: other.user.sessionId })).not.toBeNull();
    const events = await db().auditEvent.findMany({
      where: { action: "auth.sign_out", entityId: first.user.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      requestId: "req-out",
      clientAddress: CLIENT.address,
      userAgent: CLIENT.userAgent,
    });
    expect(await db().authSession.findUniqueOrThrow({ where: { id: first.session.id } })).toMatchObject({
      revokedReason: "sign_out",
    });
  });

  it("revokeAllSessions ends every session of the account and no one else's, bumps its session version, and is audited", async () => {
    const mine = await signedIn();
    const again = await authorizeCredentials(db, { email: mine.user.email, password: PASSWORD });
    if (again.status !== "signed_in") throw new Error("expected a second sign-in");
    const someoneElse = await signedIn();
    const admin = await signedIn();
    const count = await db().$transaction((tx) =>
      revokeAllSessions(tx, mine.user.id, "ended_by_admin", {
        requestId: "req-revoke",
        client: CLIENT,
        actorId: admin.user.id,
      }),
    );
    expect(count).toBe(2);
    expect(await checkSession(db(), mine.claims)).toBeNull();
    expect(await checkSession(db(), { ...mine.claims, sessionId: again.user.sessionId })).toBeNull();
    expect(await checkSession(db(), someoneElse.claims)).not.toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: mine.user.id } })).sessionVersion).toBe(1);
    const [event] = await db().auditEvent.findMany({
      where: { action: "auth.sessions_revoked", entityId: mine.user.id },
    });
    expect(event).toMatchObject({
      actorId: admin.user.id,
      requestId: "req-revoke",
      clientAddress: CLIENT.address,
      after: { reason: "ended_by_admin", sessions: 2 },
    });
  });

  it("lists only live sessions, most recently used first", async () => {
    const { user, session, at } = await signedIn();
    const second = await authorizeCredentials(db, { email: user.email, password: PASSWORD });
    const third = await authorizeCredentials(db, { email: user.email, password: PASSWORD });
    if (second.status !== "signed_in" || third.status !== "signed_in") throw new Error("expected sign-ins");
    await db().authSession.update({ where: { id: third.user.sessionId }, data: { revokedAt: new Date() } });
    await db().authSession.update({ where: { id: session.id }, data: { lastSeenAt: at(40 * MINUTE) } });
    const listed = await listActiveSessions(db(), user.id, at(45 * MINUTE));
    // The second session has been idle since sign-in: 45 minutes, past the 30-minute timeout.
    expect(listed.total).toBe(1);
    expect(listed.sessions.map((s) => s.id)).toEqual([session.id]);
  });
});

describe("next-auth's jwt callback, which runs on every read of the token (/api/auth/session included)", () => {
  it("passes a live session, with the person's current role", async () => {
    const { user, token } = await signedIn();
    await db().user.update({ where: { id: user.id }, data: { role: "PORTFOLIO_MANAGER" } });
    await expect(jwt(token)).resolves.toMatchObject({
      sub: user.id,
      role: "PORTFOLIO_MANAGER",
      discipline: "OPERATIONAL",
      sessionExpiresAt: token.sessionExpiresAt,
    });
  });

  it("throws for a replayed token after sign-out, so next-auth answers with an empty session", async () => {
    const { claims, token } = await signedIn();
    await endSession(db(), claims, { requestId: "req", client: CLIENT });
    await expect(jwt(token)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("throws for a token past its absolute end, and for one that names no stored session", async () => {
    const { token } = await signedIn();
    await expect(
      jwt({ ...token, sessionExpiresAt: Math.floor(Date.now() / 1000) - 1 }),
    ).rejects.toBeInstanceOf(SessionEndedError);
    const { sessionId: _none, ...older } = token;
    await expect(jwt(older)).rejects.toBeInstanceOf(SessionEndedError);
  });
});
