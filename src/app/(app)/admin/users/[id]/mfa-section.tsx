// An admin's view of someone's two-step sign-in, with the reset for when they have lost their
// authenticator and their recovery codes (docs/security-mfa.md). Never offered on one's own account.
// Beside its page rather than in src/components because it reads the account itself.

import { MfaResetForm } from "@/components/admin/mfa-reset-form";
import { formatDateTime } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { getAccountSecurity } from "@/lib/server/account-security";

export async function MfaResetSection({
  user,
  isSelf,
  timeZone,
}: {
  user: { id: string; name: string; version: number };
  isSelf: boolean;
  timeZone: string;
}) {
  const security = await getAccountSecurity(user.id);
  if (!security) return null;
  const status = security.mfaEnabledAt
    ? `On since ${formatDateTime(security.mfaEnabledAt.toISOString(), timeZone)}; ${security.recoveryCodesLeft} recovery codes left.`
    : security.mfaRequired
      ? "Not set up yet: required, so they set it up at their next sign-in."
      : "Off (optional for this role).";
  return (
    <Section id="mfa" title="Two-step sign-in" description={status}>
      {isSelf ? (
        <p className="text-sm text-slate-700">
          This is your own account: another administrator can reset it.
        </p>
      ) : security.mfaEnabledAt ? (
        <MfaResetForm user={user} />
      ) : null}
    </Section>
  );
}
