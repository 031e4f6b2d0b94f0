// Journeys 1, 9 and 6: a project manager moves a milestone's forecast from the milestones tab, by
// mouse and by keyboard alone, and two people saving the same milestone never overwrite each other.
//
// Records used only here: DIG-04 “Rollout wave 1 live” (journey 1), DIG-04 “Trust-wide rollout
// complete” (journey 9), DIG-01 “Benefits review” (journey 6). Each journey moves a forecast later
// (the milestone stays open), which is all another spec could notice.
import { expect, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import {
  addDays,
  expectFocusVisible,
  milestoneOf,
  milestoneRow,
  open,
  shown,
  snap,
  tabTo,
  userId,
} from "./support/plan";

const PM = "pm@northbridge.example";

test("journey 1: a project manager moves a forecast past its baseline with a reason; the milestone is at risk and the history says why", async ({
  page,
}) => {
  const title = "Rollout wave 1 live";
  const before = await milestoneOf("DIG-04", title);
  const newForecast = addDays(before.baselineDate, 28);
  const reason = "Scanner delivery from the supplier slipped four weeks";

  await signIn(page, PM);
  await expect(page).toHaveURL(/\/my-work$/);
  await page.goto("/projects/DIG-04/milestones");
  await expect(page.getByRole("heading", { name: "Milestones", level: 2 })).toBeVisible();
  const row = milestoneRow(page, title);
  await open(row, "Change forecast");
  const form = row.getByRole("form", { name: `Change the forecast of ${title}` });
  await form.getByLabel("New forecast date").fill(newForecast);
  await form.getByLabel("Reason for the change").fill(reason);
  await form.getByRole("button", { name: "Save forecast" }).click();

  await expect(row).toContainText(shown(newForecast));
  await expect(row).toContainText("At risk");
  await expect(row).toContainText("28 days late");
  await expect(row).toContainText(`Last moved by Aisha Okafor: ${reason}`);
  await snap(page, "milestones-after-forecast-move");

  const aisha = await userId(PM);
  const changes = await sql(
    `SELECT "oldDate"::text AS old, "newDate"::text AS new, reason, "changedById" FROM "MilestoneChange" WHERE "milestoneId" = $1`,
    [before.id],
  );
  expect(changes.rows).toEqual([{ old: before.forecastDate, new: newForecast, reason, changedById: aisha }]);
  const audit = await sql(
    `SELECT "actorId", after->>'reason' AS reason FROM "AuditEvent" WHERE action = 'milestone.change_forecast' AND "entityId" = $1`,
    [before.id],
  );
  expect(audit.rows).toEqual([{ actorId: aisha, reason }]);

  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "History" })
    .click();
  await expect(page.getByRole("heading", { name: "History", level: 2 })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    `Aisha Okafor moved the forecast of “${title}” from ${shown(before.forecastDate)} to ${shown(newForecast)}: ${reason}`,
  );
  await snap(page, "history-after-forecast-move");
});

test.describe("keyboard only", () => {
  // Chromium lays out a date field by its own locale: en-US is mm/dd/yyyy, typed segment by segment.
  test.use({ locale: "en-US" });

  test("journey 9: a project manager moves a forecast and reads the history with the keyboard alone, always seeing where focus is", async ({
    page,
  }) => {
    const title = "Trust-wide rollout complete";
    const before = await milestoneOf("DIG-04", title);
    const newForecast = addDays(before.baselineDate, 21);
    const reason = "Ward refurbishment on the last two wards starts three weeks late";

    await page.goto("/signin");
    await tabTo(page, page.getByLabel("Email"), "the email field");
    await page.keyboard.type(PM);
    await page.keyboard.press("Tab");
    await expectFocusVisible(page);
    await page.keyboard.type("throughline-demo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/my-work$/);

    await page.goto("/projects/DIG-04/milestones");
    const row = milestoneRow(page, title);
    const summary = row.locator("summary", { hasText: "Change forecast" });
    await tabTo(page, summary, `“Change forecast” for ${title}`);
    await page.keyboard.press("Enter");
    await expect(summary.locator("xpath=..")).toHaveAttribute("open", "");

    const form = row.getByRole("form", { name: `Change the forecast of ${title}` });
    await tabTo(page, form.getByLabel("New forecast date"), "the forecast date", 5);
    const [year, month, day] = newForecast.split("-");
    await page.keyboard.type(`${month}${day}${year}`);
    await expect(form.getByLabel("New forecast date")).toHaveValue(newForecast);
    await tabTo(page, form.getByLabel("Reason for the change"), "the reason", 5);
    await page.keyboard.type(reason);
    await tabTo(page, form.getByRole("button", { name: "Save forecast" }), "the save button", 5);
    await page.keyboard.press("Enter");

    await expect(row).toContainText(shown(newForecast));
    await expect(row).toContainText("At risk");
    const changes = await sql(
      `SELECT "newDate"::text AS new, reason FROM "MilestoneChange" WHERE "milestoneId" = $1 ORDER BY "changedAt"`,
      [before.id],
    );
    // The seed may have moved this forecast before; the latest change is this one.
    expect(changes.rows.at(-1)).toEqual({ new: newForecast, reason });

    const historyTab = page
      .getByRole("navigation", { name: "Project sections" })
      .getByRole("link", { name: "History" });
    // On with Tab (from wherever focus is after saving) to the project's History tab.
    await tabTo(page, historyTab, "the History tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/projects\/DIG-04\/history$/);
    await expect(page.getByRole("main")).toContainText(
      `Aisha Okafor moved the forecast of “${title}” from ${shown(before.forecastDate)} to ${shown(newForecast)}: ${reason}`,
    );
  });
});

test("journey 6: when two people save the same milestone, the second is told, loses nothing, and can re-apply after reloading", async ({
  browser,
}) => {
  const title = "Benefits review";
  const before = await milestoneOf("DIG-01", title);
  const first = {
    date: addDays(before.forecastDate, 14),
    reason: "Benefits data from the ICB arrives two weeks late",
  };
  const second = {
    date: addDays(before.forecastDate, 28),
    reason: "Audit team is only free at the end of the month",
  };

  const aishaContext = await browser.newContext();
  const marcusContext = await browser.newContext();
  const aisha = await aishaContext.newPage();
  const marcus = await marcusContext.newPage();
  await signIn(aisha, PM);
  await expect(aisha).toHaveURL(/\/my-work$/);
  await signIn(marcus, "pmo@northbridge.example");
  await expect(marcus).toHaveURL(/\/portfolio$/);
  for (const page of [aisha, marcus]) {
    await page.goto("/projects/DIG-01/milestones");
    await open(milestoneRow(page, title), "Change forecast");
  }

  const save = async (page: typeof aisha, change: typeof first) => {
    const form = milestoneRow(page, title).getByRole("form", { name: `Change the forecast of ${title}` });
    await form.getByLabel("New forecast date").fill(change.date);
    await form.getByLabel("Reason for the change").fill(change.reason);
    await form.getByRole("button", { name: "Save forecast" }).click();
  };

  await save(aisha, first);
  await expect(milestoneRow(aisha, title)).toContainText(shown(first.date));

  await save(marcus, second);
  const alert = milestoneRow(marcus, title).getByRole("alert");
  await expect(alert).toContainText("Someone else changed this");
  await snap(marcus, "milestones-conflict");
  // Nothing lost: the first change stands, the second was not written over it.
  const afterConflict = await sql(`SELECT "forecastDate"::text AS forecast FROM "Milestone" WHERE id = $1`, [
    before.id,
  ]);
  expect(afterConflict.rows).toEqual([{ forecast: first.date }]);

  await alert.getByRole("button", { name: "Reload to see their change" }).click();
  const row = milestoneRow(marcus, title);
  await expect(row).toContainText(shown(first.date));
  await expect(row).toContainText(`Last moved by Aisha Okafor: ${first.reason}`);
  await expect(row.getByRole("alert")).toHaveCount(0);
  if ((await row.locator("details[open]").count()) === 0) await open(row, "Change forecast");
  await expect(row.getByLabel("New forecast date")).toHaveValue(first.date);
  await save(marcus, second);
  await expect(row).toContainText(shown(second.date));

  const changes = await sql(
    `SELECT "oldDate"::text AS old, "newDate"::text AS new, reason FROM "MilestoneChange"
     WHERE "milestoneId" = $1 ORDER BY "changedAt"`,
    [before.id],
  );
  expect(changes.rows).toEqual([
    { old: before.forecastDate, new: first.date, reason: first.reason },
    { old: first.date, new: second.date, reason: second.reason },
  ]);
  await aishaContext.close();
  await marcusContext.close();
});
