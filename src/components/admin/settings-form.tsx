"use client";
// The organisation's settings, edited whole and saved with the version the page was read at
// (docs/governance-rules.md rule 8). The ranges and relations (red after amber, safety answered no
// later than other feedback, a real time zone, an active executive on duty) are judged by the
// operation (ACC-5, ACC-7) and come back beside their fields.
import { updateOrganisationSettingsAction } from "@/app/(app)/admin/settings/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, type Option, SelectField, TextField } from "@/components/forms/fields";
import { updateOrganisationSettingsSchema } from "@/lib/schemas/settings";

export interface SettingsValues {
  version: number;
  name: string;
  timeZone: string;
  rebaselineToleranceDays: number;
  rebaselineTolerancePercent: number;
  scheduleAmberPercent: number;
  scheduleRedPercent: number;
  safetyCriticalAnswerHours: number;
  safetyHighAnswerHours: number;
  safetyOtherAnswerWorkingDays: number;
  feedbackAnswerWorkingDays: number;
  feedbackAcceptanceTimeoutDays: number | null;
  dutyExecutiveId: string | null;
  sessionAbsoluteHours: number;
  sessionIdleMinutes: number;
  mfaRequiredForAll: boolean;
}

function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

const NUMBER = { type: "text", inputMode: "decimal" } as const;
const WHOLE = { type: "text", inputMode: "numeric" } as const;

export function SettingsForm({
  values,
  timeZones,
  executives,
}: {
  values: SettingsValues;
  timeZones: readonly string[];
  /** Who may be on duty: active executives, and the one on duty now even if no longer eligible. */
  executives: readonly Option[];
}) {
  const zoneOptions = timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
  return (
    <ActionForm
      key={values.version}
      action={updateOrganisationSettingsAction}
      schema={updateOrganisationSettingsSchema}
      hidden={{ version: values.version }}
      submitLabel="Save settings"
      refusalTitle="Settings not saved"
      label="Organisation settings"
      className="space-y-6"
    >
      <Group legend="Organisation">
        <TextField
          name="name"
          label="Name"
          defaultValue={values.name}
          hint="Shown to everyone who signs in."
        />
        <SelectField
          name="timeZone"
          label="Time zone"
          options={zoneOptions}
          defaultValue={values.timeZone}
          hint="The trust's clock: today's date, due times and every time shown are read in it."
        />
      </Group>
      <Group legend="Rebaseline tolerance">
        <TextField
          name="rebaselineToleranceDays"
          label="End and milestone dates, in days"
          defaultValue={values.rebaselineToleranceDays}
          hint="A rebaseline moving a date at most this many days later can be approved by the project's Accountable; beyond it, by an executive."
          {...WHOLE}
        />
        <TextField
          name="rebaselineTolerancePercent"
          label="Budget, in per cent"
          defaultValue={values.rebaselineTolerancePercent}
          hint="A rebaseline raising the budget by at most this share is within tolerance; any rise from £0 is beyond it."
          {...NUMBER}
        />
      </Group>
      <Group legend="Schedule status (RAG)">
        <TextField
          name="scheduleAmberPercent"
          label="Amber from, in per cent of the planned duration"
          defaultValue={values.scheduleAmberPercent}
          hint="A project whose forecast end has slipped by more than this share of its planned duration shows Amber."
          {...NUMBER}
        />
        <TextField
          name="scheduleRedPercent"
          label="Red from, in per cent of the planned duration"
          defaultValue={values.scheduleRedPercent}
          hint="Slipped by more than this shows Red. It must be more than the amber threshold."
          {...NUMBER}
        />
      </Group>
      <Group legend="Feedback answer times">
        <TextField
          name="safetyCriticalAnswerHours"
          label="Critical safety concerns, in hours"
          defaultValue={values.safetyCriticalAnswerHours}
          hint="Counted on the clock, nights and weekends included."
          {...WHOLE}
        />
        <TextField
          name="safetyHighAnswerHours"
          label="High-severity safety concerns, in hours"
          defaultValue={values.safetyHighAnswerHours}
          hint="Counted on the trust's wall clock."
          {...WHOLE}
        />
        <TextField
          name="safetyOtherAnswerWorkingDays"
          label="Other safety concerns, in working days"
          defaultValue={values.safetyOtherAnswerWorkingDays}
          hint="Medium and low severity; by 17:00, skipping weekends and the bank holidays below."
          {...WHOLE}
        />
        <TextField
          name="feedbackAnswerWorkingDays"
          label="All other feedback, in working days"
          defaultValue={values.feedbackAnswerWorkingDays}
          hint="By 17:00 on the last working day. Changes apply to feedback logged from now on."
          {...WHOLE}
        />
        <TextField
          name="feedbackAcceptanceTimeoutDays"
          label="Acceptance timeout, in days"
          required={false}
          defaultValue={values.feedbackAcceptanceTimeoutDays ?? ""}
          hint="How long an answer waits for its author before the project team may close it. Blank: only the author closes it."
          {...WHOLE}
        />
      </Group>
      <Group legend="Sessions">
        <TextField
          name="sessionAbsoluteHours"
          label="Longest session, in hours"
          defaultValue={values.sessionAbsoluteHours}
          hint="Counted from signing in, however busy the session; then everyone signs in again. At most 12. Shortening it also shortens sessions already open."
          {...WHOLE}
        />
        <TextField
          name="sessionIdleMinutes"
          label="Idle timeout, in minutes"
          defaultValue={values.sessionIdleMinutes}
          hint="A session not used for this long ends. From 5 to 480, and no longer than the longest session."
          {...WHOLE}
        />
      </Group>
      <Group legend="Escalation">
        <SelectField
          name="dutyExecutiveId"
          label="Executive on duty"
          required={false}
          options={executives}
          placeholder="Nobody on duty"
          defaultValue={values.dutyExecutiveId ?? ""}
          hint="Sees safety feedback that stays unanswered long after its due time, on whatever project, in their My work."
        />
      </Group>
      <Group legend="Sign-in">
        <CheckboxField
          name="mfaRequiredForAll"
          label="Require two-step sign-in for everyone"
          defaultChecked={values.mfaRequiredForAll}
          hint="Admins and executives always sign in with a code from an authenticator app. Ticked, everyone else must set one up at their next request."
        />
      </Group>
    </ActionForm>
  );
}
