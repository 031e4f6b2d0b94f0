// Sessions that really end (issue #11; docs/security-sessions.md). The session token next-auth
// keeps in the browser is signed and encrypted but stateless: on its own it would stay valid until
// it expires, whatever happened meanwhile. So each sign-in is also a row of "AuthSession", the token
// carries that row's id, and every request checks the row. Ending a session is one UPDATE here, and
// every app instance sees it at the next request, because they all read the same database.
//
// No "server-only": tests and next-auth's configuration call these directly.
import type { Discipline, Role } from "@/generated/prisma/enums";
import type { Db, DbTx } from "@/lib/db/client";
import type { SignInStep } from "@/lib/domain/mfa-policy";
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from "@/lib/domain/organisation-settings";
import type { Actor } from "./authenticate";
import { signInStepOwed } from "./mfa";
import { type ClientInfo, recordSecurityEvent } from "./security-log";

/**
 * lastSeenAt is written at most this often per session: the idle timeout is judged to the minute
 * without a write on every request.
 */
export const LAST_SEEN_INTERVAL_MS = 60_000;

/** Why a session ended, as the security log and the sessions pages name it. */
export const REVOCATION_REASONS = [
  "sign_out",
  "signed_out_everywhere",
  "ended_by_admin",
  "password_changed",
  "password_reset",
  "mfa_reset",
  "role_changed",
  "deactivated",
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** Who asked, for the audit trail: the account holder, an admin, or nobody (a sign-out). */
export interface RevocationContext {
  requestId: string;
  client: ClientInfo;
  /** The admin acting on someone else's account; left out when the holder acts. */
  actorId?: string | null;
}

/** The person a live session belongs to, re-read on every request. */
export interface SessionIdentity {
  sessionId: string;
  id: string;
  name: string;
  email: string;
  role: Role;
  discipline: Discipline;
  sessionVersion: number;
  /**
   * A step the person still owes after signing in (a password of their own, a second factor;
   * docs/security-mfa.md), read afresh on every request so an admin's reset or the organisation's
   * new requirement applies at once. While it is owed only the step's own pages and actions
   * (loadPendingSignIn) accept the session; getActor refuses it.
   */
  owes: SignInStep | null;
}

/** What the session token carries to name its session. */
export interface SessionClaims {
  sessionId: string;
  userId: string;
  sessionVersion: number;
}

/** Thrown by next-auth's jwt callback for a token whose session has ended (./options). */
export class SessionEndedError extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEndedError";
  }
}

/** The fields of a decoded session token this module reads (next-auth's JWT, ./next-auth.d.ts). */
export interface SessionToken {
  sub?: string;
  sessionId?: string;
  sessionVersion?: number;
  /** The absolute end fixed at sign-in, in seconds since the epoch. */
  sessionExpiresAt?: number;
}

/**
 * What a decoded token claims, or null when it names no session (a token from before sessions were
 * stored) or, unless `now` is null, when its absolute end has passed: renewing the token never
 * moves that end, whatever expiry the cookie was given.
 */
export function sessionClaimsOf(
  token: SessionToken | null,
  now: Date | null = new Date(),
): SessionClaims | null {
  if (!token?.sub || !token.sessionId) return null;
  if (typeof token.sessionVersion !== "number" || typeof token.sessionExpiresAt !== "number") return null;
  if (now && now.getTime() >= token.sessionExpiresAt * 1000) return null;
  return { sessionId: token.sessionId, userId: token.sub, sessionVersion: token.sessionVersion };
}

export interface StoredSession {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionEnd = "revoked" | "expired" | "idle";

/**
 * Whether a stored session is still live at `now`, and if not why. The absolute end is the earlier
 * of the one fixed at sign-in and the one today's setting gives, so shortening the setting shortens
 * sessions already open; nothing ever moves it later.
 */
export function sessionEnd(
  session: StoredSession,
  lifetimes: SessionLifetimes,
  now: Date,
): SessionEnd | null {
  if (session.revokedAt) return "revoked";
  const setting = session.createdAt.getTime() + lifetimes.sessionAbsoluteHours * 3_600_000;
  if (now.getTime() >= Math.min(session.expiresAt.getTime(), setting)) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= lifetimes.sessionIdleMinutes * 60_000) return "idle";
  return null;
}

export async function getSessionLifetimes(tx: DbTx): Promise<SessionLifetimes> {
  const row = await tx.organisation.findUnique({
    where: { id: 1 },
    select: { sessionAbsoluteHours: true, sessionIdleMinutes: true },
  });
  return row ?? { ...DEFAULT_SESSION_LIFETIMES };
}

/**
 * A new session for someone who has just proved who they are, with its audited sign-in, in one
 * transaction. Call it only once every factor has been checked.
 */
export async function startSession(
  db: Db,
  userId: string,
  context: { requestId: string; client: ClientInfo },
  now: Date = new Date(),
): Promise<{ sessionId: string; expiresAt: Date }> {
  return db.$transaction(async (tx) => {
    const lifetimes = await getSessionLifetimes(tx);
    const session = await tx.authSession.create({
      data: {
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + lifetimes.sessionAbsoluteHours * 3_600_000),
        clientAddress: context.client.address,
        userAgent: context.client.userAgent,
      },
      select: { id: true, expiresAt: true },
    });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
    await recordSecurityEvent(tx, {
      action: "auth.sign_in",
      userId,
      requestId: context.requestId,
      client: context.client,
      detail: { session: session.id },
    });
    return { sessionId: session.id, expiresAt: session.expiresAt };
  });
}

/** One row of the check's statement: the session, its user and the organisation's settings. */
interface SessionCheckRow extends StoredSession {
  userId: string;
  name: string;
  email: string;
  role: Role;
  discipline: Discipline;
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  mfaEnabledAt: Date | null;
  /** Null before the organisation row exists: the schema's defaults apply. */
  sessionAbsoluteHours: number | null;
  sessionIdleMinutes: number | null;
  mfaRequiredForAll: boolean | null;
}

/**
 * The person behind a session token, or null when the session has ended (signed out, revoked,
 * expired, idle), the account is inactive, or its sessions were ended by a bump of sessionVersion.
 * Every page and action runs it, so it is one statement (the session, its user and the
 * organisation's lifetimes and second-factor setting, joined in PostgreSQL; issue #12), and a write
 * at most once a minute per session (LAST_SEEN_INTERVAL_MS). The rules stay in TypeScript:
 * sessionEnd, signInStepOwed.
 */
export async function checkSession(
  db: DbTx,
  claims: SessionClaims,
  now: Date = new Date(),
): Promise<SessionIdentity | null> {
  const [row] = await db.$queryRaw<SessionCheckRow[]>`
    SELECT s."userId", s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
      u."name", u."email", u."role"::text AS "role", u."discipline"::text AS "discipline", u."active",
      u."sessionVersion", u."mustChangePassword", u."mfaEnabledAt",
      o."sessionAbsoluteHours", o."sessionIdleMinutes", o."mfaRequiredForAll"
    FROM "AuthSession" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Organisation" o ON o."id" = 1
    WHERE s."id" = ${claims.sessionId}`;
  if (!row || row.userId !== claims.userId) return null;
  const lifetimes: SessionLifetimes = {
    sessionAbsoluteHours: row.sessionAbsoluteHours ?? DEFAULT_SESSION_LIFETIMES.sessionAbsoluteHours,
    sessionIdleMinutes: row.sessionIdleMinutes ?? DEFAULT_SESSION_LIFETIMES.sessionIdleMinutes,
  };
  if (sessionEnd(row, lifetimes, now)) return null;
  if (!row.active || row.sessionVersion !== claims.sessionVersion) return null;
  const owes = await signInStepOwed(db, row, row.mfaRequiredForAll ?? false);
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS) {
    // Conditional, so instances serving the same session at once write it once between them.
    await db.authSession.updateMany({
      where: {
        id: claims.sessionId,
        revokedAt: null,
        lastSeenAt: { lte: new Date(now.getTime() - LAST_SEEN_INTERVAL_MS) },
      },
      data: { lastSeenAt: now },
    });
  }
  return {
    sessionId: claims.sessionId,
    id: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    discipline: row.discipline,
    sessionVersion: row.sessionVersion,
    owes,
  };
}

/**
 * The person of a live session that still owes a step, and the step; null when the session has
 * ended (checkSession) or owes nothing. The step's own pages and actions use this
 * (src/lib/auth/sign-in-session.ts); every other page and action goes through getActor, which
 * refuses such a session.
 */
export async function loadPendingSignIn(
  db: DbTx,
  claims: SessionClaims,
  requestId: string,
  now: Date = new Date(),
): Promise<{ actor: Actor; step: SignInStep } | null> {
  const identity = await checkSession(db, claims, now);
  if (!identity?.owes) return null;
  const { sessionId, id, name, email, role, discipline } = identity;
  return { actor: { id, name, email, role, discipline, requestId, sessionId }, step: identity.owes };
}

/**
 * Ends one session (signing out), recorded as auth.sign_out. Signing out of a session that has
 * already ended changes and records nothing.
 */
export async function endSession(
  db: Db,
  claims: Pick<SessionClaims, "sessionId" | "userId">,
  context: RevocationContext,
  now: Date = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: claims.sessionId, userId: claims.userId, revokedAt: null },
      data: { revokedAt: now, revokedReason: "sign_out" },
    });
    if (count === 0) return false;
    await recordSecurityEvent(tx, {
      action: "auth.sign_out",
      userId: claims.userId,
      requestId: context.requestId,
      client: context.client,
      detail: { session: claims.sessionId },
    });
    return true;
  });
}

/**
 * The one way to end every session of an account (sign out everywhere, an admin's "sign out
 * everywhere", password change or reset, MFA reset, role change, deactivation). Runs inside the
 * caller's transaction, so the change that calls for it and the revocation commit together. It marks
 * every open session revoked and also bumps the account's sessionVersion, which every session token
 * carries, so a token from before this moment is refused even if it names no stored session.
 * Recorded as auth.sessions_revoked with the reason and how many sessions were open.
 */
export async function revokeAllSessions(
  tx: DbTx,
  userId: string,
  reason: RevocationReason,
  context: RevocationContext & {
    /**
     * The session to keep (the holder's own, changing their password there). Its token carries
     * the current sessionVersion, so the version is then left as it is: every other session is
     * still refused, because checkSession finds its row revoked.
     */
    exceptSessionId?: string;
  },
  now: Date = new Date(),
): Promise<number> {
  const except = context.exceptSessionId;
  const { count } = await tx.authSession.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  if (!except) await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await recordSecurityEvent(tx, {
    action: "auth.sessions_revoked",
    userId,
    actorId: context.actorId ?? userId,
    requestId: context.requestId,
    client: context.client,
    detail: { reason, sessions: count, ...(except ? { kept: except } : {}) },
  });
  return count;
}

/** A live session as the sessions pages list it. */
export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
}

/** At most this many are listed: more open sessions than this is itself a reason to end them all. */
export const ACTIVE_SESSIONS_SHOWN = 50;

/**
 * An account's live sessions, most recently used first, with how many there are in all. Expired and
 * idle ones are filtered in SQL from the same lifetimes checkSession applies.
 */
export async function listActiveSessions(
  db: DbTx,
  userId: string,
  now: Date = new Date(),
): Promise<{ sessions: ActiveSession[]; total: number }> {
  const lifetimes = await getSessionLifetimes(db);
  const where = {
    userId,
    revokedAt: null,
    expiresAt: { gt: now },
    createdAt: { gt: new Date(now.getTime() - lifetimes.sessionAbsoluteHours * 3_600_000) },
    lastSeenAt: { gt: new Date(now.getTime() - lifetimes.sessionIdleMinutes * 60_000) },
  };
  const [sessions, total] = await Promise.all([
    db.authSession.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: ACTIVE_SESSIONS_SHOWN,
      select: {
        id: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        clientAddress: true,
        userAgent: true,
      },
    }),
    db.authSession.count({ where }),
  ]);
  return { sessions, total };
}
