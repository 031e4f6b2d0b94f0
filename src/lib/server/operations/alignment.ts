import "server-only";
// Alignment operations (docs/governance-rules.md rule 1: a live project serves at least one
// objective; NUM-9: it serves every objective its metrics feed). The project's row is locked
// first, so the "is this its last link / its only primary / does a metric feed it" checks and the
// write cannot interleave with another alignment change, a metric definition or a stage move on
// the same project.
import type { Contribution, ObjectiveStatus } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { alignViolations, removeAlignmentViolations } from "@/lib/domain/alignment-links";
import { alignProjectSchema, removeAlignmentSchema } from "@/lib/schemas/alignment";
import { recordAudit } from "./audit";
import { assertCanOnProject } from "./authority";
import { notFound, OperationError, refuse } from "./errors";
import { lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";

export interface AlignmentRef {
  id: string;
  contribution: Contribution;
}

const objectiveLabel = { select: { code: true, title: true } } as const;

/**
 * The objective as of now, read FOR SHARE: a retirement in flight holds its row, so the link waits
 * for it and then sees the objective retired, instead of linking to it as it goes (rule 1). The
 * insert's foreign-key check alone takes a lock a status change does not wait for.
 */
async function lockObjective(tx: DbTx, objectiveId: string) {
  const rows = await tx.$queryRaw<{ code: string; title: string; status: ObjectiveStatus }[]>`
    SELECT "code", "title", "status"::text AS "status"
    FROM "StrategicObjective" WHERE "id" = ${objectiveId} FOR SHARE`;
  return rows[0];
}

export function alignProject(actor: Actor, input: unknown): Promise<ActionResult<AlignmentRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(alignProjectSchema, input);
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const project = await tx.project.findUniqueOrThrow({
          where: { id: data.projectId },
          select: {
            stage: true,
            alignments: { select: { objectiveId: true, contribution: true, objective: objectiveLabel } },
          },
        });
        await assertCanOnProject(tx, "alignment.manage", actor, data.projectId);
        // Checked before the objective's lock: a retirement locks the objective, then the projects
        // already aligned to it, so this project must not wait for that objective while holding its
        // own lock.
        const existing = project.alignments.find((a) => a.objectiveId === data.objectiveId);
        if (existing) {
          const { code, title } = existing.objective;
          throw new OperationError("CONFLICT", `The project is already aligned to ${code} “${title}”.`, {
            objectiveId: [`Already aligned to ${code}: choose another objective`],
          });
        }
        const objective = await lockObjective(tx, data.objectiveId);
        if (!objective) throw notFound("The objective");
        const primary = project.alignments.find((a) => a.contribution === "PRIMARY");
        const violations = alignViolations({
          projectStage: project.stage,
          objective,
          contribution: data.contribution,
          currentPrimary: primary?.objective ?? null,
        });
        if (violations.length) throw refuse(violations);
        const alignment = await tx.alignment.create({
          data: {
            projectId: data.projectId,
            objectiveId: data.objectiveId,
            contribution: data.contribution,
            rationale: data.rationale,
          },
        });
        await recordAudit(tx, actor, {
          action: "alignment.create",
          entityType: "Alignment",
          entityId: alignment.id,
          after: { ...alignment, objectiveCode: objective.code },
        });
        return { id: alignment.id, contribution: alignment.contribution };
      });
    },
    "Alignment added.",
  );
}

export function removeAlignment(actor: Actor, input: unknown): Promise<ActionResult<null>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(removeAlignmentSchema, input);
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const project = await tx.project.findUniqueOrThrow({
          where: { id: data.projectId },
          select: { stage: true, heldFromStage: true, _count: { select: { alignments: true } } },
        });
        await assertCanOnProject(tx, "alignment.manage", actor, data.projectId);
        const alignment = await tx.alignment.findUnique({
          where: { projectId_objectiveId: { projectId: data.projectId, objectiveId: data.objectiveId } },
          include: { objective: objectiveLabel },
        });
        if (!alignment) throw notFound("That alignment");
        // NUM-9: the project's metrics feeding this objective, retired ones included (their history
        // still reports to it). Read under the project's lock, which defineMetric also takes.
        const feedingMetrics = await tx.metric.findMany({
          where: { projectId: data.projectId, objectiveId: data.objectiveId },
          orderBy: { name: "asc" },
          select: { name: true },
        });
        const violations = removeAlignmentViolations({
          projectStage: project.stage,
          heldFrom: project.heldFromStage,
          objective: alignment.objective,
          alignmentCount: project._count.alignments,
          feedingMetrics,
        });
        if (violations.length) throw refuse(violations);
        await tx.alignment.delete({ where: { id: alignment.id } });
        const { objective, ...removed } = alignment;
        await recordAudit(tx, actor, {
          action: "alignment.remove",
          entityType: "Alignment",
          entityId: alignment.id,
          before: { ...removed, objectiveCode: objective.code },
        });
        return null;
      });
    },
    "Alignment removed.",
  );
}
