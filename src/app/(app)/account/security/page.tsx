import type { Metadata } from "next";
import { DisableMfaForm, RegenerateRecoveryCodesForm } from "@/components/account/mfa-manage-forms";
import { MfaSetup } from "@/components/account/mfa-setup";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { pendingEnrolment } from "@/lib/auth/mfa";
import { qrDataUrl } from "@/lib/auth/qr";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getAccountSecurity } from "@/lib/server/account-security";
import { getClock } from "@/lib/server/organisation";
import { beginMfaEnrolmentAction, confirmMfaAction } from "./actions";

export const metadata: Metadata = { title: "Two-step sign-in · Throughline" };

export default async function AccountSecurityPage() {
  const actor = await requireActor();
  const [security, clock] = await Promise.all([getAccountSecurity(actor.id), getClock()]);
  const enabled = !!security?.mfaEnabledAt;
  const pending = enabled ? null : await pendingEnrolment(db(), actor.id);
  return (
    <>
      <PageHeader
        title="Two-step sign-in"
        description="After your password, Throughline asks for a code from an authenticator app on your phone, so a stolen password alone does not open your account."
      />
      <Section
        id="status"
        title={enabled ? "On" : "Off"}
        description={
          enabled && security?.mfaEnabledAt
            ? `On since ${formatDateTime(security.mfaEnabledAt.toISOString(), clock.timeZone)}. ${security.recoveryCodesLeft} of 10 recovery codes left.`
            : security?.mfaRequired
              ? "Your account requires it."
              : "Optional for your account."
        }
      >
        <div className="max-w-lg">
          <MfaSetup
            enrolment={pending ? { secret: pending.secret, qrDataUrl: await qrDataUrl(pending.uri) } : null}
            enabled={enabled}
            confirmAction={confirmMfaAction}
            startAction={beginMfaEnrolmentAction}
          />
        </div>
      </Section>
      {enabled ? (
        <Section
          id="recovery"
          title="Recovery codes"
          description="Each signs you in once if you lose your phone. Making new ones stops the old ones working."
        >
          <div className="max-w-md">
            <RegenerateRecoveryCodesForm />
          </div>
        </Section>
      ) : null}
      {enabled && !security?.mfaRequired ? (
        <Section id="off" title="Turn off" description="You will sign in with your password alone.">
          <div className="max-w-md">
            <DisableMfaForm />
          </div>
        </Section>
      ) : null}
    </>
  );
}
