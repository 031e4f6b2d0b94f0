import "server-only";
// Project operations (DESIGN.md rules 1, 2, 4, 5 and 8). Each: parse → load the project → authority
// → version → rules → one transaction with the change and its audit event.
import type { Project } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { hasFinalValue } from "@/lib/domain/benefits-review";
import { can } from "@/lib/domain/permissions";
import { forecastEndDateChanged, projectEditViolations } from "@/lib/domain/project-edits";
import { isOpenStage, type ProjectFacts, stageMoveGaps } from "@/lib/domain/stage-gates";
import { normaliseReason } from "@/lib/domain/violations";
import { changeProjectStageSchema, createProjectSchema, updateProjectSchema } from "@/lib/schemas/projects";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, assertCanOnProject } from "./authority";
import { conflict, invalid, notFound, OperationError, refuse } from "./errors";
import { requireAccountable, requireResponsible } from "./people";
import { lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";

export interface ProjectRef {
  id: string;
  code: string;
  version: number;
  stage: Project["stage"];
}

const ref = (p: Project): ProjectRef => ({ id: p.id, code: p.code, version: p.version, stage: p.stage });

async function assertSiteExists(tx: DbTx, siteId: string): Promise<void> {
  const site = await tx.site.findUnique({ where: { id: siteId }, select: { id: true } });
  if (!site) throw invalid({ siteId: ["Choose a site"] });
}

/**
 * Proposes a project with its Accountable in one transaction (rule 2: never a project without
 * its A). The Responsible is the person named, or else, when the proposer could not otherwise
 * edit the project (a project manager, say) and is not its A, the proposer: nobody is locked out
 * of their own proposal.
 */
export function createProject(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(async () => {
    const data = parseInput(createProjectSchema, input);
    assertCan("project.create", actor);
    return db().$transaction(async (tx) => {
      await assertSiteExists(tx, data.siteId);
      const accountable = await requireAccountable(tx, data.accountableId, "accountableId");
      let responsibleId = data.responsibleId;
      if (responsibleId) {
        if (responsibleId === accountable.id) {
          throw invalid({
            responsibleId: ["The Accountable cannot also be the Responsible: each person holds one letter"],
          });
        }
        await requireResponsible(tx, responsibleId, "responsibleId");
      } else if (actor.id !== accountable.id && !can("project.edit", { role: actor.role })) {
        responsibleId = actor.id;
      }
      const taken = await tx.project.findUnique({ where: { code: data.code }, select: { name: true } });
      if (taken) {
        throw new OperationError("CONFLICT", `${data.code} is already used by “${taken.name}”.`, {
          code: [`${data.code} is taken: choose another code`],
        });
      }
      const raci = [
        { userId: accountable.id, letter: "A" as const },
        ...(responsibleId ? [{ userId: responsibleId, letter: "R" as const }] : []),
      ];
      const project = await tx.project.create({
        data: {
          code: data.code,
          name: data.name,
          summary: data.summary,
          kind: data.kind,
          siteId: data.siteId,
          stage: "PROPOSED",
          startDate: data.startDate,
          baselineBudget: data.budget,
          baselineEndDate: data.endDate,
          forecastEndDate: data.endDate,
          expectedBenefits: data.expectedBenefits,
          raci: { create: raci },
        },
      });
      await recordAudit(tx, actor, {
        action: "project.create",
        entityType: "Project",
        entityId: project.id,
        after: { ...project, raci },
      });
      return ref(project);
    });
  }, "Project proposed.");
}

/**
 * Edits what describes the project and its forecast end date. The baseline end date and budget
 * are not editable here: they move only through an approved rebaseline (rule 5).
 */
export function updateProject(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(async () => {
    const data = parseInput(updateProjectSchema, input);
    const { today } = await getClock();
    return db().$transaction(async (tx) => {
      const project = await tx.project.findUnique({ where: { id: data.projectId } });
      if (!project) throw notFound("The project");
      await assertCanOnProject(tx, "project.edit", actor, project.id);
      if (project.version !== data.version) throw conflict("project");
      if (data.siteId !== project.siteId) await assertSiteExists(tx, data.siteId);
      // NUM-1: a milestone forecast change moves the project's forecast end and bumps its version,
      // so milestones read here that have since moved make the versioned write below a CONFLICT.
      const milestones = await tx.milestone.findMany({
        where: { projectId: project.id },
        select: { title: true, status: true, forecastDate: true },
      });
      const edit = {
        stage: project.stage,
        heldFrom: project.heldFromStage,
        startDate: project.startDate,
        kind: { current: project.kind, next: data.kind },
        forecastEndDate: { current: project.forecastEndDate, next: data.forecastEndDate },
        forecastReason: data.forecastReason,
        today,
        milestones,
      };
      const violations = projectEditViolations(edit);
      if (violations.length) throw refuse(violations);
      const { count } = await tx.project.updateMany({
        where: { id: project.id, version: project.version },
        data: {
          name: data.name,
          summary: data.summary,
          kind: data.kind,
          siteId: data.siteId,
          expectedBenefits: data.expectedBenefits,
          forecastEndDate: data.forecastEndDate,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw conflict("project");
      const saved = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      await recordAudit(tx, actor, {
        action: "project.update",
        entityType: "Project",
        entityId: project.id,
        before: project,
        after: forecastEndDateChanged(edit)
          ? { ...saved, forecastReason: normaliseReason(data.forecastReason) }
          : saved,
      });
      return ref(saved);
    });
  }, "Project saved.");
}

/**
 * What the stage gates need, in five queries whatever the project's size. They run one after
 * another on purpose: sibling relations in one Prisma query are fetched concurrently, which the
 * single connection of a transaction can only queue (and node-postgres deprecates).
 */
async function loadStageFacts(tx: DbTx, projectId: string, today: Date) {
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      kind: true,
      stage: true,
      heldFromStage: true,
      stageChangedAt: true,
      version: true,
      _count: { select: { alignments: true } },
    },
  });
  if (!project) throw notFound("The project");
  const raci = await tx.raciAssignment.findMany({
    where: { projectId },
    select: { userId: true, letter: true, user: { select: { name: true, discipline: true, active: true } } },
  });
  const milestones = await tx.milestone.findMany({
    where: { projectId },
    select: { title: true, status: true },
  });
  // Retired metrics no longer measure the project (as in the alignment score).
  const metrics = await tx.metric.findMany({
    where: { projectId, active: true },
    select: { id: true, name: true, baselineValue: true, targetValue: true, cadence: true },
  });
  // Provisional values are never final (docs/governance-rules.md NUM-5).
  const latest = await tx.metricValue.groupBy({
    by: ["metricId"],
    where: { metric: { projectId, active: true }, provisional: false },
    _max: { periodStart: true },
  });
  const lastPeriod = new Map(latest.map((row) => [row.metricId, row._max.periodStart]));
  const facts: ProjectFacts = {
    kind: project.kind,
    stage: project.stage,
    heldFrom: project.heldFromStage && isOpenStage(project.heldFromStage) ? project.heldFromStage : null,
    alignmentCount: project._count.alignments,
    raci: raci.map((r) => ({
      userId: r.userId,
      letter: r.letter,
      name: r.user.name,
      discipline: r.user.discipline,
      active: r.user.active,
    })),
    milestones,
    metrics: metrics.map((m) => ({
      name: m.name,
      baselineValue: m.baselineValue,
      targetValue: m.targetValue,
      hasFinalValue: hasFinalValue(
        { cadence: m.cadence, lastValuePeriodStart: lastPeriod.get(m.id) ?? null },
        today,
      ),
    })),
  };
  return { project, facts };
}

/**
 * Moves a project through the stage machine. Every gap the gates find is named in the refusal, so
 * the Accountable sees the whole list at once rather than one gap per attempt. Going on hold
 * records the stage to resume into; any other move clears it.
 */
export function changeProjectStage(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(async () => {
    const data = parseInput(changeProjectStageSchema, input);
    const { now, today } = await getClock();
    return db().$transaction(async (tx) => {
      await lockProject(tx, data.projectId);
      const { project, facts } = await loadStageFacts(tx, data.projectId, today);
      await assertCanOnProject(tx, "project.changeStage", actor, project.id);
      if (project.version !== data.version) throw conflict("project");
      const gaps = stageMoveGaps(facts, data.toStage);
      if (gaps.length) throw refuse(gaps, "toStage");
      const heldFromStage = data.toStage === "ON_HOLD" ? project.stage : null;
      const { count } = await tx.project.updateMany({
        where: { id: project.id, version: project.version },
        data: { stage: data.toStage, heldFromStage, stageChangedAt: now, version: { increment: 1 } },
      });
      if (count !== 1) throw conflict("project");
      const saved = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      await recordAudit(tx, actor, {
        action: "project.change_stage",
        entityType: "Project",
        entityId: project.id,
        before: {
          stage: project.stage,
          heldFromStage: project.heldFromStage,
          stageChangedAt: project.stageChangedAt,
          version: project.version,
        },
        after: {
          stage: saved.stage,
          heldFromStage: saved.heldFromStage,
          stageChangedAt: saved.stageChangedAt,
          version: saved.version,
          ...(data.note ? { note: data.note } : {}),
        },
      });
      return ref(saved);
    });
  }, "Stage changed.");
}
