// The matrix's filters as a GET form: the dashboard's own (site, objective) and the matrix's
// (objectives of one category across; projects of a stage or matching a search down), all in the
// URL; submitting starts again at the first page of projects and of objectives.
import { FilterForm, FilterSearch, FilterSelect } from "@/components/forms/filter-form";
import { CATEGORY_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { PROJECT_STAGES, SCORECARD_CATEGORIES } from "@/lib/domain/vocabulary";
import { type FilterOption, siteOptions } from "./dashboard-filter-form";
import { ObjectiveFilterField } from "./objective-filter-field";

const CATEGORY_OPTIONS = SCORECARD_CATEGORIES.map((category) => ({
  value: category,
  label: CATEGORY_LABEL[category],
}));
const STAGE_OPTIONS = PROJECT_STAGES.map((stage) => ({ value: stage, label: STAGE_LABEL[stage] }));

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
  return (
    <FilterForm
      action="/leadership/alignment"
      label="Filter the alignment matrix"
      values={{ ...values }}
      gridClassName="sm:grid-cols-3 xl:grid-cols-[1fr_1.5fr_1.2fr_1fr_1.3fr_auto]"
    >
      <FilterSelect
        id="matrix-site"
        name="site"
        label="Site"
        value={values.site}
        anyLabel="All sites"
        options={siteOptions(sites)}
      />
      <ObjectiveFilterField id="matrix-objective" value={values.objective} objectives={objectives} />
      <div>
        <FilterSelect
          id="matrix-category"
          name="category"
          label="Objectives across"
          value={values.category}
          anyLabel="Every category"
          options={CATEGORY_OPTIONS}
        />
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
      <FilterSelect
        id="matrix-stage"
        name="stage"
        label="Stage"
        value={values.stage}
        anyLabel="All stages"
        options={STAGE_OPTIONS}
      />
      <FilterSearch id="matrix-q" name="q" label="Project code or name" value={values.q} />
    </FilterForm>
  );
}
