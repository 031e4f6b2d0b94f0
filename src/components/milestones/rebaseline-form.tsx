"use client";
// Asking to move a baseline (docs/governance-rules.md rule 5, REB-1): the project's end date, its
// budget, one milestone's baseline date, or several at once, with a reason. Nothing moves until the
// project's Accountable (within tolerance) or an executive (beyond it) approves.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { Disclosure } from "@/components/ui/disclosure";
import { formatDate } from "@/components/ui/format";
import type { IsoDate } from "@/lib/domain/calendar";
import { formatMoney } from "@/lib/domain/money";
import { requestRebaselineSchema } from "@/lib/schemas/rebaselines";

export function RebaselineRequestForm({
  action,
  projectId,
  baselineEndDate,
  baselineBudget,
  milestones,
  tolerance,
  formKey,
}: {
  action: FormAction;
  projectId: string;
  baselineEndDate: IsoDate;
  baselineBudget: string;
  /** Open milestones whose baseline may move. */
  milestones: { id: string; title: string; baselineDate: IsoDate }[];
  /** "30 days or 5%": who decides depends on it. */
  tolerance: string;
  formKey: string;
}) {
  return (
    <Disclosure summary="Request a rebaseline">
      <ActionForm
        key={formKey}
        action={action}
        schema={requestRebaselineSchema}
        hidden={{ projectId }}
        submitLabel="Request rebaseline"
        refusalTitle="Cannot request the rebaseline"
        label="Request a rebaseline"
      >
        <p className="text-sm text-slate-700">
          Fill in only what should move. Within the trust's tolerance ({tolerance}) the project's Accountable
          decides; beyond it, an executive.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="proposedEndDate"
            type="date"
            label="New baseline end date"
            required={false}
            hint={`Now ${formatDate(baselineEndDate)}.`}
          />
          <TextField
            name="proposedBudget"
            inputMode="decimal"
            label="New baseline budget (£)"
            required={false}
            hint={`Now ${formatMoney(baselineBudget)}.`}
          />
          <SelectField
            name="milestoneId"
            label="Milestone whose baseline moves"
            required={false}
            placeholder="None"
            options={milestones.map((m) => ({
              value: m.id,
              label: `${m.title} (baseline ${formatDate(m.baselineDate)})`,
            }))}
          />
          <TextField
            name="proposedMilestoneDate"
            type="date"
            label="Its new baseline date"
            required={false}
          />
        </div>
        <TextAreaField
          name="reason"
          label="Reason"
          hint="What changed and why the baseline, not only the forecast, has to move."
        />
      </ActionForm>
    </Disclosure>
  );
}
