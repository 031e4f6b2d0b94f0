// Who must sign in with a second factor, and what a signed-in person must do before anything else
// (docs/security-mfa.md). Pure: the caller passes the account and the organisation's setting.
//
// Admins hold every account and executives decide stage gates and baselines, so both always need a
// second factor; everyone else may add one, and the organisation can require it of everyone.
import type { Role } from "./vocabulary";

export const MFA_REQUIRED_ROLES: readonly Role[] = ["ADMIN", "EXECUTIVE"];

export function mfaRequired(role: Role, requiredForAll: boolean): boolean {
  return requiredForAll || MFA_REQUIRED_ROLES.includes(role);
}

/**
 * What a signed-in person must do before any other page or action: choose their own password when
 * an admin chose it (first, so the account is theirs alone before a factor is bound to it), then
 * set up a second factor when they must have one and have none.
 */
export type SignInStep = "change_password" | "enrol_mfa";

export interface SignInStepAccount {
  role: Role;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
}

export function pendingSignInStep(account: SignInStepAccount, requiredForAll: boolean): SignInStep | null {
  if (account.mustChangePassword) return "change_password";
  if (!account.mfaEnabled && mfaRequired(account.role, requiredForAll)) return "enrol_mfa";
  return null;
}

/** Whether a person may switch their second factor off themselves: only when nobody requires it. */
export function canDisableOwnMfa(role: Role, requiredForAll: boolean): boolean {
  return !mfaRequired(role, requiredForAll);
}
