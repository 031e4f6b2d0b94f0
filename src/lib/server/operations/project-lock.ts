import "server-only";
// One project's changes in turn. Checks that read a project's links (alignments, RACI, stage,
// baselines) and the writes that depend on them take the project's row lock first, so they
// cannot interleave with another such change: without it two removals could each see "one other
// link left" and remove both, a RACI change could slip between a stage move's gate check and its
// write, or a milestone could be added to a project while it is being closed.
import type { ProjectStage } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { closedProjectGaps, type ProjectRecordChange } from "@/lib/domain/closed-projects";
import { notFound, refuse } from "./errors";

/**
 * Takes the project's row lock for the rest of the transaction and returns its stage as of now (a
 * stage move waits for the lock, so the stage cannot change before the transaction ends);
 * NOT_FOUND for an unknown project.
 */
export async function lockProject(tx: DbTx, projectId: string): Promise<{ stage: ProjectStage }> {
  const rows = await tx.$queryRaw<
    { stage: ProjectStage }[]
  >`SELECT "stage"::text AS "stage" FROM "Project" WHERE "id" = ${projectId} FOR UPDATE`;
  const [project] = rows;
  if (!project) throw notFound("The project");
  return project;
}

/**
 * Refuses a change a closed or cancelled project no longer takes (domain/closed-projects). Pass
 * the stage `lockProject` returned, so the project cannot be closed between this check and the
 * change.
 */
export function assertProjectTakes(project: { stage: ProjectStage }, change: ProjectRecordChange): void {
  const gaps = closedProjectGaps(project.stage, change);
  if (gaps.length) throw refuse(gaps);
}
