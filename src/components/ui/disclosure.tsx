// A control that opens a small form in place ("Change forecast", "Reject with a reason"): a native
// <details>, so it works by keyboard and with assistive technology with no script of its own.
export function Disclosure({
  summary,
  children,
  defaultOpen,
}: {
  summary: string;
  children: React.ReactNode;
  defaultOpen?: boolean;
}) {
  return (
    <details open={defaultOpen} className="group rounded-md">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md px-2.5 py-1.5 text-sm font-medium text-teal-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="transition group-open:rotate-90">
          ›
        </span>
        {summary}
      </summary>
      <div className="mt-2 rounded-md border border-slate-200 bg-white p-4 shadow-sm">{children}</div>
    </details>
  );
}
