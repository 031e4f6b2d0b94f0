import "server-only";
// The costs tab of a project: spend to date against the baseline budget, and the ledger a page at
// a time, newest month first. Totals are plain sums of the entries, reversals included
// (docs/governance-rules.md FRAME-8); each reversal names the entry it cancels, and each reversed
// entry the reversal that cancelled it (FRAME-6, FRAME-7).
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import type { ProjectStage } from "@/lib/domain/vocabulary";
import { loadPage, type Paged } from "./paging";

export const COST_PAGE_SIZE = 20;

export interface CostEntryRow {
  id: string;
  /** The month's first day. */
  period: IsoDate;
  /** Exact pounds, two decimals; a reversal is negative. */
  amount: string;
  description: string;
  recordedByName: string;
  recordedAt: string;
  /** What this entry reverses, when it is a reversal. */
  reverses: { id: string; period: IsoDate; description: string; amount: string } | null;
  /** The reversal that cancelled this entry, if any. */
  reversedBy: { id: string; recordedAt: string } | null;
}

export interface ProjectCosts {
  projectId: string;
  stage: ProjectStage;
  baselineBudget: string;
  spentToDate: string;
  ledger: Paged<CostEntryRow>;
}

export async function getProjectCosts(projectId: string, page: number): Promise<ProjectCosts | null> {
  const where = { projectId };
  const [project, spent, ledger] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: { id: true, stage: true, baselineBudget: true },
    }),
    db().costEntry.aggregate({ where, _sum: { amount: true } }),
    loadPage({
      page,
      pageSize: COST_PAGE_SIZE,
      count: () => db().costEntry.count({ where }),
      fetch: (skip, take) =>
        db().costEntry.findMany({
          where,
          orderBy: [{ period: "desc" }, { createdAt: "desc" }, { id: "asc" }],
          skip,
          take,
          select: {
            id: true,
            period: true,
            amount: true,
            description: true,
            createdAt: true,
            recordedBy: { select: { name: true } },
            reverses: { select: { id: true, period: true, description: true, amount: true } },
            reversedBy: { select: { id: true, createdAt: true } },
          },
        }),
    }),
  ]);
  if (!project) return null;
  return {
    projectId: project.id,
    stage: project.stage,
    baselineBudget: project.baselineBudget.toFixed(2),
    spentToDate: spent._sum.amount?.toFixed(2) ?? "0.00",
    ledger: {
      ...ledger,
      rows: ledger.rows.map((e) => ({
        id: e.id,
        period: toIsoDate(e.period),
        amount: e.amount.toFixed(2),
        description: e.description,
        recordedByName: e.recordedBy.name,
        recordedAt: e.createdAt.toISOString(),
        reverses: e.reverses
          ? {
              id: e.reverses.id,
              period: toIsoDate(e.reverses.period),
              description: e.reverses.description,
              amount: e.reverses.amount.toFixed(2),
            }
          : null,
        reversedBy: e.reversedBy
          ? { id: e.reversedBy.id, recordedAt: e.reversedBy.createdAt.toISOString() }
          : null,
      })),
    },
  };
}
