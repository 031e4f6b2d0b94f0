// A headline figure that opens the rows behind it (issue #12: every number clicks through). The
// tone says whether it needs attention; the words say so too, for readers who do not see colour.
// The dashboard's number links are not prefetched: a page holds dozens, each a signed-in server
// render, and fetching them all as they scroll into view kept the browser's main thread (and the
// server) busy for what an executive opens one at a time. A click still navigates in the app.
import Link from "next/link";
import type { Tone } from "@/components/ui/badge";

const TONE_BORDER: Record<Tone, string> = {
  neutral: "border-l-slate-300",
  info: "border-l-teal-600",
  green: "border-l-green-600",
  amber: "border-l-amber-500",
  red: "border-l-red-600",
};

export function DashboardStatGrid({ children }: { children: React.ReactNode }) {
  return <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">{children}</dl>;
}

export function DashboardStat({
  label,
  value,
  href,
  linkLabel,
  detail,
  tone = "neutral",
}: {
  label: string;
  value: React.ReactNode;
  /** Where the rows behind the figure are listed. */
  href: string;
  /** What the link opens, for screen readers ("the 12 live projects serving no objective"). */
  linkLabel: string;
  detail?: string;
  tone?: Tone;
}) {
  return (
    <div
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${TONE_BORDER[tone]}`}
    >
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">
        <Link
          prefetch={false}
          href={href}
          aria-label={linkLabel}
          className="underline decoration-slate-300 underline-offset-4 hover:decoration-teal-700"
        >
          {value}
        </Link>
      </dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

/** A count inside a table that opens its rows; zero is plain text, there is nothing to open. */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <span className="text-slate-500">0</span>;
  return (
    <Link
      prefetch={false}
      href={href}
      aria-label={label}
      className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950"
    >
      {count}
    </Link>
  );
}
