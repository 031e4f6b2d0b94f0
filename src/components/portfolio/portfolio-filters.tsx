import Form from "next/form";
import Link from "next/link";
import { PROJECT_KIND_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from "@/lib/domain/vocabulary";

export interface PortfolioFilterValues {
  stage?: ProjectStage;
  kind?: ProjectKind;
  site?: string;
  q?: string;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

const STAGE_OPTIONS = PROJECT_STAGES.map((stage) => ({
  value: stage,
  label: STAGE_LABEL[stage],
}));
const KIND_OPTIONS = PROJECT_KINDS.map((kind) => ({
  value: kind,
  label: PROJECT_KIND_LABEL[kind],
}));

/** Whether any filter is set: an empty list then means "nothing matches", not "nothing yet". */
export function hasFilters(values: PortfolioFilterValues): boolean {
  return Boolean(values.stage || values.kind || values.site || values.q);
}

/**
 * A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared, and
 * the form works before (or without) JavaScript. Submitting starts again at page 1.
 */
export function PortfolioFilters({
  values,
  sites,
}: {
  values: PortfolioFilterValues;
  sites: { code: string; name: string }[];
}) {
  return (
    <Form
      action="/portfolio"
      // Remount when the URL's filters change (e.g. "Clear filters") so the fields show them.
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter projects"
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <Field name="q" label="Code or name">
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          maxLength={100}
          placeholder="e.g. ePMA or DIG-01"
          className={fieldClass}
        />
      </Field>
      <SelectField
        name="stage"
        label="Stage"
        anyLabel="All stages"
        value={values.stage}
        options={STAGE_OPTIONS}
      />
      <SelectField name="kind" label="Kind" anyLabel="All kinds" value={values.kind} options={KIND_OPTIONS} />
      <SelectField
        name="site"
        label="Site"
        anyLabel="All sites"
        value={values.site}
        options={sites.map((site) => ({ value: site.code, label: site.name }))}
      />
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Apply
        </button>
        {hasFilters(values) ? (
          <Link
            href="/portfolio"
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** A labelled filter; the control inside has the id `filter-<name>`. */
function Field({ name, label, children }: { name: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A choice of one value, or none (the empty option) for no filter. */
function SelectField({
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field name={name} label={label}>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
