import Link from "next/link";
import { pageHref } from "@/lib/navigation";
import { plural } from "./format";

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50";
const disabledClass = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";

export function Pagination({
  path,
  params = {},
  paged,
  noun,
}: {
  path: string;
  /** The list's other query parameters (its filters), kept on every page link. */
  params?: Record<string, string | undefined>;
  /** The page shown, as a paged read returns it. */
  paged: { page: number; pageCount: number; total: number };
  /** What is being counted, singular: "project". */
  noun: string;
}) {
  const { page, pageCount, total } = paged;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {plural(total, noun)} · Page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={pageHref(path, params, page - 1)} rel="prev" className={linkClass}>
            Previous<span className="sr-only"> page</span>
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Previous<span className="sr-only"> page</span>
          </span>
        )}
        {page < pageCount ? (
          <Link href={pageHref(path, params, page + 1)} rel="next" className={linkClass}>
            Next<span className="sr-only"> page</span>
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Next<span className="sr-only"> page</span>
          </span>
        )}
      </div>
    </nav>
  );
}
