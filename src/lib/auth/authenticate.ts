// Credential checks and the per-request session re-check, kept free of Next.js so tests can run
// them against a real database with any user.
import { randomUUID } from "node:crypto";
import type { Discipline, Role } from "@/generated/prisma/enums";
import type { Db, DbTx } from "@/lib/db/client";
import { credentialsSchema } from "./credentials";
import { checkSecondFactor, SecondFactorError, signInStepOwed } from "./mfa";
import { hashPassword, verifyPassword } from "./password";
import { type ClientInfo, recordSecurityEvent, UNKNOWN_CLIENT } from "./security-log";
import { startSession } from "./sessions";
import { type Lockout, lockedFor, registerFailure, registerSuccess } from "./throttle";

/** Who a signed-in user is. */
export interface Identity {
  id: string;
  name: string;
  email: string;
  role: Role;
  discipline: Discipline;
}

/**
 * The user acting in one request. `requestId` names that request: every audit event it writes
 * carries it, so an auditor can gather what one click changed.
 */
export interface Actor extends Identity {
  requestId: string;
  /** The session the request came in (./sessions); absent for work no session started. */
  sessionId?: string;
  /** Where the request came from, for security events (./security-log). */
  client?: ClientInfo;
}

export interface AuthenticatedUser extends Identity {
  sessionVersion: number;
}

/**
 * The id of a request (docs/governance-rules.md FRAME-2): a proxy's `x-request-id` when it sends a
 * sensible one, so its access log and our audit trail agree; otherwise a fresh one of our own.
 */
export function requestIdFrom(forwarded?: string | null): string {
  return forwarded && /^[\w.:-]{1,100}$/.test(forwarded) ? forwarded : randomUUID();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Verifying against a real hash when the email is unknown keeps the response time the same,
// so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-for-unknown-users");
  return decoyHash;
}

/** Why a password check failed, for the security log only: the person always sees one message. */
export type PasswordFailure = "unknown_account" | "wrong_password" | "inactive";

export type PasswordCheck =
  | { ok: true; user: AuthenticatedUser }
  | {
      ok: false;
      reason: PasswordFailure /** The account the email names, if any. */;
      accountId: string | null;
    };

/**
 * Checks an email and password, and writes nothing: signing in (./sessions startSession) and
 * recording a failure are the caller's, once every factor has been judged.
 */
export async function authenticateWithPassword(
  db: Db,
  email: string,
  password: string,
): Promise<PasswordCheck> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  if (!user) return { ok: false, reason: "unknown_account", accountId: null };
  if (!ok) return { ok: false, reason: "wrong_password", accountId: user.id };
  if (!user.active) return { ok: false, reason: "inactive", accountId: user.id };
  return {
    ok: true,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      discipline: user.discipline,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** Where a fault during sign-in is written: the server log, unless a test listens. */
export type SignInFaultLog = (message: string, error: unknown) => void;

/** The request a sign-in comes in: its id (FRAME-2) and where it came from (the security log). */
export interface SignInContext {
  requestId: string;
  client: ClientInfo;
}

/** A signed-in user and the session their token names (./sessions). */
export interface SignedInUser extends AuthenticatedUser {
  sessionId: string;
  sessionExpiresAt: Date;
}

/**
 * How a sign-in ended. "refused" is one answer for every wrong email, password or inactive account;
 * "throttled" says only how long to wait, for a known and an unknown email alike (./throttle).
 */
export type SignInResult =
  | { status: "signed_in"; user: SignedInUser }
  | { status: "refused" }
  | { status: "throttled"; retryAfterMinutes: number };

/**
 * next-auth's authorize() (issue #11). Input outside the limits in ./credentials (overlong, NUL) is
 * refused before the database is asked. A locked account or address is refused before the password
 * is checked (./throttle). A failure is counted against both and recorded (auth.sign_in_failed,
 * and auth.locked_out when it locks); a success clears the account's count and starts a session
 * (auth.sign_in). A fault while checking (the database unreachable, a timeout) never reaches the
 * caller: next-auth would pass its message to the browser, so it is logged here under a reference
 * and the person sees the usual "email or password is incorrect". `connect` is called inside the
 * guard, so even a missing database configuration is caught.
 */
export async function authorizeCredentials(
  connect: () => Db,
  credentials: unknown,
  context: SignInContext = { requestId: randomUUID(), client: UNKNOWN_CLIENT },
  log: SignInFaultLog = console.error,
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { status: "refused" };
  try {
    const db = connect();
    const email = normaliseEmail(parsed.data.email);
    const keys = { email, address: context.client.address };
    const wait = await lockedFor(db, keys);
    if (wait !== null) return { status: "throttled", retryAfterMinutes: wait };
    const check = await authenticateWithPassword(db, email, parsed.data.password);
    if (!check.ok) return await refuse(db, keys, email, check, context);
    // The second step (docs/security-mfa.md): an account with a factor signs in only with a fresh
    // code or an unused recovery code. No code yet is not a failure: the form asks for one. A wrong
    // one counts like a wrong password, so codes cannot be guessed faster than passwords.
    const factor = await checkSecondFactor(db, check.user.id, parsed.data.code, context);
    if (factor === "missing") throw new SecondFactorError("missing");
    if (factor === "rejected") {
      const failure = { ok: false as const, reason: "wrong_code" as const, accountId: check.user.id };
      const result = await refuse(db, keys, email, failure, context);
      if (result.status === "throttled") return result;
      throw new SecondFactorError("rejected");
    }
    await registerSuccess(db, keys);
    const session = await startSession(db, check.user.id, context);
    return {
      status: "signed_in",
      user: { ...check.user, sessionId: session.sessionId, sessionExpiresAt: session.expiresAt },
    };
  } catch (error) {
    // Not a fault: the form asks for the code, or says it was not accepted.
    if (error instanceof SecondFactorError) throw error;
    const reference = randomUUID().slice(0, 8).toUpperCase();
    log(`Sign-in failed unexpectedly [reference ${reference}, request ${context.requestId}]`, error);
    return { status: "refused" };
  }
}

/** A failed factor: counted against the account and the address, and recorded. */
async function refuse(
  db: Db,
  keys: { email: string; address: string | null },
  email: string,
  failure: SignInFailure,
  context: SignInContext,
): Promise<Extract<SignInResult, { status: "refused" | "throttled" }>> {
  const lockouts = await registerFailure(db, keys);
  await recordFailure(db, email, failure, lockouts, context);
  const locked = Math.max(0, ...lockouts.map((l) => l.minutes));
  return locked > 0 ? { status: "throttled", retryAfterMinutes: locked } : { status: "refused" };
}

/** A failed factor as the security log records it: a wrong code is recorded like a wrong password. */
type SignInFailure = { ok: false; reason: PasswordFailure | "wrong_code"; accountId: string | null };

/** auth.sign_in_failed, and an auth.locked_out for each lock the failure set, in one transaction. */
async function recordFailure(
  db: Db,
  email: string,
  check: SignInFailure,
  lockouts: Lockout[],
  context: SignInContext,
): Promise<void> {
  const base = { userId: check.accountId, requestId: context.requestId, client: context.client };
  await db.$transaction(async (tx) => {
    // A wrong code is already recorded as auth.mfa_challenge_failed (./mfa checkSecondFactor).
    if (check.reason !== "wrong_code") {
      await recordSecurityEvent(tx, {
        ...base,
        action: "auth.sign_in_failed",
        detail: { email, reason: check.reason },
      });
    }
    for (const lockout of lockouts) {
      await recordSecurityEvent(tx, {
        ...base,
        action: "auth.locked_out",
        detail: {
          email,
          by: lockout.kind,
          address: lockout.kind === "address" ? context.client.address : null,
          failures: lockout.failures,
          minutes: lockout.minutes,
        },
      });
    }
  });
}

/**
 * The acting user by account alone, for work that no session token starts (scripts, tests): null
 * when the user no longer exists, has been deactivated, or has had their sessions ended
 * (sessionVersion bumped) since `sessionVersion` was read. Requests go through ./sessions
 * checkSession, which also checks the session itself.
 */
export async function loadActor(
  db: DbTx,
  userId: string,
  sessionVersion: number,
  requestId: string = randomUUID(),
): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      discipline: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
      mfaEnabledAt: true,
    },
  });
  if (!user?.active || user.sessionVersion !== sessionVersion) return null;
  // A step still owed after signing in (a new password, a second factor) opens only its own pages
  // (src/lib/auth/sign-in-session.ts); every other page and action sees no signed-in user.
  if (await signInStepOwed(db, user)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    discipline: user.discipline,
    requestId,
  };
}
