"use client";
// The forms that change one milestone in place, each the operation's own schema checked in the
// browser first, carrying the version the page was read at (docs/governance-rules.md rule 8), and
// keyed by it so a reload after a conflict starts fresh. The page decides which of them to show
// from the matrix and the milestone's state; the server still refuses the rest.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { Disclosure } from "@/components/ui/disclosure";
import type { IsoDate } from "@/lib/domain/calendar";
import { approveMilestoneGateSchema } from "@/lib/schemas/milestone-gates";
import {
  cancelMilestoneSchema,
  changeMilestoneForecastSchema,
  completeMilestoneSchema,
  createMilestoneSchema,
} from "@/lib/schemas/milestones";
import { requestScopeChangeSchema } from "@/lib/schemas/rebaselines";

export interface MilestoneRef {
  id: string;
  version: number;
  title: string;
  forecastDate: IsoDate;
}

const REASON_HINT = "Say what happened and why, e.g. “Supplier delivery slipped two weeks”.";

export function ChangeForecastForm({ action, milestone }: { action: FormAction; milestone: MilestoneRef }) {
  return (
    <Disclosure summary="Change forecast">
      <ActionForm
        key={milestone.version}
        action={action}
        schema={changeMilestoneForecastSchema}
        hidden={{ milestoneId: milestone.id, version: milestone.version }}
        submitLabel="Save forecast"
        refusalTitle="Cannot move the forecast"
        label={`Change the forecast of ${milestone.title}`}
      >
        <TextField
          name="forecastDate"
          type="date"
          label="New forecast date"
          hint="A forecast later than the baseline marks the milestone at risk."
          defaultValue={milestone.forecastDate}
        />
        <TextAreaField name="reason" label="Reason for the change" hint={REASON_HINT} />
      </ActionForm>
    </Disclosure>
  );
}

export function CompleteMilestoneForm({
  action,
  milestone,
  today,
}: {
  action: FormAction;
  milestone: MilestoneRef;
  today: IsoDate;
}) {
  return (
    <Disclosure summary="Mark done">
      <ActionForm
        key={milestone.version}
        action={action}
        schema={completeMilestoneSchema}
        hidden={{ milestoneId: milestone.id, version: milestone.version }}
        submitLabel="Mark done"
        refusalTitle="Cannot mark done"
        label={`Mark ${milestone.title} done`}
      >
        <TextField
          name="actualDate"
          type="date"
          label="Date it was done"
          hint="Today or earlier."
          max={today}
          defaultValue={today}
        />
      </ActionForm>
    </Disclosure>
  );
}

/** A proposed plan cancels directly (docs/governance-rules.md REB-4). */
export function CancelMilestoneForm({ action, milestone }: { action: FormAction; milestone: MilestoneRef }) {
  return (
    <Disclosure summary="Cancel milestone">
      <ActionForm
        key={milestone.version}
        action={action}
        schema={cancelMilestoneSchema}
        hidden={{ milestoneId: milestone.id, version: milestone.version }}
        submitLabel="Cancel milestone"
        submitVariant="danger"
        refusalTitle="Cannot cancel"
        label={`Cancel ${milestone.title}`}
      >
        <p className="text-sm text-slate-700">
          Cancelling drops this commitment from the plan. It cannot be undone.
        </p>
        <TextAreaField name="reason" label="Why it is cancelled" hint={REASON_HINT} />
      </ActionForm>
    </Disclosure>
  );
}

/** An approved plan cancels only through a decided scope change (docs/governance-rules.md REB-5). */
export function RequestCancellationForm({
  action,
  projectId,
  milestone,
}: {
  action: FormAction;
  projectId: string;
  milestone: MilestoneRef;
}) {
  return (
    <Disclosure summary="Request to cancel (scope change)">
      <ActionForm
        key={milestone.version}
        action={action}
        schema={requestScopeChangeSchema}
        hidden={{ projectId, kind: "CANCEL_MILESTONE", milestoneId: milestone.id }}
        submitLabel="Request cancellation"
        refusalTitle="Cannot request the cancellation"
        label={`Request to cancel ${milestone.title}`}
      >
        <p className="text-sm text-slate-700">
          The plan is approved, so cancelling a milestone changes its scope: the project's Accountable or an
          executive decides. Cancelling a gate milestone is always for an executive.
        </p>
        <TextAreaField name="reason" label="Why it should be cancelled" hint={REASON_HINT} />
      </ActionForm>
    </Disclosure>
  );
}

export function SignOffGateForm({ action, milestone }: { action: FormAction; milestone: MilestoneRef }) {
  return (
    <ActionForm
      key={milestone.version}
      action={action}
      schema={approveMilestoneGateSchema}
      hidden={{ milestoneId: milestone.id, version: milestone.version }}
      submitLabel="Sign off gate"
      pendingLabel="Signing off…"
      refusalTitle="Cannot sign off"
      label={`Sign off the gate ${milestone.title}`}
      className="space-y-2"
    />
  );
}

/**
 * Adds a milestone: directly while the plan is proposed, else as a scope change for the
 * Accountable or an executive to decide (docs/governance-rules.md REB-4, REB-5).
 */
export function AddMilestoneForm({
  createAction,
  scopeChangeAction,
  projectId,
  scopeGoverned,
  team,
  formKey,
}: {
  createAction: FormAction;
  scopeChangeAction: FormAction;
  projectId: string;
  scopeGoverned: boolean;
  team: { id: string; name: string }[];
  /** Changes whenever the plan does, so the form starts empty after a milestone is added. */
  formKey: string;
}) {
  if (scopeGoverned) {
    return (
      <Disclosure summary="Request a new milestone (scope change)">
        <ActionForm
          key={formKey}
          action={scopeChangeAction}
          schema={requestScopeChangeSchema}
          hidden={{ projectId, kind: "ADD_MILESTONE" }}
          submitLabel="Request the milestone"
          refusalTitle="Cannot request the milestone"
          label="Request a new milestone"
        >
          <p className="text-sm text-slate-700">
            The plan is approved, so a new milestone changes its scope: the project's Accountable or an
            executive decides, and it is added on approval with its baseline as its forecast.
          </p>
          <TextField name="proposedMilestoneTitle" label="Title" maxLength={200} />
          <TextField name="proposedMilestoneDate" type="date" label="Baseline date" />
          <CheckboxField
            name="proposedMilestoneIsGate"
            label="A gate milestone (a go/no-go decision that is signed off)"
          />
          <TextAreaField name="reason" label="Why it is needed" hint={REASON_HINT} />
        </ActionForm>
      </Disclosure>
    );
  }
  return (
    <Disclosure summary="Add a milestone">
      <ActionForm
        key={formKey}
        action={createAction}
        schema={createMilestoneSchema}
        hidden={{ projectId }}
        submitLabel="Add milestone"
        refusalTitle="Cannot add the milestone"
        label="Add a milestone"
      >
        <TextField name="title" label="Title" maxLength={200} />
        <TextField
          name="baselineDate"
          type="date"
          label="Baseline date"
          hint="Its forecast starts on the baseline."
        />
        <SelectField
          name="ownerId"
          label="Owner"
          required={false}
          placeholder="No owner yet"
          options={team.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextAreaField name="description" label="Description" required={false} />
        <CheckboxField name="isGate" label="A gate milestone (a go/no-go decision that is signed off)" />
      </ActionForm>
    </Disclosure>
  );
}
