import { z } from "zod";
import { optionalId, text } from "./common";

export const recordDecisionSchema = z.object({
  title: text("a title", 200),
  detail: text("what was decided", 4000),
  authority: text("the authority it was decided under", 200),
  rationale: text("the rationale", 4000),
  projectId: optionalId("project"),
  objectiveId: optionalId("objective"),
  feedbackId: optionalId("feedback item"),
  rebaselineId: optionalId("rebaseline"),
});
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;
