import "server-only";
// The feedback a person owes an answer to (docs/governance-rules.md FB-5): everything awaiting an
// answer on the projects they run (R or A), where overdue items are flagged to the Accountable,
// and, for the executive on duty, the safety feedback escalated to them from any project. Counts
// and the page come from the same filter in SQL; each row's escalation is the domain's
// computeFeedbackEscalation, which the SQL below states again.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import type { RaciLetter, Role } from "@/lib/domain/vocabulary";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import {
  computeFeedbackSteps,
  type FeedbackRow,
  type FeedbackSteps,
  feedbackRowSelect,
  NO_FEEDBACK_STEPS,
  toFeedbackRow,
} from "./feedback-rows";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";

export const FEEDBACK_QUEUE_PAGE_SIZE = 25;
const RUNNING_LETTERS = ["R", "A"] as const satisfies readonly RaciLetter[];

/**
 * Safety feedback escalated to the executive on duty at `now` (FB-5): awaiting an answer, and
 * overdue by as long again as its own answer window, counted from its logging or last reopening.
 * The Feedback (status, dueAt) index narrows this to overdue items before the arithmetic.
 */
export async function listDutyEscalatedFeedbackIds(now: Date): Promise<string[]> {
  const at = now.toISOString();
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Feedback"
    WHERE "status" IN ('OPEN', 'ACKNOWLEDGED')
      AND "kind" = 'SAFETY'
      AND "dueAt" < (CAST(${at} AS timestamptz) AT TIME ZONE 'UTC')
      AND "dueAt" + ("dueAt" - COALESCE("reopenedAt", "createdAt")) < (CAST(${at} AS timestamptz) AT TIME ZONE 'UTC')`;
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

export async function listFeedbackQueue(
  actorId: string,
  /** `role`: whose steps to work out; without it, the rows offer none. */
  options: { now: Date; page?: number; pageSize?: number; role?: Role },
): Promise<FeedbackQueue> {
  const { now } = options;
  const [settings, escalatedIds] = await Promise.all([
    getGovernanceSettings(),
    listDutyEscalatedFeedbackIds(now),
  ]);
  const onDuty = settings.dutyExecutiveId === actorId;
  const running = { raci: { some: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } } } };
  const where: Prisma.FeedbackWhereInput = {
    status: { in: AWAITING_ANSWER_STATUSES },
    OR: [{ project: running }, ...(onDuty ? [{ id: { in: escalatedIds } }] : [])],
  };
  const [paged, overdueCount, dutyEscalatedCount] = await Promise.all([
    loadPage({
      page: options.page ?? 1,
      pageSize: options.pageSize ?? FEEDBACK_QUEUE_PAGE_SIZE,
      count: () => db().feedback.count({ where }),
      fetch: (skip, take) =>
        db().feedback.findMany({
          where,
          orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          skip,
          take,
          select: {
            ...feedbackRowSelect,
            reopenedAt: true,
            reopenCount: true,
            reopenComment: true,
            version: true,
            responseText: true,
            respondedAt: true,
            author: { select: { name: true } },
            milestone: { select: { title: true } },
            project: {
              select: {
                code: true,
                name: true,
                raci: { where: { userId: actorId }, select: { letter: true } },
              },
            },
          },
        }),
    }),
    db().feedback.count({ where: { AND: [where, { kind: { not: "ENDORSEMENT" }, dueAt: { lt: now } }] } }),
    escalatedIds.length === 0
      ? 0
      : db().feedback.count({ where: { AND: [where, { id: { in: escalatedIds } }] } }),
  ]);
  return {
    ...paged,
    rows: paged.rows.map((f) => {
      const letter = f.project.raci[0]?.letter ?? null;
      const role = options.role;
      return {
        ...toFeedbackRow(f, now),
        projectCode: f.project.code,
        projectName: f.project.name,
        authorName: f.author.name,
        version: f.version,
        milestoneTitle: f.milestone?.title ?? null,
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
    overdueCount,
    dutyEscalatedCount,
    onDuty,
  };
}
