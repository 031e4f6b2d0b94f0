// The heading of a list opened from a dashboard number: what it lists, under which filters, how
// many, and the way back to the overview with the same filters.
import Link from "next/link";
import { plural } from "@/components/ui/format";
import { type DashboardFilters, dashboardQuery } from "@/lib/server/dashboard-filters";

export function DrilldownHeading({
  title,
  filters,
  count,
  noun,
}: {
  title: string;
  filters: DashboardFilters;
  count: number;
  noun: string;
}) {
  const scope = [
    filters.site ? `site ${filters.site}` : null,
    filters.objective ? `objective ${filters.objective}` : null,
  ].filter(Boolean);
  return (
    <div className="mb-4">
      <p className="text-sm">
        <Link href={`/leadership${dashboardQuery(filters)}`} className="font-medium text-teal-800 underline">
          Back to the overview
        </Link>
      </p>
      <h2 className="mt-2 text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="drilldown-count">
        {plural(count, noun)}
        {scope.length > 0 ? `, filtered by ${scope.join(" and ")}` : ", across the trust"}
      </p>
    </div>
  );
}
