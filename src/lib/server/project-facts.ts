import "server-only";
// The key facts at the top of a project's overview tab: money, dates, schedule, how long it has
// been in its stage and what it is expected to bring. Only these: the team, plan, metrics, feedback
// and risks are each read by their own tab (project-team.ts, project-milestones.ts, …), so the
// overview neither queries them nor carries a copy of feedback texts it does not show.
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { getGovernanceSettings } from "./organisation";
import { type ProjectSchedule, projectScheduleSelect, toProjectSchedule } from "./project-schedule";

export interface ProjectFacts extends ProjectSchedule {
  expectedBenefits: string;
  /** When it entered its stage (an instant). */
  stageChangedAt: string;
  /** Pounds; numeric(14,2) fits a double exactly enough for display. */
  baselineBudget: number;
  /** The plain sum of the ledger, reversals included (docs/governance-rules.md FRAME-8). */
  spentToDate: number;
  startDate: IsoDate;
}

/** Three statements: the project's own columns, the ledger's sum and the schedule thresholds; null when no such project. */
export async function getProjectFacts(projectId: string): Promise<ProjectFacts | null> {
  const [project, spent, settings] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        expectedBenefits: true,
        stageChangedAt: true,
        baselineBudget: true,
        ...projectScheduleSelect,
      },
    }),
    // Reversals are negative entries, so the plain sum is the spend (docs/governance-rules.md FRAME-8).
    db().costEntry.aggregate({ where: { projectId }, _sum: { amount: true } }),
    getGovernanceSettings(),
  ]);
  if (!project) return null;
  return {
    expectedBenefits: project.expectedBenefits,
    stageChangedAt: project.stageChangedAt.toISOString(),
    baselineBudget: project.baselineBudget.toNumber(),
    spentToDate: spent._sum.amount?.toNumber() ?? 0,
    startDate: toIsoDate(project.startDate),
    ...toProjectSchedule(project, settings),
  };
}
