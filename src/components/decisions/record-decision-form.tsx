"use client";
// An executive records a decision on a project (docs/governance-rules.md FRAME-3 to FRAME-5): what
// was decided, under what authority and why, dated the day it was taken (today unless written up
// later, never a day still to come). A verdict on scaling is offered only while the project is in
// its pilot (FRAME-4).
import { recordDecisionAction } from "@/app/(app)/leadership/actions";
import { DECISION_KIND_LABEL } from "@/lib/domain/labels";
import type { DecisionKind } from "@/lib/domain/vocabulary";
import { recordDecisionSchema } from "@/lib/schemas/decisions";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField, TextField } from "../forms/fields";

export function RecordDecisionForm({
  projectId,
  inPilot,
  today,
}: {
  projectId: string;
  inPilot: boolean;
  /** The organisation's today, "YYYY-MM-DD": the default and the latest day allowed. */
  today: string;
}) {
  const kinds: DecisionKind[] = inPilot ? ["GENERAL", "SCALE", "DO_NOT_SCALE"] : ["GENERAL"];
  return (
    <ActionForm
      action={recordDecisionAction}
      schema={recordDecisionSchema}
      hidden={{ projectId }}
      submitLabel="Record decision"
      refusalTitle="Cannot record the decision"
      label="Record a decision"
    >
      <TextField name="title" label="Title" autoComplete="off" />
      <TextAreaField name="detail" label="What was decided" rows={3} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="authority"
          label="Authority"
          hint="The forum or delegation it was decided under, e.g. Executive Board."
          autoComplete="off"
        />
        <TextField
          name="decidedOn"
          label="Date decided"
          type="date"
          max={today}
          defaultValue={today}
          hint="Today, or an earlier day when minutes are written up later."
        />
        <SelectField
          name="kind"
          label="Kind"
          options={kinds.map((value) => ({ value, label: DECISION_KIND_LABEL[value] }))}
          defaultValue="GENERAL"
          hint={
            inPilot
              ? "A scale verdict counts as evidence at the rollout gate."
              : "Scale verdicts are recorded while the project is in its pilot."
          }
        />
      </div>
      <TextAreaField name="rationale" label="Rationale" rows={3} />
    </ActionForm>
  );
}
