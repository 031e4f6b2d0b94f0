import "server-only";
// Strategic objective operations (docs/governance-rules.md rule 3: only the objective's owner, while
// an executive (ACC-4), or an admin, edits it; rule 1: retiring it must not leave a live project
// serving no objective). Each: parse → load →
// authority → version → rules → one transaction with the change and its audit event.
import type { z } from "zod";
import type { StrategicObjective } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import {
  type AlignedProjectFacts,
  canOwnObjective,
  parentViolations,
  retirementViolations,
} from "@/lib/domain/objectives";
import { createObjectiveSchema, updateObjectiveSchema } from "@/lib/schemas/objectives";
import { recordAudit } from "./audit";
import { assertCan } from "./authority";
import { conflict, invalid, notFound, OperationError, refuse } from "./errors";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface ObjectiveRef {
  id: string;
  code: string;
  version: number;
}

const ref = (o: StrategicObjective): ObjectiveRef => ({ id: o.id, code: o.code, version: o.version });

/** What the create and edit forms both set, as columns; no parent given means none (a pillar). */
const objectiveColumns = (data: z.output<typeof updateObjectiveSchema | typeof createObjectiveSchema>) => ({
  title: data.title,
  description: data.description,
  category: data.category,
  startDate: data.startDate,
  targetDate: data.targetDate,
  status: data.status,
  parentId: data.parentId ?? null,
});

/**
 * The owner's row is read FOR SHARE: a role change or deactivation locks it FOR UPDATE before it
 * looks for the objectives the person owns (ACC-4), so the two take turns and neither misses the other.
 */
async function assertEligibleOwner(tx: DbTx, ownerId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${ownerId} FOR SHARE`;
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { role: true, active: true } });
  if (!owner || !canOwnObjective(owner)) {
    throw invalid({ ownerId: ["Choose an active executive (or admin) as the owner"] });
  }
}

/** The parent must exist and must not sit under the objective (the tree stays a tree). */
async function assertValidParent(tx: DbTx, objectiveId: string | null, parentId: string): Promise<void> {
  // Objectives number in the tens, so the whole tree is one small query.
  const tree = await tx.strategicObjective.findMany({ select: { id: true, code: true, parentId: true } });
  if (!tree.some((node) => node.id === parentId)) {
    throw invalid({ parentId: ["Choose an existing objective"] });
  }
  const violations = parentViolations({ objectiveId, parentId, tree });
  if (violations.length) throw refuse(violations);
}

/**
 * The projects aligned to the objective, each with the statuses of its other objectives. Their rows
 * are locked first (in id order, so two retirements cannot deadlock): an alignment change takes the
 * same lock, so a project's other link cannot be removed between this read and the retirement.
 */
async function alignedProjects(tx: DbTx, objectiveId: string): Promise<AlignedProjectFacts[]> {
  await tx.$queryRaw`
    SELECT p."id" FROM "Project" p JOIN "Alignment" a ON a."projectId" = p."id"
    WHERE a."objectiveId" = ${objectiveId} ORDER BY p."id" FOR UPDATE OF p`;
  const projects = await tx.project.findMany({
    where: { alignments: { some: { objectiveId } } },
    select: {
      code: true,
      name: true,
      stage: true,
      heldFromStage: true,
      alignments: {
        where: { objectiveId: { not: objectiveId } },
        select: { objective: { select: { status: true } } },
      },
    },
    orderBy: { code: "asc" },
  });
  return projects.map((p) => ({
    code: p.code,
    name: p.name,
    stage: p.stage,
    heldFrom: p.heldFromStage,
    otherObjectiveStatuses: p.alignments.map((a) => a.objective.status),
  }));
}

export function createObjective(actor: Actor, input: unknown): Promise<ActionResult<ObjectiveRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createObjectiveSchema, input);
      assertCan("objective.create", actor);
      return db().$transaction(async (tx) => {
        const ownerId = data.ownerId ?? actor.id;
        await assertEligibleOwner(tx, ownerId);
        if (data.parentId) await assertValidParent(tx, null, data.parentId);
        const taken = await tx.strategicObjective.findUnique({
          where: { code: data.code },
          select: { title: true },
        });
        if (taken) {
          throw new OperationError("CONFLICT", `${data.code} is already used by “${taken.title}”.`, {
            code: [`${data.code} is taken: choose another code`],
          });
        }
        const objective = await tx.strategicObjective.create({
          data: { ...objectiveColumns(data), code: data.code, ownerId },
        });
        await recordAudit(tx, actor, {
          action: "objective.create",
          entityType: "StrategicObjective",
          entityId: objective.id,
          after: objective,
        });
        return ref(objective);
      });
    },
    "Objective created.",
  );
}

export function updateObjective(actor: Actor, input: unknown): Promise<ActionResult<ObjectiveRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(updateObjectiveSchema, input);
      return db().$transaction(async (tx) => {
        // The objective's row first, then (when retiring) its projects': a link being made to it
        // reads it FOR SHARE, so the link either commits first and is counted among the aligned
        // projects, or waits for this change and sees the new status.
        await tx.$queryRaw`SELECT "id" FROM "StrategicObjective" WHERE "id" = ${data.objectiveId} FOR UPDATE`;
        const objective = await tx.strategicObjective.findUnique({ where: { id: data.objectiveId } });
        if (!objective) throw notFound("The objective");
        assertCan("objective.edit", actor, { isOwner: objective.ownerId === actor.id });
        if (objective.version !== data.version) throw conflict("objective");
        const ownerId = data.ownerId ?? objective.ownerId;
        if (ownerId !== objective.ownerId) await assertEligibleOwner(tx, ownerId);
        if (data.parentId && data.parentId !== objective.parentId) {
          await assertValidParent(tx, objective.id, data.parentId);
        }
        if (data.status === "RETIRED" && objective.status !== "RETIRED") {
          const violations = retirementViolations({
            objective,
            from: objective.status,
            to: data.status,
            alignedProjects: await alignedProjects(tx, objective.id),
          });
          if (violations.length) throw refuse(violations);
        }
        const columns = { ...objectiveColumns(data), ownerId };
        const saved = await saveVersioned(tx, actor, tx.strategicObjective, objective, columns, {
          action: "objective.update",
          entityType: "StrategicObjective",
          what: "objective",
        });
        return ref(saved);
      });
    },
    "Objective saved.",
  );
}
