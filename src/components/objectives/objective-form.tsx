"use client";
// Create a strategic objective, or edit one (docs/governance-rules.md rule 3: executives create
// them; only the owner, while an executive, or an admin edits; rule 8: the version read is sent).
// The code is the objective's identity in papers and minutes, so it is set once.
import { createObjectiveAction, updateObjectiveAction } from "@/app/(app)/objectives/actions";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL } from "@/lib/domain/labels";
import {
  OBJECTIVE_STATUSES,
  type ObjectiveStatus,
  SCORECARD_CATEGORIES,
  type ScorecardCategory,
} from "@/lib/domain/vocabulary";
import { createObjectiveSchema, updateObjectiveSchema } from "@/lib/schemas/objectives";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField, TextField } from "../forms/fields";

export interface ObjectiveValues {
  id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  startDate: string;
  targetDate: string;
  owner: { id: string };
  parent: { id: string } | null;
}

const CATEGORY_OPTIONS = SCORECARD_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABEL[value] }));

export function ObjectiveForm({
  objective,
  owners,
  objectives,
}: {
  /** Absent when creating a new objective. */
  objective?: ObjectiveValues;
  owners: readonly { id: string; name: string }[];
  /** Objectives that may be its parent. */
  objectives: readonly { id: string; code: string; title: string }[];
}) {
  const editing = objective !== undefined;
  const statuses: readonly ObjectiveStatus[] = editing ? OBJECTIVE_STATUSES : ["DRAFT", "ACTIVE"];
  return (
    <ActionForm
      action={editing ? updateObjectiveAction : createObjectiveAction}
      schema={editing ? updateObjectiveSchema : createObjectiveSchema}
      hidden={editing ? { objectiveId: objective.id, version: objective.version } : undefined}
      submitLabel={editing ? "Save objective" : "Create objective"}
      refusalTitle={editing ? "Cannot save the objective" : "Cannot create the objective"}
      label={editing ? `Edit ${objective.code}` : "Create an objective"}
    >
      <div className="grid gap-4 md:grid-cols-2">
        {editing ? null : (
          <TextField
            name="code"
            label="Code"
            hint="For example SO-10; it cannot change later."
            autoComplete="off"
          />
        )}
        <TextField name="title" label="Title" defaultValue={objective?.title} autoComplete="off" />
        <SelectField
          name="category"
          label="Scorecard category"
          options={CATEGORY_OPTIONS}
          placeholder="Choose a category"
          defaultValue={objective?.category ?? ""}
        />
        <SelectField
          name="ownerId"
          label="Owner"
          hint={
            editing
              ? "An active executive (or an administrator)."
              : "An active executive (or an administrator): you, unless you choose someone else."
          }
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          placeholder={editing ? undefined : "Me"}
          required={false}
          defaultValue={objective?.owner.id ?? ""}
        />
        <TextField name="startDate" label="Start date" type="date" defaultValue={objective?.startDate} />
        <TextField name="targetDate" label="Target date" type="date" defaultValue={objective?.targetDate} />
        <SelectField
          name="status"
          label="Status"
          options={statuses.map((value) => ({ value, label: OBJECTIVE_STATUS_LABEL[value] }))}
          defaultValue={objective?.status ?? "ACTIVE"}
        />
        <SelectField
          name="parentId"
          label="Parent objective"
          required={false}
          options={objectives
            .filter((o) => o.id !== objective?.id)
            .map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
          placeholder="None: a pillar of the strategy"
          defaultValue={objective?.parent?.id ?? ""}
        />
      </div>
      <TextAreaField name="description" label="Description" rows={4} defaultValue={objective?.description} />
    </ActionForm>
  );
}
