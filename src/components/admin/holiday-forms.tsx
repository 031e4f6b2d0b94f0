"use client";
// The trust's bank holidays: not working days when feedback answer times are counted
// (docs/governance-rules.md FB-2, ACC-8). Feedback already logged keeps the due date it was given.
import { addHolidayAction, removeHolidayAction } from "@/app/(app)/admin/settings/actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { addHolidaySchema, removeHolidaySchema } from "@/lib/schemas/settings";

export function AddHolidayForm() {
  return (
    <ActionForm
      action={addHolidayAction}
      schema={addHolidaySchema}
      submitLabel="Add holiday"
      pendingLabel="Adding…"
      refusalTitle="Cannot add this holiday"
      label="Add a bank holiday"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          name="date"
          label="Date"
          type="date"
          hint="A weekday: for a holiday falling at a weekend, enter the substitute day."
        />
        <TextField name="name" label="Name" placeholder="e.g. Spring bank holiday" />
      </div>
    </ActionForm>
  );
}

export function RemoveHolidayForm({ date, name }: { date: string; name: string }) {
  return (
    <ActionForm
      action={removeHolidayAction}
      schema={removeHolidaySchema}
      hidden={{ date }}
      submitLabel={`Remove ${name}`}
      pendingLabel="Removing…"
      submitVariant="secondary"
      refusalTitle="Cannot remove"
      label={`Remove ${name}, ${formatCalendarDate(date)}`}
      className="space-y-2"
    >
      <p className="text-sm text-slate-700">It becomes a working day for feedback logged from now on.</p>
    </ActionForm>
  );
}
