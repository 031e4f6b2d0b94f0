"use client";
// Ends every session of one's own account, this one included (docs/security-sessions.md).
import { signOutEverywhereAction } from "@/app/(app)/account/sessions/actions";
import { ActionForm } from "@/components/forms/action-form";

export function SignOutEverywhereForm() {
  return (
    <ActionForm
      action={signOutEverywhereAction}
      submitLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      submitVariant="danger"
      refusalTitle="Could not sign out everywhere"
      label="Sign out everywhere"
    >
      <p className="text-sm text-slate-700">
        Ends every session listed above, on every device, this one included. You will sign in again here.
      </p>
    </ActionForm>
  );
}
