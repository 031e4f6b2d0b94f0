// Building blocks for the input schemas: form fields arrive as strings, so they are trimmed and
// coerced here, with messages written for the person filling in the form.
import { z } from "zod";
import { parseIsoDate } from "@/lib/domain/calendar";
import { type MoneyProblem, readMoney } from "@/lib/domain/money";
import { SCORECARD_CATEGORIES } from "@/lib/domain/vocabulary";

/** "the title" → "The title", for messages that start with the label. */
const capitalise = (label: string) => `${label[0]?.toUpperCase()}${label.slice(1)}`;

export const id = (what: string) => z.string({ error: `Choose a ${what}` }).uuid(`Choose a ${what}`);

/** An optional link chosen from a list, whose "none" option submits "": that means no link. */
export const optionalId = (what: string) =>
  z.preprocess((value) => (value === "" ? undefined : value), id(what).optional()).optional();

/** A `YYYY-MM-DD` calendar date, as a Date at UTC midnight (what a PostgreSQL `date` column holds). */
export const calendarDate = (label: string) =>
  z.iso.date({ error: `Enter ${label} as a date` }).transform(parseIsoDate);

export const version = z.coerce.number({ error: "Reload the page and try again" }).int().min(0);

export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** The balanced-scorecard perspective an objective or a metric sits under. */
export const scorecardCategory = z.enum(SCORECARD_CATEGORIES, { error: "Choose a scorecard category" });

/** An HTML checkbox: "on" when ticked, absent otherwise. */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number typed into a form, as "92.5" or 92.5, checked by `schema`. Blank is missing, not zero
 * (`z.coerce.number` would read "" as 0 and record a zero nobody entered), and "1e3" or "0x10"
 * are not numbers here: they reach `schema` as text, for it to refuse.
 */
export const formNumber = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (trimmed === "") return undefined;
    return DECIMAL.test(trimmed) ? Number(trimmed) : trimmed;
  }, schema);

export const numberField = (label: string) =>
  formNumber(
    z.number({
      error: (issue) =>
        issue.input === undefined ? `Enter ${label}` : `Enter ${label} as a number, for example 92.5`,
    }),
  );

/**
 * Money as typed ("£1,250.5", "1250.50") or as a number, normalised to the exact text a Prisma
 * Decimal takes ("1250.50"), so no binary fraction ever touches a pound. 0 or more, unless
 * `aboveZero` is given: then zero and below are refused with that message.
 */
export const money = (label: string, options: { aboveZero?: string } = {}) => {
  const problems: Record<MoneyProblem, string> = {
    BLANK: `Enter ${label}`,
    NEGATIVE: options.aboveZero ?? `${capitalise(label)} cannot be negative: enter 0 or more`,
    NOT_MONEY: `Enter ${label} in pounds with at most two decimal places, for example 1250.50`,
    TOO_LARGE: `${capitalise(label)} is too large: the most it can hold is £999,999,999,999.99`,
  };
  return z.union([z.string(), z.number()], { error: `Enter ${label}` }).transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const reading = readMoney(String(value));
    if (!reading.ok) return fail(problems[reading.problem]);
    if (options.aboveZero && reading.amount === "0.00") return fail(options.aboveZero);
    return reading.amount;
  });
};
