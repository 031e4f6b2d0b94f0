import { z } from "zod";
import { DECISION_KINDS } from "@/lib/domain/vocabulary";
import { calendarDate, optionalId, text } from "./common";

export const recordDecisionSchema = z.object({
  title: text("a title", 200),
  detail: text("what was decided", 4000),
  authority: text("the authority it was decided under", 200),
  rationale: text("the rationale", 4000),
  // A general decision unless the form says it is a pilot's scale verdict.
  kind: z.enum(DECISION_KINDS, { error: "Choose what kind of decision it is" }).default("GENERAL"),
  // Left out (or blank): decided today. Whether the day has come is the rule's (decisionViolations).
  decidedOn: z.preprocess(
    (value) => (value === "" ? undefined : value),
    calendarDate("the day it was decided").optional(),
  ),
  projectId: optionalId("project"),
  objectiveId: optionalId("objective"),
  feedbackId: optionalId("feedback item"),
  rebaselineId: optionalId("rebaseline"),
});
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;
