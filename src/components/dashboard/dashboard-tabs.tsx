"use client";
// The leadership dashboard's tabs. Each is a page of its own; the filters (site, objective) ride
// along in the query string, so moving between tabs keeps the view the executive chose.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

export const DASHBOARD_TABS = [
  { href: "/leadership", label: "Overview" },
  { href: "/leadership/delivery", label: "Delivery" },
  { href: "/leadership/alignment", label: "Alignment matrix" },
] as const;

/** Only the dashboard's own filters travel between tabs (not a tab's paging or sorting). */
const SHARED_PARAMS = ["site", "objective"] as const;

export function DashboardTabs() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const shared = new URLSearchParams();
  for (const name of SHARED_PARAMS) {
    const value = searchParams.get(name);
    if (value) shared.set(name, value);
  }
  const query = shared.toString() ? `?${shared.toString()}` : "";
  return (
    <nav aria-label="Dashboard sections" className="mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {DASHBOARD_TABS.map((tab) => {
          const current = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={`${tab.href}${query}`}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-teal-700 text-teal-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
