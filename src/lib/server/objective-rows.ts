import "server-only";
import { computeObjectiveCoverage } from "@/lib/domain/alignment";
import type { IsoDate } from "@/lib/domain/calendar";
import type { Contribution, ObjectiveStatus, ProjectStage, ScorecardCategory } from "@/lib/domain/vocabulary";

export interface ObjectiveRow {
  code: string;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  owner: { id: string; name: string };
  targetDate: IsoDate;
}

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
