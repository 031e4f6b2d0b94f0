// Small builders for database tests: each creates one row with sensible defaults, so a test states
// only what it is about. Codes and emails are made unique per call.
import type {
  Contribution,
  Discipline,
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
}) {
  const n = next();
  const baselineEndDate = input.baselineEndDate ?? "2026-12-31";
  return db().project.create({
    data: {
      code: input.code ?? `PRJ-T${n}`,
      name: input.name ?? `Project ${n}`,
      summary: "A project for a test.",
      kind: input.kind ?? "DIGITAL",
      stage: input.stage ?? "APPROVED",
      // A CHECK constraint: a project on hold remembers the stage it was held from.
      heldFromStage: input.stage === "ON_HOLD" ? (input.heldFromStage ?? "PILOT") : null,
      siteId: input.siteId,
      startDate: day(input.startDate ?? "2025-06-01"),
      baselineBudget: input.baselineBudget ?? "250000.00",
      baselineEndDate: day(baselineEndDate),
      forecastEndDate: day(input.forecastEndDate ?? baselineEndDate),
      actualEndDate:
        input.actualEndDate || input.stage === "CLOSED"
          ? day(input.actualEndDate ?? input.forecastEndDate ?? baselineEndDate)
          : null,
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
}) {
  const n = next();
  return db().feedback.create({
    data: {
      projectId: input.projectId,
      authorId: input.authorId,
      kind: input.kind ?? "CONCERN",
      severity: input.severity ?? "MEDIUM",
      status: input.status ?? (input.response ? "RESPONDED" : "OPEN"),
      // A CHECK constraint: a closed item says how it closed.
      ...(input.status === "CLOSED" ? { closure: "ACCEPTED" as const } : {}),
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
