// The portfolio office checks a project's money from its overview: the key facts (budget, spend
// to date, start, end against baseline, time in stage, expected benefits) come from the one small
// facts read, and the spend to date is the ledger's plain sum with its reversals included
// (docs/governance-rules.md FRAME-8), the same figure the costs tab shows.
//
// Reads only. DIG-05 is the demo project whose ledger holds a mis-keyed invoice, its reversal and
// the corrected entry; no other journey records or reverses its costs, and the expected figures
// are read from the database at run time, so another journey's changes elsewhere do not matter.
import { expect as baseExpect, test } from "@playwright/test";
import { formatMoney } from "../src/lib/domain/money";
import { signIn, sql } from "./support/demo";
import { expectSettled } from "./support/page-checks";
import { factsFromDatabase, keyFact } from "./support/project-facts";

// The machine the journeys run on is shared and slow at times.
const expect = baseExpect.configure({ timeout: 15_000 });

const CODE = "DIG-05";

test("the PMO reads a project's key facts, its spend to date net of a reversed invoice, and finds the costs tab agreeing", async ({
  page,
}, testInfo) => {
  const facts = await factsFromDatabase(CODE);
  // The seeded correction: one invoice keyed at ten times its amount, reversed and keyed again.
  expect(facts.reversals).toBeGreaterThanOrEqual(1);
  const { rows } = await sql(
    `SELECT SUM(c.amount) FILTER (WHERE c.amount > 0)::text AS "withoutReversals"
       FROM "CostEntry" c JOIN "Project" p ON p.id = c."projectId" WHERE p.code = $1`,
    [CODE],
  );
  const withoutReversals = (rows[0] as { withoutReversals: string }).withoutReversals;

  await signIn(page, "pmo@northbridge.example");
  await expect(page).toHaveURL(/\/portfolio$/);
  await page.goto(`/projects/${CODE}`);
  await expectSettled(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CODE);

  await expect(keyFact(page, "Baseline budget")).toHaveText(facts.baselineBudget);
  const spent = keyFact(page, "Spent to date");
  await expect(spent).toContainText(facts.spentToDate);
  await expect(spent).toContainText(facts.shareOfBaseline);
  // The mis-keyed invoice is not counted twice over: the reversal cancels it (FRAME-8).
  await expect(spent).not.toContainText(formatMoney(withoutReversals));
  await expect(keyFact(page, "Start")).toHaveText(facts.start);
  await expect(keyFact(page, "In this stage since")).toHaveText(facts.stageSince);
  await expect(keyFact(page, "Expected benefits")).toHaveText(facts.expectedBenefits);
  // The end against its baseline says its state in words, not colour alone.
  await expect(keyFact(page, "End:")).toContainText(/\d{4}/);

  for (const [name, width] of [
    ["desktop", 1366],
    ["tablet", 768],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await expect(keyFact(page, "Spent to date")).toBeVisible();
    // No sideways scrolling of the page at a tablet's width.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`project-facts-${name}.png`), fullPage: true });
  }

  // The costs tab shows the same spend, and the reversal beside what it cancels.
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Costs" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/projects/${CODE}/costs$`));
  const stats = page.getByRole("main").locator("dl").first();
  await expect(stats.locator("div").filter({ hasText: "Spent to date" }).locator("dd").first()).toHaveText(
    facts.spentToDate,
  );
  await expect(page.getByRole("table").getByText("Reversal", { exact: true })).toHaveCount(facts.reversals);

  // Reading changed nothing: the ledger's total is what it was.
  expect((await factsFromDatabase(CODE)).spentToDate).toBe(facts.spentToDate);
});
