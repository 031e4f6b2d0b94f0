import "server-only";
import { db } from "@/lib/db/client";
import {
  type ObjectiveDelivery,
  type ObjectiveRow,
  objectiveDeliverySelect,
  objectiveRowSelect,
  toObjectiveDelivery,
  toObjectiveRow,
} from "./objective-rows";

export interface ListedObjective extends ObjectiveRow, ObjectiveDelivery {}

/**
 * Every objective, by code, with its aligned projects and its delivery by the same rule as the
 * leadership overview (docs/governance-rules.md NUM-7).
 */
export async function listObjectives(): Promise<ListedObjective[]> {
  const objectives = await db().strategicObjective.findMany({
    orderBy: { code: "asc" },
    select: { ...objectiveRowSelect, ...objectiveDeliverySelect },
  });
  return objectives.map((o) => ({ ...toObjectiveRow(o), ...toObjectiveDelivery(o) }));
}
