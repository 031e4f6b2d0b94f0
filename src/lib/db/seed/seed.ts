// Writes the demo organisation into an empty database: built in memory first (plan.ts), then
// written with batched createMany inside one transaction, so a failure leaves nothing behind and
// the embedded database at start-up seeds in seconds.
import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_PASSWORD } from "@/lib/auth/demo-users";
import { hashPassword } from "@/lib/auth/password";
import type { DbTx } from "@/lib/db/client";
import { ORGANISATION } from "./demo-organisation";
import { buildDemoPlan } from "./plan";

export interface SeedSummary {
  organisation: string;
  holidays: number;
  sites: number;
  users: number;
  objectives: number;
  projects: number;
  alignments: number;
  raciAssignments: number;
  milestones: number;
  milestoneChanges: number;
  rebaselines: number;
  stageGateRequests: number;
  costEntries: number;
  metrics: number;
  metricValues: number;
  feedback: number;
  risks: number;
  decisions: number;
  durationMs: number;
}

export class AlreadySeededError extends Error {
  constructor() {
    super(
      "The database already has users, so the demo organisation was not seeded (it only goes into an empty database).",
    );
    this.name = "AlreadySeededError";
  }
}

/** True once anyone can sign in: the demo seed, or a real installation's first administrator. */
export async function isSeeded(db: DbTx): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}

// Well under PostgreSQL's 65,535 bind parameters for the widest table.
const BATCH_SIZE = 1_000;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await write(rows.slice(i, i + BATCH_SIZE));
}

/**
 * Seeds "Northbridge University Hospitals" into an empty database, all in one transaction.
 * `today` is the moment the demo is built around (default: now): history ends there and plans run
 * on from it. Throws AlreadySeededError, writing nothing, when the database already has users.
 */
export async function seedDemoOrganisation(
  db: PrismaClient,
  options: { today?: Date } = {},
): Promise<SeedSummary> {
  const started = performance.now();
  // Hashed once for everyone: argon2id is slow by design.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const plan = buildDemoPlan({ now: options.today ?? new Date(), passwordHash });

  await db.$transaction(
    async (tx) => {
      // Checked inside the transaction; two seeds racing still collide on the unique emails.
      if (await isSeeded(tx)) throw new AlreadySeededError();
      const { dutyExecutiveId, ...organisation } = plan.organisation;
      await tx.organisation.upsert({
        where: { id: organisation.id },
        create: organisation,
        update: organisation,
      });
      await inBatches(plan.holidays, (data) => tx.holiday.createMany({ data, skipDuplicates: true }));
      await inBatches(plan.sites, (data) => tx.site.createMany({ data }));
      await inBatches(plan.users, (data) => tx.user.createMany({ data }));
      // The executive on duty is one of the users just written (FB-5).
      await tx.organisation.update({ where: { id: organisation.id }, data: { dutyExecutiveId } });
      await inBatches(plan.objectives, (data) => tx.strategicObjective.createMany({ data }));
      await inBatches(plan.projects, (data) => tx.project.createMany({ data }));
      await inBatches(plan.alignments, (data) => tx.alignment.createMany({ data }));
      await inBatches(plan.raci, (data) => tx.raciAssignment.createMany({ data }));
      await inBatches(plan.milestones, (data) => tx.milestone.createMany({ data }));
      await inBatches(plan.milestoneChanges, (data) => tx.milestoneChange.createMany({ data }));
      await inBatches(plan.rebaselines, (data) => tx.rebaseline.createMany({ data }));
      await inBatches(plan.stageGateRequests, (data) => tx.stageGateRequest.createMany({ data }));
      await inBatches(plan.costEntries, (data) => tx.costEntry.createMany({ data }));
      await inBatches(plan.metrics, (data) => tx.metric.createMany({ data }));
      await inBatches(plan.metricValues, (data) => tx.metricValue.createMany({ data }));
      await inBatches(plan.feedback, (data) => tx.feedback.createMany({ data }));
      await inBatches(plan.risks, (data) => tx.risk.createMany({ data }));
      await inBatches(plan.decisions, (data) => tx.decision.createMany({ data }));
    },
    // Generous: the embedded WebAssembly PostgreSQL is several times slower than a server.
    { maxWait: 30_000, timeout: 180_000 },
  );

  return {
    organisation: ORGANISATION.name,
    holidays: plan.holidays.length,
    sites: plan.sites.length,
    users: plan.users.length,
    objectives: plan.objectives.length,
    projects: plan.projects.length,
    alignments: plan.alignments.length,
    raciAssignments: plan.raci.length,
    milestones: plan.milestones.length,
    milestoneChanges: plan.milestoneChanges.length,
    rebaselines: plan.rebaselines.length,
    stageGateRequests: plan.stageGateRequests.length,
    costEntries: plan.costEntries.length,
    metrics: plan.metrics.length,
    metricValues: plan.metricValues.length,
    feedback: plan.feedback.length,
    risks: plan.risks.length,
    decisions: plan.decisions.length,
    durationMs: Math.round(performance.now() - started),
  };
}
