"use client";
// The changes an administrator makes to one account, each a small form carrying the version the
// page was read at (docs/governance-rules.md rule 8). What a change would take from a live project
// (its Accountable, its only Responsible, the duty rota, an objective's owner: ACC-3 to ACC-6) is
// the operation's to refuse, and its message says what to do first.
import {
  changeUserRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resetPasswordAction,
  setSroEligibilityAction,
} from "@/app/(app)/admin/users/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import type { Discipline, Role } from "@/lib/domain/vocabulary";
import {
  changeUserRoleSchema,
  PASSWORD_MIN_LENGTH,
  resetPasswordSchema,
  setSroEligibilitySchema,
  userRefSchema,
} from "@/lib/schemas/users";
import { DISCIPLINE_HINT, DISCIPLINE_OPTIONS, ROLE_HINT, ROLE_OPTIONS } from "./role-options";

export interface AccountRef {
  id: string;
  name: string;
  version: number;
}

const hiddenRef = (user: AccountRef) => ({ userId: user.id, version: user.version });

export function ChangeRoleForm({
  user,
  role,
  discipline,
}: {
  user: AccountRef;
  role: Role;
  discipline: Discipline;
}) {
  return (
    <ActionForm
      key={user.version}
      action={changeUserRoleAction}
      schema={changeUserRoleSchema}
      hidden={hiddenRef(user)}
      submitLabel="Save role and discipline"
      refusalTitle="Cannot change the role"
      label={`Change the role of ${user.name}`}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField name="role" label="Role" hint={ROLE_HINT} options={ROLE_OPTIONS} defaultValue={role} />
        <SelectField
          name="discipline"
          label="Discipline"
          hint={DISCIPLINE_HINT}
          options={DISCIPLINE_OPTIONS}
          defaultValue={discipline}
        />
      </div>
    </ActionForm>
  );
}

export function SroEligibilityForm({ user, sroEligible }: { user: AccountRef; sroEligible: boolean }) {
  return (
    <ActionForm
      key={user.version}
      action={setSroEligibilityAction}
      schema={setSroEligibilitySchema}
      hidden={hiddenRef(user)}
      submitLabel="Save SRO eligibility"
      submitVariant="secondary"
      refusalTitle="Cannot change SRO eligibility"
      label={`SRO eligibility of ${user.name}`}
    >
      <CheckboxField
        name="sroEligible"
        label="May be a project's Accountable (senior responsible owner)"
        hint="Executives always may. Tick this for a senior colleague the trust allows to answer for a project without being an executive; never for a viewer or an administrator."
        defaultChecked={sroEligible}
      />
    </ActionForm>
  );
}

export function ResetPasswordForm({ user }: { user: AccountRef }) {
  return (
    <ActionForm
      key={user.version}
      action={resetPasswordAction}
      schema={resetPasswordSchema}
      hidden={hiddenRef(user)}
      submitLabel="Reset password"
      pendingLabel="Resetting…"
      submitVariant="secondary"
      refusalTitle="Cannot reset the password"
      label={`Reset the password of ${user.name}`}
    >
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Their open sessions end at once; pass the new password on to them in person or by phone.`}
      />
    </ActionForm>
  );
}

export function DeactivateForm({ user }: { user: AccountRef }) {
  return (
    <ActionForm
      key={user.version}
      action={deactivateUserAction}
      schema={userRefSchema}
      hidden={hiddenRef(user)}
      submitLabel={`Deactivate ${user.name}`}
      pendingLabel="Deactivating…"
      submitVariant="danger"
      refusalTitle="Cannot deactivate"
      label={`Deactivate ${user.name}`}
    >
      <p className="text-sm text-slate-700">
        They will be signed out at their next click and cannot sign in again until an administrator
        reactivates them. Their history stays as it is.
      </p>
    </ActionForm>
  );
}

export function ReactivateForm({ user }: { user: AccountRef }) {
  return (
    <ActionForm
      key={user.version}
      action={reactivateUserAction}
      schema={userRefSchema}
      hidden={hiddenRef(user)}
      submitLabel={`Reactivate ${user.name}`}
      pendingLabel="Reactivating…"
      refusalTitle="Cannot reactivate"
      label={`Reactivate ${user.name}`}
    >
      <p className="text-sm text-slate-700">
        They can sign in again with their password as it was; reset it first if they have forgotten it.
      </p>
    </ActionForm>
  );
}
