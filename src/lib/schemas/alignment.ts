import { z } from "zod";
import { CONTRIBUTIONS } from "@/lib/domain/vocabulary";
import { id, text } from "./common";

export const alignProjectSchema = z.object({
  projectId: id("project"),
  objectiveId: id("objective"),
  contribution: z.enum(CONTRIBUTIONS, { error: "Choose primary or supporting" }),
  rationale: text("how the project serves this objective", 2000),
});
export type AlignProjectInput = z.input<typeof alignProjectSchema>;

export const removeAlignmentSchema = z.object({ projectId: id("project"), objectiveId: id("objective") });
export type RemoveAlignmentInput = z.input<typeof removeAlignmentSchema>;
