"use client";
// Linking a project to the objectives it serves, and removing a link (alignment.manage). The
// rules decide what may go: a live project keeps at least one link (docs/governance-rules.md rule 1)
// and keeps every objective its metrics feed (NUM-9); their refusals say which.
import { alignProjectAction, removeAlignmentAction } from "@/app/(app)/projects/[code]/actions";
import { CONTRIBUTION_LABEL } from "@/lib/domain/labels";
import { CONTRIBUTIONS } from "@/lib/domain/vocabulary";
import { alignProjectSchema, removeAlignmentSchema } from "@/lib/schemas/alignment";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField } from "../forms/fields";
import { Disclosure } from "../ui/disclosure";

export function AddAlignmentForm({
  projectId,
  objectives,
  hasPrimary,
}: {
  projectId: string;
  objectives: readonly { id: string; code: string; title: string }[];
  hasPrimary: boolean;
}) {
  return (
    <Disclosure summary="Align to another objective">
      <ActionForm
        key={objectives.length}
        action={alignProjectAction}
        schema={alignProjectSchema}
        hidden={{ projectId }}
        submitLabel="Add alignment"
        refusalTitle="Cannot align"
        label="Align the project to an objective"
      >
        <SelectField
          name="objectiveId"
          label="Objective"
          placeholder="Choose an active objective"
          options={objectives.map((o) => ({ value: o.id, label: `${o.code} ${o.title}` }))}
        />
        <SelectField
          name="contribution"
          label="Contribution"
          defaultValue={hasPrimary ? "SUPPORTING" : "PRIMARY"}
          hint="A project has at most one primary objective: the one it exists to deliver."
          options={CONTRIBUTIONS.map((c) => ({ value: c, label: CONTRIBUTION_LABEL[c] }))}
        />
        <TextAreaField name="rationale" label="How the project serves this objective" rows={2} />
      </ActionForm>
    </Disclosure>
  );
}

export function RemoveAlignmentForm({
  projectId,
  objectiveId,
  objectiveCode,
}: {
  projectId: string;
  objectiveId: string;
  objectiveCode: string;
}) {
  return (
    <Disclosure summary="Remove">
      <ActionForm
        action={removeAlignmentAction}
        schema={removeAlignmentSchema}
        hidden={{ projectId, objectiveId }}
        submitLabel={`Remove ${objectiveCode}`}
        submitVariant="danger"
        pendingLabel="Removing…"
        refusalTitle="Cannot remove"
        label={`Remove the alignment to ${objectiveCode}`}
      >
        <p className="text-sm text-slate-700">The project stops counting towards {objectiveCode}.</p>
      </ActionForm>
    </Disclosure>
  );
}
