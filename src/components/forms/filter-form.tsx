// The one way to build a list's filters: a GET form, so the filters live in the URL (a filtered
// list can be bookmarked and shared), the form works before or without JavaScript, and submitting
// starts again at page 1 (no page parameter is carried).
import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export interface FilterOption {
  value: string;
  label: string;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600";

export function FilterForm({
  action,
  label,
  values,
  gridClassName,
  submitLabel = "Apply",
  clearLabel = "Clear filters",
  children,
}: {
  /** The list's own path; "clear" goes back to it bare. */
  action: string;
  /** The search landmark's name, e.g. "Filter projects". */
  label: string;
  /** The filters in the URL now: any set shows "clear", and a change remounts the fields. */
  values: Record<string, string | undefined>;
  /** The grid's columns at each width, e.g. "sm:grid-cols-2 lg:grid-cols-[2fr_1fr_auto]". */
  gridClassName: string;
  submitLabel?: string;
  clearLabel?: string;
  children: React.ReactNode;
}) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <Form
      action={action}
      // Remount when the URL's filters change (e.g. "clear") so the fields show them.
      key={JSON.stringify(values)}
      role="search"
      aria-label={label}
      className={`mb-4 grid grid-cols-1 items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${gridClassName}`}
    >
      {children}
      {/* Level with the fields' boxes (below their labels), whatever hints hang under them. */}
      <div className="flex items-center gap-3 sm:pt-6">
        <button type="submit" className={buttonClass("primary")}>
          {submitLabel}
        </button>
        {filtered ? (
          <Link
            href={action}
            className="py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            {clearLabel}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Free text matched by the list's read (e.g. a code or name). */
export function FilterSearch({
  id,
  name,
  label,
  value,
  placeholder,
  maxLength = 100,
  hint,
}: {
  /** Unique on the page: two filter forms never share an id. */
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  maxLength?: number;
  /** What to type, under the field and read with it. */
  hint?: React.ReactNode;
}) {
  return (
    <FilterField id={id} label={label}>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={fieldClass}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </FilterField>
  );
}

/** A choice of one value, or none (the first, empty option) for no filter. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  /** Unique on the page: two filter forms never share an id. */
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly FilterOption[];
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
