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
