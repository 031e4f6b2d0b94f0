// The heading of a list opened from a dashboard number: what it lists, under which filters, how
// many, and the way back to the overview with the same filters.
import Link from "next/link";
import { plural } from "@/components/ui/format";

export function DrilldownHeading({
  title,
  filters,
  backHref,
  count,
  noun,
}: {
  title: string;
  /** The dashboard's filters in force, by code. */
  filters: { site?: string | undefined; objective?: string | undefined };
  /** The overview with the same filters. */
  backHref: string;
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
        <Link href={backHref} className="font-medium text-teal-800 underline">
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
