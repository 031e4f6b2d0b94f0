import { z } from "zod";
import { calendarDate, id, money, text } from "./common";

/** `<input type="month">` submits "2025-03"; a date field submits "2025-03-01". Both name a month. */
const period = z
  .string({ error: "Choose the month the spend belongs to" })
  .trim()
  .transform((value) => (/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value))
  .pipe(calendarDate("the month the spend belongs to"));

export const recordCostEntrySchema = z.object({
  projectId: id("project"),
  period,
  amount: money("the amount", { aboveZero: "Enter an amount above zero: a cost entry records money spent" }),
  description: text("a description", 500),
});
export type RecordCostEntryInput = z.input<typeof recordCostEntrySchema>;

// Whether the reason explains anything is the rule's to judge (costReversalViolations), so its
// message reaches the reason field.
export const reverseCostEntrySchema = z.object({
  costEntryId: id("cost entry"),
  reason: z.string({ error: "Give a reason for reversing this cost" }).default(""),
});
export type ReverseCostEntryInput = z.input<typeof reverseCostEntrySchema>;
