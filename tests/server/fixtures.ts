// Small builders for database tests: each creates one row with sensible defaults, so a test states
// only what it is about. Codes and emails are made unique per call.
import type {
  Contribution,
  Discipline,
  FeedbackClosure,
  FeedbackKind,
  FeedbackStatus,
  MilestoneStatus,
  ObjectiveStatus,
  ProjectKind,
  ProjectStage,
  RaciLetter,
  Role,
  ScorecardCategory,
  Severity,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** UTC midnight of a calendar day, as Prisma reads and writes `date` columns. */
export function day(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export async function createUser(
  overrides: Partial<{
    name: string;
    email: string;
    role: Role;
    discipline: Discipline;
    active: boolean;
    sroEligible: boolean;
  }> = {},
) {
  const n = next();
  return db().user.create({
    data: {
      name: overrides.name ?? `Test User ${n}`,
      email: overrides.email ?? `user${n}@northbridge.example`,
      // Never verified in these tests.
      passwordHash: "not-a-real-hash",
      role: overrides.role ?? "PROJECT_MANAGER",
      discipline: overrides.discipline ?? "OPERATIONAL",
      active: overrides.active ?? true,
      sroEligible: overrides.sroEligible ?? false,
    },
  });
}

export async function createSite(overrides: Partial<{ code: string; name: string }> = {}) {
  const n = next();
  return db().site.create({
    data: { code: overrides.code ?? `S${n}`, name: overrides.name ?? `Site ${n}`, kind: "Acute hospital" },
  });
}

export async function createObjective(input: {
  ownerId: string;
  code?: string;
  title?: string;
  category?: ScorecardCategory;
  status?: ObjectiveStatus;
  targetDate?: string;
}) {
  const n = next();
  return db().strategicObjective.create({
    data: {
      code: input.code ?? `SO-T${n}`,
      title: input.title ?? `Objective ${n}`,
      description: "An objective for a test.",
      category: input.category ?? "QUALITY_SAFETY",
      status: input.status ?? "ACTIVE",
      ownerId: input.ownerId,
      startDate: day("2025-04-01"),
      targetDate: day(input.targetDate ?? "2027-03-31"),
    },
  });
}

export async function createProject(input: {
  siteId: string;
  code?: string;
  name?: string;
  kind?: ProjectKind;
  stage?: ProjectStage;
  /** ON_HOLD only: the stage it was held from (default PILOT). */
  heldFromStage?: ProjectStage;
  startDate?: string;
  baselineEndDate?: string;
  forecastEndDate?: string;
  /** The day it ended; a CLOSED project defaults to its forecast end (a CHECK constraint wants one). */
  actualEndDate?: string;
  baselineBudget?: string;
  raci?: { userId: string; letter: RaciLetter }[];
  alignments?: { objectiveId: string; contribution?: Contribution }[];
  /** When it entered its stage (a pilot's evidence counts from then); now by default. */
  stageChangedAt?: Date;
}) {
  const n = next();
  const baselineEndDate = input.baselineEndDate ?? "2026-12-31";
  const forecastEndDate = input.forecastEndDate ?? baselineEndDate;
  return db().project.create({
    data: {
      code: input.code ?? `PRJ-T${n}`,
      name: input.name ?? `Project ${n}`,
      summary: "A project for a test.",
      kind: input.kind ?? "DIGITAL",
      stage: input.stage ?? "APPROVED",
      // A CHECK constraint: a project on hold remembers the stage it was held from.
      heldFromStage: input.stage === "ON_HOLD" ? (input.heldFromStage ?? "PILOT") : null,
      ...(input.stageChangedAt ? { stageChangedAt: input.stageChangedAt } : {}),
      siteId: input.siteId,
      startDate: day(input.startDate ?? "2025-06-01"),
      baselineBudget: input.baselineBudget ?? "250000.00",
      baselineEndDate: day(baselineEndDate),
      forecastEndDate: day(forecastEndDate),
      // A CHECK constraint: a closed project has the day it ended (its forecast end unless given).
      actualEndDate:
        input.actualEndDate || input.stage === "CLOSED" ? day(input.actualEndDate ?? forecastEndDate) : null,
      expectedBenefits: "Benefits for a test.",
      raci: { create: input.raci ?? [] },
      alignments: {
        create: (input.alignments ?? []).map((a) => ({
          objectiveId: a.objectiveId,
          contribution: a.contribution ?? "PRIMARY",
          rationale: "Aligned for a test.",
        })),
      },
    },
  });
}

export async function createMilestone(input: {
  projectId: string;
  title?: string;
  baselineDate: string;
  forecastDate?: string;
  status?: MilestoneStatus;
  isGate?: boolean;
}) {
  const n = next();
  const forecastDate = day(input.forecastDate ?? input.baselineDate);
  const status = input.status ?? "NOT_STARTED";
  return db().milestone.create({
    data: {
      projectId: input.projectId,
      title: input.title ?? `Milestone ${n}`,
      baselineDate: day(input.baselineDate),
      forecastDate,
      // A done milestone must have an actual date (a CHECK constraint); it finished on its forecast.
      actualDate: status === "DONE" ? forecastDate : null,
      status,
      isGate: input.isGate ?? false,
    },
  });
}

export async function createFeedback(input: {
  projectId: string;
  authorId: string;
  dueAt: Date;
  kind?: FeedbackKind;
  severity?: Severity;
  status?: FeedbackStatus;
  body?: string;
  createdAt?: Date;
  response?: { text: string; byId: string; at: Date };
  /** A CLOSED item says how it closed (a CHECK constraint): by default its author accepted the answer. */
  closure?: FeedbackClosure;
  /** Its author reopened an answer at this time (once), so its answer window started then. */
  reopenedAt?: Date;
}) {
  const n = next();
  const status = input.status ?? (input.response ? "RESPONDED" : "OPEN");
  return db().feedback.create({
    data: {
      projectId: input.projectId,
      authorId: input.authorId,
      kind: input.kind ?? "CONCERN",
      severity: input.severity ?? "MEDIUM",
      status,
      ...(status === "CLOSED" ? { closure: input.closure ?? "ACCEPTED", closedAt: input.dueAt } : {}),
      ...(input.reopenedAt
        ? { reopenedAt: input.reopenedAt, reopenCount: 1, reopenComment: "Not resolved yet" }
        : {}),
      body: input.body ?? `Feedback ${n}`,
      dueAt: input.dueAt,
      createdAt: input.createdAt ?? new Date(input.dueAt.getTime() - 86_400_000),
      ...(input.response
        ? {
            responseText: input.response.text,
            respondedById: input.response.byId,
            respondedAt: input.response.at,
          }
        : {}),
    },
  });
}

/** A monthly "discharges before noon" metric; on a project when `projectId` is given. */
export async function createMetric(input: { ownerId: string; objectiveId: string; projectId?: string }) {
  return db().metric.create({
    data: {
      name: "Discharges before noon",
      category: "OPERATIONAL_EFFICIENCY",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      baselineValue: 18,
      targetValue: 35,
      targetDate: day("2027-03-31"),
      amberThreshold: 30,
      redThreshold: 22,
      ownerId: input.ownerId,
      cadence: "MONTHLY",
      objectiveId: input.objectiveId,
      ...(input.projectId ? { projectId: input.projectId } : {}),
    },
  });
}

/**
 * Everything a project in PILOT needs to roll out (docs/governance-rules.md GATE-5): a gate
 * milestone done and signed off, a measurable project metric with a confirmed value for the
 * period starting the day the pilot began, and a decision to scale, all by `userId`.
 */
export async function createPilotEvidence(input: { projectId: string; objectiveId: string; userId: string }) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: input.projectId },
    select: { stageChangedAt: true },
  });
  const firstDay = computeLocalDate(project.stageChangedAt, "Europe/London");
  const milestone = await db().milestone.create({
    data: {
      projectId: input.projectId,
      title: `Pilot evaluation ${next()}`,
      baselineDate: firstDay,
      forecastDate: firstDay,
      actualDate: firstDay,
      status: "DONE",
      isGate: true,
      gateApprovedById: input.userId,
      gateApprovedAt: new Date(),
    },
  });
  const metric = await createMetric({
    ownerId: input.userId,
    objectiveId: input.objectiveId,
    projectId: input.projectId,
  });
  await db().metricValue.create({
    data: { metricId: metric.id, periodStart: firstDay, value: 31, recordedById: input.userId },
  });
  const decision = await db().decision.create({
    data: {
      kind: "SCALE",
      title: "Scale after the pilot",
      detail: "The pilot met its targets; roll out to every ward.",
      authority: "Executive Board",
      rationale: "The pilot's evidence was reviewed.",
      decidedById: input.userId,
      projectId: input.projectId,
    },
  });
  return { milestone, metric, decision };
}

/** A complete metric definition as its form sends it (strings, as typed). */
export function metricForm(input: { ownerId: string; objectiveId: string; projectId?: string }) {
  return {
    ...input,
    name: "Sepsis screening within one hour",
    category: "QUALITY_SAFETY",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    baselineValue: "72",
    targetValue: "95",
    targetDate: "2027-03-31",
    amberThreshold: "90",
    redThreshold: "80",
    cadence: "MONTHLY",
    focus: "OPERATIONS",
  };
}
