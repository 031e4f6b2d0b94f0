// The matrix's filters as a GET form: the dashboard's own (site, objective) and the matrix's
// (objectives of one category across; projects of a stage or matching a search down), all in the
// URL; submitting starts again at the first page of projects and of objectives.
import Form from "next/form";
import Link from "next/link";
import { CATEGORY_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { PROJECT_STAGES, SCORECARD_CATEGORIES } from "@/lib/domain/vocabulary";
import type { FilterOption } from "./dashboard-filter-form";
import { ObjectiveFilterField } from "./objective-filter-field";

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";
const labelClass = "block text-sm font-medium text-slate-700";

export function AlignmentMatrixFilters({
  values,
  sites,
  objectives,
}: {
  values: {
    site?: string | undefined;
    objective?: string | undefined;
    category?: string | undefined;
    serving?: string | undefined;
    stage?: string | undefined;
    q?: string | undefined;
  };
  sites: readonly FilterOption[];
  objectives: readonly FilterOption[];
}) {
  const filtered = Boolean(
    values.site || values.objective || values.category || values.serving || values.stage || values.q,
  );
  return (
    <Form
      action="/leadership/alignment"
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter the alignment matrix"
      className="mb-4 grid grid-cols-1 items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 xl:grid-cols-[1fr_1.5fr_1.2fr_1fr_1.3fr_auto]"
    >
      <div>
        <label htmlFor="matrix-site" className={labelClass}>
          Site
        </label>
        <select id="matrix-site" name="site" defaultValue={values.site ?? ""} className={fieldClass}>
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <ObjectiveFilterField
        id="matrix-objective"
        value={values.objective}
        objectives={objectives}
        fieldClass={fieldClass}
        labelClass={labelClass}
      />
      <div>
        <label htmlFor="matrix-category" className={labelClass}>
          Objectives across
        </label>
        <select
          id="matrix-category"
          name="category"
          defaultValue={values.category ?? ""}
          className={fieldClass}
        >
          <option value="">Every category</option>
          {SCORECARD_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}
            </option>
          ))}
        </select>
        <div className="mt-2 flex items-start gap-2">
          <input
            id="matrix-serving"
            name="serving"
            type="checkbox"
            value="1"
            defaultChecked={values.serving === "1"}
            className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-teal-700"
          />
          <label htmlFor="matrix-serving" className="text-xs text-slate-700">
            Only projects serving one of the objectives shown
          </label>
        </div>
      </div>
      <div>
        <label htmlFor="matrix-stage" className={labelClass}>
          Stage
        </label>
        <select id="matrix-stage" name="stage" defaultValue={values.stage ?? ""} className={fieldClass}>
          <option value="">All stages</option>
          {PROJECT_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABEL[stage]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="matrix-q" className={labelClass}>
          Project code or name
        </label>
        <input
          id="matrix-q"
          name="q"
          type="search"
          maxLength={100}
          defaultValue={values.q ?? ""}
          className={fieldClass}
        />
      </div>
      <div className="flex items-center gap-3 sm:pt-6">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Apply
        </button>
        {filtered ? (
          <Link
            href="/leadership/alignment"
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
