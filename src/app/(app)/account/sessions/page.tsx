import type { Metadata } from "next";
import { SessionsList } from "@/components/account/sessions-list";
import { SignOutEverywhereForm } from "@/components/account/sessions-sign-out-everywhere";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ACTIVE_SESSIONS_SHOWN } from "@/lib/auth/sessions";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { getMySessions } from "@/lib/server/sessions";

export const metadata: Metadata = { title: "Your sessions" };

export default async function SessionsPage() {
  const actor = await requirePageActor("account-sessions");
  const [clock, { sessions, total }] = await Promise.all([getClock(), getMySessions(actor)]);
  return (
    <>
      <PageHeader
        title="Your sessions"
        description="Everywhere you are signed in. A session ends when you sign out, after a spell without use, and at the latest at the time shown."
      />
      <Section id="sessions" title={total === 1 ? "1 session" : `${total} sessions`}>
        <SessionsList sessions={sessions} timeZone={clock.timeZone} />
        {total > ACTIVE_SESSIONS_SHOWN ? (
          <p className="mt-2 text-sm text-slate-600">
            The {ACTIVE_SESSIONS_SHOWN} most recently used are shown. Sign out everywhere to end them all.
          </p>
        ) : null}
      </Section>
      <Section
        id="everywhere"
        title="Sign out everywhere"
        description="If you signed in on a shared or lost device, or see a session you do not recognise."
      >
        <SignOutEverywhereForm />
      </Section>
    </>
  );
}
