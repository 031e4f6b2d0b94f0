import "server-only";
import type { ObjectiveStatus, ScorecardCategory } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "./dates";

export interface ObjectiveRow {
  code: string;
  title: string;
  category: ScorecardCategory;
  owner: { id: string; name: string };
  status: ObjectiveStatus;
  targetDate: IsoDate;
  /** Projects aligned to it (primary or supporting), whatever their stage. */
  alignedProjectCount: number;
}

/** Every objective, by code, with how many projects are aligned to it (counted in the same query). */
export async function listObjectives(): Promise<ObjectiveRow[]> {
  const objectives = await db().strategicObjective.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      title: true,
      category: true,
      status: true,
      targetDate: true,
      owner: { select: { id: true, name: true } },
      _count: { select: { alignments: true } },
    },
  });
  return objectives.map((o) => ({
    code: o.code,
    title: o.title,
    category: o.category,
    owner: o.owner,
    status: o.status,
    targetDate: toIsoDate(o.targetDate),
    alignedProjectCount: o._count.alignments,
  }));
}
