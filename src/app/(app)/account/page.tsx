import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/domain/labels";
import { getAccountSecurity } from "@/lib/server/account-security";
import { getClock } from "@/lib/server/organisation";

export const metadata: Metadata = { title: "Your account · Throughline" };

export default async function AccountPage() {
  const actor = await requireActor();
  const [security, clock] = await Promise.all([getAccountSecurity(actor.id), getClock()]);
  return (
    <>
      <PageHeader
        title="Your account"
        description={`${actor.name} · ${actor.email} · ${ROLE_LABEL[actor.role]}`}
      />
      <Section
        id="mfa"
        title="Two-step sign-in"
        description={
          security?.mfaEnabledAt
            ? `On since ${formatDateTime(security.mfaEnabledAt.toISOString(), clock.timeZone)}.`
            : security?.mfaRequired
              ? "Required for your account."
              : "Off. Turn it on to protect your account with a code from your phone."
        }
      >
        <Link href="/account/security" className="text-sm font-medium text-teal-800 underline">
          Manage two-step sign-in
        </Link>
      </Section>
      <Section
        id="password"
        title="Password"
        description={
          security?.passwordChangedAt
            ? `Last changed ${formatDateTime(security.passwordChangedAt.toISOString(), clock.timeZone)}.`
            : "Set when your account was created."
        }
      >
        <Link href="/account/password" className="text-sm font-medium text-teal-800 underline">
          Change your password
        </Link>
      </Section>
    </>
  );
}
