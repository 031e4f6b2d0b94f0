"use client";
// Adding an account: who the person is, a first password to pass on to them, and what they may do.
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { createUserSchema, PASSWORD_MIN_LENGTH } from "@/lib/schemas/users";
import { DISCIPLINE_HINT, DISCIPLINE_OPTIONS, ROLE_HINT, ROLE_OPTIONS } from "./role-options";

export function CreateUserForm() {
  return (
    <ActionForm
      action={createUserAction}
      schema={createUserSchema}
      submitLabel="Add user"
      pendingLabel="Adding…"
      refusalTitle="Cannot add this user"
      label="Add a user"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField name="name" label="Full name" autoComplete="off" />
        <TextField name="email" label="Email" type="email" autoComplete="off" hint="They sign in with it." />
        <TextField name="jobTitle" label="Job title" required={false} autoComplete="off" />
        <TextField
          name="password"
          label="First password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Pass it on to them in person or by phone.`}
        />
        <SelectField
          name="role"
          label="Role"
          hint={ROLE_HINT}
          options={ROLE_OPTIONS}
          placeholder="Choose a role"
        />
        <SelectField
          name="discipline"
          label="Discipline"
          hint={DISCIPLINE_HINT}
          options={DISCIPLINE_OPTIONS}
          placeholder="Choose a discipline"
        />
      </div>
    </ActionForm>
  );
}
