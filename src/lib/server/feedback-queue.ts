import "server-only";
// The feedback a person owes an answer to (docs/governance-rules.md FB-5): everything awaiting an
// answer on the projects they run (R or A), where overdue items are flagged to the Accountable,
// and, for the executive on duty, the safety feedback escalated to them from any project. Counts
// and the page come from the same filter in SQL; each row's escalation is the domain's
// computeFeedbackEscalation, which the SQL below states again.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import type { GovernanceSettings } from "@/lib/domain/settings";
import type { FeedbackKind, FeedbackStatus, RaciLetter, Role, Severity } from "@/lib/domain/vocabulary";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import {
  computeFeedbackSteps,
  type FeedbackRow,
  type FeedbackSteps,
  NO_FEEDBACK_STEPS,
  toFeedbackRow,
} from "./feedback-rows";
import { getGovernanceSettings } from "./organisation";
import { clampPage, type Paged } from "./paging";

export const FEEDBACK_QUEUE_PAGE_SIZE = 25;
const RUNNING_LETTERS = ["R", "A"] as const satisfies readonly RaciLetter[];

/** `now` as the stored timestamps are kept (UTC, without a zone), for comparing with them. */
function storedTime(now: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${now.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/** The feedback row `f` awaits an answer; compared as the enum, so the (status, dueAt) index serves. */
const awaitingAnswer = Prisma.sql`f."status" IN (${Prisma.join(
  AWAITING_ANSWER_STATUSES.map((status) => Prisma.sql`CAST(${status} AS "FeedbackStatus")`),
)})`;

/**
 * Safety feedback escalated to the executive on duty at `now` (FB-5), as a condition on the
 * feedback row `f`: awaiting an answer, and overdue by as long again as its own answer window,
 * counted from its logging or last reopening. The domain's computeFeedbackEscalation, in SQL; both
 * reads below use this one statement of it.
 */
function dutyEscalated(now: Date): Prisma.Sql {
  const at = storedTime(now);
  return Prisma.sql`${awaitingAnswer}
    AND f."kind" = 'SAFETY'
    AND f."dueAt" < ${at}
    AND f."dueAt" + (f."dueAt" - COALESCE(f."reopenedAt", f."createdAt")) < ${at}`;
}

/**
 * Safety feedback escalated to the executive on duty at `now` (FB-5). The Feedback (status, dueAt)
 * index narrows this to overdue items before the arithmetic.
 */
export async function listDutyEscalatedFeedbackIds(now: Date): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Feedback" f WHERE ${dutyEscalated(now)}`;
  return rows.map((r) => r.id);
}

export interface QueuedFeedback extends FeedbackRow {
  projectCode: string;
  projectName: string;
  authorName: string;
  /** For the acknowledge and respond forms. */
  version: number;
  milestoneTitle: string | null;
  /** The answer its author reopened, still on the record until a new one replaces it (FB-3). */
  earlierResponse: string | null;
  /** The person's letter on its project: null for safety escalated to the executive on duty (FB-5). */
  letter: RaciLetter | null;
  /** What the person may do now (matrix and state): the duty executive watches, the team answers (FB-6). */
  steps: FeedbackSteps;
  escalation: FeedbackEscalation;
  /** How often its author sent an answer back, and what they said last (FB-3). */
  reopenCount: number;
  reopenComment: string | null;
}

export interface FeedbackQueue extends Paged<QueuedFeedback> {
  /** Past their answer deadline (never an endorsement, FB-1), on every page. */
  overdueCount: number;
  /** Escalated to the executive on duty, on every page. */
  dutyEscalatedCount: number;
  /** The person is the organisation's executive on duty. */
  onDuty: boolean;
}

/** One page of the queue and its counts, as PostgreSQL aggregates them: timestamps as ISO text. */
interface QueueSqlRow {
  total: bigint;
  overdueCount: bigint;
  dutyEscalatedCount: bigint;
  rows: {
    id: string;
    kind: FeedbackKind;
    severity: Severity;
    status: FeedbackStatus;
    body: string;
    createdAt: string;
    dueAt: string;
    respondedAt: string | null;
    reopenedAt: string | null;
    reopenCount: number;
    reopenComment: string | null;
    version: number;
    responseText: string | null;
    authorName: string;
    milestoneTitle: string | null;
    projectCode: string;
    projectName: string;
    letter: RaciLetter | null;
  }[];
}

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The person's queue, `options.page` at a time, with its counts: one statement whatever the queue
 * holds (issue #12), the counts and the page taken from the same filter. A page past the end (a
 * stale link after items were answered) reads the last page again, as loadPage does.
 */
export async function listFeedbackQueue(
  actorId: string,
  /**
   * `role`: whose steps to work out; without it, the rows offer none. `settings`: the
   * organisation's, when the caller has read them already.
   */
  options: {
    now: Date;
    page?: number;
    pageSize?: number;
    role?: Role;
    settings?: Pick<GovernanceSettings, "dutyExecutiveId" | "feedbackAcceptanceTimeoutDays">;
  },
): Promise<FeedbackQueue> {
  const { now } = options;
  const settings = options.settings ?? (await getGovernanceSettings());
  const onDuty = settings.dutyExecutiveId === actorId;
  const pageSize = options.pageSize ?? FEEDBACK_QUEUE_PAGE_SIZE;
  // The queue is the union of two branches rather than an OR, so each keeps its index: the person's
  // projects' feedback by project, and (on duty only; off duty PostgreSQL reads nothing for it) the
  // escalated safety feedback by the (kind, status, dueAt) index.
  const read = async (page: number) => {
    const [row] = await db().$queryRaw<[QueueSqlRow]>`
      WITH queue AS (
        SELECT f.*, (${dutyEscalated(now)}) AS "dutyEscalated"
        FROM "Feedback" f
        WHERE f."id" IN (
          SELECT f."id" FROM "Feedback" f
          WHERE ${awaitingAnswer} AND f."projectId" IN (
            SELECT r."projectId" FROM "RaciAssignment" r
            WHERE r."userId" = ${actorId} AND r."letter"::text IN (${Prisma.join(RUNNING_LETTERS)}))
          UNION
          SELECT f."id" FROM "Feedback" f WHERE CAST(${onDuty} AS boolean) AND ${dutyEscalated(now)})
      ), page AS (
        SELECT * FROM queue ORDER BY "dueAt", "createdAt", "id" OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}
      )
      SELECT
        (SELECT count(*) FROM queue) AS "total",
        (SELECT count(*) FROM queue WHERE "kind" <> 'ENDORSEMENT' AND "dueAt" < ${storedTime(now)}) AS "overdueCount",
        (SELECT count(*) FROM queue WHERE "dutyEscalated") AS "dutyEscalatedCount",
        COALESCE((
          SELECT json_agg(json_build_object(
            'id', f."id", 'kind', f."kind", 'severity', f."severity", 'status', f."status", 'body', f."body",
            'createdAt', ${iso(Prisma.sql`f."createdAt"`)}, 'dueAt', ${iso(Prisma.sql`f."dueAt"`)},
            'respondedAt', ${iso(Prisma.sql`f."respondedAt"`)}, 'reopenedAt', ${iso(Prisma.sql`f."reopenedAt"`)},
            'reopenCount', f."reopenCount", 'reopenComment', f."reopenComment", 'version', f."version",
            'responseText', f."responseText", 'authorName', a."name", 'milestoneTitle', m."title",
            'projectCode', p."code", 'projectName', p."name", 'letter', r."letter")
            ORDER BY f."dueAt", f."createdAt", f."id")
          FROM page f
          JOIN "Project" p ON p."id" = f."projectId"
          JOIN "User" a ON a."id" = f."authorId"
          LEFT JOIN "Milestone" m ON m."id" = f."milestoneId"
          LEFT JOIN "RaciAssignment" r ON r."projectId" = f."projectId" AND r."userId" = ${actorId}
        ), '[]'::json) AS "rows"`;
    return row;
  };
  const requested = Math.max(1, options.page ?? 1);
  const firstTry = await read(requested);
  const total = Number(firstTry.total);
  const { page, pageCount } = clampPage(requested, total, pageSize);
  const found = page === requested ? firstTry : await read(page);
  const role = options.role;
  return {
    rows: found.rows.map((sqlRow) => {
      const f = {
        ...sqlRow,
        createdAt: new Date(sqlRow.createdAt),
        dueAt: new Date(sqlRow.dueAt),
        respondedAt: sqlRow.respondedAt ? new Date(sqlRow.respondedAt) : null,
        reopenedAt: sqlRow.reopenedAt ? new Date(sqlRow.reopenedAt) : null,
      };
      const letter = f.letter;
      return {
        ...toFeedbackRow(f, now),
        projectCode: f.projectCode,
        projectName: f.projectName,
        authorName: f.authorName,
        version: f.version,
        milestoneTitle: f.milestoneTitle,
        earlierResponse: f.responseText,
        letter,
        steps: role
          ? computeFeedbackSteps(
              f,
              { role, letter, isAuthor: false },
              { now, acceptanceTimeoutDays: settings.feedbackAcceptanceTimeoutDays },
            )
          : NO_FEEDBACK_STEPS,
        escalation: computeFeedbackEscalation(f, now),
        reopenCount: f.reopenCount,
        reopenComment: f.reopenComment,
      };
    }),
    page,
    pageSize,
    total,
    pageCount,
    overdueCount: Number(found.overdueCount),
    dutyEscalatedCount: Number(found.dutyEscalatedCount),
    onDuty,
  };
}
