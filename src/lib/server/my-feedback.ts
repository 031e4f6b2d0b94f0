import "server-only";
import { db } from "@/lib/db/client";
import type { FeedbackClosure, ProjectStage, RaciLetter } from "@/lib/domain/vocabulary";
import { type FeedbackRow, feedbackRowSelect, toFeedbackRow } from "./feedback-rows";
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

/** Feedback the person logged, newest first, one page at a time. */
export async function listMyFeedback(
  actorId: string,
  options: { page: number; now: Date; pageSize?: number },
): Promise<Paged<LoggedFeedback>> {
  const where = { authorId: actorId };
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
          respondedBy: { select: { name: true } },
          milestone: { select: { title: true } },
          project: { select: { code: true, name: true } },
        },
      }),
  });
  return {
    ...result,
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
    })),
  };
}
