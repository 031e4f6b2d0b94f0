import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_DUE_SOON_DAYS } from "@/lib/domain/milestones";
import type { MilestoneStatus, ProjectStage, RaciLetter } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type FeedbackQueue, listFeedbackQueue } from "./feedback-queue";
import { type MilestoneRow, milestoneRowSelect, toMilestoneRow } from "./milestone-rows";
import { getGovernanceSettings } from "./organisation";
import { type ProjectSchedule, projectScheduleSelect, toProjectSchedule } from "./project-schedule";

/** How far ahead "due soon" looks: the domain's fortnight, which is also what health grades as due soon. */
export const DUE_SOON_DAYS = DEFAULT_DUE_SOON_DAYS;
const RUNNING_LETTERS = ["R", "A"] as const satisfies readonly RaciLetter[];
const OPEN_MILESTONE = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly MilestoneStatus[];
const DAY_MS = 86_400_000;

export interface MyProject extends ProjectSchedule {
  code: string;
  name: string;
  stage: ProjectStage;
  letter: "R" | "A";
}

export interface MyMilestone extends MilestoneRow {
  projectCode: string;
  projectName: string;
  overdue: boolean;
  /** The forecast is later than the baseline. */
  atRisk: boolean;
}

export interface MyWork {
  projects: MyProject[];
  milestones: MyMilestone[];
  /** One page of the feedback awaiting their answer, with escalations (FB-5). */
  feedback: FeedbackQueue;
}

/**
 * The operations view for one person: the projects they run (R or A), those projects' unfinished
 * milestones that are overdue or due within DUE_SOON_DAYS, and their feedback still awaiting an answer
 * (with, for the executive on duty, the safety feedback escalated to them), `feedbackPage` at a time.
 */
export async function getMyWork(
  actorId: string,
  clock: Clock,
  options: { feedbackPage?: number } = {},
): Promise<MyWork> {
  const mine = { raci: { some: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } } } };
  const horizon = new Date(clock.today.getTime() + DUE_SOON_DAYS * DAY_MS);
  const settings = await getGovernanceSettings();
  const [assignments, milestones, feedback] = await Promise.all([
    db().raciAssignment.findMany({
      where: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } },
      orderBy: { project: { code: "asc" } },
      select: {
        letter: true,
        project: {
          select: { code: true, name: true, stage: true, ...projectScheduleSelect },
        },
      },
    }),
    db().milestone.findMany({
      where: { project: mine, status: { in: [...OPEN_MILESTONE] }, forecastDate: { lte: horizon } },
      orderBy: [{ forecastDate: "asc" }, { title: "asc" }],
      select: { ...milestoneRowSelect, project: { select: { code: true, name: true } } },
    }),
    listFeedbackQueue(actorId, { now: clock.now, page: options.feedbackPage ?? 1 }),
  ]);

  return {
    projects: assignments.map((a) => ({
      code: a.project.code,
      name: a.project.name,
      stage: a.project.stage,
      letter: a.letter === "A" ? "A" : "R",
      ...toProjectSchedule(a.project, settings),
    })),
    milestones: milestones.map((m) => {
      const row = toMilestoneRow(m, clock.today);
      return {
        ...row,
        projectCode: m.project.code,
        projectName: m.project.name,
        overdue: row.health === "OVERDUE",
        // Overdue outranks at-risk in the domain's single health; this page shows both.
        atRisk: row.slipDays > 0,
      };
    }),
    feedback,
  };
}
