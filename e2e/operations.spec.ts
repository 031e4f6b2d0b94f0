// Issue 12: an operations user (a project manager) starts the day on "My work", sees a milestone
// past its forecast date flagged overdue, and opens it on its project's milestones tab. The
// milestone is found in the database here, independently of the page: the demo's plan is laid out
// relative to today, so one of Aisha Okafor's projects always has one. Reads only.
import { expect as baseExpect, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import { screenshotPage } from "./support/page-checks";

const expect = baseExpect.configure({ timeout: 15_000 });

test("a project manager sees an overdue milestone on My work and opens it", async ({ page }, testInfo) => {
  const found = await sql(
    `SELECT m.title, p.code
       FROM "Milestone" m
       JOIN "Project" p ON p.id = m."projectId"
       JOIN "RaciAssignment" r ON r."projectId" = p.id AND r.letter IN ('R', 'A')
       JOIN "User" u ON u.id = r."userId"
      WHERE u.email = 'pm@northbridge.example'
        AND m.status IN ('NOT_STARTED', 'IN_PROGRESS')
        AND m."forecastDate" < (now() AT TIME ZONE 'Europe/London')::date
      ORDER BY m."forecastDate", p.code, m.title
      LIMIT 1`,
  );
  const milestone = found.rows[0] as { title: string; code: string } | undefined;
  expect(milestone, "one of the project manager's projects has an overdue milestone").toBeDefined();
  if (!milestone) return;

  await signIn(page, "pm@northbridge.example");
  await expect(page).toHaveURL(/\/my-work$/);
  const card = page.getByRole("article", { name: `${milestone.title}, ${milestone.code}` });
  await expect(card).toBeVisible();
  await expect(card.getByText("Overdue", { exact: true })).toBeVisible();
  // The feedback queue's count is the list's: every item waiting fits on the first page here.
  const queue = page.getByRole("region", { name: /^Feedback awaiting your answer/ });
  const heading = await queue.getByRole("heading", { level: 2 }).textContent();
  const waiting = Number(/\((\d+)\)/.exec(heading ?? "")?.[1]);
  expect(waiting).toBeLessThanOrEqual(25);
  await expect(queue.locator(":scope > div > ol > li")).toHaveCount(waiting);
  await screenshotPage(page, testInfo, "my-work");

  await card.getByRole("link", { name: milestone.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${milestone.code}/milestones$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText(milestone.title, { exact: true }).first()).toBeVisible();
});
