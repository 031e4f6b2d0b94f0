// Building blocks for the input schemas: form fields arrive as strings, so they are trimmed and
// coerced here, with messages written for the person filling in the form.
import { z } from "zod";

export const id = (what: string) => z.string({ error: `Choose a ${what}` }).uuid(`Choose a ${what}`);

/** A `YYYY-MM-DD` calendar date, as a Date at UTC midnight (what a PostgreSQL `date` column holds). */
export const calendarDate = (label: string) =>
  z.iso.date({ error: `Enter ${label} as a date` }).transform((value) => new Date(`${value}T00:00:00.000Z`));

export const version = z.coerce.number({ error: "Reload the page and try again" }).int().min(0);

export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** An HTML checkbox: "on" when ticked, absent otherwise. */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
