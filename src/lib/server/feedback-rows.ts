import "server-only";
import { computeFeedbackSla } from "@/lib/domain/feedback-sla";
import type { FeedbackKind, FeedbackStatus, Severity } from "@/lib/domain/vocabulary";

/** What every feedback list reads; each list adds its own relations (author, project, response). */
export const feedbackRowSelect = {
  id: true,
  kind: true,
  severity: true,
  status: true,
  body: true,
  createdAt: true,
  dueAt: true,
} as const;

export interface FeedbackRow {
  id: string;
  kind: FeedbackKind;
  severity: Severity;
  status: FeedbackStatus;
  body: string;
  createdAt: string;
  dueAt: string;
  /** Still awaiting an answer after its due time. */
  overdue: boolean;
}

/** Timestamps as ISO strings so the row is plain data for a page; overdue by the domain's SLA rule. */
export function toFeedbackRow(
  feedback: {
    id: string;
    kind: FeedbackKind;
    severity: Severity;
    status: FeedbackStatus;
    body: string;
    createdAt: Date;
    dueAt: Date;
  },
  now: Date,
): FeedbackRow {
  return {
    id: feedback.id,
    kind: feedback.kind,
    severity: feedback.severity,
    status: feedback.status,
    body: feedback.body,
    createdAt: feedback.createdAt.toISOString(),
    dueAt: feedback.dueAt.toISOString(),
    overdue: computeFeedbackSla(feedback, now).overdue,
  };
}
