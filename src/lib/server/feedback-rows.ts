import "server-only";
import { type FeedbackStep, feedbackStepViolations } from "@/lib/domain/feedback-loop";
import { computeFeedbackSla } from "@/lib/domain/feedback-sla";
import { type Action, can } from "@/lib/domain/permissions";
import type { FeedbackKind, FeedbackStatus, RaciLetter, Role, Severity } from "@/lib/domain/vocabulary";

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

/** Which steps the viewer may take on one item now: the controls a page shows beside it. */
export type FeedbackSteps = Readonly<Record<FeedbackStep, boolean>>;

export const NO_FEEDBACK_STEPS: FeedbackSteps = {
  acknowledge: false,
  respond: false,
  accept: false,
  reopen: false,
  close: false,
};

// The matrix cell each step is asked under, as the feedback operations ask it (FB-3, FB-4, FB-6).
const STEP_AUTHORITY: Readonly<Record<FeedbackStep, Action>> = {
  acknowledge: "feedback.answer",
  respond: "feedback.answer",
  accept: "feedback.accept",
  reopen: "feedback.accept",
  close: "feedback.close",
};

/**
 * The steps the viewer may attempt: the matrix (their role, their letter on the item's project,
 * whether they wrote it) and the item's state by the domain's own rule (docs/governance-rules.md
 * FB-1, FB-3, FB-4), so a page never offers a step the operation would refuse. The text a step
 * needs (an answer, a reopening comment) is the form's to supply and is not judged here.
 */
export function computeFeedbackSteps(
  item: { kind: FeedbackKind; status: FeedbackStatus; respondedAt: Date | null },
  viewer: { role: Role; letter: RaciLetter | null; isAuthor: boolean },
  facts: { now: Date; acceptanceTimeoutDays: number | null },
): FeedbackSteps {
  const steps = { ...NO_FEEDBACK_STEPS };
  for (const step of Object.keys(STEP_AUTHORITY) as FeedbackStep[]) {
    const allowed = can(STEP_AUTHORITY[step], {
      role: viewer.role,
      letter: viewer.letter,
      isOwner: viewer.isAuthor,
    });
    steps[step] =
      allowed &&
      feedbackStepViolations({
        step,
        kind: item.kind,
        status: item.status,
        text: "(written in the form)",
        respondedAt: item.respondedAt,
        now: facts.now,
        acceptanceTimeoutDays: facts.acceptanceTimeoutDays,
      }).length === 0;
  }
  return steps;
}
