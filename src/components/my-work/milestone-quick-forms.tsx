"use client";
// The two things a project's R or A most often does to a milestone that is due: move its forecast
// (with a reason, docs/governance-rules.md rule 5) or mark it done on the day it happened. In place
// on my work, so a due milestone is dealt with where it is listed.
import { changeMilestoneForecastSchema, completeMilestoneSchema } from "@/lib/schemas/milestones";
import { KeptTextArea } from "../feedback/kept-text-area";
import { ActionForm, type FormAction } from "../forms/action-form";
import { TextField } from "../forms/fields";
import { Disclosure } from "../ui/disclosure";

export function MilestoneQuickForms({
  milestone,
  today,
  actions,
}: {
  milestone: { id: string; version: number; title: string; forecastDate: string };
  /** The trust's today, "YYYY-MM-DD": the latest day a milestone can have been done. */
  today: string;
  actions: { changeForecast: FormAction; complete: FormAction };
}) {
  const hidden = { milestoneId: milestone.id, version: milestone.version };
  return (
    <>
      <Disclosure summary="Change forecast">
        <ActionForm
          action={actions.changeForecast}
          schema={changeMilestoneForecastSchema}
          hidden={hidden}
          submitLabel="Move the forecast"
          pendingLabel="Moving…"
          refusalTitle="Cannot move the forecast"
          label={`Change the forecast of ${milestone.title}`}
        >
          <TextField
            name="forecastDate"
            type="date"
            label="New forecast date"
            defaultValue={milestone.forecastDate}
          />
          <KeptTextArea
            name="reason"
            label="Reason"
            hint="Why the date moves, for the Accountable and the portfolio office. A forecast later than the baseline puts the milestone at risk."
            rows={2}
          />
        </ActionForm>
      </Disclosure>
      <Disclosure summary="Mark done">
        <ActionForm
          action={actions.complete}
          schema={completeMilestoneSchema}
          hidden={hidden}
          submitLabel="Mark done"
          pendingLabel="Saving…"
          refusalTitle="Cannot mark it done"
          label={`Mark ${milestone.title} done`}
        >
          <TextField name="actualDate" type="date" label="Done on" defaultValue={today} max={today} />
        </ActionForm>
      </Disclosure>
    </>
  );
}
