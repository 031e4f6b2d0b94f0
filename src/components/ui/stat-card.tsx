import type { Tone } from "./badge";

const TONE_BORDER: Record<Tone, string> = {
  neutral: "border-l-slate-300",
  info: "border-l-teal-600",
  green: "border-l-green-600",
  amber: "border-l-amber-500",
  red: "border-l-red-600",
};

/** Headline numbers as one description list, so each number is read with its label. */
export function StatGrid({ children }: { children: React.ReactNode }) {
  return <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</dl>;
}

/** One headline number; the tone says whether it needs attention (red/amber) or is fine (green). */
export function StatCard({
  label,
  value,
  detail,
  tone = "neutral",
}: {
  label: string;
  value: number | string;
  detail?: string;
  tone?: Tone;
}) {
  return (
    <div
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${TONE_BORDER[tone]}`}
    >
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}
