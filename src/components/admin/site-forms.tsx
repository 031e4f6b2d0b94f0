"use client";
// Adding a site and changing one's name or kind. The code is fixed once the site exists: people
// quote it (the portfolio's filter, reports), so the edit form shows it and does not offer it.
import { createSiteAction, updateSiteAction } from "@/app/(app)/admin/sites/actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { createSiteSchema, updateSiteSchema } from "@/lib/schemas/sites";

const KIND_HINT = "What the site is, as people would describe it: e.g. Acute hospital, Community centre.";

export function CreateSiteForm() {
  return (
    <ActionForm
      action={createSiteAction}
      schema={createSiteSchema}
      submitLabel="Add site"
      pendingLabel="Adding…"
      refusalTitle="Cannot add this site"
      label="Add a site"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          name="code"
          label="Code"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          hint="2 to 10 letters or digits, such as NGH. It cannot be changed later: people quote it."
        />
        <TextField
          name="name"
          label="Name"
          autoComplete="off"
          placeholder="e.g. Riverside District Hospital"
        />
        <div className="md:col-span-2">
          <TextField name="kind" label="Kind of site" autoComplete="off" hint={KIND_HINT} />
        </div>
      </div>
    </ActionForm>
  );
}

export function EditSiteForm({ site }: { site: { id: string; code: string; name: string; kind: string } }) {
  return (
    <ActionForm
      action={updateSiteAction}
      schema={updateSiteSchema}
      hidden={{ siteId: site.id }}
      submitLabel="Save site"
      refusalTitle="Cannot save this site"
      // Named by the code, which never changes, so the "saved" message survives a rename.
      label={`Edit site ${site.code}`}
    >
      <p className="text-sm text-slate-700">
        The code <span className="font-mono font-medium">{site.code}</span> stays as it is.
      </p>
      <TextField name="name" label="Name" autoComplete="off" defaultValue={site.name} />
      <TextField name="kind" label="Kind of site" autoComplete="off" defaultValue={site.kind} />
    </ActionForm>
  );
}
