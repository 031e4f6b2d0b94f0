"use client";
// Looking after two-step sign-in once it is on: new recovery codes (the old ones stop working) and,
// for those whom nobody requires it of, switching it off. Both ask for the password again.
import { useState } from "react";
import { disableMfaAction, regenerateRecoveryCodesAction } from "@/app/(app)/account/security/actions";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { confirmWithPasswordSchema } from "@/lib/schemas/account";

export function RegenerateRecoveryCodesForm() {
  const [codes, setCodes] = useState<string[] | null>(null);
  const action: FormAction = async (state, form) => {
    const result = await regenerateRecoveryCodesAction(state, form);
    if (result.ok) setCodes((result.data as { recoveryCodes: string[] }).recoveryCodes);
    return result;
  };
  return (
    <div className="space-y-3">
      <ActionForm
        action={action}
        schema={confirmWithPasswordSchema}
        submitLabel="Make new recovery codes"
        pendingLabel="Making…"
        label="Make new recovery codes"
      >
        <TextField
          name="currentPassword"
          label="Your password"
          type="password"
          autoComplete="current-password"
        />
      </ActionForm>
      {codes ? (
        <ul
          className="grid grid-cols-2 gap-2 font-mono text-sm"
          data-testid="recovery-codes"
          aria-label="Your new recovery codes"
        >
          {codes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-3 py-1.5 text-slate-900">
              {code}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function DisableMfaForm() {
  return (
    <ActionForm
      action={disableMfaAction}
      schema={confirmWithPasswordSchema}
      submitLabel="Turn off two-step sign-in"
      submitVariant="danger"
      pendingLabel="Turning off…"
      refusalTitle="Cannot turn it off"
      label="Turn off two-step sign-in"
    >
      <TextField
        name="currentPassword"
        label="Your password"
        type="password"
        autoComplete="current-password"
      />
    </ActionForm>
  );
}
