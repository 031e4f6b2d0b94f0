import { z } from "zod";
import { calendarDate, id, text } from "./common";

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const AMOUNT = /^0*(\d+)(?:\.(\d{1,2}))?$/;
// Decimal(14, 2): twelve digits of pounds and two of pence.
const MAX_POUND_DIGITS = 12;
const FORMAT_MESSAGE = "Enter the amount in pounds with at most two decimal places, for example 1250.50";
const ABOVE_ZERO_MESSAGE = "Enter an amount above zero: a cost entry records money spent";

/**
 * Money as typed ("£1,250.5", "1250.50") or as a number, normalised to the exact text a Prisma
 * Decimal takes ("1250.50"), so no binary fraction ever touches a pound.
 */
const amount = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string({ error: "Enter the amount" }).transform((raw, ctx) => {
    const refuse = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    };
    const typed = raw.trim().replace(/^£\s*/, "");
    if (typed === "") return refuse("Enter the amount");
    if (typed.startsWith("-")) return refuse(ABOVE_ZERO_MESSAGE);
    const match = AMOUNT.exec(GROUPED.test(typed) ? typed.replaceAll(",", "") : typed);
    if (!match?.[1]) return refuse(FORMAT_MESSAGE);
    const pounds = match[1];
    const pence = (match[2] ?? "").padEnd(2, "0");
    if (pounds.length > MAX_POUND_DIGITS) {
      return refuse("That amount is too large for one entry: the most it can hold is 999,999,999,999.99");
    }
    if (pounds === "0" && pence === "00") return refuse(ABOVE_ZERO_MESSAGE);
    return `${pounds}.${pence}`;
  }),
);

/** `<input type="month">` submits "2025-03"; a date field submits "2025-03-01". Both name a month. */
const period = z
  .string({ error: "Choose the month the spend belongs to" })
  .trim()
  .transform((value) => (/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value))
  .pipe(calendarDate("the month the spend belongs to"));

export const recordCostEntrySchema = z.object({
  projectId: id("project"),
  period,
  amount,
  description: text("a description", 500),
});
export type RecordCostEntryInput = z.input<typeof recordCostEntrySchema>;
