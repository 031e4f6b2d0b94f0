import "server-only";
import type {
  FeedbackKind,
  FeedbackStatus,
  MilestoneStatus,
  ProjectStage,
  RaciLetter,
  Severity,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { computeFeedbackSla } from "@/lib/domain/feedback-sla";
import { computeDaysBetween, computeMilestoneHealth, DEFAULT_DUE_SOON_DAYS } from "@/lib/domain/milestones";
import { type Clock, type IsoDate, toIsoDate } from "./dates";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";

/** How far ahead "due soon" looks: the domain's fortnight. */
export const DUE_SOON_DAYS = DEFAULT_DUE_SOON_DAYS;
const RUNNING_LETTERS = ["R", "A"] as const satisfies readonly RaciLetter[];
const OPEN_MILESTONE = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly MilestoneStatus[];
const DAY_MS = 86_400_000;

export interface MyProject {
  code: string;
  name: string;
  stage: ProjectStage;
  letter: "R" | "A";
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  slipDays: number;
}

export interface MyMilestone {
  id: string;
  projectCode: string;
  projectName: string;
  title: string;
  status: MilestoneStatus;
  isGate: boolean;
  baselineDate: IsoDate;
  forecastDate: IsoDate;
  overdue: boolean;
  /** The forecast is later than the baseline. */
  atRisk: boolean;
}

export interface FeedbackAwaitingAnswer {
  id: string;
  projectCode: string;
  kind: FeedbackKind;
  severity: Severity;
  status: FeedbackStatus;
  body: string;
  authorName: string;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
}

export interface MyWork {
  projects: MyProject[];
  milestones: MyMilestone[];
  feedback: FeedbackAwaitingAnswer[];
}

/**
 * The operations view for one person: the projects they run (R or A), those projects' unfinished
 * milestones that are overdue or due within DUE_SOON_DAYS, and their feedback still awaiting an answer.
 */
export async function getMyWork(actorId: string, clock: Clock): Promise<MyWork> {
  const mine = { raci: { some: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } } } };
  const horizon = new Date(clock.today.getTime() + DUE_SOON_DAYS * DAY_MS);
  const [assignments, milestones, feedback] = await Promise.all([
    db().raciAssignment.findMany({
      where: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } },
      orderBy: { project: { code: "asc" } },
      select: {
        letter: true,
        project: {
          select: { code: true, name: true, stage: true, baselineEndDate: true, forecastEndDate: true },
        },
      },
    }),
    db().milestone.findMany({
      where: { project: mine, status: { in: [...OPEN_MILESTONE] }, forecastDate: { lte: horizon } },
      orderBy: [{ forecastDate: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        isGate: true,
        baselineDate: true,
        forecastDate: true,
        actualDate: true,
        project: { select: { code: true, name: true } },
      },
    }),
    db().feedback.findMany({
      where: { project: mine, status: { in: AWAITING_ANSWER_STATUSES } },
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        severity: true,
        status: true,
        body: true,
        createdAt: true,
        dueAt: true,
        author: { select: { name: true } },
        project: { select: { code: true } },
      },
    }),
  ]);

  return {
    projects: assignments.map((a) => ({
      code: a.project.code,
      name: a.project.name,
      stage: a.project.stage,
      letter: a.letter === "A" ? "A" : "R",
      baselineEndDate: toIsoDate(a.project.baselineEndDate),
      forecastEndDate: toIsoDate(a.project.forecastEndDate),
      slipDays: computeDaysBetween(a.project.baselineEndDate, a.project.forecastEndDate),
    })),
    milestones: milestones.map((m) => {
      const report = computeMilestoneHealth(m, clock.today, { dueSoonDays: DUE_SOON_DAYS });
      return {
        id: m.id,
        projectCode: m.project.code,
        projectName: m.project.name,
        title: m.title,
        status: m.status,
        isGate: m.isGate,
        baselineDate: toIsoDate(m.baselineDate),
        forecastDate: toIsoDate(m.forecastDate),
        overdue: report.health === "OVERDUE",
        // Overdue outranks at-risk in the domain's single health; this page shows both.
        atRisk: report.slipDays > 0,
      };
    }),
    feedback: feedback.map((f) => ({
      id: f.id,
      projectCode: f.project.code,
      kind: f.kind,
      severity: f.severity,
      status: f.status,
      body: f.body,
      authorName: f.author.name,
      createdAt: f.createdAt.toISOString(),
      dueAt: f.dueAt.toISOString(),
      overdue: computeFeedbackSla(f, clock.now).overdue,
    })),
  };
}
