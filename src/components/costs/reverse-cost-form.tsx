"use client";
// Cancel a wrong ledger entry with a reversing entry and a reason (docs/governance-rules.md FRAME-6):
// the ledger is append-only, so nothing is edited or deleted.
import { reverseCostEntryAction } from "@/app/(app)/projects/[code]/actions";
import { reverseCostEntrySchema } from "@/lib/schemas/costs";
import { ActionForm } from "../forms/action-form";
import { TextAreaField } from "../forms/fields";

export function ReverseCostForm({ costEntryId, summary }: { costEntryId: string; summary: string }) {
  return (
    <ActionForm
      action={reverseCostEntryAction}
      schema={reverseCostEntrySchema}
      hidden={{ costEntryId }}
      submitLabel="Reverse entry"
      submitVariant="danger"
      refusalTitle="Cannot reverse this entry"
      label={`Reverse ${summary}`}
    >
      <p className="text-sm text-slate-700">
        A reversing entry of the opposite amount is added in the same month; this entry stays in the ledger.
      </p>
      <TextAreaField
        name="reason"
        label="Reason"
        rows={2}
        hint="Why the entry is wrong, e.g. “invoice booked twice”."
      />
    </ActionForm>
  );
}
