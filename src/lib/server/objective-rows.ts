import "server-only";
import type { ObjectiveStatus, ScorecardCategory } from "@/generated/prisma/enums";
import type { CalendarDate } from "@/lib/domain/milestones";
import { type IsoDate, toIsoDate } from "./dates";

/** What every objective list reads; each list adds what it counts (alignments, their projects). */
export const objectiveRowSelect = {
  code: true,
  title: true,
  category: true,
  status: true,
  targetDate: true,
  owner: { select: { id: true, name: true } },
} as const;

export interface ObjectiveRow {
  code: string;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  owner: { id: string; name: string };
  targetDate: IsoDate;
}

export function toObjectiveRow(objective: {
  code: string;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  owner: { id: string; name: string };
  targetDate: CalendarDate;
}): ObjectiveRow {
  return {
    code: objective.code,
    title: objective.title,
    category: objective.category,
    status: objective.status,
    owner: objective.owner,
    targetDate: toIsoDate(objective.targetDate),
  };
}
