"use client";
import { resetMfaAction } from "@/app/(app)/admin/users/[id]/mfa-actions";
import { ActionForm } from "@/components/forms/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { userRefSchema } from "@/lib/schemas/users";

export function MfaResetForm({ user }: { user: { id: string; name: string; version: number } }) {
  return (
    <Disclosure summary="Reset two-step sign-in">
      <p className="mb-3 text-sm text-slate-700">
        Only when {user.name} has lost both their authenticator and their recovery codes, and you have checked
        it is really them. Their sessions end at once.
      </p>
      <ActionForm
        key={user.version}
        action={resetMfaAction}
        schema={userRefSchema}
        hidden={{ userId: user.id, version: user.version }}
        submitLabel="Reset two-step sign-in"
        submitVariant="danger"
        pendingLabel="Resetting…"
        refusalTitle="Cannot reset"
        label={`Reset the two-step sign-in of ${user.name}`}
      />
    </Disclosure>
  );
}
