import "server-only";
// Metric operations (docs/governance-rules.md rules 3, 4, 7, 8, NUM-4, NUM-5, NUM-9). Defining and editing a metric is for R/A of its
// project (or executives and the PMO); recording and correcting values is for R/A of its project,
// the PMO or an admin, and, for an objective-level metric (no project, so no R or A), its owner. A
// period holds one value: a second is refused, and a figure is changed only by a correction, which
// keeps who recorded it and when, and is audited with its reason. A project metric's changes take
// the project's lock: a closed project's measures no longer change but its benefits go on being
// measured; a cancelled project takes neither (domain/closed-projects).
import type { z } from "zod";
import { type Metric, type MetricValue, Prisma } from "@/generated/prisma/client";
import type { ProjectStage } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { metricObjectiveViolations } from "@/lib/domain/alignment-links";
import { formatCalendarDate } from "@/lib/domain/calendar";
import type { ProjectRecordChange } from "@/lib/domain/closed-projects";
import { cadenceChangeViolations, metricCorrectionViolations } from "@/lib/domain/metric-changes";
import {
  finaliseValueViolations,
  metricDefinitionViolations,
  metricValueViolations,
} from "@/lib/domain/metrics";
import { normaliseReason } from "@/lib/domain/violations";
import {
  correctMetricValueSchema,
  defineMetricSchema,
  recordMetricValueSchema,
  updateMetricSchema,
} from "@/lib/schemas/metrics";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan, letterOn } from "./authority";
import { conflict, notFound, OperationError, placeByCode, REASON_FIELD, refuse } from "./errors";
import { requireActiveUser } from "./people";
import { assertProjectTakes, lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface MetricRef {
  id: string;
  version: number;
}

export interface MetricValueRef {
  id: string;
  version: number;
}

// Which form field each rule violation belongs beside; anything unlisted goes beside the field the
// operation names (the one its check is about).
const FIELD_OF: Record<string, string> = {
  CADENCE_LOCKED: "cadence",
  PERIOD_NOT_ALIGNED: "periodStart",
  PERIOD_IN_FUTURE: "periodStart",
  PERIOD_NOT_ENDED: "periodStart",
  VALUE_UNCHANGED: "value",
  NOT_A_NUMBER: "value",
  ...REASON_FIELD,
};

/** metric.define: org-wide for executives and the PMO; R/A of the project for a project metric. */
async function assertCanDefine(tx: DbTx, actor: Actor, projectId: string | null): Promise<void> {
  assertCan("metric.define", actor, { letter: projectId ? await letterOn(tx, actor, projectId) : null });
}

/**
 * metricValue.record: R/A of the metric's project, the PMO or an admin (rule 3). The owner exception
 * is for objective-level metrics only: they belong to no project, so nobody holds an R or A on them.
 * A project metric's owner records through their letter on the project, like everyone else.
 */
async function assertCanRecord(tx: DbTx, actor: Actor, metric: Metric): Promise<void> {
  if (metric.projectId) {
    assertCan("metricValue.record", actor, { letter: await letterOn(tx, actor, metric.projectId) });
  } else {
    assertCan("metricValue.record", actor, { letter: null, isOwner: metric.ownerId === actor.id });
  }
}

/** The metric's project, locked (lockProject), or null for an objective-level metric. */
async function lockMetricProject(tx: DbTx, projectId: string | null) {
  return projectId ? lockProject(tx, projectId) : null;
}

/** Refuses a change the metric's project no longer takes; objective-level metrics have no stage. */
function assertMetricProjectTakes(project: { stage: ProjectStage } | null, change: ProjectRecordChange) {
  if (project) assertProjectTakes(project, change);
}

/**
 * The objective the metric is to feed: it exists, and, for a project metric, the project is
 * aligned to it (NUM-9). Read under the project's lock, so an alignment cannot be removed between
 * this check and the write (removeAlignment takes the same lock).
 */
async function assertFeedsServedObjective(
  tx: DbTx,
  objectiveId: string,
  projectId: string | null,
): Promise<void> {
  const objective = await tx.strategicObjective.findUnique({
    where: { id: objectiveId },
    select: { id: true, code: true, title: true },
  });
  if (!objective) throw notFound("The objective");
  const projectObjectiveIds = projectId
    ? (await tx.alignment.findMany({ where: { projectId }, select: { objectiveId: true } })).map(
        (a) => a.objectiveId,
      )
    : null;
  const violations = metricObjectiveViolations({ objectiveId, objective, projectObjectiveIds });
  if (violations.length) throw refuse(violations);
}

/** NUM-4: each threshold problem beside the field to fix. */
function assertSoundDefinition(definition: Parameters<typeof metricDefinitionViolations>[0]): void {
  const violations = metricDefinitionViolations(definition);
  if (violations.length) throw refuse(violations, "targetValue");
}

const ref = (row: Metric | MetricValue) => ({ id: row.id, version: row.version });

/** What the define and edit forms both set, as columns (the project is fixed once defined). */
const definitionColumns = (data: z.output<typeof defineMetricSchema>) => ({
  name: data.name,
  description: data.description ?? null,
  category: data.category,
  unit: data.unit,
  direction: data.direction,
  baselineValue: data.baselineValue,
  targetValue: data.targetValue,
  targetDate: data.targetDate,
  amberThreshold: data.amberThreshold,
  redThreshold: data.redThreshold,
  ownerId: data.ownerId,
  cadence: data.cadence,
  objectiveId: data.objectiveId,
  focus: data.focus,
});

export function defineMetric(actor: Actor, input: unknown): Promise<ActionResult<MetricRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(defineMetricSchema, input);
      return db().$transaction(async (tx) => {
        const projectId = data.projectId ?? null;
        const project = await lockMetricProject(tx, projectId);
        await assertCanDefine(tx, actor, projectId);
        assertMetricProjectTakes(project, { what: "new metrics" });
        await assertFeedsServedObjective(tx, data.objectiveId, projectId);
        await requireActiveUser(tx, data.ownerId, "ownerId", "the owner");
        assertSoundDefinition(data);
        const metric = await tx.metric.create({
          data: { ...definitionColumns(data), projectId },
        });
        await recordAudit(tx, actor, {
          action: "metric.define",
          entityType: "Metric",
          entityId: metric.id,
          after: metric,
        });
        return ref(metric);
      });
    },
    "Metric defined.",
  );
}

export function updateMetric(actor: Actor, input: unknown): Promise<ActionResult<MetricRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(updateMetricSchema, input);
      return db().$transaction(async (tx) => {
        const found = await tx.metric.findUnique({
          where: { id: data.metricId },
          select: { projectId: true },
        });
        if (!found) throw notFound("The metric");
        const project = await lockMetricProject(tx, found.projectId);
        const metric = await tx.metric.findUniqueOrThrow({ where: { id: data.metricId } });
        await assertCanDefine(tx, actor, metric.projectId);
        if (metric.version !== data.version) throw conflict("metric");
        assertMetricProjectTakes(project, { what: "metric changes" });
        await assertFeedsServedObjective(tx, data.objectiveId, metric.projectId);
        await requireActiveUser(tx, data.ownerId, "ownerId", "the owner");
        assertSoundDefinition(data);
        const cadence = cadenceChangeViolations({
          from: metric.cadence,
          to: data.cadence,
          recordedValues: await tx.metricValue.count({ where: { metricId: metric.id } }),
        });
        if (cadence.length) throw refuse(placeByCode(cadence, FIELD_OF), "cadence");

        const saved = await saveVersioned(tx, actor, tx.metric, metric, definitionColumns(data), {
          action: "metric.update",
          entityType: "Metric",
          what: "metric",
        });
        return ref(saved);
      });
    },
    "Metric updated.",
  );
}

function alreadyRecorded(periodStart: Date): OperationError {
  const message = `A value for the period starting ${formatCalendarDate(periodStart)} is already recorded: correct that value instead of recording a second one`;
  return refuse([{ code: "VALUE_ALREADY_RECORDED", message }], "periodStart");
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export function recordMetricValue(actor: Actor, input: unknown): Promise<ActionResult<MetricValueRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(recordMetricValueSchema, input);
      const { now, timeZone } = await getClock();
      return db().$transaction(async (tx) => {
        const metric = await tx.metric.findUnique({ where: { id: data.metricId } });
        if (!metric) throw notFound("The metric");
        const project = await lockMetricProject(tx, metric.projectId);
        await assertCanRecord(tx, actor, metric);
        assertMetricProjectTakes(project, { what: "new metric values", afterClosure: true });
        if (!metric.active) {
          throw new OperationError("RULE", "This metric has been retired: it takes no new values.");
        }
        const period = metricValueViolations({
          cadence: metric.cadence,
          periodStart: data.periodStart,
          now,
          timeZone,
          provisional: data.provisional,
        });
        if (period.length) throw refuse(placeByCode(period, FIELD_OF), "periodStart");
        const existing = await tx.metricValue.findUnique({
          where: { metricId_periodStart: { metricId: metric.id, periodStart: data.periodStart } },
          select: { id: true },
        });
        if (existing) throw alreadyRecorded(data.periodStart);

        // Two people recording the same period at once both pass the check above; the unique index
        // stops the second, and it gets the same answer as if it had come later.
        const value = await tx.metricValue
          .create({
            data: {
              metricId: metric.id,
              periodStart: data.periodStart,
              value: data.value,
              note: data.note ?? null,
              provisional: data.provisional,
              recordedById: actor.id,
              recordedAt: now,
            },
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? alreadyRecorded(data.periodStart) : error;
          });
        await recordAudit(tx, actor, {
          action: "metric_value.record",
          entityType: "MetricValue",
          entityId: value.id,
          after: value,
        });
        return ref(value);
      });
    },
    "Value recorded.",
  );
}

/**
 * Corrects a value's figure or note, with a reason; ticking `final` also makes a provisional value
 * final once its period has ended (NUM-5). A final value never becomes provisional again.
 */
export function correctMetricValue(actor: Actor, input: unknown): Promise<ActionResult<MetricValueRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(correctMetricValueSchema, input);
      const { now, timeZone } = await getClock();
      return db().$transaction(async (tx) => {
        const current = await tx.metricValue.findUnique({
          where: { id: data.metricValueId },
          include: { metric: true },
        });
        if (!current) throw notFound("The value");
        const { metric, ...value } = current;
        const project = await lockMetricProject(tx, metric.projectId);
        await assertCanRecord(tx, actor, metric);
        if (value.version !== data.version) throw conflict("value");
        assertMetricProjectTakes(project, { what: "value corrections", afterClosure: true });
        const note = data.note ?? null;
        const finalising = value.provisional && data.final;
        const correction = metricCorrectionViolations({
          current: value,
          value: data.value,
          note,
          reason: data.reason,
          ...(finalising ? { finalising } : {}),
        });
        const violations = placeByCode(correction, FIELD_OF);
        if (finalising) {
          const period = { cadence: metric.cadence, periodStart: value.periodStart, now, timeZone };
          violations.push(...finaliseValueViolations(period).map((v) => ({ ...v, field: "final" })));
        }
        if (violations.length) throw refuse(violations, "value");
        const reason = normaliseReason(data.reason);

        // Who recorded the value and when stay as they were; the correction's who and when are the
        // audit event's.
        const saved = await saveVersioned(
          tx,
          actor,
          tx.metricValue,
          value,
          { value: data.value, note, ...(finalising ? { provisional: false } : {}) },
          {
            action: "metric_value.correct",
            entityType: "MetricValue",
            what: "value",
            after: (row) => ({ ...row, reason }),
          },
        );
        return ref(saved);
      });
    },
    "Value corrected.",
  );
}
