import "server-only";
// What the account pages and the admin's user page show about a person's sign-in protection.
import { db } from "@/lib/db/client";
import { mfaRequired } from "@/lib/domain/mfa-policy";
import type { Role } from "@/lib/domain/vocabulary";

export interface AccountSecurity {
  mfaEnabledAt: Date | null;
  mfaRequired: boolean;
  recoveryCodesLeft: number;
  passwordChangedAt: Date | null;
  mustChangePassword: boolean;
}

export async function getAccountSecurity(userId: string): Promise<AccountSecurity | null> {
  const [user, organisation, recoveryCodesLeft] = await Promise.all([
    db().user.findUnique({
      where: { id: userId },
      select: { role: true, mfaEnabledAt: true, passwordChangedAt: true, mustChangePassword: true },
    }),
    db().organisation.findUnique({ where: { id: 1 }, select: { mfaRequiredForAll: true } }),
    db().mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  if (!user) return null;
  return {
    mfaEnabledAt: user.mfaEnabledAt,
    mfaRequired: mfaRequired(user.role as Role, organisation?.mfaRequiredForAll ?? false),
    recoveryCodesLeft,
    passwordChangedAt: user.passwordChangedAt,
    mustChangePassword: user.mustChangePassword,
  };
}
