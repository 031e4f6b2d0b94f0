"use client";
// Add a risk to a project's register, or edit one (docs/governance-rules.md rules 3 and 8): scored
// 1–5 for likelihood and impact, given to an owner; "Mitigating" needs the mitigation written down.
import { createRiskAction, updateRiskAction } from "@/app/(app)/projects/[code]/actions";
import { RISK_STATUS_LABEL } from "@/lib/domain/labels";
import { RISK_STATUSES, type RiskStatus } from "@/lib/domain/vocabulary";
import { createRiskSchema, updateRiskSchema } from "@/lib/schemas/risks";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField, TextField } from "../forms/fields";

const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"];
const scale = (words: string[]) =>
  words.map((word, i) => ({ value: String(i + 1), label: `${i + 1} · ${word}` }));
const STATUS_OPTIONS = RISK_STATUSES.map((value) => ({ value, label: RISK_STATUS_LABEL[value] }));

export interface RiskValues {
  id: string;
  version: number;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  mitigation: string | null;
  owner: { id: string };
  status: RiskStatus;
}

export function RiskForm({
  projectId,
  risk,
  people,
}: {
  /** Adding a risk to this project; absent when editing `risk`. */
  projectId?: string;
  risk?: RiskValues;
  people: readonly { id: string; name: string }[];
}) {
  const editing = risk !== undefined;
  return (
    <ActionForm
      action={editing ? updateRiskAction : createRiskAction}
      schema={editing ? updateRiskSchema : createRiskSchema}
      hidden={editing ? { riskId: risk.id, version: risk.version } : { projectId }}
      submitLabel={editing ? "Save risk" : "Add risk"}
      refusalTitle={editing ? "Cannot save the risk" : "Cannot add the risk"}
      label={editing ? `Edit the risk ${risk.title}` : "Add a risk"}
    >
      <TextField name="title" label="Title" defaultValue={risk?.title} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="likelihood"
          label="Likelihood"
          options={scale(LIKELIHOOD)}
          placeholder="Choose 1 to 5"
          defaultValue={risk ? String(risk.likelihood) : ""}
        />
        <SelectField
          name="impact"
          label="Impact"
          options={scale(IMPACT)}
          placeholder="Choose 1 to 5"
          defaultValue={risk ? String(risk.impact) : ""}
        />
        <SelectField
          name="ownerId"
          label="Owner"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          placeholder="Choose an owner"
          defaultValue={risk?.owner.id ?? ""}
        />
        <SelectField
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          defaultValue={risk?.status ?? "OPEN"}
        />
      </div>
      <TextAreaField
        name="mitigation"
        label="Mitigation"
        required={false}
        rows={2}
        hint="What is being done to make it less likely or less harmful; needed before it is marked Mitigating."
        defaultValue={risk?.mitigation ?? ""}
      />
      <TextAreaField
        name="description"
        label="Description"
        required={false}
        rows={2}
        defaultValue={risk?.description ?? ""}
      />
    </ActionForm>
  );
}
