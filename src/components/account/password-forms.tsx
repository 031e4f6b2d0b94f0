"use client";
// Choosing a new password: on the account page with the current one, or as the step owed at sign-in
// after an admin chose it. Length is checked here; the server also refuses the most common
// passwords and ones made of the person's name or email (docs/security-mfa.md).
import { useRouter } from "next/navigation";
import { changePasswordAction } from "@/app/(app)/account/password/actions";
import { choosePasswordAction } from "@/app/signin/actions";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { changePasswordSchema, choosePasswordSchema } from "@/lib/schemas/account";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/users";

const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one; avoid common passwords and your name.`;

function NewPasswordFields() {
  return (
    <>
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
      />
      <TextField
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      schema={changePasswordSchema}
      submitLabel="Change password"
      pendingLabel="Changing…"
      refusalTitle="Choose another password"
      label="Change your password"
    >
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
      />
      <NewPasswordFields />
    </ActionForm>
  );
}

export function ChoosePasswordForm({ next }: { next: string }) {
  const router = useRouter();
  const action: FormAction = async (state, form) => {
    const result = await choosePasswordAction(state, form);
    // On to wherever they were going; a step still owed (a second factor) takes them there first.
    if (result.ok) router.replace(next);
    return result;
  };
  return (
    <ActionForm
      action={action}
      schema={choosePasswordSchema}
      submitLabel="Save my password"
      pendingLabel="Saving…"
      refusalTitle="Choose another password"
      label="Choose your password"
    >
      <NewPasswordFields />
    </ActionForm>
  );
}
