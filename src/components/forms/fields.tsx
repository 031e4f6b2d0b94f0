"use client";
// Form fields with their label, an optional hint, and the errors the last attempt left beside
// them (read from the enclosing ActionForm), tied together for assistive technology.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useFieldErrors } from "./action-form";

const CONTROL_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600 aria-invalid:border-red-600";

interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function useDescribed({ name, hint }: Pick<FieldFrameProps, "name" | "hint">) {
  const { id, errors } = useFieldErrors(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return {
    id,
    errors,
    hintId,
    errorId,
    control: {
      id,
      name,
      "aria-invalid": errors.length ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
  };
}

function Frame({
  id,
  label,
  hint,
  hintId,
  errors,
  errorId,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  hintId?: string;
  errors: string[];
  errorId?: string;
  required?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(". ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  required = true,
  ...input
}: FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const d = useDescribed({ name, hint });
  return (
    <Frame {...d} label={label} hint={hint} required={required}>
      <input {...input} {...d.control} className={CONTROL_CLASS} />
    </Frame>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required = true,
  rows = 3,
  ...input
}: FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const d = useDescribed({ name, hint });
  return (
    <Frame {...d} label={label} hint={hint} required={required}>
      <textarea rows={rows} {...input} {...d.control} className={CONTROL_CLASS} />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  name,
  label,
  hint,
  required = true,
  options,
  placeholder,
  ...select
}: FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & {
    options: readonly Option[];
    placeholder?: string;
  }) {
  const d = useDescribed({ name, hint });
  return (
    <Frame {...d} label={label} hint={hint} required={required}>
      <select {...select} {...d.control} className={CONTROL_CLASS}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
}: Omit<FieldFrameProps, "required"> & { defaultChecked?: boolean }) {
  const d = useDescribed({ name, hint });
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          defaultChecked={defaultChecked}
          {...d.control}
          className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700 focus:ring-teal-600"
        />
        <label htmlFor={d.id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={d.hintId} className="ml-6 mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {d.errors.length ? (
        <p id={d.errorId} className="ml-6 mt-1 text-sm text-red-700">
          {d.errors.join(". ")}
        </p>
      ) : null}
    </div>
  );
}
