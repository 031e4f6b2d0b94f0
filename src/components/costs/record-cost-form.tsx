"use client";
// Record actual spend against a month (docs/governance-rules.md rule 3): this month or an earlier
// one, never a month that has not begun.
import { recordCostEntryAction } from "@/app/(app)/projects/[code]/actions";
import { recordCostEntrySchema } from "@/lib/schemas/costs";
import { ActionForm } from "../forms/action-form";
import { TextAreaField, TextField } from "../forms/fields";

export function RecordCostForm({ projectId, currentMonth }: { projectId: string; currentMonth: string }) {
  return (
    <ActionForm
      action={recordCostEntryAction}
      schema={recordCostEntrySchema}
      hidden={{ projectId }}
      submitLabel="Record cost"
      refusalTitle="Cannot record this cost"
      label="Record a cost"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="period"
          label="Month"
          type="month"
          max={currentMonth}
          defaultValue={currentMonth}
          hint="The month the spend belongs to: this month or an earlier one."
        />
        <TextField
          name="amount"
          label="Amount (£)"
          inputMode="decimal"
          autoComplete="off"
          hint="For example 1250.50."
        />
      </div>
      <TextAreaField name="description" label="Description" rows={2} hint="What the money was spent on." />
    </ActionForm>
  );
}
