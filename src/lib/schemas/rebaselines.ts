import { z } from "zod";
import { calendarDate, id, money, version } from "./common";

// Which values move, whether they differ from the baseline and whether the reason explains
// anything are the rule's to judge (rebaselineRequestViolations), so its messages reach the fields.
export const requestRebaselineSchema = z.object({
  projectId: id("project"),
  milestoneId: id("milestone").optional(),
  proposedEndDate: calendarDate("the new end date").optional(),
  proposedBudget: money("the new budget").optional(),
  proposedMilestoneDate: calendarDate("the new milestone date").optional(),
  reason: z.string().default(""),
});
export type RequestRebaselineInput = z.input<typeof requestRebaselineSchema>;

export const decideRebaselineSchema = z.object({
  rebaselineId: id("rebaseline"),
  version,
  decision: z.enum(["APPROVED", "REJECTED"], { error: "Choose approve or reject" }),
  // Required to reject (the rule judges it); optional context when approving.
  reason: z.string().max(2000, "The reason must be 2000 characters or fewer").default(""),
});
export type DecideRebaselineInput = z.input<typeof decideRebaselineSchema>;
