// The alignment matrix (issue #12): one page of projects down, objectives across grouped by
// scorecard category. A cell says how the project serves the objective by symbol and word
// (● P primary, ○ S supporting), never by colour alone. The frame scrolls both ways with the
// header rows and the project column held in place, so 50 objectives stay readable.
import Link from "next/link";
import { CATEGORY_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import type { Contribution, ProjectStage, ScorecardCategory } from "@/lib/domain/vocabulary";

export interface AlignmentMatrixData {
  categories: readonly {
    category: ScorecardCategory;
    objectives: readonly { code: string; title: string }[];
  }[];
  rows: readonly {
    code: string;
    name: string;
    stage: ProjectStage;
    siteName: string;
    /** Objective code to how the project serves it. */
    links: Readonly<Record<string, Contribution>>;
  }[];
}

export function MatrixLegend() {
  return (
    <p className="mb-2 flex flex-wrap gap-x-4 text-sm text-slate-700">
      <span>
        <span aria-hidden="true" className="font-semibold text-teal-800">
          ● P
        </span>{" "}
        primary objective (the project is judged against it)
      </span>
      <span>
        <span aria-hidden="true" className="text-slate-600">
          ○ S
        </span>{" "}
        supporting objective
      </span>
      <span>blank: not aligned</span>
    </p>
  );
}

export function AlignmentMatrixTable({ matrix }: { matrix: AlignmentMatrixData }) {
  const objectives = matrix.categories.flatMap((c) => c.objectives);
  return (
    <section
      className="relative max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-label="Alignment matrix, scrolls both ways"
    >
      <table className="border-separate border-spacing-0 text-sm">
        <caption className="sr-only">
          Projects (rows) against objectives (columns, grouped by scorecard category): P primary, S supporting
        </caption>
        <thead>
          <tr>
            <th
              scope="col"
              rowSpan={2}
              className="sticky top-0 left-0 z-30 h-16 min-w-64 border-r border-b border-slate-200 bg-slate-50 px-3 text-left text-xs font-semibold text-slate-600 uppercase"
            >
              Project
            </th>
            {matrix.categories.map((group) => (
              <th
                key={group.category}
                scope="colgroup"
                colSpan={group.objectives.length}
                className="sticky top-0 z-20 h-8 border-b border-l border-slate-200 bg-slate-100 px-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700"
              >
                {CATEGORY_LABEL[group.category]}
              </th>
            ))}
          </tr>
          <tr>
            {objectives.map((o) => (
              <th
                key={o.code}
                scope="col"
                className="sticky top-8 z-20 h-8 border-b border-l border-slate-200 bg-slate-50 px-2 text-xs font-medium whitespace-nowrap"
              >
                <Link
                  prefetch={false}
                  href={`/objectives/${encodeURIComponent(o.code)}`}
                  title={o.title}
                  className="text-teal-800 underline-offset-2 hover:underline"
                >
                  {o.code}
                  <span className="sr-only">: {o.title}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((p) => (
            <tr key={p.code} className="hover:bg-teal-50/40">
              <th
                scope="row"
                className="sticky left-0 z-10 border-r border-b border-slate-100 bg-white px-3 py-1.5 text-left font-normal"
              >
                <Link
                  prefetch={false}
                  href={`/projects/${encodeURIComponent(p.code)}`}
                  className="font-medium text-teal-800 underline-offset-2 hover:underline"
                >
                  {p.code}
                </Link>{" "}
                <span className="text-slate-800">{p.name}</span>
                <span className="block text-xs text-slate-500">
                  {STAGE_LABEL[p.stage]} · {p.siteName}
                </span>
              </th>
              {objectives.map((o) => {
                const link = p.links[o.code];
                return (
                  <td
                    key={o.code}
                    className="border-b border-l border-slate-100 px-2 text-center whitespace-nowrap"
                  >
                    {link === "PRIMARY" ? (
                      <span className="font-semibold text-teal-800">
                        <span aria-hidden="true">● P</span>
                        <span className="sr-only">Primary</span>
                      </span>
                    ) : link === "SUPPORTING" ? (
                      <span className="text-slate-600">
                        <span aria-hidden="true">○ S</span>
                        <span className="sr-only">Supporting</span>
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
