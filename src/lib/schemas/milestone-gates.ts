import { z } from "zod";
import { id, version } from "./common";

export const approveMilestoneGateSchema = z.object({
  milestoneId: id("milestone"),
  version,
});
export type ApproveMilestoneGateInput = z.input<typeof approveMilestoneGateSchema>;
