import "server-only";
// One project's changes in turn. Checks that read a project's links (alignments, RACI, stage,
// baselines) and the writes that depend on them take the project's row lock first, so they
// cannot interleave with another such change: without it two removals could each see "one other
// link left" and remove both, or a RACI change could slip between a stage move's gate check and
// its write.
import type { DbTx } from "@/lib/db/client";
import { notFound } from "./errors";

/** Takes the project's row lock for the rest of the transaction; NOT_FOUND for an unknown project. */
export async function lockProject(tx: DbTx, projectId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Project" WHERE "id" = ${projectId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("The project");
}
