/**
 * What a page shows while its data loads: a status that assistive technology announces once, and
 * a quiet outline of a page so the layout does not jump when the data arrives.
 */
export function LoadingPanel({ label = "Loading…", rows = 5 }: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse motion-reduce:animate-none">
      <p className="mb-4 text-sm font-medium text-slate-600">{label}</p>
      <div aria-hidden="true" className="space-y-3">
        <div className="h-7 w-1/3 rounded bg-slate-200" />
        <div className="h-4 w-2/3 rounded bg-slate-100" />
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          {Array.from({ length: rows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
            <div key={i} className="mb-3 h-4 rounded bg-slate-100 last:mb-0" />
          ))}
        </div>
      </div>
    </div>
  );
}
