import "server-only";
// A person's own account (docs/security-mfa.md): setting up, confirming and (where allowed)
// switching off the second sign-in factor, replacing recovery codes, and changing their password.
// Each takes the signed-in person as actor: the steps owed at sign-in (src/lib/auth/sign-in-session)
// call the same operations. Every change records its security event in the same transaction.
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import {
  clearMfa,
  confirmMfaEnrolment,
  type EnrolmentStart,
  mfaRequiredForAll,
  replaceRecoveryCodes,
  startMfaEnrolment,
} from "@/lib/auth/mfa";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordPolicyViolations } from "@/lib/auth/password-policy";
import { type ClientInfo, recordSecurityEvent, UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { canDisableOwnMfa } from "@/lib/domain/mfa-policy";
import { PASSWORD_VIOLATION } from "@/lib/domain/password-policy";
import {
  changePasswordSchema,
  choosePasswordSchema,
  confirmWithPasswordSchema,
  mfaCodeSchema,
} from "@/lib/schemas/account";
import { invalid, notFound, OperationError, refuse } from "./errors";
import { parseInput, runOperation } from "./run";

/** The security context of the request acting (the client is known to actions, not to tests). */
export interface AccountRequest {
  client?: ClientInfo;
}

const WRONG_PASSWORD = invalid({ currentPassword: ["That is not your current password"] });

async function checkCurrentPassword(userId: string, password: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, password))) throw WRONG_PASSWORD;
}

/** A fresh secret to scan; replaces any enrolment not yet confirmed. */
export function beginMfaEnrolment(actor: Actor): Promise<ActionResult<EnrolmentStart>> {
  return runOperation(
    actor,
    () => startMfaEnrolment(db(), actor),
    "Scan the code with your authenticator app.",
  );
}

/** Switches the factor on with a code from the app; returns the ten recovery codes, shown once. */
export function confirmMfa(
  actor: Actor,
  input: unknown,
  request: AccountRequest = {},
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runOperation(
    actor,
    async () => {
      const { code } = parseInput(mfaCodeSchema, input);
      const outcome = await db().$transaction((tx) =>
        confirmMfaEnrolment(tx, actor.id, code, { requestId: actor.requestId, client: request.client }),
      );
      if (!outcome.ok) {
        if (outcome.reason === "not_started") {
          throw new OperationError(
            "CONFLICT",
            "Start setting up again: no code was waiting to be confirmed.",
          );
        }
        throw invalid({
          code: [
            "That code is not right. Check the app shows Throughline and that your phone's clock is correct",
          ],
        });
      }
      return { recoveryCodes: outcome.recoveryCodes };
    },
    "Two-step sign-in is on.",
  );
}

/** Ten new recovery codes (the old ones stop working), after the password is given again. */
export function regenerateRecoveryCodes(
  actor: Actor,
  input: unknown,
  request: AccountRequest = {},
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runOperation(
    actor,
    async () => {
      const { currentPassword } = parseInput(confirmWithPasswordSchema, input);
      await checkCurrentPassword(actor.id, currentPassword);
      const recoveryCodes = await db().$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: actor.id }, select: { mfaEnabledAt: true } });
        if (!user?.mfaEnabledAt)
          throw new OperationError("RULE", "Two-step sign-in is not on for your account.");
        const codes = await replaceRecoveryCodes(tx, actor.id);
        await recordSecurityEvent(tx, {
          action: "auth.mfa_enrolled",
          userId: actor.id,
          requestId: actor.requestId,
          client: request.client ?? UNKNOWN_CLIENT,
          detail: { recoveryCodesReplaced: true },
        });
        return codes;
      });
      return { recoveryCodes };
    },
    "New recovery codes made. The old ones no longer work.",
  );
}

/** Switches the factor off, only for someone whom neither their role nor the organisation requires it of. */
export function disableMfa(
  actor: Actor,
  input: unknown,
  request: AccountRequest = {},
): Promise<ActionResult> {
  return runOperation(
    actor,
    async () => {
      const { currentPassword } = parseInput(confirmWithPasswordSchema, input);
      await checkCurrentPassword(actor.id, currentPassword);
      await db().$transaction(async (tx) => {
        if (!canDisableOwnMfa(actor.role, await mfaRequiredForAll(tx))) {
          throw refuse([
            {
              code: "MFA_REQUIRED",
              message:
                "Your role (or your organisation) requires two-step sign-in, so it cannot be switched off. An admin can reset it if you lose your authenticator",
            },
          ]);
        }
        await clearMfa(tx, actor.id);
        await recordSecurityEvent(tx, {
          action: "auth.mfa_reset",
          userId: actor.id,
          requestId: actor.requestId,
          client: request.client ?? UNKNOWN_CLIENT,
          detail: { by: "account holder" },
        });
      });
    },
    "Two-step sign-in is off.",
  );
}

export interface PasswordChanged {
  /** How many other sessions of the account ended. */
  sessionsEnded: number;
}

/**
 * A new password of the person's own choosing. With `currentPassword` (the account page) the old
 * one is checked first; without it (the step owed at sign-in after an admin chose the password,
 * schema choosePasswordSchema) the sign-in just made stands for it. Every other session ends
 * (docs/security-sessions.md revokeAllSessions); the one making the change stays signed in.
 */
export function changePassword(
  actor: Actor,
  input: unknown,
  request: AccountRequest & { atSignIn?: boolean } = {},
): Promise<ActionResult<PasswordChanged>> {
  return runOperation(
    actor,
    async () => {
      const data = request.atSignIn
        ? { ...parseInput(choosePasswordSchema, input), currentPassword: undefined }
        : parseInput(changePasswordSchema, input);
      const user = await db().user.findUnique({
        where: { id: actor.id },
        select: { name: true, email: true, passwordHash: true, mustChangePassword: true },
      });
      if (!user) throw notFound("Your account");
      if (request.atSignIn && !user.mustChangePassword) {
        throw new OperationError("CONFLICT", "Your password was already changed. Go on to Throughline.");
      }
      if (
        data.currentPassword !== undefined &&
        !(await verifyPassword(user.passwordHash, data.currentPassword))
      ) {
        throw WRONG_PASSWORD;
      }
      const violations = passwordPolicyViolations(data.newPassword, user, "newPassword");
      if (await verifyPassword(user.passwordHash, data.newPassword)) {
        violations.push({
          code: PASSWORD_VIOLATION.unchanged,
          field: "newPassword",
          message: "Choose a password different from the one you have now",
        });
      }
      if (violations.length) throw refuse(violations);
      const passwordHash = await hashPassword(data.newPassword);
      return db().$transaction(async (tx) => {
        await tx.user.update({
          where: { id: actor.id },
          data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
        });
        const client = request.client ?? actor.client ?? UNKNOWN_CLIENT;
        await recordSecurityEvent(tx, {
          action: "auth.password_changed",
          userId: actor.id,
          requestId: actor.requestId,
          client,
          detail: { by: "account holder", otherSessionsEnded: true },
        });
        const sessionsEnded = await revokeAllSessions(tx, actor.id, "password_changed", {
          requestId: actor.requestId,
          client,
          exceptSessionId: actor.sessionId,
        });
        return { sessionsEnded };
      });
    },
    "Password changed. You were signed out everywhere else.",
  );
}
