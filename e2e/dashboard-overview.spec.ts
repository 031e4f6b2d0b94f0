// The leadership dashboard's Overview tab and alignment matrix (issue #12), as an executive uses
// them: filter by site (the URL carries it and the figures change), click a number through to the
// projects behind it and find the same count there, read one scorecard category in full, and page
// through the alignment matrix down its projects and across its objectives.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./support/demo";
import { expectSettled, screenshotPage, seriousViolations } from "./support/page-checks";

// The machine the journeys run on is shared and slow at times.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The headline figures of the alignment failures and escalations, as read. */
async function headlineFigures(page: Page): Promise<string[]> {
  const figures = page
    .locator("#alignment-failures-heading, #escalations-heading")
    .locator("..")
    .locator("dd a");
  await expect(figures.first()).toBeVisible();
  return figures.allInnerTexts();
}

async function firstNonZero(links: Locator): Promise<{ link: Locator; count: number }> {
  const texts = await links.allInnerTexts();
  const index = texts.findIndex((text) => Number(text) > 0);
  expect(index, "a non-zero count to click").toBeGreaterThanOrEqual(0);
  return { link: links.nth(index), count: Number(texts[index]) };
}

test("an executive filters the overview by site and clicks a number through to its projects", async ({
  page,
}) => {
  await signIn(page, "executive@northbridge.example");
  await expect(page).toHaveURL(/\/leadership$/);
  await expect(page.getByRole("heading", { level: 1, name: "Leadership dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
  const trustWide = await headlineFigures(page);
  const trustRisks = await page.locator("#risks-heading + p").textContent();

  // Filter by a site: the URL says so, and the figures are the site's.
  const filter = page.getByRole("search", { name: "Filter the dashboard" });
  const site = filter.getByLabel("Site");
  const siteOptions = await site.locator("option").allInnerTexts();
  const siteName = siteOptions.find((name) => name !== "All sites");
  if (!siteName) throw new Error("The demo has no site to filter by");
  await site.selectOption({ label: siteName });
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/leadership\?site=[A-Z0-9-]+/);
  await expect(filter.getByLabel("Site")).toHaveValue(/.+/);
  const atSite = await headlineFigures(page);
  const siteRisks = await page.locator("#risks-heading + p").textContent();
  expect([...atSite, siteRisks], "the figures change with the site").not.toEqual([...trustWide, trustRisks]);
  const siteCode = new URL(page.url()).searchParams.get("site");

  // A scorecard count opens the projects behind it, as many as it said, still at the site.
  const contributing = page.getByRole("link", { name: /^\d+ projects aligned to / });
  const { link, count } = await firstNonZero(contributing);
  await link.click();
  await expect(page).toHaveURL(
    new RegExp(`/leadership/projects\\?site=${siteCode}&objective=[^&]+&scope=aligned$`),
  );
  await expect(page.getByTestId("drilldown-count")).toContainText(
    `${count} ${count === 1 ? "project" : "projects"}`,
  );
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(count);

  // Back to the overview with the same filter.
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(new RegExp(`/leadership\\?site=${siteCode}`));

  // Each category says how many of its objectives need attention, in words.
  const scorecard = page.locator("#scorecard-heading").locator("..");
  await expect(scorecard.getByText(/^\d+ objectives?:$/).first()).toBeVisible();

  // A heat map cell opens its open risks.
  const cells = page.getByRole("link", { name: /^Likelihood \d, impact \d: \d+ open risks?$/ });
  if ((await cells.count()) > 0) {
    const { link: cell, count: risks } = await firstNonZero(cells);
    await cell.click();
    await expect(page).toHaveURL(/\/leadership\/risks\?.*likelihood=\d&impact=\d/);
    await expect(page.getByTestId("drilldown-count")).toContainText(
      `${risks} open ${risks === 1 ? "risk" : "risks"}`,
    );
  }
});

test("an executive reads one scorecard category in full, a page at a time, and comes back to every category", async ({
  page,
}) => {
  await signIn(page, "executive@northbridge.example");
  await page.goto("/leadership?category=QUALITY_SAFETY");
  await expectSettled(page);
  const scorecard = page.locator("#scorecard-heading").locator("..");
  await expect(scorecard.getByRole("heading", { name: "Quality and safety: every objective" })).toBeVisible();
  await expect(scorecard.getByRole("navigation", { name: "Pagination" })).toContainText(
    /objectives? · Page 1 of 1/,
  );
  const rows = scorecard.getByRole("table", {
    name: /^Quality and safety objectives, needing attention most first/,
  });
  await expect(rows.locator("tbody tr").first()).toBeVisible();
  // No other category's objectives on this view.
  await expect(scorecard.getByRole("heading", { name: "Financial" })).toHaveCount(0);
  await screenshotPage(page, test.info(), "leadership-scorecard-category");
  expect.soft(await seriousViolations(page, test.info(), "leadership-scorecard-category")).toEqual([]);

  await scorecard.getByRole("link", { name: "Back to every category" }).click();
  await expect(page).toHaveURL(/\/leadership#scorecard$/);
  await expect(page.getByRole("heading", { name: "Financial" })).toBeVisible();
  await screenshotPage(page, test.info(), "leadership-overview");
  expect.soft(await seriousViolations(page, test.info(), "leadership-overview")).toEqual([]);
});

test("an executive pages through the alignment matrix and filters it", async ({ page }) => {
  await signIn(page, "executive@northbridge.example");
  await page
    .getByRole("navigation", { name: "Dashboard sections" })
    .getByRole("link", { name: "Alignment matrix" })
    .click();
  await expect(page).toHaveURL(/\/leadership\/alignment$/);
  const matrix = page.getByRole("table", { name: /Projects \(rows\) against objectives/ });
  await expect(matrix).toBeVisible();
  // Primary and supporting read in words to a screen reader, and as symbols with letters on screen.
  await expect(matrix.getByText("Primary").first()).toBeAttached();
  await expect(matrix.getByText("● P").first()).toBeVisible();

  // The objectives across are counted, and their category named; the demo's fit on one page.
  const columns = page.getByRole("navigation", { name: "Objective columns" });
  await expect(columns).toContainText(/Objectives 1–\d+ of \d+/);
  await screenshotPage(page, test.info(), "leadership-alignment");
  expect.soft(await seriousViolations(page, test.info(), "leadership-alignment")).toEqual([]);

  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("Page 1 of 2");
  const firstPage = (await matrix.locator("tbody th").first().textContent()) ?? "";
  await pagination.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/leadership\/alignment\?page=2$/);
  await expect(pagination).toContainText("Page 2 of 2");
  await expect(matrix.locator("tbody th").first()).not.toHaveText(firstPage);

  // Filtering starts again at page 1.
  const filter = page.getByRole("search", { name: "Filter the alignment matrix" });
  await filter.getByLabel("Stage").selectOption({ label: "Proposed" });
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/leadership\/alignment\?.*stage=PROPOSED/);
  await expect(pagination).toContainText("Page 1 of 1");
  for (const row of await matrix.locator("tbody th").allInnerTexts()) expect(row).toContain("Proposed");

  // One category's objectives across, the stage kept.
  await filter.getByLabel("Objectives across").selectOption({ label: "Financial" });
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/leadership\/alignment\?.*category=FINANCIAL/);
  await expect(page).toHaveURL(/stage=PROPOSED/);
  await expect(matrix.getByRole("columnheader", { name: "Financial" })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "Quality and safety" })).toHaveCount(0);
  await expect(columns).toContainText("(Financial)");
});
