"use client";
// The tabs of a project's pages. Links, not script: each tab is a page of its own with its own URL,
// so it can be bookmarked, opened in a new tab and read by a screen reader as navigation.
import Link from "next/link";
import { usePathname } from "next/navigation";

export const PROJECT_TABS = [
  { segment: "", label: "Overview" },
  { segment: "team", label: "Team" },
  { segment: "milestones", label: "Milestones" },
  { segment: "metrics", label: "Metrics" },
  { segment: "feedback", label: "Feedback" },
  { segment: "risks", label: "Risks" },
  { segment: "costs", label: "Costs" },
  { segment: "decisions", label: "Decisions" },
  { segment: "history", label: "History" },
] as const;

export function ProjectTabs({ code }: { code: string }) {
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(code)}`;
  return (
    <nav aria-label="Project sections" className="-mt-2 mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {PROJECT_TABS.map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const current = pathname === href;
          return (
            <li key={tab.segment}>
              <Link
                href={href}
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
