// The second sign-in factor against the database (docs/security-mfa.md): starting and confirming an
// enrolment, checking a code or recovery code at sign-in, replacing recovery codes, switching it
// off. Free of Next.js (like ./authenticate), so the sign-in, the operations in
// src/lib/server/operations/account.ts, the tests and the browser tests' server all use these same
// functions. Each write that is a security event records it in the same transaction.
import type { Role } from "@/generated/prisma/enums";
import type { Db, DbTx } from "@/lib/db/client";
import { mfaRequired, pendingSignInStep, type SignInStep } from "@/lib/domain/mfa-policy";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { type ClientInfo, recordSecurityEvent, UNKNOWN_CLIENT } from "./security-log";
import { decryptTotpSecret, encryptTotpSecret, matchTotpStep, newTotpSecret, totpUri } from "./totp";

export interface SecurityContext {
  requestId: string;
  client?: ClientInfo;
}

/** Whether the organisation asks every account for a second factor (not only admins and executives). */
export async function mfaRequiredForAll(tx: DbTx): Promise<boolean> {
  const organisation = await tx.organisation.findUnique({
    where: { id: 1 },
    select: { mfaRequiredForAll: true },
  });
  return organisation?.mfaRequiredForAll ?? false;
}

/** Whether this account must have a second factor; the organisation is asked only when it matters. */
export async function accountNeedsMfa(tx: DbTx, role: Role): Promise<boolean> {
  return mfaRequired(role, false) || mfaRequired(role, await mfaRequiredForAll(tx));
}

export interface SignInStepFacts {
  role: Role;
  mustChangePassword: boolean;
  mfaEnabledAt: Date | null;
}

/**
 * What this signed-in account still owes before any other page or action (domain/mfa-policy
 * pendingSignInStep): read on every request, so an admin's reset or the organisation's new
 * requirement applies at once. The session check reads the organisation's setting in its own
 * statement and passes it (`requiredForAll`); without it, the organisation is asked only when it
 * matters.
 */
export async function signInStepOwed(
  tx: DbTx,
  user: SignInStepFacts,
  requiredForAll?: boolean,
): Promise<SignInStep | null> {
  const account = {
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    mfaEnabled: !!user.mfaEnabledAt,
  };
  if (requiredForAll !== undefined) return pendingSignInStep(account, requiredForAll);
  const step = pendingSignInStep(account, false);
  if (step || account.mfaEnabled) return step;
  return pendingSignInStep(account, await mfaRequiredForAll(tx));
}

export interface EnrolmentStart {
  /** Base32, shown as text for those who cannot scan the QR code. */
  secret: string;
  /** The otpauth:// address the QR code carries. */
  uri: string;
}

/**
 * A fresh secret for the person to add to their authenticator app, kept encrypted as pending until
 * they prove it works with a code. Starting again replaces it; an enabled factor stays as it is.
 */
export async function startMfaEnrolment(
  tx: DbTx,
  user: { id: string; email: string },
): Promise<EnrolmentStart> {
  const secret = newTotpSecret();
  await tx.user.update({ where: { id: user.id }, data: { mfaPendingSecret: encryptTotpSecret(secret) } });
  return { secret, uri: totpUri(secret, user.email) };
}

/** The pending enrolment's secret, to show it again (a page reload); null when none is pending. */
export async function pendingEnrolment(tx: DbTx, userId: string): Promise<EnrolmentStart | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { email: true, mfaPendingSecret: true },
  });
  if (!user?.mfaPendingSecret) return null;
  const secret = decryptTotpSecret(user.mfaPendingSecret);
  return { secret, uri: totpUri(secret, user.email) };
}

export type EnrolmentOutcome =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: "not_started" | "wrong_code" };

/**
 * Confirms the pending secret with a code from the app: the factor is switched on (replacing any
 * earlier one), the code's time step is remembered so it cannot be used again to sign in, and ten
 * new recovery codes replace any old ones. The codes are returned once, to be shown once.
 */
export async function confirmMfaEnrolment(
  tx: DbTx,
  userId: string,
  code: string,
  context: SecurityContext,
  at: number = Date.now(),
): Promise<EnrolmentOutcome> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { mfaPendingSecret: true } });
  if (!user?.mfaPendingSecret) return { ok: false, reason: "not_started" };
  const step = matchTotpStep(decryptTotpSecret(user.mfaPendingSecret), code, null, at);
  if (step === null) return { ok: false, reason: "wrong_code" };
  await tx.user.update({
    where: { id: userId },
    data: {
      mfaSecret: user.mfaPendingSecret,
      mfaPendingSecret: null,
      mfaEnabledAt: new Date(at),
      mfaLastStep: step,
    },
  });
  const recoveryCodes = await replaceRecoveryCodes(tx, userId);
  await recordSecurityEvent(tx, {
    action: "auth.mfa_enrolled",
    userId,
    requestId: context.requestId,
    client: context.client ?? UNKNOWN_CLIENT,
  });
  return { ok: true, recoveryCodes };
}

/** Ten new recovery codes; every earlier one, used or not, stops working. */
export async function replaceRecoveryCodes(tx: DbTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/** Switches the factor off and removes its secret and recovery codes (own choice or an admin's reset). */
export async function clearMfa(tx: DbTx, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null },
  });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}

/** How many unused recovery codes an account has left. */
export function unusedRecoveryCodes(tx: DbTx, userId: string): Promise<number> {
  return tx.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
}

export type SecondFactorOutcome = "not_enrolled" | "passed" | "missing" | "rejected";

/**
 * The second step of signing in, once the password was right. An account without a factor passes
 * through (whether it must enrol is decided after sign-in: pendingSignInStep). Otherwise `code` is
 * a six-digit code for a time step after the last one accepted, or an unused recovery code. Both
 * are claimed with one conditional UPDATE, so two requests racing with the same code cannot both
 * pass. A wrong code is recorded (auth.mfa_challenge_failed), a recovery code used likewise.
 */
export async function checkSecondFactor(
  db: Db,
  userId: string,
  code: string | undefined,
  context: SecurityContext,
  at: number = Date.now(),
): Promise<SecondFactorOutcome> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { mfaSecret: true, mfaEnabledAt: true, mfaLastStep: true },
  });
  if (!user?.mfaSecret || !user.mfaEnabledAt) return "not_enrolled";
  const typed = code?.trim() ?? "";
  if (!typed) return "missing";
  const client = context.client ?? UNKNOWN_CLIENT;

  const step = matchTotpStep(decryptTotpSecret(user.mfaSecret), typed, user.mfaLastStep, at);
  if (step !== null) {
    const claimed = await db.$executeRaw`
      UPDATE "User" SET "mfaLastStep" = ${step}
      WHERE "id" = ${userId} AND ("mfaLastStep" IS NULL OR "mfaLastStep" < ${step})`;
    if (claimed === 1) return "passed";
  } else if (looksLikeRecoveryCode(typed)) {
    const usedAt = new Date(at);
    const passed = await db.$transaction(async (tx) => {
      const claimed = await tx.mfaRecoveryCode.updateMany({
        where: { userId, codeHash: hashRecoveryCode(typed), usedAt: null },
        data: { usedAt },
      });
      if (claimed.count !== 1) return false;
      const left = await unusedRecoveryCodes(tx, userId);
      await recordSecurityEvent(tx, {
        action: "auth.mfa_recovery_code_used",
        userId,
        requestId: context.requestId,
        client,
        detail: { recoveryCodesLeft: left },
      });
      return true;
    });
    if (passed) return "passed";
  }
  await recordSecurityEvent(db, {
    action: "auth.mfa_challenge_failed",
    userId,
    requestId: context.requestId,
    client,
  });
  return "rejected";
}

/**
 * Thrown from the credentials check when the password was right but the second factor is missing
 * or wrong. It is the one error that reaches next-auth (which hands its message to the sign-in
 * form as `error`): the form then asks for the code, or says the code was not accepted.
 */
export class SecondFactorError extends Error {
  static readonly REQUIRED = "MFA_CODE_REQUIRED";
  static readonly REJECTED = "MFA_CODE_REJECTED";
  constructor(outcome: "missing" | "rejected") {
    super(outcome === "missing" ? SecondFactorError.REQUIRED : SecondFactorError.REJECTED);
    this.name = "SecondFactorError";
  }
}

/** Where each step a signed-in person still owes is taken. */
export const SIGN_IN_STEP_PATH: Readonly<Record<SignInStep, string>> = {
  change_password: "/signin/password",
  enrol_mfa: "/signin/enrol",
};
