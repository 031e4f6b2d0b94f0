import "server-only";
// Feedback operations (docs/governance-rules.md rule 6 and FB-1…FB-4): anyone but a viewer logs
// feedback; the project's R or A acknowledges and answers it; its author accepts the answer or
// reopens it; the team closes an answer only once its author has let the acceptance timeout pass.
// An endorsement is acknowledged, which closes it, and never answered. Due dates come from the
// organisation's answer-time settings, in its time zone and working days. A closed project
// still takes feedback (what people think of its outcome is still worth hearing, and its R or A
// still answers); a cancelled one takes none, as nobody is there to act on it. Feedback logged
// before a close or a cancellation is still owed its answer, so answering is never refused for the
// project's stage.
import type { Feedback, FeedbackStatus } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { computeFeedbackStep, type FeedbackStep, feedbackStepViolations } from "@/lib/domain/feedback-loop";
import { computeFeedbackDueAt, computeHolidayWindow } from "@/lib/domain/feedback-sla";
import type { Action } from "@/lib/domain/permissions";
import type { GovernanceSettings } from "@/lib/domain/settings";
import {
  feedbackRefSchema,
  logFeedbackSchema,
  reopenFeedbackSchema,
  respondToFeedbackSchema,
} from "@/lib/schemas/feedback";
import { getClock, getGovernanceSettings } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, letterOn } from "./authority";
import { conflict, notFound, refuse } from "./errors";
import { assertProjectTakes, lockProject } from "./project-lock";
import { requireProjectMilestone } from "./project-milestone";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface FeedbackRef {
  id: string;
  version: number;
  status: FeedbackStatus;
}

const ref = (f: Feedback): FeedbackRef => ({ id: f.id, version: f.version, status: f.status });

export function logFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(logFeedbackSchema, input);
      assertCan("feedback.log", actor);
      const { now, timeZone } = await getClock();
      return db().$transaction(async (tx) => {
        const project = await lockProject(tx, data.projectId);
        assertProjectTakes(project, { what: "new feedback", afterClosure: true });
        if (data.milestoneId) await requireProjectMilestone(tx, data.projectId, data.milestoneId);
        const dueAt = await dueFrom(tx, now, timeZone, data, await getGovernanceSettings(tx));
        const feedback = await tx.feedback.create({
          data: {
            projectId: data.projectId,
            authorId: actor.id,
            kind: data.kind,
            severity: data.severity,
            body: data.body,
            dueAt,
            createdAt: now,
            ...(data.milestoneId ? { milestoneId: data.milestoneId } : {}),
          },
        });
        await recordAudit(tx, actor, {
          action: "feedback.log",
          entityType: "Feedback",
          entityId: feedback.id,
          after: feedback,
        });
        return ref(feedback);
      });
    },
    "Feedback logged. The project team has been asked to answer it.",
  );
}

/** FB-2: the answer deadline for feedback whose clock starts at `from` (logged or reopened). */
async function dueFrom(
  tx: DbTx,
  from: Date,
  timeZone: string,
  feedback: Pick<Feedback, "kind" | "severity">,
  settings: GovernanceSettings,
): Promise<Date> {
  const window = computeHolidayWindow(from, settings);
  const holidays = await tx.holiday.findMany({
    where: { date: { gte: window.from, lte: window.to } },
    select: { date: true },
  });
  return computeFeedbackDueAt({
    kind: feedback.kind,
    severity: feedback.severity,
    loggedAt: from,
    timeZone,
    holidays: holidays.map((h) => h.date),
    settings,
  });
}

// Answering is the project team's (FB-6), accepting or reopening the author's (FB-3), closing the
// team's once the author has let the acceptance timeout pass (FB-4, a rule on top of the matrix).
const AUTHORITY: Record<FeedbackStep, Action> = {
  acknowledge: "feedback.answer",
  respond: "feedback.answer",
  accept: "feedback.accept",
  reopen: "feedback.accept",
  close: "feedback.close",
};

/** The form field a step's text comes from, where its refusals are shown. */
const TEXT_FIELD: Partial<Record<FeedbackStep, string>> = { respond: "responseText", reopen: "comment" };

async function moveFeedback(
  tx: DbTx,
  actor: Actor,
  step: FeedbackStep,
  input: { feedbackId: string; version: number; text?: string },
): Promise<FeedbackRef> {
  const feedback = await tx.feedback.findUnique({ where: { id: input.feedbackId } });
  if (!feedback) throw notFound("The feedback");
  const letter = await letterOn(tx, actor, feedback.projectId);
  assertCan(AUTHORITY[step], actor, { letter, isOwner: feedback.authorId === actor.id });
  if (feedback.version !== input.version) throw conflict("feedback");

  const { now, timeZone } = await getClock(new Date(), tx);
  const settings = await getGovernanceSettings(tx);
  const facts = {
    step,
    kind: feedback.kind,
    status: feedback.status,
    text: input.text ?? null,
    respondedAt: feedback.respondedAt,
    now,
    acceptanceTimeoutDays: settings.feedbackAcceptanceTimeoutDays,
  };
  const violations = feedbackStepViolations(facts);
  if (violations.length) throw refuse(violations, TEXT_FIELD[step]);
  const outcome = computeFeedbackStep(facts);

  const closed = outcome.closure ? { closure: outcome.closure, closedById: actor.id, closedAt: now } : {};
  const changes =
    step === "acknowledge"
      ? { acknowledgedById: actor.id, acknowledgedAt: now, ...closed }
      : step === "respond"
        ? { responseText: outcome.text, respondedById: actor.id, respondedAt: now }
        : step === "reopen"
          ? {
              // FB-3: back to the team with the author's comment and a fresh answer window from now;
              // the disputed answer stays on the record (and in the audit trail) until replaced.
              reopenComment: outcome.text,
              reopenedAt: now,
              reopenCount: { increment: 1 },
              acknowledgedById: null,
              acknowledgedAt: null,
              dueAt: await dueFrom(tx, now, timeZone, feedback, settings),
            }
          : closed;
  const saved = await saveVersioned(
    tx,
    actor,
    tx.feedback,
    feedback,
    { ...changes, status: outcome.status },
    { action: `feedback.${step}`, entityType: "Feedback", what: "feedback" },
  );
  return ref(saved);
}

export async function acknowledgeFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  const result = await runOperation(actor, async () => {
    const data = parseInput(feedbackRefSchema, input);
    return db().$transaction((tx) => moveFeedback(tx, actor, "acknowledge", data));
  });
  if (!result.ok) return result;
  // FB-1: acknowledging an endorsement is all it needs.
  const message =
    result.data.status === "CLOSED" ? "Endorsement acknowledged and closed." : "Feedback acknowledged.";
  return { ...result, message };
}

export function respondToFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(
    actor,
    async () => {
      const { responseText, ...ref } = parseInput(respondToFeedbackSchema, input);
      return db().$transaction((tx) => moveFeedback(tx, actor, "respond", { ...ref, text: responseText }));
    },
    "Response sent. Its author will accept it or reopen it.",
  );
}

/** FB-3: the author accepts the team's answer, which closes the feedback. */
export function acceptFeedbackAnswer(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(feedbackRefSchema, input);
      return db().$transaction((tx) => moveFeedback(tx, actor, "accept", data));
    },
    "Answer accepted. The feedback is closed.",
  );
}

/** FB-3: the author sends the answer back, with a comment; the team owes a new one. */
export function reopenFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(
    actor,
    async () => {
      const { comment, ...ref } = parseInput(reopenFeedbackSchema, input);
      return db().$transaction((tx) => moveFeedback(tx, actor, "reopen", { ...ref, text: comment }));
    },
    "Feedback reopened. The project team has been asked to answer it again.",
  );
}

/** FB-4: the team closes an answer only once its author has let the acceptance timeout pass. */
export function closeFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(feedbackRefSchema, input);
      return db().$transaction((tx) => moveFeedback(tx, actor, "close", data));
    },
    "Feedback closed: its author did not reply within the acceptance time.",
  );
}
