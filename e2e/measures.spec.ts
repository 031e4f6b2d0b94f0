import { expect, test } from "@playwright/test";
import { formatCalendarDate } from "../src/lib/domain/calendar";
import { signIn, sql } from "./support/demo";
import { metricCard, metricValuesFor, openDisclosure } from "./support/measures";

// Journey 5: a project manager records a metric value for a period that has ended.
//
// The metric is "Observations recorded on time" (weekly) on DIG-07, where pm@ (Aisha Okafor) is an
// R. The demo defines a project's metric weeks before the project starts and records values from
// its start, so the weeks in between are ended periods without a value whatever day the demo is
// seeded on; the picker offers the latest of them (or a more recent gap). No other journey uses
// this metric, and a value for one of those early weeks changes neither its latest value nor its
// status.
const PROJECT = "DIG-07";
const METRIC = "Observations recorded on time";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a project manager records a value for an ended period; a second value for that period is refused", async ({
  page,
  context,
}) => {
  await signIn(page, "pm@northbridge.example");
  await expect(page).toHaveURL(/\/my-work$/);
  await page.goto(`/projects/${PROJECT}/metrics`);
  await expect(page.getByRole("heading", { level: 2, name: "Metrics" })).toBeVisible();

  // A second tab opened before the first records: its picker still offers the same period.
  const stale = await context.newPage();
  await stale.goto(`/projects/${PROJECT}/metrics`);

  const card = metricCard(page, METRIC);
  await openDisclosure(card, "Record a value");
  const form = card.getByRole("form", { name: `Record a value of ${METRIC}` });
  const period = form.getByLabel("Period");
  // The picker starts on the most recent period that has ended without a value.
  const periodStart = await period.inputValue();
  const periodName = (await period.locator("option:checked").textContent())?.trim() ?? "";
  expect(periodStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(periodName).not.toContain("provisional");
  expect(await metricValuesFor(PROJECT, METRIC, periodStart)).toEqual([]);

  await form.getByLabel("Value (%)").fill("93.5");
  await form.getByLabel("Note").fill("Back-filled from the ward audit");
  await form.getByRole("button", { name: "Record value" }).click();
  await expect(form.getByRole("status")).toHaveText("Value recorded.");

  // The value shows on the metrics tab, as final: among the recent values, or the earlier ones.
  await openDisclosure(card, "Earlier values");
  const row = card.getByRole("row", { name: new RegExp(escapeRegExp(periodName)) });
  await expect(row).toContainText("93.5 %");
  await expect(row).toContainText("Final");
  await expect(row).toContainText("Aisha Okafor");
  // Recorded periods leave the picker.
  await expect(period.locator(`option[value="${periodStart}"]`)).toHaveCount(0);

  // The stale tab tries the same period: refused, naming the period, beside the picker.
  const staleCard = metricCard(stale, METRIC);
  await openDisclosure(staleCard, "Record a value");
  const staleForm = staleCard.getByRole("form", { name: `Record a value of ${METRIC}` });
  await staleForm.getByLabel("Period").selectOption(periodStart);
  await staleForm.getByLabel("Value (%)").fill("94");
  await staleForm.getByRole("button", { name: "Record value" }).click();
  const refusal = staleForm.getByRole("alert");
  await expect(refusal).toContainText("Cannot record this value");
  await expect(refusal).toContainText(
    `A value for the period starting ${formatCalendarDate(periodStart)} is already recorded`,
  );
  await expect(staleForm.getByLabel("Period")).toHaveAttribute("aria-invalid", "true");

  // The database holds exactly the one value, as recorded by the project manager.
  expect(await metricValuesFor(PROJECT, METRIC, periodStart)).toEqual([
    { value: 93.5, provisional: false, recordedBy: "pm@northbridge.example" },
  ]);
});

// A project manager books a month's spend on DIG-07 (pm@ is an R), sees it in the ledger and in the
// spend to date, then reverses it as booked in error. The two entries cancel out, so the project's
// spend is as the demo seeded it when the journey ends. The description is unique to this journey.
test("a project manager records a cost and reverses it, and the ledger shows both lines", async ({
  page,
}) => {
  const description = "Ward tablet stands (measures journey)";
  await signIn(page, "pm@northbridge.example");
  await expect(page).toHaveURL(/\/my-work$/);
  await page.goto(`/projects/${PROJECT}/costs`);
  const spent = page.getByRole("definition").filter({ hasText: "£" }).nth(1);
  const spentBefore = await spent.textContent();

  await openDisclosure(page, "Record a cost");
  const form = page.getByRole("form", { name: "Record a cost" });
  await form.getByLabel("Amount (£)").fill("1250.50");
  await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "Record cost" }).click();
  await expect(form.getByRole("status")).toHaveText("Cost recorded.");

  const ledger = page.getByRole("table", { name: /Cost ledger/ });
  const entry = ledger.getByRole("row", { name: new RegExp(escapeRegExp(description)) });
  await expect(entry).toContainText("£1,250.50");
  await expect(spent).not.toHaveText(spentBefore ?? "");

  await openDisclosure(entry, "Reverse");
  const reverse = entry.getByRole("form", { name: /^Reverse / });
  await reverse.getByLabel("Reason").fill("Booked in error: the stands were charged to estates");
  await reverse.getByRole("button", { name: "Reverse entry" }).click();

  const reversal = ledger.getByRole("row", { name: /Booked in error: the stands were charged to estates/ });
  await expect(reversal).toContainText("-£1,250.50");
  await expect(reversal).toContainText(`Reverses £1,250.50 · ${description}`);
  await expect(
    ledger.getByRole("row", { name: new RegExp(`^.*${escapeRegExp(description)}.*Reversed`) }),
  ).toHaveCount(1);
  await expect(spent).toHaveText(spentBefore ?? "");

  const rows = await sql(
    `SELECT c.amount::text AS amount, (c."reversesId" IS NOT NULL) AS reversal
       FROM "CostEntry" c JOIN "Project" p ON p.id = c."projectId"
      WHERE p.code = $1 AND (c.description = $2 OR c."reversesId" IN
            (SELECT id FROM "CostEntry" WHERE description = $2))
      ORDER BY c."createdAt"`,
    [PROJECT, description],
  );
  expect(rows.rows).toEqual([
    { amount: "1250.50", reversal: false },
    { amount: "-1250.50", reversal: true },
  ]);
});
