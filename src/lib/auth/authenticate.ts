// Credential checks and the per-request session re-check, kept free of Next.js so tests can run
// them against a real database with any user.
import { randomUUID } from "node:crypto";
import type { Discipline, Role } from "@/generated/prisma/enums";
import type { Db, DbTx } from "@/lib/db/client";
import { credentialsSchema } from "./credentials";
import { checkSecondFactor, SecondFactorError, signInStepOwed } from "./mfa";
import { hashPassword, verifyPassword } from "./password";

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

/**
 * The user for a correct email and password of an active account; null for anything else. The
 * sign-in's audit event carries `requestId` like every other (docs/governance-rules.md FRAME-2).
 */
export async function authenticateWithPassword(
  db: Db,
  email: string,
  password: string,
  requestId: string = randomUUID(),
  code?: string,
): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  if (!user || !ok || !user.active) return null;
  await requireSecondFactor(db, user.id, code, requestId);
  const at = new Date();
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: at } }),
    db.auditEvent.create({
      data: {
        at,
        actorId: user.id,
        action: "auth.sign_in",
        entityType: "User",
        entityId: user.id,
        requestId,
      },
    }),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    discipline: user.discipline,
    sessionVersion: user.sessionVersion,
  };
}

/**
 * The second sign-in step (docs/security-mfa.md), after a correct password: an account with a
 * second factor signs in only with a fresh code or an unused recovery code. Missing or wrong, it
 * throws SecondFactorError, which authorizeCredentials lets through to the sign-in form.
 */
async function requireSecondFactor(db: Db, userId: string, code: string | undefined, requestId: string) {
  const outcome = await checkSecondFactor(db, userId, code, { requestId });
  if (outcome === "missing" || outcome === "rejected") throw new SecondFactorError(outcome);
}

/** Where a fault during sign-in is written: the server log, unless a test listens. */
export type SignInFaultLog = (message: string, error: unknown) => void;

/**
 * next-auth's authorize() (issue #11): the user for valid credentials, null for anything else.
 * Input outside the limits in ./credentials (overlong, NUL) is refused before the database is
 * asked. A fault while checking (the database unreachable, a timeout) never reaches the caller:
 * next-auth would pass its message to the browser, so it is logged here under a reference and the
 * person sees the usual "email or password is incorrect". `connect` is called inside the guard, so
 * even a missing database configuration is caught.
 */
export async function authorizeCredentials(
  connect: () => Db,
  credentials: unknown,
  requestId: string = randomUUID(),
  log: SignInFaultLog = console.error,
): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  try {
    const { email, password, code } = parsed.data;
    return await authenticateWithPassword(connect(), email, password, requestId, code);
  } catch (error) {
    // Not a fault: the form asks for the code, or says it was not accepted.
    if (error instanceof SecondFactorError) throw error;
    const reference = randomUUID().slice(0, 8).toUpperCase();
    log(`Sign-in failed unexpectedly [reference ${reference}, request ${requestId}]`, error);
    return null;
  }
}

/**
 * The acting user for a session, re-read on every request: null when the user no longer exists,
 * has been deactivated, or has had their sessions ended (password reset) since signing in.
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
