import "server-only";
// The feedback thread of one project (its feedback tab): every item, newest first, one page at a
// time, open items only or all, with what the viewer may do to each. Who wrote an item, and what
// a SAFETY item says, is for the project's team (any RACI letter), executives and the PMO; anyone
// else (another champion, a viewer, an administrator) sees the counts, the kind, the severity and
// the status, never a name or a safety concern's words, unless they wrote the item themselves.
// The read withholds them, so no page can show them by mistake.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import { can } from "@/lib/domain/permissions";
import type {
  FeedbackClosure,
  FeedbackStatus,
  MilestoneStatus,
  ProjectStage,
  RaciLetter,
  Role,
} from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import {
  computeFeedbackSteps,
  type FeedbackRow,
  type FeedbackSteps,
  feedbackRowSelect,
  toFeedbackRow,
} from "./feedback-rows";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";

export const PROJECT_FEEDBACK_PAGE_SIZE = 20;

/** "open": anything not yet closed (awaiting the team or its author); "all": closed too. */
export type FeedbackFilter = "open" | "all";

const OPEN_STATUSES: FeedbackStatus[] = ["OPEN", "ACKNOWLEDGED", "RESPONDED"];
const OPEN_MILESTONE = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly MilestoneStatus[];

export interface FeedbackViewer {
  id: string;
  role: Role;
  /** The viewer's letter on the project; null when they hold none. */
  letter: RaciLetter | null;
}

/** Names and safety texts: the project's team, executives and the PMO (a product decision). */
export function seesFeedbackDetail(viewer: Pick<FeedbackViewer, "role" | "letter">): boolean {
  return viewer.letter !== null || viewer.role === "EXECUTIVE" || viewer.role === "PORTFOLIO_MANAGER";
}

export interface ThreadItem extends Omit<FeedbackRow, "body"> {
  version: number;
  /** null: withheld from this viewer (a SAFETY item, and they are not on the team). */
  body: string | null;
  /** null: withheld from this viewer. */
  authorName: string | null;
  /** The viewer wrote it. */
  mine: boolean;
  milestoneTitle: string | null;
  escalation: FeedbackEscalation;
  /** The team's answer; `text` null when withheld. */
  response: { text: string | null; byName: string | null; at: string | null } | null;
  reopenCount: number;
  /** The author's last reopening comment; null when none, or withheld. */
  reopenComment: string | null;
  closure: FeedbackClosure | null;
  closedAt: string | null;
  /** What the viewer may do to it now (matrix and state). */
  steps: FeedbackSteps;
}

export interface ProjectFeedback {
  project: { id: string; code: string; stage: ProjectStage };
  /** The viewer sees names and safety texts. */
  seesDetail: boolean;
  /** The viewer may log feedback here: the matrix, and a cancelled project takes none. */
  mayLog: boolean;
  counts: {
    /** OPEN or ACKNOWLEDGED: the team owes an answer (or an acknowledgement). */
    awaitingTeam: number;
    /** Of those, past their answer time (never an endorsement, FB-1). */
    overdue: number;
    /** RESPONDED: its author accepts the answer or reopens it. */
    awaitingAuthor: number;
    closed: number;
    total: number;
  };
  filter: FeedbackFilter;
  items: Paged<ThreadItem>;
  /** Milestones still open, for linking new feedback to one. */
  milestones: { id: string; title: string }[];
}

export async function getProjectFeedback(
  projectId: string,
  viewer: FeedbackViewer,
  clock: Clock,
  options: { filter: FeedbackFilter; page: number; pageSize?: number },
): Promise<ProjectFeedback | null> {
  const now = clock.now;
  const where: Prisma.FeedbackWhereInput = {
    projectId,
    ...(options.filter === "open" ? { status: { in: OPEN_STATUSES } } : {}),
  };
  const [project, settings, byStatus, overdue, items] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        code: true,
        stage: true,
        milestones: {
          where: { status: { in: [...OPEN_MILESTONE] } },
          orderBy: [{ forecastDate: "asc" }, { title: "asc" }],
          select: { id: true, title: true },
        },
      },
    }),
    getGovernanceSettings(),
    db().feedback.groupBy({ by: ["status"], where: { projectId }, _count: { _all: true } }),
    db().feedback.count({
      where: {
        projectId,
        status: { in: AWAITING_ANSWER_STATUSES },
        kind: { not: "ENDORSEMENT" },
        dueAt: { lt: now },
      },
    }),
    loadPage({
      page: options.page,
      pageSize: options.pageSize ?? PROJECT_FEEDBACK_PAGE_SIZE,
      count: () => db().feedback.count({ where }),
      fetch: (skip, take) =>
        db().feedback.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          skip,
          take,
          select: {
            ...feedbackRowSelect,
            version: true,
            authorId: true,
            responseText: true,
            respondedAt: true,
            reopenedAt: true,
            reopenCount: true,
            reopenComment: true,
            closure: true,
            closedAt: true,
            author: { select: { name: true } },
            respondedBy: { select: { name: true } },
            milestone: { select: { title: true } },
          },
        }),
    }),
  ]);
  if (!project) return null;

  const seesDetail = seesFeedbackDetail(viewer);
  const count = (statuses: FeedbackStatus[]) =>
    byStatus.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);

  return {
    project: { id: project.id, code: project.code, stage: project.stage },
    seesDetail,
    mayLog: can("feedback.log", viewer) && project.stage !== "CANCELLED",
    counts: {
      awaitingTeam: count(AWAITING_ANSWER_STATUSES),
      overdue,
      awaitingAuthor: count(["RESPONDED"]),
      closed: count(["CLOSED"]),
      total: count([...OPEN_STATUSES, "CLOSED"]),
    },
    filter: options.filter,
    items: {
      ...items,
      rows: items.rows.map((f) => {
        const mine = f.authorId === viewer.id;
        const full = seesDetail || mine;
        // A safety concern's words (and the answer and comment that would repeat them) stay with the team.
        const words = full || f.kind !== "SAFETY";
        return {
          ...toFeedbackRow(f, now),
          version: f.version,
          body: words ? f.body : null,
          authorName: full ? f.author.name : null,
          mine,
          milestoneTitle: f.milestone?.title ?? null,
          escalation: computeFeedbackEscalation(f, now),
          response:
            f.responseText !== null
              ? {
                  text: words ? f.responseText : null,
                  byName: full ? (f.respondedBy?.name ?? null) : null,
                  at: f.respondedAt?.toISOString() ?? null,
                }
              : null,
          reopenCount: f.reopenCount,
          reopenComment: words ? f.reopenComment : null,
          closure: f.closure,
          closedAt: f.closedAt?.toISOString() ?? null,
          steps: computeFeedbackSteps(
            f,
            { role: viewer.role, letter: viewer.letter, isAuthor: mine },
            { now, acceptanceTimeoutDays: settings.feedbackAcceptanceTimeoutDays },
          ),
        };
      }),
    },
    milestones: project.milestones,
  };
}
