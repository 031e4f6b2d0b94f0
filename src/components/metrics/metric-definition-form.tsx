"use client";
// Define a project metric, or edit one: the same fields, each refusal beside its field. The
// objective picker offers only the objectives the project serves (docs/governance-rules.md NUM-9);
// the thresholds' hint says how they must sit between baseline and target (NUM-4).
import { defineMetricAction, updateMetricAction } from "@/app/(app)/objectives/actions";
import type { Cadence, MetricDirection, MetricFocus, ScorecardCategory } from "@/lib/domain/vocabulary";
import { defineMetricSchema, updateMetricSchema } from "@/lib/schemas/metrics";
import { ActionForm } from "../forms/action-form";
import { type Option, SelectField, TextAreaField, TextField } from "../forms/fields";
import { CADENCE_OPTIONS, CATEGORY_OPTIONS, DIRECTION_OPTIONS, FOCUS_OPTIONS } from "./metric-options";

export interface MetricDefinitionValues {
  id: string;
  version: number;
  name: string;
  description: string | null;
  category: ScorecardCategory;
  unit: string;
  direction: MetricDirection;
  cadence: Cadence;
  focus: MetricFocus;
  baselineValue: number;
  targetValue: number;
  targetDate: string;
  amberThreshold: number;
  redThreshold: number;
  owner: { id: string };
  objective: { id: string };
}

const THRESHOLD_HINT =
  "Amber sits between the baseline and the target (at or short of the target), so the metric is not green at its baseline and is green once the target is met; red is at or beyond amber on the worse side. A value exactly at a threshold gets the better colour.";

export function MetricDefinitionForm({
  projectId,
  metric,
  objectives,
  people,
  cadenceLocked = false,
}: {
  /** Defining a new metric on this project; absent when editing `metric`. */
  projectId?: string;
  metric?: MetricDefinitionValues;
  objectives: readonly { id: string; code: string; title: string }[];
  people: readonly { id: string; name: string }[];
  /** Values are recorded, so the cadence can no longer change. */
  cadenceLocked?: boolean;
}) {
  const editing = metric !== undefined;
  const objectiveOptions: Option[] = objectives.map((o) => ({
    value: o.id,
    label: `${o.code} · ${o.title}`,
  }));
  const peopleOptions: Option[] = people.map((p) => ({ value: p.id, label: p.name }));
  const number = (value: number | undefined) => (value === undefined ? undefined : String(value));
  return (
    <ActionForm
      action={editing ? updateMetricAction : defineMetricAction}
      schema={editing ? updateMetricSchema : defineMetricSchema}
      hidden={editing ? { metricId: metric.id, version: metric.version } : { projectId }}
      submitLabel={editing ? "Save metric" : "Define metric"}
      refusalTitle={editing ? "Cannot save the metric" : "Cannot define the metric"}
      label={editing ? `Edit ${metric.name}` : "Define a metric"}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="objectiveId"
          label="Objective it feeds"
          hint="Only the objectives this project is aligned to."
          options={objectiveOptions}
          placeholder="Choose an objective"
          defaultValue={metric?.objective.id ?? ""}
        />
        <TextField name="name" label="Name" defaultValue={metric?.name} autoComplete="off" />
        <SelectField
          name="category"
          label="Scorecard category"
          options={CATEGORY_OPTIONS}
          placeholder="Choose a category"
          defaultValue={metric?.category ?? ""}
        />
        <TextField
          name="unit"
          label="Unit"
          hint="For example %, minutes, count."
          defaultValue={metric?.unit}
          autoComplete="off"
        />
        <SelectField
          name="direction"
          label="Direction"
          options={DIRECTION_OPTIONS}
          placeholder="Choose higher or lower"
          defaultValue={metric?.direction ?? ""}
        />
        <SelectField
          name="cadence"
          label="Cadence"
          hint={
            cadenceLocked ? "Values are recorded, so the cadence is fixed." : "How often a value is recorded."
          }
          options={
            cadenceLocked && metric
              ? CADENCE_OPTIONS.filter((o) => o.value === metric.cadence)
              : CADENCE_OPTIONS
          }
          placeholder={cadenceLocked ? undefined : "Choose a cadence"}
          defaultValue={metric?.cadence ?? ""}
        />
        <TextField
          name="baselineValue"
          label="Baseline"
          inputMode="decimal"
          defaultValue={number(metric?.baselineValue)}
        />
        <TextField
          name="targetValue"
          label="Target"
          inputMode="decimal"
          defaultValue={number(metric?.targetValue)}
        />
        <TextField name="targetDate" label="Target date" type="date" defaultValue={metric?.targetDate} />
        <SelectField
          name="ownerId"
          label="Owner"
          options={peopleOptions}
          placeholder="Choose an owner"
          defaultValue={metric?.owner.id ?? ""}
        />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">RAG thresholds</legend>
        <p className="text-xs text-slate-600">{THRESHOLD_HINT}</p>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <TextField
            name="amberThreshold"
            label="Amber threshold"
            hint="Worse than this is amber."
            inputMode="decimal"
            defaultValue={number(metric?.amberThreshold)}
          />
          <TextField
            name="redThreshold"
            label="Red threshold"
            hint="Worse than this is red."
            inputMode="decimal"
            defaultValue={number(metric?.redThreshold)}
          />
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="focus"
          label="Dashboard"
          hint="Where the metric is watched."
          options={FOCUS_OPTIONS}
          defaultValue={metric?.focus ?? "LEADERSHIP"}
        />
      </div>
      <TextAreaField
        name="description"
        label="Description"
        required={false}
        rows={2}
        defaultValue={metric?.description ?? ""}
      />
    </ActionForm>
  );
}
