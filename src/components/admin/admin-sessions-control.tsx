"use client";
// An admin ends every session of someone's account: a lost laptop, a shared login, a suspected
// misuse (docs/security-sessions.md). Audited as auth.sessions_revoked, in the admin's name.
import { endUserSessionsAction } from "@/app/(app)/account/sessions/actions";
import { ActionForm } from "@/components/forms/action-form";

export function AdminSessionsControl({ user }: { user: { id: string; name: string } }) {
  return (
    <ActionForm
      action={endUserSessionsAction}
      hidden={{ userId: user.id }}
      submitLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      submitVariant="danger"
      refusalTitle="Could not end their sessions"
      label={`Sign ${user.name} out everywhere`}
    >
      <p className="text-sm text-slate-700">
        Ends every session of {user.name}, on every device, from their next click. They can sign in again with
        their password.
      </p>
    </ActionForm>
  );
}
