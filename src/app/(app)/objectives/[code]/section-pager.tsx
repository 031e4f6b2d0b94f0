import Link from "next/link";
import { plural } from "@/components/ui/format";

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50";
const disabledClass = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";

/**
 * Previous / next for one of the objective page's two paged sections (metrics, projects): each
 * keeps its own page number in the URL, so paging one leaves the other where it was.
 */
export function SectionPager({
  label,
  path,
  param,
  otherParams,
  anchor,
  paged,
  noun,
}: {
  label: string;
  path: string;
  /** The query parameter holding this section's page. */
  param: string;
  /** The other section's page, kept on every link. */
  otherParams: Record<string, string | undefined>;
  anchor: string;
  paged: { page: number; pageCount: number; total: number };
  noun: string;
}) {
  const { page, pageCount, total } = paged;
  const href = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(otherParams)) if (value) search.set(key, value);
    if (target > 1) search.set(param, String(target));
    const query = search.toString();
    return `${path}${query ? `?${query}` : ""}#${anchor}`;
  };
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {plural(total, noun)} · Page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} rel="prev" className={linkClass}>
            Previous<span className="sr-only"> {noun}s</span>
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Previous<span className="sr-only"> {noun}s</span>
          </span>
        )}
        {page < pageCount ? (
          <Link href={href(page + 1)} rel="next" className={linkClass}>
            Next<span className="sr-only"> {noun}s</span>
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Next<span className="sr-only"> {noun}s</span>
          </span>
        )}
      </div>
    </nav>
  );
}
