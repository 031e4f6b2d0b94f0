import "server-only";
import { db } from "@/lib/db/client";
import { type ObjectiveRow, objectiveRowSelect, toObjectiveRow } from "./objective-rows";

export interface ListedObjective extends ObjectiveRow {
  /** Projects aligned to it (primary or supporting), whatever their stage. */
  alignedProjectCount: number;
}

/** Every objective, by code, with how many projects are aligned to it (counted in the same query). */
export async function listObjectives(): Promise<ListedObjective[]> {
  const objectives = await db().strategicObjective.findMany({
    orderBy: { code: "asc" },
    select: { ...objectiveRowSelect, _count: { select: { alignments: true } } },
  });
  return objectives.map((o) => ({ ...toObjectiveRow(o), alignedProjectCount: o._count.alignments }));
}
