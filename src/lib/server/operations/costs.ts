import "server-only";
// Cost operations (DESIGN.md CostEntry, rule 3): R/A of the project, the PMO or an admin record
// actual spend, by month, never for a month that has not begun. There is no correction here:
// CostEntry has no `version`, so an edit could not be guarded against a concurrent one (rule 8).
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { canRecordCostEntry } from "@/lib/domain/costs";
import { recordCostEntrySchema } from "@/lib/schemas/costs";
import { getClock } from "../organisation";
import { recordAudit } from "./audit";
import { assertCanOnProject } from "./authority";
import { notFound, refuse } from "./errors";
import { parseInput, runOperation } from "./run";

export interface CostEntryRef {
  id: string;
  /** The amount as saved, in pounds with two decimals ("1250.50"). */
  amount: string;
}

export function recordCostEntry(actor: Actor, input: unknown): Promise<ActionResult<CostEntryRef>> {
  return runOperation(async () => {
    const data = parseInput(recordCostEntrySchema, input);
    const { today } = await getClock();
    return db().$transaction(async (tx) => {
      const project = await tx.project.findUnique({ where: { id: data.projectId }, select: { id: true } });
      if (!project) throw notFound("The project");
      await assertCanOnProject(tx, "cost.record", actor, project.id);
      // Closed and cancelled projects still take costs: invoices arrive after the work ends.
      const check = canRecordCostEntry({ period: data.period, today });
      if (!check.ok) throw refuse(check.violations, "period");
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
  }, "Cost recorded.");
}
