import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ROLE_LABEL } from "@/lib/domain/labels";
import { ROLES, type Role } from "@/lib/domain/vocabulary";

export interface UserFilterValues {
  q?: string;
  role?: Role;
  status?: "active" | "deactivated";
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

export function hasUserFilters(values: UserFilterValues): boolean {
  return Boolean(values.q || values.role || values.status);
}

/** A GET form, so a search can be bookmarked and works without script; it starts again at page 1. */
export function UserFilters({ values }: { values: UserFilterValues }) {
  return (
    <Form
      action="/admin/users"
      key={JSON.stringify(values)}
      role="search"
      aria-label="Find users"
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
    >
      <div>
        <label htmlFor="users-q" className="block text-sm font-medium text-slate-700">
          Name or email
        </label>
        <input
          id="users-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          maxLength={100}
          placeholder="e.g. Okafor or pm@"
          className={fieldClass}
        />
      </div>
      <div>
        <label htmlFor="users-role" className="block text-sm font-medium text-slate-700">
          Role
        </label>
        <select id="users-role" name="role" defaultValue={values.role ?? ""} className={fieldClass}>
          <option value="">All roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABEL[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="users-status" className="block text-sm font-medium text-slate-700">
          Status
        </label>
        <select id="users-status" name="status" defaultValue={values.status ?? ""} className={fieldClass}>
          <option value="">Active and deactivated</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </select>
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Find
        </button>
        {hasUserFilters(values) ? (
          <Link
            href="/admin/users"
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
