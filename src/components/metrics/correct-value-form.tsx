"use client";
// Correct a recorded value with a reason (docs/governance-rules.md rule 7: a period keeps one value,
// changed only by a correction); a provisional value whose period has ended can be made final here
// (NUM-5).
import { correctMetricValueAction } from "@/app/(app)/projects/[code]/actions";
import { correctMetricValueSchema } from "@/lib/schemas/metrics";
import { ActionForm } from "../forms/action-form";
import { CheckboxField, TextAreaField, TextField } from "../forms/fields";

export function CorrectValueForm({
  valueId,
  version,
  value,
  note,
  unit,
  period,
  canFinalise,
}: {
  valueId: string;
  version: number;
  value: number;
  note: string | null;
  unit: string;
  /** The period's name, for the form's accessible name. */
  period: string;
  /** A provisional value whose period has ended. */
  canFinalise: boolean;
}) {
  return (
    <ActionForm
      action={correctMetricValueAction}
      schema={correctMetricValueSchema}
      hidden={{ metricValueId: valueId, version }}
      submitLabel="Save correction"
      refusalTitle="Cannot correct this value"
      label={`Correct the value for ${period}`}
    >
      <TextField
        name="value"
        label={`Corrected value (${unit})`}
        defaultValue={String(value)}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextAreaField name="note" label="Note" required={false} rows={2} defaultValue={note ?? ""} />
      <TextAreaField
        name="reason"
        label="Reason for the correction"
        hint="Kept in the audit trail, e.g. “validated figure from the month-end return”."
        rows={2}
      />
      {canFinalise ? (
        <CheckboxField
          name="final"
          label="Make this value final"
          hint="The period has ended and its data are complete: the value then colours the metric."
        />
      ) : null}
    </ActionForm>
  );
}
