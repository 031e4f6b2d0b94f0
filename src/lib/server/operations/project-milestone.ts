import "server-only";
// A milestone named alongside a project (feedback about it, a rebaseline of its date) must be one
// of that project's: otherwise the record would sit on one project and point into another.
import type { Milestone } from "@/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { invalid } from "./errors";

/** The milestone `milestoneId` of `projectId`, or INVALID beside the milestone field. */
export async function requireProjectMilestone(
  tx: DbTx,
  projectId: string,
  milestoneId: string,
): Promise<Milestone> {
  const milestone = await tx.milestone.findUnique({ where: { id: milestoneId } });
  if (milestone?.projectId !== projectId)
    throw invalid({ milestoneId: ["Choose a milestone of this project"] });
  return milestone;
}
