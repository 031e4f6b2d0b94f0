import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminSessionsControl } from "@/components/admin/admin-sessions-control";
import {
  ChangeRoleForm,
  DeactivateForm,
  ReactivateForm,
  ResetPasswordForm,
  SroEligibilityForm,
} from "@/components/admin/user-account-forms";
import { RaciRole } from "@/components/projects/raci-role";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { getUserDetail } from "@/lib/server/users";
import { MfaResetSection } from "./mfa-section";

export const metadata: Metadata = { title: "Manage user" };

// What each audited change to an account is called on the page.
const CHANGE_LABEL: Record<string, string> = {
  "user.create": "Account created",
  "user.change_role": "Role or discipline changed",
  "user.set_sro_eligibility": "SRO eligibility changed",
  "user.reset_password": "Password reset; their sessions ended",
  "user.deactivate": "Deactivated; their sessions ended",
  "user.reactivate": "Reactivated",
};

const linkClass = "font-medium text-teal-800 underline-offset-2 hover:underline";

export default async function ManageUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("admin-users");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [clock, user] = await Promise.all([getClock(), getUserDetail(id.data)]);
  if (!user) notFound();
  const ref = { id: user.id, name: user.name, version: user.version };
  const isSelf = user.id === actor.id;
  // A viewer or an administrator is never marked (docs/governance-rules.md ACC-1); a mark they
  // still carry may be cleared.
  const mayBeMarked = user.sroEligible || (user.role !== "VIEWER" && user.role !== "ADMIN");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className={linkClass}>
          ← All users
        </Link>
      </p>
      <PageHeader title={user.name} description={[user.jobTitle, user.email].filter(Boolean).join(" · ")}>
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{ROLE_LABEL[user.role]}</Badge>
          <Badge>{DISCIPLINE_LABEL[user.discipline]} discipline</Badge>
          {user.sroEligible ? <Badge tone="info">SRO-eligible</Badge> : null}
          {user.active ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Deactivated</Badge>}
        </div>
      </PageHeader>

      <Section
        id="holdings"
        title="What they hold"
        description="A change that would leave a live project without its Accountable, its only Responsible or its clinical champion is refused: hand these over first."
      >
        <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr]">
          <div>
            <dt className="font-medium text-slate-700">Live projects</dt>
            <dd className="mt-1 text-slate-900">
              {user.liveLetters.length === 0 ? (
                <span className="text-slate-600">None</span>
              ) : (
                <ul className="space-y-1">
                  {user.liveLetters.map((l) => (
                    <li key={`${l.code}-${l.letter}`}>
                      <Link href={`/projects/${encodeURIComponent(l.code)}/team`} className={linkClass}>
                        {l.code}
                      </Link>{" "}
                      {l.name} · <RaciRole letter={l.letter} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">Open objectives they own</dt>
            <dd className="mt-1 text-slate-900">
              {user.ownedObjectives.length === 0 ? (
                <span className="text-slate-600">None</span>
              ) : (
                <ul className="space-y-1">
                  {user.ownedObjectives.map((o) => (
                    <li key={o.code}>
                      {o.code} {o.title}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">Executive on duty</dt>
            <dd className="mt-1 text-slate-900">
              {user.onDuty ? (
                <>
                  Yes ·{" "}
                  <Link href="/admin/settings" className={linkClass}>
                    choose another in Settings
                  </Link>
                </>
              ) : (
                "No"
              )}
            </dd>
            <dt className="mt-3 font-medium text-slate-700">Last sign-in</dt>
            <dd className="mt-1 text-slate-900">
              {user.lastSignInAt ? formatDateTime(user.lastSignInAt, clock.timeZone) : "Never"}
            </dd>
          </div>
        </dl>
      </Section>

      <Section id="role" title="Role and discipline">
        <Disclosure summary="Change role or discipline">
          <ChangeRoleForm user={ref} role={user.role} discipline={user.discipline} />
        </Disclosure>
      </Section>

      {mayBeMarked ? (
        <Section
          id="sro"
          title="SRO eligibility"
          description={
            user.sroEligible
              ? `${user.name} may be a project's Accountable without being an executive.`
              : `${user.name} is not marked: only an executive or a marked colleague may be a project's Accountable.`
          }
        >
          <Disclosure summary="Change SRO eligibility">
            <SroEligibilityForm user={ref} sroEligible={user.sroEligible} />
          </Disclosure>
        </Section>
      ) : null}

      <Section id="password" title="Password">
        <Disclosure summary="Reset password">
          <ResetPasswordForm user={ref} />
        </Disclosure>
      </Section>
      <MfaResetSection user={ref} isSelf={isSelf} timeZone={clock.timeZone} />

      <Section id="sessions" title="Sessions">
        <AdminSessionsControl user={ref} />
      </Section>
      <Section id="account" title="Account">
        {isSelf ? (
          <p className="text-sm text-slate-700">
            This is your own account. Another administrator can deactivate it or change its role.
          </p>
        ) : user.active ? (
          <Disclosure summary="Deactivate">
            <DeactivateForm user={ref} />
          </Disclosure>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">{user.name} is deactivated and cannot sign in.</p>
            <Disclosure summary="Reactivate">
              <ReactivateForm user={ref} />
            </Disclosure>
          </>
        )}
      </Section>
      <Section
        id="changes"
        title="Recent changes"
        description="The latest changes to this account, newest first, as the audit trail keeps them."
      >
        {user.recentChanges.length === 0 ? (
          <p className="text-sm text-slate-600">No changes since the account was set up.</p>
        ) : (
          <ol className="space-y-1 text-sm text-slate-800">
            {user.recentChanges.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{CHANGE_LABEL[c.action] ?? c.action}</span>
                <span className="text-slate-600">
                  {" "}
                  · {formatDateTime(c.at, clock.timeZone)}
                  {c.by ? ` · by ${c.by}` : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
