"use client";
// A set of options as large radio buttons in a fieldset: one tap each on a tablet, every option in
// view (a select hides them behind a second tap), errors beside the group like every other field.
import { useFieldErrors } from "../forms/action-form";
import type { Option } from "../forms/fields";

export function ChoiceField({
  name,
  legend,
  hint,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
}) {
  const { id, errors } = useFieldErrors(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 has-checked:border-teal-700 has-checked:bg-teal-50 has-checked:font-semibold has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-teal-600"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              aria-invalid={errors.length ? true : undefined}
              className="h-4 w-4 border-slate-300 text-teal-700 focus:ring-teal-600"
            />
            {option.label}
          </label>
        ))}
      </div>
      {errors.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(". ")}
        </p>
      ) : null}
    </fieldset>
  );
}
