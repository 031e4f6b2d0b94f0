import Form from "next/form";
import Link from "next/link";
import { ProjectKind, ProjectStage } from "@/generated/prisma/enums";
import { PROJECT_KIND_LABEL, STAGE_LABEL } from "../ui/labels";

export interface PortfolioFilterValues {
  stage?: ProjectStage;
  kind?: ProjectKind;
  site?: string;
  q?: string;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

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
  const filtered = Boolean(values.stage || values.kind || values.site || values.q);
  return (
    <Form
      action="/portfolio"
      // Remount when the URL's filters change (e.g. "Clear filters") so the fields show them.
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter projects"
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
    >
      <div>
        <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">
          Code or name
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          maxLength={100}
          placeholder="e.g. ePMA or DIG-01"
          className={fieldClass}
        />
      </div>
      <div>
        <label htmlFor="filter-stage" className="block text-sm font-medium text-slate-700">
          Stage
        </label>
        <select id="filter-stage" name="stage" defaultValue={values.stage ?? ""} className={fieldClass}>
          <option value="">All stages</option>
          {Object.values(ProjectStage).map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABEL[stage]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-kind" className="block text-sm font-medium text-slate-700">
          Kind
        </label>
        <select id="filter-kind" name="kind" defaultValue={values.kind ?? ""} className={fieldClass}>
          <option value="">All kinds</option>
          {Object.values(ProjectKind).map((kind) => (
            <option key={kind} value={kind}>
              {PROJECT_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-site" className="block text-sm font-medium text-slate-700">
          Site
        </label>
        <select id="filter-site" name="site" defaultValue={values.site ?? ""} className={fieldClass}>
          <option value="">All sites</option>
          {sites.map((site) => (
            <option key={site.code} value={site.code}>
              {site.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          Apply
        </button>
        {filtered ? (
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
