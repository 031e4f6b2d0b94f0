import { z } from "zod";
import { FEEDBACK_KINDS, SEVERITIES } from "@/lib/domain/vocabulary";
import { id, text, version } from "./common";

export const logFeedbackSchema = z.object({
  projectId: id("project"),
  milestoneId: id("milestone").optional(),
  kind: z.enum(FEEDBACK_KINDS, {
    error: "Choose what kind of feedback this is",
  }),
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  body: text("your feedback", 4000),
});
export type LogFeedbackInput = z.input<typeof logFeedbackSchema>;

export const feedbackRefSchema = z.object({ feedbackId: id("feedback"), version });
export type FeedbackRefInput = z.input<typeof feedbackRefSchema>;

export const respondToFeedbackSchema = feedbackRefSchema.extend({
  // Substance is the rule's to judge (feedbackStepViolations), so its message reaches the field.
  responseText: z.string().max(4000, "The response must be 4000 characters or fewer").default(""),
});
export type RespondToFeedbackInput = z.input<typeof respondToFeedbackSchema>;

export const reopenFeedbackSchema = feedbackRefSchema.extend({
  // Substance is the rule's to judge (feedbackStepViolations, FB-3), so its message reaches the field.
  comment: z.string().max(2000, "The comment must be 2000 characters or fewer").default(""),
});
export type ReopenFeedbackInput = z.input<typeof reopenFeedbackSchema>;
