import { FilterForm, FilterSearch, FilterSelect } from "@/components/forms/filter-form";
import { PROJECT_KIND_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from "@/lib/domain/vocabulary";

export interface PortfolioFilterValues {
  stage?: ProjectStage;
  kind?: ProjectKind;
  site?: string;
  q?: string;
}

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

export function PortfolioFilters({
  values,
  sites,
}: {
  values: PortfolioFilterValues;
  sites: { code: string; name: string }[];
}) {
  return (
    <FilterForm
      action="/portfolio"
      label="Filter projects"
      values={{ q: values.q, stage: values.stage, kind: values.kind, site: values.site }}
      gridClassName="sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <FilterSearch
        id="filter-q"
        name="q"
        label="Code or name"
        value={values.q}
        placeholder="e.g. ePMA or DIG-01"
      />
      <FilterSelect
        id="filter-stage"
        name="stage"
        label="Stage"
        anyLabel="All stages"
        value={values.stage}
        options={STAGE_OPTIONS}
      />
      <FilterSelect
        id="filter-kind"
        name="kind"
        label="Kind"
        anyLabel="All kinds"
        value={values.kind}
        options={KIND_OPTIONS}
      />
      <FilterSelect
        id="filter-site"
        name="site"
        label="Site"
        anyLabel="All sites"
        value={values.site}
        options={sites.map((site) => ({ value: site.code, label: site.name }))}
      />
    </FilterForm>
  );
}
