// The portfolio office narrows the portfolio to one site's live work: the filters go into the URL
// (so the view can be shared), the list shows exactly the matching projects, and "Clear filters"
// brings the whole portfolio back. Reads only.
import { expect, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import { screenshotPage } from "./support/page-checks";

const projects = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "project" : "projects"}`;

test("the portfolio office filters the portfolio by site and stage, shares it by URL and clears it", async ({
  page,
}) => {
  // The site and stage with the most projects, so the filter has rows to show.
  const {
    rows: [busiest],
  } = await sql(
    `SELECT s."code", s."name", p."stage"::text AS "stage", COUNT(*)::int AS "count"
     FROM "Project" p JOIN "Site" s ON s."id" = p."siteId"
     GROUP BY s."code", s."name", p."stage" ORDER BY COUNT(*) DESC, s."code", p."stage" LIMIT 1`,
  );
  const {
    rows: [all],
  } = await sql(`SELECT COUNT(*)::int AS "count" FROM "Project"`);
  expect(busiest.count).toBeLessThan(all.count);

  await signIn(page, "pmo@northbridge.example");
  await expect(page).toHaveURL(/\/portfolio$/);
  const filters = page.getByRole("search", { name: "Filter projects" });
  await filters.getByLabel("Site").selectOption({ label: busiest.name });
  const stage = filters.getByLabel("Stage");
  await stage.selectOption(busiest.stage);
  const stageLabel = (await stage.locator("option:checked").textContent())?.trim() ?? "";
  await filters.getByRole("button", { name: "Apply" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]site=${busiest.code}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]stage=${busiest.stage}(&|$)`));
  // The count is the filter's, whatever the page holds; every row shown matches.
  await expect(page.getByRole("main")).toContainText(`${projects(busiest.count)} · Page 1 of`);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText(busiest.name);
    await expect(row).toContainText(stageLabel);
  }
  // The form shows the filters it applied.
  await expect(filters.getByLabel("Site")).toHaveValue(busiest.code);
  await expect(filters.getByLabel("Stage")).toHaveValue(busiest.stage);
  await screenshotPage(page, test.info(), "portfolio-filtered");

  // The same URL opened afresh shows the same view.
  await page.goto(page.url());
  await expect(page.getByRole("main")).toContainText(`${projects(busiest.count)} · Page 1 of`);

  await filters.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(filters.getByLabel("Site")).toHaveValue("");
  await expect(page.getByRole("main")).toContainText(`${projects(all.count)} · Page 1 of`);
});
