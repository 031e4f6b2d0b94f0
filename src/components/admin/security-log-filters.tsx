import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SECURITY_ACTIONS } from "@/lib/auth/security-log";
import { SECURITY_ACTION_LABEL } from "@/lib/domain/labels";

export interface SecurityLogFilterValues {
  action?: string;
  q?: string;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

export function hasSecurityLogFilters(values: SecurityLogFilterValues): boolean {
  return Boolean(values.action || values.q);
}

/** A GET form, so a search can be bookmarked and works without script; it starts again at page 1. */
export function SecurityLogFilters({ values }: { values: SecurityLogFilterValues }) {
  return (
    <Form
      action="/admin/security-log"
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter the security log"
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_2fr_auto]"
    >
      <div>
        <label htmlFor="security-action" className="block text-sm font-medium text-slate-700">
          Event
        </label>
        <select id="security-action" name="action" defaultValue={values.action ?? ""} className={fieldClass}>
          <option value="">All events</option>
          {SECURITY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {SECURITY_ACTION_LABEL[action] ?? action}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="security-q" className="block text-sm font-medium text-slate-700">
          Person or email
        </label>
        <input
          id="security-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          maxLength={100}
          placeholder="e.g. Okafor, or an email a failed sign-in tried"
          className={fieldClass}
        />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {hasSecurityLogFilters(values) ? (
          <Link
            href="/admin/security-log"
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
