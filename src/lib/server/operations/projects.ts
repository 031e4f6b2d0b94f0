import "server-only";
// Project operations (docs/governance-rules.md rules 1, 2, 4, 5 and 8). Each: parse → load the project →
// authority → version → rules → one transaction with the change and its audit event.
import type { Project } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { hasFinalValue } from "@/lib/domain/benefits-review";
import { can } from "@/lib/domain/permissions";
import { forecastEndDateChanged, projectEditViolations } from "@/lib/domain/project-edits";
import {
  computePilotStartedAt,
  directStageMoveViolations,
  isOpenStage,
  type ProjectFacts,
} from "@/lib/domain/stage-gates";
import { mayNameSelfAccountable } from "@/lib/domain/user-accounts";
import { normaliseReason } from "@/lib/domain/violations";
import { changeProjectStageSchema, createProjectSchema, updateProjectSchema } from "@/lib/schemas/projects";
import type { Clock } from "../dates";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, assertCanOnProject } from "./authority";
import { conflict, invalid, notFound, OperationError, refuse } from "./errors";
import { requireAccountable, requireResponsible } from "./people";
import { lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

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
 * its A). The A is an executive or an SRO-eligible colleague (docs/governance-rules.md ACC-1), and
 * not the proposer unless they are an executive (ACC-2). The Responsible is the person named, or
 * else, when the proposer could not otherwise edit the project (a project manager, say) and is
 * not its A, the proposer: nobody is locked out of their own proposal.
 */
export function createProject(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createProjectSchema, input);
      assertCan("project.create", actor);
      if (
        !mayNameSelfAccountable({
          actorId: actor.id,
          actorRole: actor.role,
          accountableId: data.accountableId,
        })
      ) {
        throw new OperationError(
          "FORBIDDEN",
          "You cannot be the Accountable of a project you propose: someone else must be accountable for it, so name an executive or an SRO-eligible colleague.",
          { accountableId: ["Choose someone other than yourself"] },
        );
      }
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
    },
    "Project proposed.",
  );
}

/**
 * Edits what describes the project and its forecast end date. The baseline end date and budget
 * are not editable here: they move only through an approved rebaseline (rule 5).
 */
export function updateProject(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(
    actor,
    async () => {
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
        const columns = {
          name: data.name,
          summary: data.summary,
          kind: data.kind,
          siteId: data.siteId,
          expectedBenefits: data.expectedBenefits,
          forecastEndDate: data.forecastEndDate,
        };
        const saved = await saveVersioned(tx, actor, tx.project, project, columns, {
          action: "project.update",
          entityType: "Project",
          what: "project",
          after: (row) =>
            forecastEndDateChanged(edit)
              ? { ...row, forecastReason: normaliseReason(data.forecastReason) }
              : row,
        });
        return ref(saved);
      });
    },
    "Project saved.",
  );
}

/**
 * What the stage gates need (docs/governance-rules.md rule 1, rule 4, GATE-5), in at most seven
 * queries whatever the project's size. They run one after another on purpose: sibling relations in
 * one Prisma query are fetched concurrently, which the single connection of a transaction can only
 * queue (and node-postgres deprecates). Callers hold the project's lock.
 */
export async function loadStageFacts(tx: DbTx, projectId: string, clock: Pick<Clock, "today" | "timeZone">) {
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
    select: {
      userId: true,
      letter: true,
      user: { select: { name: true, role: true, discipline: true, active: true } },
    },
  });
  const milestones = await tx.milestone.findMany({
    where: { projectId },
    select: { title: true, status: true, isGate: true, gateApprovedById: true },
  });
  // Retired metrics no longer measure the project (as in the alignment score).
  const metrics = await tx.metric.findMany({
    where: { projectId, active: true },
    select: { id: true, name: true, baselineValue: true, targetValue: true, cadence: true },
  });
  // Provisional values are never final (docs/governance-rules.md NUM-5).
  // A provisional value is not yet a result: the benefits review (NUM-5) and the pilot's evidence
  // (GATE-5) both count only confirmed values.
  const latest = await tx.metricValue.groupBy({
    by: ["metricId"],
    where: { metric: { projectId, active: true }, provisional: false },
    _max: { periodStart: true },
  });
  const lastConfirmed = new Map(latest.map((row) => [row.metricId, row._max.periodStart]));
  let pilot: ProjectFacts["pilot"] = null;
  if (project.stage === "PILOT") {
    const pilotGate = await tx.stageGateRequest.findFirst({
      where: { projectId, toStage: "PILOT", status: "APPROVED" },
      orderBy: { decidedAt: "desc" },
      select: { decidedAt: true },
    });
    const decisions = await tx.decision.findMany({
      where: { projectId, kind: { in: ["SCALE", "DO_NOT_SCALE"] } },
      select: { kind: true, title: true, decidedAt: true },
    });
    pilot = {
      startedAt: computePilotStartedAt({
        pilotGateApprovedAt: pilotGate?.decidedAt ?? null,
        stageChangedAt: project.stageChangedAt,
      }),
      timeZone: clock.timeZone,
      decisions: decisions.map((d) => ({
        kind: d.kind === "SCALE" ? "SCALE" : "DO_NOT_SCALE",
        title: d.title,
        decidedAt: d.decidedAt,
      })),
    };
  }
  const facts: ProjectFacts = {
    kind: project.kind,
    stage: project.stage,
    heldFrom: project.heldFromStage && isOpenStage(project.heldFromStage) ? project.heldFromStage : null,
    alignmentCount: project._count.alignments,
    raci: raci.map((r) => ({
      userId: r.userId,
      letter: r.letter,
      name: r.user.name,
      role: r.user.role,
      discipline: r.user.discipline,
      active: r.user.active,
    })),
    milestones: milestones.map((m) => ({
      title: m.title,
      status: m.status,
      isGate: m.isGate,
      gateApproved: m.gateApprovedById !== null,
    })),
    metrics: metrics.map((m) => ({
      name: m.name,
      baselineValue: m.baselineValue,
      targetValue: m.targetValue,
      hasFinalValue: hasFinalValue(
        { cadence: m.cadence, lastValuePeriodStart: lastConfirmed.get(m.id) ?? null },
        clock.today,
      ),
      lastConfirmedPeriodStart: lastConfirmed.get(m.id) ?? null,
    })),
    pilot,
  };
  return { project, facts };
}

/**
 * The direct stage moves (docs/governance-rules.md GATE-4): put on hold, resume into the stage it
 * was held from, cancel. Gate stages are requested and decided instead (stage-gate-requests.ts).
 * Every gap is named in the refusal, so the Accountable sees the whole list at once. Going on hold
 * records the stage to resume into; any other move clears it. Holding or cancelling withdraws the
 * project's pending gate request in the same transaction, so a stale request can never move a
 * project that was stopped after it was made.
 */
export function changeProjectStage(actor: Actor, input: unknown): Promise<ActionResult<ProjectRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(changeProjectStageSchema, input);
      const clock = await getClock();
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const { project, facts } = await loadStageFacts(tx, data.projectId, clock);
        await assertCanOnProject(tx, "project.changeStage", actor, project.id);
        if (project.version !== data.version) throw conflict("project");
        const violations = directStageMoveViolations(facts, data.toStage, data.reason);
        if (violations.length) throw refuse(violations);
        const heldFromStage = data.toStage === "ON_HOLD" ? project.stage : null;
        let withdrawnGateRequestId: string | undefined;
        const columns = { stage: data.toStage, heldFromStage, stageChangedAt: clock.now };
        const saved = await saveVersioned(tx, actor, tx.project, project, columns, {
          action: "project.change_stage",
          entityType: "Project",
          what: "project",
          history: async () => {
            if (data.toStage !== "ON_HOLD" && data.toStage !== "CANCELLED") return;
            const pending = await tx.stageGateRequest.findFirst({
              where: { projectId: project.id, status: "REQUESTED" },
              select: { id: true },
            });
            if (pending) {
              await tx.stageGateRequest.update({
                where: { id: pending.id },
                data: { status: "WITHDRAWN", version: { increment: 1 } },
              });
              withdrawnGateRequestId = pending.id;
            }
          },
          before: {
            stage: project.stage,
            heldFromStage: project.heldFromStage,
            stageChangedAt: project.stageChangedAt,
            version: project.version,
          },
          after: (row) => ({
            stage: row.stage,
            heldFromStage: row.heldFromStage,
            stageChangedAt: row.stageChangedAt,
            version: row.version,
            reason: normaliseReason(data.reason),
            ...(withdrawnGateRequestId ? { withdrawnGateRequestId } : {}),
          }),
        });
        return ref(saved);
      });
    },
    "Stage changed.",
  );
}
