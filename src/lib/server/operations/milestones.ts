import "server-only";
// Milestone operations (docs/governance-rules.md rules 3, 4, 5, 8). Each: parse → load the milestone and lock
// its project → authority → version → rule → one transaction with the change, its history row and audit
// event. The project's lock keeps a close or a cancellation from passing its gate while a milestone is being
// added or changed: a closed or cancelled project's plan no longer changes.
import { randomUUID } from "node:crypto";
import { type Milestone, Prisma } from "@/generated/prisma/client";
import type { ProjectStage, RaciLetter } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import {
  cancellationViolations,
  completionViolations,
  computeForecastChange,
  computeMilestoneCompletion,
  forecastChangeViolations,
} from "@/lib/domain/milestones";
import { directScopeChangeViolations, type ScopeChange } from "@/lib/domain/rebaselines";
import { computeForecastEndAfterMilestone } from "@/lib/domain/schedule";
import { normaliseReason } from "@/lib/domain/violations";
import {
  cancelMilestoneSchema,
  changeMilestoneForecastSchema,
  completeMilestoneSchema,
  createMilestoneSchema,
} from "@/lib/schemas/milestones";
import { clockAt } from "../dates";
import { DEFAULT_TIME_ZONE, getClock } from "../organisation";
import { recordAudit, snapshot } from "./audit";
import { assertCan, assertCanOnProject } from "./authority";
import { conflict, notFound, placeByCode, REASON_FIELD, refuse } from "./errors";
import { requireActiveUser } from "./people";
import { assertProjectTakes, lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface MilestoneRef {
  id: string;
  version: number;
}

const MILESTONE_CHANGES = { what: "milestone changes" } as const;

/** A milestone as a change reads it under its project's lock, with what the change is checked against. */
type LockedMilestone = Milestone & {
  projectStage: ProjectStage;
  projectForecastEndDate: Date;
  letter: RaciLetter | null;
  timeZone: string | null;
};

/**
 * One statement for the steps every milestone change starts with: the milestone, its project's row lock, stage and forecast
 * end, the actor's RACI letter on it and the organisation's time zone. Only the project's row is
 * locked (every milestone change takes it first, so locking the milestone here could deadlock); a
 * milestone changed while this waited is caught by the version guard of the write.
 */
async function lockMilestone(
  tx: DbTx,
  actor: Actor,
  milestoneId: string,
): Promise<LockedMilestone | undefined> {
  const [row] = await tx.$queryRaw<LockedMilestone[]>`
    SELECT m."id", m."projectId", m."title", m."description", m."ownerId", m."baselineDate",
           m."forecastDate", m."actualDate", m."status"::text AS "status", m."isGate",
           m."gateApprovedById", m."gateApprovedAt", m."version", m."createdAt", m."updatedAt",
           p."stage"::text AS "projectStage", p."forecastEndDate" AS "projectForecastEndDate",
           r."letter"::text AS "letter", o."timeZone"
    FROM "Milestone" m
    JOIN "Project" p ON p."id" = m."projectId"
    LEFT JOIN "RaciAssignment" r ON r."projectId" = p."id" AND r."userId" = ${actor.id}
    LEFT JOIN "Organisation" o ON o."id" = 1
    WHERE m."id" = ${milestoneId}
    FOR UPDATE OF p`;
  return row;
}

/**
 * Loads the milestone with its project locked, then refuses it for authority, a stale version or a
 * project that no longer takes changes, in that order. Returns the row with the project's forecast
 * end and the organisation's time zone, read under the same lock.
 */
async function loadForChange(
  tx: DbTx,
  actor: Actor,
  milestoneId: string,
  version: number,
): Promise<{ milestone: Milestone; projectForecastEndDate: Date; timeZone: string }> {
  const row = await lockMilestone(tx, actor, milestoneId);
  if (!row) throw notFound("The milestone");
  const { projectStage, projectForecastEndDate, letter, timeZone, ...milestone } = row;
  assertCan("milestone.manage", actor, { letter });
  if (milestone.version !== version) throw conflict("milestone");
  assertProjectTakes({ stage: projectStage }, MILESTONE_CHANGES);
  return { milestone, projectForecastEndDate, timeZone: timeZone ?? DEFAULT_TIME_ZONE };
}

/** The audit event's names for a milestone change; the version guard makes lost updates impossible. */
const milestoneWrite = (action: string) => ({ action, entityType: "Milestone", what: "milestone" });

const ref = (m: Milestone): MilestoneRef => ({ id: m.id, version: m.version });

/**
 * docs/governance-rules.md REB-4: once a project's plan is approved, adding or cancelling a
 * milestone is a scope change, raised with requestScopeChange and decided like a rebaseline, so
 * a cancel-and-re-create cannot move a baseline unseen. Call with the project's lock held.
 */
async function assertScopeOpen(tx: DbTx, projectId: string, change: ScopeChange): Promise<void> {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { stage: true, heldFromStage: true },
  });
  const violations = directScopeChangeViolations(project, change);
  if (violations.length) throw refuse(violations);
}

export function createMilestone(actor: Actor, input: unknown): Promise<ActionResult<MilestoneRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createMilestoneSchema, input);
      return db().$transaction(async (tx) => {
        const project = await lockProject(tx, data.projectId);
        await assertCanOnProject(tx, "milestone.manage", actor, data.projectId);
        assertProjectTakes(project, { what: "new milestones" });
        await assertScopeOpen(tx, data.projectId, "ADD_MILESTONE");
        if (data.ownerId) await requireActiveUser(tx, data.ownerId, "ownerId", "the owner");
        const milestone = await tx.milestone.create({
          data: {
            projectId: data.projectId,
            title: data.title,
            baselineDate: data.baselineDate,
            forecastDate: data.baselineDate,
            isGate: data.isGate,
            ...(data.description ? { description: data.description } : {}),
            ...(data.ownerId ? { ownerId: data.ownerId } : {}),
          },
        });
        await recordAudit(tx, actor, {
          action: "milestone.create",
          entityType: "Milestone",
          entityId: milestone.id,
          after: milestone,
        });
        return ref(milestone);
      });
    },
    "Milestone added.",
  );
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Moves a milestone's forecast (rule 5). A milestone forecast past the project's forecast end
 * carries the project's forecast end with it (docs/governance-rules.md NUM-1), in the same
 * transaction and the same audit event, so the project never promises an end its plan cannot
 * meet. The project's version moves too: an edit of the project from before is then stale.
 *
 * The steps of loadForChange and saveVersioned, in two statements inside the transaction: one
 * locking read (loadForChange) and one write of the milestone (guarded by its version),
 * its history row, the project's forecast end and the audit event, each of the last three only if
 * the guarded write landed.
 */
export function changeMilestoneForecast(actor: Actor, input: unknown): Promise<ActionResult<MilestoneRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(changeMilestoneForecastSchema, input);
      return db().$transaction(async (tx) => {
        const { milestone, projectForecastEndDate, timeZone } = await loadForChange(
          tx,
          actor,
          data.milestoneId,
          data.version,
        );
        const { now, today } = clockAt(new Date(), timeZone);
        const move = { milestone, newForecastDate: data.forecastDate, reason: data.reason };
        const violations = forecastChangeViolations({ ...move, today });
        // Reason problems beside the reason, the rest beside the date.
        if (violations.length) throw refuse(placeByCode(violations, REASON_FIELD), "forecastDate");
        const change = computeForecastChange(move);
        // Read under the project's lock, so no edit of the forecast end interleaves.
        const forecastEndDate = computeForecastEndAfterMilestone(projectForecastEndDate, change.newDate);
        const projectMoved = forecastEndDate.getTime() !== projectForecastEndDate.getTime();
        const saved: Milestone = {
          ...milestone,
          forecastDate: change.newDate,
          version: milestone.version + 1,
          updatedAt: now,
        };
        const before = projectMoved ? { ...milestone, projectForecastEndDate } : milestone;
        const after = {
          ...saved,
          reason: change.reason,
          ...(projectMoved ? { projectForecastEndDate: forecastEndDate } : {}),
        };
        const moveProject = projectMoved
          ? Prisma.sql`, moved_project AS (
              UPDATE "Project" SET "forecastEndDate" = ${isoDay(forecastEndDate)}::date,
                "version" = "version" + 1, "updatedAt" = ${now}
              WHERE "id" = ${milestone.projectId} AND EXISTS (SELECT 1 FROM moved))`
          : Prisma.empty;
        const written = await tx.$executeRaw`
          WITH moved AS (
            UPDATE "Milestone" SET "forecastDate" = ${isoDay(change.newDate)}::date,
              "version" = "version" + 1, "updatedAt" = ${now}
            WHERE "id" = ${milestone.id} AND "version" = ${milestone.version}
            RETURNING "id"
          ), history AS (
            INSERT INTO "MilestoneChange" ("id", "milestoneId", "oldDate", "newDate", "reason", "changedById")
            SELECT ${randomUUID()}, "id", ${isoDay(change.oldDate)}::date, ${isoDay(change.newDate)}::date,
              ${change.reason}, ${actor.id}
            FROM moved
          )${moveProject}
          INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "requestId", "before", "after")
          SELECT ${actor.id}, 'milestone.change_forecast', 'Milestone', "id", ${actor.requestId},
            ${JSON.stringify(snapshot(before))}::jsonb, ${JSON.stringify(snapshot(after))}::jsonb
          FROM moved`;
        // No audit event means the guarded write found another version (rule 8).
        if (written !== 1) throw conflict("milestone");
        return ref(saved);
      });
    },
    "Forecast updated.",
  );
}

export function completeMilestone(actor: Actor, input: unknown): Promise<ActionResult<MilestoneRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(completeMilestoneSchema, input);
      const { today } = await getClock();
      return db().$transaction(async (tx) => {
        const { milestone } = await loadForChange(tx, actor, data.milestoneId, data.version);
        const violations = completionViolations({ milestone, actualDate: data.actualDate, today });
        if (violations.length) throw refuse(violations, "actualDate");
        const completion = computeMilestoneCompletion({ milestone, actualDate: data.actualDate });
        const saved = await saveVersioned(
          tx,
          actor,
          tx.milestone,
          milestone,
          { status: "DONE" as const, actualDate: completion.actualDate },
          milestoneWrite("milestone.complete"),
        );
        return ref(saved);
      });
    },
    "Milestone marked done.",
  );
}

export function cancelMilestone(actor: Actor, input: unknown): Promise<ActionResult<MilestoneRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(cancelMilestoneSchema, input);
      return db().$transaction(async (tx) => {
        const { milestone } = await loadForChange(tx, actor, data.milestoneId, data.version);
        await assertScopeOpen(tx, milestone.projectId, "CANCEL_MILESTONE");
        const violations = cancellationViolations({ milestone, reason: data.reason });
        if (violations.length) throw refuse(violations, "reason");
        const reason = normaliseReason(data.reason);
        const saved = await saveVersioned(
          tx,
          actor,
          tx.milestone,
          milestone,
          { status: "CANCELLED" as const },
          {
            ...milestoneWrite("milestone.cancel"),
            after: (row) => ({ ...row, reason }),
          },
        );
        return ref(saved);
      });
    },
    "Milestone cancelled.",
  );
}
