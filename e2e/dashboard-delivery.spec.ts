// Issue 12: the leadership dashboard's Delivery tab as an executive reads it. They filter by a
// site, read the schedule chart through its table view and its CSV, click the project furthest
// behind its baseline through to its page, follow a forecast count to the metrics behind it, and
// read an SPC chart on an objective's page. The expected figures are read from the database here,
// independently of the page. A viewer (a board member) reads the same tab. Reads only, so it
// depends on no other journey.
import { readFile } from "node:fs/promises";
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import { openDisclosure } from "./support/measures";
import { expectSettled, screenshotPage, seriousViolations } from "./support/page-checks";

const expect = baseExpect.configure({ timeout: 15_000 });

// Live projects (docs/governance-rules.md NUM-8), as SQL over "Project" p.
const LIVE = `(p.stage IN ('APPROVED', 'PILOT', 'ROLLOUT')
  OR (p.stage = 'ON_HOLD' AND (p."heldFromStage" IS NULL OR p."heldFromStage" IN ('APPROVED', 'PILOT', 'ROLLOUT'))))`;

/** The site with the most live projects behind their baseline end, and what the tab should say of it. */
async function siteToRead() {
  const site = await sql(
    `SELECT s.code, s.name, count(*)::int AS live,
            count(*) FILTER (WHERE p."forecastEndDate" > p."baselineEndDate")::int AS late
       FROM "Site" s JOIN "Project" p ON p."siteId" = s.id
      WHERE ${LIVE}
      GROUP BY s.code, s.name
      ORDER BY late DESC, s.code
      LIMIT 1`,
  );
  const row = site.rows[0] as { code: string; name: string; live: number; late: number };
  // Furthest behind as a share of planned duration (NUM-3), the first of equals by code.
  const worst = await sql(
    `SELECT p.code, p.name FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
      WHERE s.code = $1 AND ${LIVE} AND p."forecastEndDate" > p."baselineEndDate"
      ORDER BY (p."forecastEndDate" - p."baselineEndDate")::float8
               / GREATEST(1, p."baselineEndDate" - p."startDate") DESC, p.code
      LIMIT 1`,
    [row.code],
  );
  return { ...row, worst: worst.rows[0] as { code: string; name: string } | undefined };
}

async function openDelivery(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole("banner")).toBeVisible();
  await page.goto("/leadership/delivery");
  await expectSettled(page);
  await expect(page.getByRole("heading", { level: 2, name: "Schedule variance" })).toBeVisible();
}

test("an executive filters the Delivery tab by site, reads the schedule chart's data and opens the project furthest behind", async ({
  page,
}) => {
  const site = await siteToRead();
  expect(site.late, "the demo has a site with a live project behind its baseline").toBeGreaterThan(0);
  await openDelivery(page, "executive@northbridge.example");

  const filters = page.getByRole("search", { name: "Filter the dashboard" });
  await filters.getByLabel("Site").selectOption(site.code);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]site=${site.code}(&|$)`));
  await expect(filters.getByLabel("Site")).toHaveValue(site.code);

  // The chart, named for assistive technology, and its table view: one row, the chosen site.
  const figure = page.getByRole("figure", { name: "Schedule slip by site" });
  await expect(figure.getByRole("img", { name: /^Average schedule slip by site:/ })).toBeVisible();
  // The chart draws once near the screen (its code loads after the page), in the space held for it.
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".recharts-wrapper").first()).toBeVisible();
  await openDisclosure(figure, "Table view: Schedule slip by site");
  const table = figure.getByRole("table", { name: "Schedule slip by site" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  const cells = rows.first().locator("td");
  await expect(cells.nth(0)).toHaveText(site.name);
  await expect(cells.nth(1)).toHaveText(String(site.live));
  await expect(cells.nth(2)).toHaveText(String(site.late));

  // The same data as CSV.
  const downloading = page.waitForEvent("download");
  await figure.getByRole("link", { name: /^Download the data \(CSV\)/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("schedule-slip-by-site.csv");
  const csv = await readFile(await download.path(), "utf8");
  const [header, line] = csv.trim().split("\r\n");
  expect(header).toBe("Site,Live projects,Late,Amber,Red,Average slip (days),Average slip (% of plan)");
  expect(line?.startsWith(`${site.name},${site.live},${site.late},`)).toBe(true);

  // The worst offender, first in its list, clicks through to its project.
  const worst = page.getByRole("table", { name: /live projects furthest behind their baseline end/ });
  const first = worst.locator("tbody tr").first();
  await expect(first).toContainText(site.worst?.name ?? "");
  await first.getByRole("link", { name: new RegExp(`^${site.worst?.code}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${site.worst?.code}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(site.worst?.name ?? "");
});

test("an executive follows a metric forecast count to the metrics behind it", async ({ page }) => {
  await openDelivery(page, "executive@northbridge.example");
  // Every chart drawn, as a reader scrolling down would see them, then the page at both widths.
  const charts = page.getByRole("figure");
  for (const chart of await charts.all()) await chart.scrollIntoViewIfNeeded();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(await charts.count());
  await screenshotPage(page, test.info(), "leadership-delivery");
  expect.soft(await seriousViolations(page, test.info(), "leadership-delivery")).toEqual([]);

  const statuses = page.getByRole("navigation", { name: "Metric forecasts by status" });
  const onCourse = statuses.getByRole("link", { name: /^On course: \d+$/ });
  const count = Number((await onCourse.textContent())?.match(/\d+$/)?.[0]);
  await onCourse.click();
  await expect(page).toHaveURL(/[?&]metrics=ON_COURSE/);
  await expect(statuses.getByRole("link", { name: /^On course:/ })).toHaveAttribute("aria-current", "true");
  if (count === 0) {
    await expect(page.getByText("No metric is on course")).toBeVisible();
    return;
  }
  const listed = page.getByRole("table", { name: "Metrics on course, by objective" }).locator("tbody tr");
  await expect(listed).toHaveCount(Math.min(count, 10));
  await expect(listed.first()).toContainText("On course");
});

test("an executive reads a metric's SPC chart, its table view and its CSV on the objective's page", async ({
  page,
}) => {
  const found = await sql(
    `SELECT o.code, m.name, count(v.id)::int AS n
       FROM "Metric" m
       JOIN "StrategicObjective" o ON o.id = m."objectiveId"
       JOIN "MetricValue" v ON v."metricId" = m.id AND NOT v.provisional
      WHERE m.active
      GROUP BY o.code, m.id, m.name
      ORDER BY n DESC, o.code, m.name
      LIMIT 1`,
  );
  const metric = found.rows[0] as { code: string; name: string; n: number };
  await signIn(page, "executive@northbridge.example");
  await expect(page.getByRole("banner")).toBeVisible();
  await page.goto(`/objectives/${metric.code}`);
  await expectSettled(page);

  const figure = page.getByRole("figure", { name: `SPC chart of ${metric.name}` }).first();
  await expect(figure.getByRole("img", { name: new RegExp(`^SPC chart of ${metric.name}:`) })).toBeVisible();
  await expect(figure.getByText("Special cause: improvement (square)")).toBeVisible();
  await openDisclosure(figure, `Table view of the SPC chart of ${metric.name}`);
  await expect(
    figure
      .getByRole("table", { name: `SPC chart of ${metric.name}: values, limits and signals, oldest first` })
      .locator("tbody tr"),
  ).toHaveCount(metric.n);

  const downloading = page.waitForEvent("download");
  await figure.getByRole("link", { name: /^Download the data \(CSV\)/ }).click();
  const csv = await readFile(await (await downloading).path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Period,Value,Mean,Lower limit,Upper limit,Signals");
  expect(lines).toHaveLength(metric.n + 1);
});

test("a viewer reads the Delivery tab", async ({ page }) => {
  await openDelivery(page, "viewer@northbridge.example");
  await expect(page.getByRole("heading", { level: 2, name: "Budget variance" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Will each metric reach its target?" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "When will live projects really finish?" }),
  ).toBeVisible();
});
