"use client";
// Editing what describes a project (project.edit). The baseline end date and budget are not here:
// they move only through an approved rebaseline (docs/governance-rules.md rule 5); a change of the
// forecast end date needs a reason, which the rule judges.
import { updateProjectAction } from "@/app/(app)/projects/[code]/actions";
import { PROJECT_KIND_LABEL } from "@/lib/domain/labels";
import { PROJECT_KINDS, type ProjectKind } from "@/lib/domain/vocabulary";
import { updateProjectSchema } from "@/lib/schemas/projects";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField, TextField } from "../forms/fields";

export interface ProjectDetailsFormProps {
  projectId: string;
  version: number;
  name: string;
  summary: string;
  kind: ProjectKind;
  siteId: string;
  expectedBenefits: string;
  forecastEndDate: string;
  sites: readonly { id: string; name: string }[];
  /** The kind is fixed once the project has passed its first gate. */
  kindFixed: boolean;
}

export function ProjectDetailsForm(props: ProjectDetailsFormProps) {
  return (
    <ActionForm
      key={props.version}
      action={updateProjectAction}
      schema={updateProjectSchema}
      hidden={{
        projectId: props.projectId,
        version: props.version,
        kind: props.kindFixed ? props.kind : undefined,
      }}
      submitLabel="Save details"
      refusalTitle="Cannot save"
      label="Edit the project's details"
    >
      <TextField name="name" label="Name" defaultValue={props.name} />
      <TextAreaField name="summary" label="Summary" defaultValue={props.summary} rows={3} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {props.kindFixed ? (
          <p className="text-sm text-slate-700">
            <span className="block font-medium text-slate-800">Kind</span>
            {PROJECT_KIND_LABEL[props.kind]}
            <span className="block text-xs text-slate-600">
              Fixed once the project passed its first gate: its gates were checked for this kind.
            </span>
          </p>
        ) : (
          <SelectField
            name="kind"
            label="Kind"
            defaultValue={props.kind}
            options={PROJECT_KINDS.map((k) => ({ value: k, label: PROJECT_KIND_LABEL[k] }))}
          />
        )}
        <SelectField
          name="siteId"
          label="Site"
          defaultValue={props.siteId}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
        />
      </div>
      <TextAreaField
        name="expectedBenefits"
        label="Expected benefits"
        defaultValue={props.expectedBenefits}
        rows={3}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="forecastEndDate"
          label="Forecast end date"
          type="date"
          defaultValue={props.forecastEndDate}
          hint="The baseline end date moves only through an approved rebaseline."
        />
        <TextAreaField
          name="forecastReason"
          label="Why the forecast end date changes"
          required={false}
          rows={2}
          hint="Needed only when you change the forecast end date."
        />
      </div>
    </ActionForm>
  );
}
