// The dashboard's filters as a GET form on the tab being read: they live in the URL, work before
// (or without) JavaScript, and a filtered view can be bookmarked and shared.
import Form from "next/form";
import Link from "next/link";
import { ObjectiveFilterField } from "./objective-filter-field";

export interface DashboardFilterValues {
  site?: string;
  objective?: string;
}

export interface FilterOption {
  code: string;
  name: string;
}

const labelClass = "block text-sm font-medium text-slate-700";
const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

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
  const filtered = Boolean(values.site || values.objective);
  return (
    <Form
      action={action}
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter the dashboard"
      className="mb-6 grid grid-cols-1 items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_2fr_auto]"
    >
      <div>
        <label htmlFor="dashboard-site" className={labelClass}>
          Site
        </label>
        <select id="dashboard-site" name="site" defaultValue={values.site ?? ""} className={fieldClass}>
          <option value="">All sites</option>
          {sites.map((site) => (
            <option key={site.code} value={site.code}>
              {site.name}
            </option>
          ))}
        </select>
      </div>
      <ObjectiveFilterField
        id="dashboard-objective"
        value={values.objective}
        objectives={objectives}
        fieldClass={fieldClass}
        labelClass={labelClass}
      />
      <div className="flex items-center gap-3 sm:pt-6">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Apply
        </button>
        {filtered ? (
          <Link
            href={action}
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
