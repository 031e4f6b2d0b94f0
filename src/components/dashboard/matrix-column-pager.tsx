// Paging across the alignment matrix's objective columns (issue #12): a screen holds a dozen
// objectives readably, so 500 are read a dozen at a time, as the projects are read 25 at a time.
// Its own landmark name, beside the projects' "Pagination", so both are found by name.
import Link from "next/link";
import { CATEGORY_LABEL } from "@/lib/domain/labels";
import type { ScorecardCategory } from "@/lib/domain/vocabulary";

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50";
const disabledClass = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";

export function MatrixColumnPager({
  columns,
  categories,
  href,
}: {
  /** The page of objective columns shown, and how many objectives there are in all. */
  columns: { page: number; pageCount: number; pageSize: number; total: number };
  /** The categories on this page, in order. */
  categories: readonly ScorecardCategory[];
  /** The matrix at another page of columns, keeping its filters and its page of projects. */
  href: (columnPage: number) => string;
}) {
  const { page, pageCount, pageSize, total } = columns;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav
      aria-label="Objective columns"
      className="mb-2 flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <p className="text-slate-700">
        Objectives {first}–{last} of {total}
        {categories.length > 0 ? (
          <span className="text-slate-600"> ({categories.map((c) => CATEGORY_LABEL[c]).join(", ")})</span>
        ) : null}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} className={linkClass}>
              Previous {pageSize}
              <span className="sr-only"> objectives</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={disabledClass}>
              Previous {pageSize}
              <span className="sr-only"> objectives</span>
            </span>
          )}
          {page < pageCount ? (
            <Link href={href(page + 1)} className={linkClass}>
              Next {pageSize}
              <span className="sr-only"> objectives</span>
            </Link>
          ) : (
            <span aria-disabled="true" className={disabledClass}>
              Next {pageSize}
              <span className="sr-only"> objectives</span>
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
