import "server-only";
// Cost operations: R/A of the project, the PMO or an admin record actual spend, by month, never for
// a month that has not begun (docs/governance-rules.md rule 3). The ledger is append-only
// (docs/governance-rules.md FRAME-6): an entry is never edited or deleted, because CostEntry has no
// `version` to guard an edit against a concurrent one (rule 8) and because finance needs to see
// what was booked. A wrong entry is cancelled by a reversing entry, and the right one recorded anew.
import { Prisma } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { costEntryViolations, costReversalViolations } from "@/lib/domain/costs";
import { negateMoney } from "@/lib/domain/money";
import { normaliseReason } from "@/lib/domain/violations";
import { recordCostEntrySchema, reverseCostEntrySchema } from "@/lib/schemas/costs";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCanOnProject } from "./authority";
import { notFound, OperationError, refuse } from "./errors";
import { parseInput, runOperation } from "./run";

export interface CostEntryRef {
  id: string;
  /** The amount as saved, in pounds with two decimals ("1250.50"; a reversal "-1250.50"). */
  amount: string;
}

export function recordCostEntry(actor: Actor, input: unknown): Promise<ActionResult<CostEntryRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(recordCostEntrySchema, input);
      const { today } = await getClock();
      return db().$transaction(async (tx) => {
        const project = await tx.project.findUnique({ where: { id: data.projectId }, select: { id: true } });
        if (!project) throw notFound("The project");
        await assertCanOnProject(tx, "cost.record", actor, project.id);
        // Closed and cancelled projects still take costs: invoices arrive after the work ends
        // (domain/closed-projects.ts).
        const violations = costEntryViolations({ period: data.period, today });
        if (violations.length) throw refuse(violations, "period");
        const entry = await tx.costEntry.create({
          data: {
            projectId: project.id,
            period: data.period,
            amount: data.amount,
            description: data.description,
            recordedById: actor.id,
          },
        });
        await recordAudit(tx, actor, {
          action: "cost_entry.record",
          entityType: "CostEntry",
          entityId: entry.id,
          after: entry,
        });
        return { id: entry.id, amount: entry.amount.toFixed(2) };
      });
    },
    "Cost recorded.",
  );
}

interface LockedEntry {
  id: string;
  projectId: string;
  period: Date;
  amount: string;
  reversesId: string | null;
}

/**
 * The entry, locked for the rest of the transaction: two reversals of one entry take turns, and
 * the second sees the first's (docs/governance-rules.md FRAME-7).
 */
async function lockCostEntry(tx: DbTx, costEntryId: string): Promise<LockedEntry> {
  const rows = await tx.$queryRaw<LockedEntry[]>`
    SELECT "id", "projectId", "period", "amount"::text AS "amount", "reversesId"
    FROM "CostEntry" WHERE "id" = ${costEntryId} FOR UPDATE`;
  const [entry] = rows;
  if (!entry) throw notFound("The cost entry");
  return entry;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Cancels a cost entry with a reversing entry (docs/governance-rules.md FRAME-6): the opposite
 * amount, in the same month, naming the entry it reverses, with the reason as its description. Who
 * may record costs on the project may reverse them; closed and cancelled projects take reversals as
 * they take costs (domain/closed-projects.ts), since a wrong invoice can surface after the end.
 */
export function reverseCostEntry(actor: Actor, input: unknown): Promise<ActionResult<CostEntryRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(reverseCostEntrySchema, input);
      return db().$transaction(async (tx) => {
        const entry = await lockCostEntry(tx, data.costEntryId);
        await assertCanOnProject(tx, "cost.record", actor, entry.projectId);
        const existing = await tx.costEntry.findUnique({
          where: { reversesId: entry.id },
          select: { id: true },
        });
        const violations = costReversalViolations({
          entry,
          alreadyReversed: existing !== null,
          reason: data.reason,
        });
        if (violations.length) throw refuse(violations);
        let reversal: Awaited<ReturnType<typeof tx.costEntry.create>>;
        try {
          reversal = await tx.costEntry.create({
            data: {
              projectId: entry.projectId,
              period: entry.period,
              amount: negateMoney(entry.amount),
              description: normaliseReason(data.reason),
              reversesId: entry.id,
              recordedById: actor.id,
            },
          });
        } catch (error) {
          // The unique index on reversesId backs the lock: a reversal written past it is refused.
          if (isUniqueViolation(error)) {
            throw new OperationError(
              "CONFLICT",
              "Someone else reversed this entry at the same time. Reload to see the ledger as it is now.",
            );
          }
          throw error;
        }
        await recordAudit(tx, actor, {
          action: "cost_entry.reverse",
          entityType: "CostEntry",
          entityId: reversal.id,
          after: reversal,
        });
        return { id: reversal.id, amount: reversal.amount.toFixed(2) };
      });
    },
    "Cost reversed.",
  );
}
