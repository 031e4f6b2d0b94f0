import "server-only";
import { db } from "@/lib/db/client";
import type {
  FeedbackClosure,
  MilestoneStatus,
  ProjectStage,
  RaciLetter,
  Role,
} from "@/lib/domain/vocabulary";
import {
  computeFeedbackSteps,
  type FeedbackRow,
  type FeedbackSteps,
  feedbackRowSelect,
  toFeedbackRow,
} from "./feedback-rows";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";

export const MY_FEEDBACK_PAGE_SIZE = 25;

export interface ChampionProject {
  code: string;
  name: string;
  stage: ProjectStage;
  letter: RaciLetter;
  siteName: string;
}

export interface LoggedFeedback extends FeedbackRow {
  projectCode: string;
  projectName: string;
  milestoneTitle: string | null;
  response: { text: string; byName: string | null; at: string | null } | null;
  /** For the accept and reopen forms (FB-3). */
  version: number;
  /** Answered and waiting for the author to accept it or reopen it (FB-3). */
  awaitingAuthor: boolean;
  reopenCount: number;
  reopenComment: string | null;
  /** How it closed, once CLOSED (FB-1, FB-3, FB-4). */
  closure: FeedbackClosure | null;
  closedAt: string | null;
  /** What its author may do now: accept or reopen an answer (FB-3). */
  steps: FeedbackSteps;
}

/** The projects a person sits on (any RACI letter), by code. */
export async function listRaciProjects(actorId: string): Promise<ChampionProject[]> {
  const assignments = await db().raciAssignment.findMany({
    where: { userId: actorId },
    orderBy: { project: { code: "asc" } },
    select: {
      letter: true,
      project: { select: { code: true, name: true, stage: true, site: { select: { name: true } } } },
    },
  });
  return assignments.map((a) => ({
    code: a.project.code,
    name: a.project.name,
    stage: a.project.stage,
    letter: a.letter,
    siteName: a.project.site.name,
  }));
}

export interface MyFeedbackPage extends Paged<LoggedFeedback> {
  /** Answered and waiting for the person to accept or reopen, on every page (FB-3). */
  awaitingAuthorCount: number;
}

/** Feedback the person logged, newest first, one page at a time. */
export async function listMyFeedback(
  actorId: string,
  options: { page: number; now: Date; pageSize?: number; role: Role },
): Promise<MyFeedbackPage> {
  const where = { authorId: actorId };
  const settingsRead = getGovernanceSettings();
  const awaitingMeRead = db().feedback.count({ where: { ...where, status: "RESPONDED" } });
  const result = await loadPage({
    page: options.page,
    pageSize: options.pageSize ?? MY_FEEDBACK_PAGE_SIZE,
    count: () => db().feedback.count({ where }),
    fetch: (skip, take) =>
      db().feedback.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip,
        take,
        select: {
          ...feedbackRowSelect,
          responseText: true,
          respondedAt: true,
          version: true,
          reopenCount: true,
          reopenComment: true,
          closure: true,
          closedAt: true,
          respondedBy: { select: { name: true } },
          milestone: { select: { title: true } },
          project: { select: { code: true, name: true } },
        },
      }),
  });
  const [settings, awaitingAuthorCount] = await Promise.all([settingsRead, awaitingMeRead]);
  return {
    ...result,
    awaitingAuthorCount,
    rows: result.rows.map((f) => ({
      ...toFeedbackRow(f, options.now),
      projectCode: f.project.code,
      projectName: f.project.name,
      milestoneTitle: f.milestone?.title ?? null,
      response: f.responseText
        ? {
            text: f.responseText,
            byName: f.respondedBy?.name ?? null,
            at: f.respondedAt?.toISOString() ?? null,
          }
        : null,
      version: f.version,
      awaitingAuthor: f.status === "RESPONDED",
      reopenCount: f.reopenCount,
      reopenComment: f.reopenComment,
      closure: f.closure,
      closedAt: f.closedAt?.toISOString() ?? null,
      // The author's own steps only: answering is done from the project's tab or my work.
      steps: computeFeedbackSteps(
        f,
        { role: options.role, letter: null, isAuthor: true },
        { now: options.now, acceptanceTimeoutDays: settings.feedbackAcceptanceTimeoutDays },
      ),
    })),
  };
}

const OPEN_MILESTONE = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly MilestoneStatus[];

export interface LoggableProject {
  id: string;
  code: string;
  name: string;
  /** The person's letter on it; null when they are not on its team. */
  letter: RaciLetter | null;
  /** Open milestones, offered only on the person's own projects (the ones they know). */
  milestones: { id: string; title: string }[];
}

/**
 * Every project that takes feedback (all but cancelled ones), the person's own first (by code),
 * then the rest by code: a champion usually logs on a project they sit on, but anyone may log
 * on any project. Two queries, whatever the number of projects.
 */
export async function listLoggableProjects(actorId: string): Promise<LoggableProject[]> {
  const [projects, mine] = await Promise.all([
    db().project.findMany({
      where: { stage: { not: "CANCELLED" } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true },
    }),
    db().raciAssignment.findMany({
      where: { userId: actorId, project: { stage: { not: "CANCELLED" } } },
      select: {
        letter: true,
        projectId: true,
        project: {
          select: {
            milestones: {
              where: { status: { in: [...OPEN_MILESTONE] } },
              orderBy: [{ forecastDate: "asc" }, { title: "asc" }],
              select: { id: true, title: true },
            },
          },
        },
      },
    }),
  ]);
  const byProject = new Map(mine.map((a) => [a.projectId, a]));
  const rows = projects.map((p) => {
    const own = byProject.get(p.id);
    return { ...p, letter: own?.letter ?? null, milestones: own?.project.milestones ?? [] };
  });
  return [...rows.filter((p) => p.letter), ...rows.filter((p) => !p.letter)];
}
