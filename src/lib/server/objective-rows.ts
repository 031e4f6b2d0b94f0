import "server-only";
import { computeObjectiveCoverage } from "@/lib/domain/alignment";
import { type CalendarDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import type { Contribution, ObjectiveStatus, ProjectStage, ScorecardCategory } from "@/lib/domain/vocabulary";

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

/**
 * What every objective list selects to show its delivery: each alignment with its project's stage,
 * in one batched query; the domain's coverage rule decides which count (docs/governance-rules.md
 * NUM-7).
 */
export const objectiveDeliverySelect = {
  alignments: { select: { contribution: true, project: { select: { stage: true } } } },
} as const;

/** An objective's delivery, as every page shows it (NUM-7): one definition, so one count. */
export interface ObjectiveDelivery {
  /** Projects aligned to it, primary or supporting, whatever their stage. */
  alignedProjectCount: number;
  /** Projects with it as their PRIMARY objective that are approved, in pilot or in rollout. */
  deliveringProjectCount: number;
  beingDelivered: boolean;
  /** An active objective that is not being delivered. */
  visionWithoutDelivery: boolean;
}

export function toObjectiveDelivery(objective: {
  status: ObjectiveStatus;
  alignments: readonly { contribution: Contribution; project: { stage: ProjectStage } }[];
}): ObjectiveDelivery {
  const coverage = computeObjectiveCoverage({
    status: objective.status,
    alignedProjects: objective.alignments.map((a) => ({
      stage: a.project.stage,
      contribution: a.contribution,
    })),
  });
  return {
    alignedProjectCount: objective.alignments.length,
    deliveringProjectCount: coverage.deliveringProjectCount,
    beingDelivered: coverage.beingDelivered,
    visionWithoutDelivery: coverage.visionWithoutDelivery,
  };
}
