// Helpers for the overview's key-facts journey: one fact of the overview by its label, and what the
// database says the facts are, worded by the same formatters the page uses.
import type { Locator, Page } from "@playwright/test";
import { formatInstant, formatShortCalendarDate } from "../../src/lib/domain/calendar";
import { formatMoney } from "../../src/lib/domain/money";
import { sql } from "./demo";

/** The value (dd) of one key fact on a project's overview, found by its label (dt). */
export function keyFact(page: Page, label: string): Locator {
  return page
    .getByRole("region", { name: "Key facts" })
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: label }) })
    .locator("dd");
}

export interface ExpectedFacts {
  baselineBudget: string;
  spentToDate: string;
  /** "x% of baseline", as the page rounds it. */
  shareOfBaseline: string;
  start: string;
  stageSince: string;
  expectedBenefits: string;
  /** Entries in the ledger that reverse another (FRAME-6). */
  reversals: number;
}

/** The project's facts as the database holds them now, formatted as the overview shows them. */
export async function factsFromDatabase(code: string): Promise<ExpectedFacts> {
  const { rows } = await sql(
    `SELECT p."baselineBudget"::text AS budget,
            to_char(p."startDate", 'YYYY-MM-DD') AS start,
            p."stageChangedAt" AS "stageSince",
            p."expectedBenefits" AS benefits,
            (SELECT COALESCE(SUM(c.amount), 0)::text FROM "CostEntry" c WHERE c."projectId" = p.id) AS spent,
            (SELECT COUNT(*)::int FROM "CostEntry" c WHERE c."projectId" = p.id AND c."reversesId" IS NOT NULL) AS reversals,
            o."timeZone" AS "timeZone"
       FROM "Project" p CROSS JOIN "Organisation" o
      WHERE p.code = $1 AND o.id = 1`,
    [code],
  );
  const row = rows[0] as {
    budget: string;
    start: string;
    stageSince: Date;
    benefits: string;
    spent: string;
    reversals: number;
    timeZone: string;
  };
  return {
    baselineBudget: formatMoney(row.budget),
    spentToDate: formatMoney(row.spent),
    shareOfBaseline: `${Math.round((Number(row.spent) / Number(row.budget)) * 100)}% of baseline`,
    start: formatShortCalendarDate(row.start),
    stageSince: formatInstant(row.stageSince, row.timeZone),
    expectedBenefits: row.benefits,
    reversals: row.reversals,
  };
}
