import { z } from "zod";
import { calendarDate, checkbox, id, optionalText, text, version } from "./common";

export const createMilestoneSchema = z.object({
  projectId: id("project"),
  title: text("a title", 200),
  description: optionalText("the description", 2000),
  ownerId: id("owner").optional(),
  baselineDate: calendarDate("the baseline date"),
  isGate: checkbox,
});
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;

export const changeMilestoneForecastSchema = z.object({
  milestoneId: id("milestone"),
  version,
  forecastDate: calendarDate("the new forecast date"),
  // Checked for substance by the rule (forecastChangeViolations), so the message names what is missing.
  reason: z.string().default(""),
});
export type ChangeMilestoneForecastInput = z.input<typeof changeMilestoneForecastSchema>;

export const completeMilestoneSchema = z.object({
  milestoneId: id("milestone"),
  version,
  actualDate: calendarDate("the date it was done"),
});
export type CompleteMilestoneInput = z.input<typeof completeMilestoneSchema>;

export const cancelMilestoneSchema = z.object({
  milestoneId: id("milestone"),
  version,
  reason: z.string().default(""),
});
export type CancelMilestoneInput = z.input<typeof cancelMilestoneSchema>;
