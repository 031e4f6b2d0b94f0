// Feedback that closes the loop (docs/governance-rules.md FB-1, FB-3, FB-4, FB-5): what each
// step does to a piece of feedback, and how far an unanswered one has been escalated. Who may
// take a step at all is the authorisation matrix (feedback.answer, feedback.accept,
// feedback.close); these rules apply on top of it.

import { isAwaitingAnswer } from "./feedback-sla";
import type { FieldViolation, Violation } from "./violations";
import type { FeedbackClosure, FeedbackKind, FeedbackStatus } from "./vocabulary";

const MS_PER_DAY = 86_400_000;

/**
 * acknowledge / respond: the project's R or A. accept / reopen: the feedback's author.
 * close: the project's R or A, only once the author has let the acceptance timeout pass.
 */
export type FeedbackStep = "acknowledge" | "respond" | "accept" | "reopen" | "close";

export interface FeedbackStepInput {
  step: FeedbackStep;
  kind: FeedbackKind;
  status: FeedbackStatus;
  /** The answer (respond) or the author's comment (reopen); ignored by the other steps. */
  text?: string | null;
  /** When the current answer was given; the acceptance timeout runs from it (FB-4). */
  respondedAt?: Date | null;
  now: Date;
  /** Organisation setting: days an answer waits for its author before the team may close it; null: never. */
  acceptanceTimeoutDays: number | null;
}

/** Where an allowed step leaves the feedback: its status, its closure if it closes, the text it keeps. */
export interface FeedbackStepOutcome {
  status: FeedbackStatus;
  closure: FeedbackClosure | null;
  text: string | null;
}

/** A step is either refused (why) or allowed (where it leads); one judgement serves both functions below. */
type Judgement = { refused: Violation } | { outcome: FeedbackStepOutcome };

const refused = (code: string, message: string): Judgement => ({ refused: { code, message } });

const moved = (
  status: FeedbackStatus,
  closure: FeedbackClosure | null = null,
  text: string | null = null,
): Judgement => ({ outcome: { status, closure, text } });

const ENDORSEMENT_IS_ACKNOWLEDGED = refused(
  "ENDORSEMENT_NOT_ANSWERED",
  "An endorsement is acknowledged, not answered: acknowledge it to thank its author and close it",
);

/** Why the step is refused; empty when it may be taken (FB-1, FB-3, FB-4). */
export function feedbackStepViolations(input: FeedbackStepInput): FieldViolation[] {
  const judgement = judgeStep(input);
  return "refused" in judgement ? [judgement.refused] : [];
}

/**
 * The status, closure and text an allowed step leads to. Call once `feedbackStepViolations` is
 * empty: asking where a refused step leads is a mistake in the caller, and throws.
 */
export function computeFeedbackStep(input: FeedbackStepInput): FeedbackStepOutcome {
  const judgement = judgeStep(input);
  if ("refused" in judgement)
    throw new Error(`computeFeedbackStep: the step is refused (${judgement.refused.code})`);
  return judgement.outcome;
}

function judgeStep(input: FeedbackStepInput): Judgement {
  const { step, kind, status } = input;
  if (status === "CLOSED") {
    return refused(
      "FEEDBACK_CLOSED",
      "This feedback is closed and can no longer change: log new feedback if the issue comes back",
    );
  }
  // FB-1: an endorsement has one step, the acknowledgement, and it closes it.
  if (kind === "ENDORSEMENT") {
    if (step !== "acknowledge") return ENDORSEMENT_IS_ACKNOWLEDGED;
    return moved("CLOSED", "ENDORSEMENT_ACKNOWLEDGED");
  }
  const answered = status === "RESPONDED";

  switch (step) {
    case "acknowledge":
      if (answered) {
        return refused(
          "FEEDBACK_ALREADY_ANSWERED",
          "This feedback has already been answered: it cannot go back to acknowledged",
        );
      }
      if (status === "ACKNOWLEDGED") {
        return refused("FEEDBACK_ALREADY_IN_STATUS", "This feedback is already acknowledged");
      }
      return moved("ACKNOWLEDGED");
    case "respond": {
      if (answered) {
        return refused(
          "FEEDBACK_ALREADY_IN_STATUS",
          "This feedback is already answered: its author accepts the answer or reopens it",
        );
      }
      const text = input.text?.trim() ?? "";
      if (text.length === 0) {
        return refused(
          "RESPONSE_REQUIRED",
          "No response written: write the answer the person who logged this feedback will read",
        );
      }
      return moved("RESPONDED", null, text);
    }
    case "accept":
      if (!answered) {
        return refused(
          "FEEDBACK_NOT_ANSWERED",
          "This feedback has not been answered yet: there is no answer to accept",
        );
      }
      return moved("CLOSED", "ACCEPTED");
    case "reopen": {
      if (!answered) {
        return refused(
          "FEEDBACK_NOT_ANSWERED",
          "This feedback has not been answered yet: there is no answer to reopen, the team still owes one",
        );
      }
      const text = input.text?.trim() ?? "";
      if (text.length === 0) {
        return refused(
          "REOPEN_COMMENT_REQUIRED",
          "No comment: say what the answer leaves unresolved, so the team can answer it again",
        );
      }
      return moved("OPEN", null, text);
    }
    case "close":
      if (!answered) {
        return refused(
          "FEEDBACK_NOT_ANSWERED",
          "This feedback has not been answered: write a response, then its author decides whether it resolves their feedback",
        );
      }
      return closeByTeam(input);
  }
}

/** FB-4: the team never closes an answer its author may still dispute. */
function closeByTeam(input: FeedbackStepInput): Judgement {
  const days = input.acceptanceTimeoutDays;
  if (days === null || !input.respondedAt) {
    return refused(
      "AUTHOR_DECIDES",
      "The author decides whether this answer resolves their feedback: ask them to accept it or reopen it",
    );
  }
  const closableAt = input.respondedAt.getTime() + days * MS_PER_DAY;
  if (input.now.getTime() <= closableAt) {
    const waited = Math.floor((input.now.getTime() - input.respondedAt.getTime()) / MS_PER_DAY);
    return refused(
      "AUTHOR_DECIDES",
      `The author decides whether this answer resolves their feedback: the team can close it only after it has waited more than ${days} ${days === 1 ? "day" : "days"} for them (it has waited ${waited})`,
    );
  }
  return moved("CLOSED", "ACCEPTANCE_TIMED_OUT");
}

/**
 * FB-5. NONE: not overdue (or not awaiting an answer). ACCOUNTABLE: overdue, flagged to the
 * project's Accountable. DUTY_EXECUTIVE: SAFETY feedback still unanswered after a further answer
 * window as long as its own, shown to the executive on duty as well.
 */
export type FeedbackEscalation = "NONE" | "ACCOUNTABLE" | "DUTY_EXECUTIVE";

export interface FeedbackEscalationInput {
  kind: FeedbackKind;
  status: FeedbackStatus;
  dueAt: Date;
  createdAt: Date;
  /** The author's last reopening: the answer window that is running started then. */
  reopenedAt?: Date | null;
}

/**
 * The further window is the item's own answer window again (dueAt minus when its clock started),
 * so a critical safety concern due in 4 hours reaches the executive on duty 8 hours after it was
 * logged, and one due in two working days after twice that time. Read from the stored dates, not
 * the settings, so a later settings change does not re-escalate old items; the reads compute the
 * same condition in SQL (src/lib/server/feedback-queue.ts).
 */
export function computeFeedbackEscalation(item: FeedbackEscalationInput, now: Date): FeedbackEscalation {
  if (item.kind === "ENDORSEMENT" || !isAwaitingAnswer(item.status)) return "NONE";
  const due = item.dueAt.getTime();
  if (now.getTime() <= due) return "NONE";
  if (item.kind !== "SAFETY") return "ACCOUNTABLE";
  const started = (item.reopenedAt ?? item.createdAt).getTime();
  return now.getTime() > due + (due - started) ? "DUTY_EXECUTIVE" : "ACCOUNTABLE";
}
