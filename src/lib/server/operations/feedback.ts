import "server-only";
// Feedback operations (DESIGN.md rule 6): anyone but a viewer logs feedback; the project's R or A
// acknowledges and answers it; the author (or an R or A) closes it once answered. The due date is
// computed once, at logging, in the organisation's time zone and working days. A closed project
// still takes feedback (what people think of its outcome is still worth hearing, and its R or A
// still answers); a cancelled one takes none, as nobody is there to act on it. Feedback logged
// before a close or a cancellation is still owed its answer, so answering is never refused for the
// project's stage.
import type { Feedback, FeedbackStatus } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { canTransitionFeedback, computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { feedbackRefSchema, logFeedbackSchema, respondToFeedbackSchema } from "@/lib/schemas/feedback";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, letterOn } from "./authority";
import { conflict, notFound, refuse } from "./errors";
import { assertProjectTakes, lockProject } from "./project-lock";
import { requireProjectMilestone } from "./project-milestone";
import { parseInput, runOperation } from "./run";

export interface FeedbackRef {
  id: string;
  version: number;
  status: FeedbackStatus;
}

const ref = (f: Feedback): FeedbackRef => ({ id: f.id, version: f.version, status: f.status });

export function logFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(async () => {
    const data = parseInput(logFeedbackSchema, input);
    assertCan("feedback.log", actor);
    const { now, timeZone } = await getClock();
    return db().$transaction(async (tx) => {
      const project = await lockProject(tx, data.projectId);
      assertProjectTakes(project, { what: "new feedback", afterClosure: true });
      if (data.milestoneId) await requireProjectMilestone(tx, data.projectId, data.milestoneId);
      // Holidays within the next month cover any five-working-day window.
      const holidays = await tx.holiday.findMany({
        where: {
          date: { gte: new Date(now.getTime() - 86_400_000), lte: new Date(now.getTime() + 31 * 86_400_000) },
        },
        select: { date: true },
      });
      const dueAt = computeFeedbackDueAt({
        kind: data.kind,
        loggedAt: now,
        timeZone,
        holidays: holidays.map((h) => h.date),
      });
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
  }, "Feedback logged. The project team has been asked to answer it.");
}

type Step = "acknowledge" | "respond" | "close";
const TARGET: Record<Step, FeedbackStatus> = {
  acknowledge: "ACKNOWLEDGED",
  respond: "RESPONDED",
  close: "CLOSED",
};

async function moveFeedback(
  tx: DbTx,
  actor: Actor,
  step: Step,
  input: { feedbackId: string; version: number; responseText?: string },
): Promise<FeedbackRef> {
  const feedback = await tx.feedback.findUnique({ where: { id: input.feedbackId } });
  if (!feedback) throw notFound("The feedback");
  const letter = await letterOn(tx, actor, feedback.projectId);
  assertCan(step === "close" ? "feedback.close" : "feedback.answer", actor, {
    letter,
    isOwner: feedback.authorId === actor.id,
  });
  if (feedback.version !== input.version) throw conflict("feedback");
  const check = canTransitionFeedback({
    from: feedback.status,
    to: TARGET[step],
    responseText: input.responseText ?? null,
  });
  if (!check.ok) throw refuse(check.violations, step === "respond" ? "responseText" : undefined);

  const at = new Date();
  const changes =
    step === "acknowledge"
      ? { acknowledgedById: actor.id, acknowledgedAt: at }
      : step === "respond"
        ? { responseText: check.responseText, respondedById: actor.id, respondedAt: at }
        : { closedAt: at };
  const { count } = await tx.feedback.updateMany({
    where: { id: feedback.id, version: feedback.version },
    data: { ...changes, status: TARGET[step], version: { increment: 1 } },
  });
  if (count !== 1) throw conflict("feedback");
  const saved = await tx.feedback.findUniqueOrThrow({ where: { id: feedback.id } });
  await recordAudit(tx, actor, {
    action: `feedback.${step}`,
    entityType: "Feedback",
    entityId: feedback.id,
    before: feedback,
    after: saved,
  });
  return ref(saved);
}

export function acknowledgeFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(async () => {
    const data = parseInput(feedbackRefSchema, input);
    return db().$transaction((tx) => moveFeedback(tx, actor, "acknowledge", data));
  }, "Feedback acknowledged.");
}

export function respondToFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(async () => {
    const data = parseInput(respondToFeedbackSchema, input);
    return db().$transaction((tx) => moveFeedback(tx, actor, "respond", data));
  }, "Response sent.");
}

export function closeFeedback(actor: Actor, input: unknown): Promise<ActionResult<FeedbackRef>> {
  return runOperation(async () => {
    const data = parseInput(feedbackRefSchema, input);
    return db().$transaction((tx) => moveFeedback(tx, actor, "close", data));
  }, "Feedback closed.");
}
