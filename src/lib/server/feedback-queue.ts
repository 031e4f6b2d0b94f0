import "server-only";
// The feedback a person owes an answer to (docs/governance-rules.md FB-5): everything awaiting an
// answer on the projects they run (R or A), where overdue items are flagged to the Accountable,
// and, for the executive on duty, the safety feedback escalated to them from any project. Counts
// and the page come from the same filter in SQL; each row's escalation is the domain's
// computeFeedbackEscalation, which the SQL below states again.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import type { RaciLetter } from "@/lib/domain/vocabulary";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import { type FeedbackRow, feedbackRowSelect, toFeedbackRow } from "./feedback-rows";
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
  authorName: string;
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
  options: { now: Date; page?: number; pageSize?: number },
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
            author: { select: { name: true } },
            project: { select: { code: true } },
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
    rows: paged.rows.map((f) => ({
      ...toFeedbackRow(f, now),
      projectCode: f.project.code,
      authorName: f.author.name,
      escalation: computeFeedbackEscalation(f, now),
      reopenCount: f.reopenCount,
      reopenComment: f.reopenComment,
    })),
    overdueCount,
    dutyEscalatedCount,
    onDuty,
  };
}
