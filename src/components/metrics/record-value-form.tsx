"use client";
// Record one period's value of a metric (docs/governance-rules.md rule 7, NUM-5). The picker offers
// only the periods that may take a value: ended ones still without one, and the period under way,
// whose value is provisional, said in words beside the picker and sent with the form.
import { useState } from "react";
import { recordMetricValueAction } from "@/app/(app)/projects/[code]/actions";
import type { Cadence } from "@/lib/domain/vocabulary";
import { recordMetricValueSchema } from "@/lib/schemas/metrics";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import { periodLabel } from "./period-label";

export interface OpenPeriodProps {
  periodStart: string;
  current: boolean;
}

export function RecordValueForm({
  metricId,
  metricName,
  unit,
  cadence,
  openPeriods,
}: {
  metricId: string;
  metricName: string;
  unit: string;
  cadence: Cadence;
  openPeriods: readonly OpenPeriodProps[];
}) {
  // The most recent ended period is the one usually due; the period under way only when none is.
  const initial = openPeriods.find((p) => !p.current) ?? openPeriods[0];
  const [period, setPeriod] = useState(initial?.periodStart ?? "");
  // Once a period is recorded it leaves the list; the picker then falls back to the usual choice.
  const selected = openPeriods.some((p) => p.periodStart === period) ? period : (initial?.periodStart ?? "");
  const current = openPeriods.find((p) => p.periodStart === selected)?.current ?? false;
  return (
    <ActionForm
      action={recordMetricValueAction}
      schema={recordMetricValueSchema}
      hidden={{ metricId, provisional: current ? "on" : undefined }}
      submitLabel="Record value"
      pendingLabel="Recording…"
      refusalTitle="Cannot record this value"
      label={`Record a value of ${metricName}`}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="periodStart"
          label="Period"
          hint="Periods that have ended without a value, and the one under way."
          options={openPeriods.map((p) => ({
            value: p.periodStart,
            label: `${periodLabel(cadence, p.periodStart)}${p.current ? " (under way: provisional)" : ""}`,
          }))}
          value={selected}
          onChange={(event) => setPeriod(event.target.value)}
        />
        <TextField name="value" label={`Value (${unit})`} inputMode="decimal" autoComplete="off" />
      </div>
      {current ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          This period has not ended, so the value is recorded as provisional: it shows, but it does not colour
          the metric until it is corrected and made final after the period ends.
        </p>
      ) : null}
      <TextAreaField name="note" label="Note" required={false} rows={2} />
    </ActionForm>
  );
}
