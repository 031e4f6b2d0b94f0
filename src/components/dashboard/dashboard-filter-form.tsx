// The dashboard's filters on the tab being read, in the URL like every list's
// (components/forms/filter-form).
import { FilterForm, FilterSelect } from "@/components/forms/filter-form";
import { ObjectiveFilterField } from "./objective-filter-field";

export interface DashboardFilterValues {
  site?: string;
  objective?: string;
}

export interface FilterOption {
  code: string;
  name: string;
}

/** The sites as a filter's options: by name, posting the code. */
export function siteOptions(sites: readonly FilterOption[]) {
  return sites.map((site) => ({ value: site.code, label: site.name }));
}

export function DashboardFilterForm({
  action,
  values,
  sites,
  objectives,
}: {
  /** The tab's own path, e.g. "/leadership/delivery". */
  action: string;
  values: DashboardFilterValues;
  sites: readonly FilterOption[];
  /** The objectives to choose from; past OBJECTIVE_LIST_LIMIT, the code is typed instead. */
  objectives: readonly FilterOption[];
}) {
  return (
    <FilterForm
      action={action}
      label="Filter the dashboard"
      values={{ site: values.site, objective: values.objective }}
      gridClassName="sm:grid-cols-[1fr_2fr_auto]"
    >
      <FilterSelect
        id="dashboard-site"
        name="site"
        label="Site"
        value={values.site}
        anyLabel="All sites"
        options={siteOptions(sites)}
      />
      <ObjectiveFilterField id="dashboard-objective" value={values.objective} objectives={objectives} />
    </FilterForm>
  );
}
