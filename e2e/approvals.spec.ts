// Journey 4: a project manager asks to move a project's end date beyond the trust's tolerance; the
// project's Accountable, an SRO-eligible general manager and not an executive, sees it in their
// inbox but may only reject it and is told why (docs/governance-rules.md REB-2, REB-3); an
// executive approves it from the inbox; the baseline moves and the history says who and why.
//
// Records used only here: OPS-06 “Ambulance handover cohorting” (its A is Paul Hughes) and its end
// date. The requester is a project manager of this spec's own, made OPS-06's second R, so the
// journey depends on no demo person another spec might deactivate.
import { expect, type Page, test } from "@playwright/test";
import { expectSignInPage, signIn, sql } from "./support/demo";
import { addDays, open, shown, snap, userId } from "./support/plan";

// A person of this journey only (the admin journey adds people of its own).
const REQUESTER = { email: "tomasz.nowak@northbridge.example", name: "Tomasz Nowak" };
const ACCOUNTABLE = "paul.hughes@northbridge.example";
const EXECUTIVE = "executive@northbridge.example";

async function card(page: Page) {
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  return page.getByRole("article").filter({ hasText: "Rebaseline: OPS-06 · Ambulance handover cohorting" });
}

test("journey 4: a rebaseline beyond tolerance is refused to the Accountable, who sees why, and approved by an executive from the inbox", async ({
  page,
}) => {
  await sql(
    `INSERT INTO "User" (id, email, name, "jobTitle", "passwordHash", role, discipline, "updatedAt")
     SELECT gen_random_uuid()::text, $1, $2, 'Project Manager, Urgent Care', "passwordHash", 'PROJECT_MANAGER', 'OPERATIONAL', now()
     FROM "User" WHERE email = 'pm@northbridge.example'`,
    [REQUESTER.email, REQUESTER.name],
  );
  await sql(
    `INSERT INTO "RaciAssignment" (id, "projectId", "userId", letter)
     SELECT gen_random_uuid()::text, p.id, u.id, 'R' FROM "Project" p, "User" u WHERE p.code = 'OPS-06' AND u.email = $1`,
    [REQUESTER.email],
  );
  const { rows } = await sql(
    `SELECT p.id, p."baselineEndDate"::text AS "endDate", o."rebaselineToleranceDays" AS tolerance
     FROM "Project" p, "Organisation" o WHERE p.code = 'OPS-06'`,
  );
  const project = rows[0] as { id: string; endDate: string; tolerance: number };
  const later = project.tolerance + 15;
  const newEnd = addDays(project.endDate, later);
  const reason = "The pilot review asks for a second cohort area; its building works take six more weeks";
  const breach = `end date ${later} days later; tolerance ${project.tolerance} days`;

  // The project manager asks from the milestones tab.
  await signIn(page, REQUESTER.email);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/projects/OPS-06/milestones");
  await open(page.getByRole("main"), "Request a rebaseline");
  const form = page.getByRole("form", { name: "Request a rebaseline" });
  await form.getByLabel("New baseline end date").fill(newEnd);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Request rebaseline" }).click();
  const requests = page.getByRole("table", { name: /Rebaselines and scope changes/ });
  await expect(requests).toContainText(`End date: ${shown(project.endDate)} → ${shown(newEnd)}`);
  await expect(requests).toContainText("Awaiting a decision");
  await snap(page, "milestones-rebaseline-requested");
  // Their own request waits apart in their inbox, saying who decides it.
  await page.goto("/approvals?show=mine");
  await expect(page.getByRole("article").filter({ hasText: "OPS-06" })).toContainText(
    "You requested this rebaseline, so someone else decides it: an executive who is not the project's Responsible",
  );
  await page.getByRole("button", { name: /sign out/i }).click();
  await expectSignInPage(page);

  // The Accountable sees it, beyond tolerance, with only a rejection open to them, and why.
  await signIn(page, ACCOUNTABLE);
  await expect(page).not.toHaveURL(/\/signin/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }),
  ).toBeVisible();
  const forPaul = await card(page);
  await expect(forPaul).toContainText("Beyond tolerance");
  await expect(forPaul).toContainText(breach);
  await expect(forPaul).toContainText(
    `Beyond tolerance (${breach}): an executive decides this. You may still reject it.`,
  );
  await expect(forPaul.locator("summary", { hasText: "Approve" })).toHaveCount(0);
  await expect(forPaul.locator("summary", { hasText: "Reject with a reason" })).toHaveCount(1);
  await snap(page, "approvals-accountable");
  await page.getByRole("button", { name: /sign out/i }).click();
  await expectSignInPage(page);

  // An executive approves it in place.
  await signIn(page, EXECUTIVE);
  await expect(page).toHaveURL(/\/leadership$/);
  const forHelen = await card(page);
  await expect(forHelen).toContainText(`Asked by ${REQUESTER.name}`);
  await expect(forHelen).toContainText(reason);
  await expect(forHelen).toContainText(breach);
  await snap(page, "approvals-executive");
  await open(forHelen, "Approve");
  await forHelen.getByLabel("Note for the record").fill("Agreed at the Urgent Care Board");
  await forHelen.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(forHelen).toHaveCount(0);

  const decided = await sql(
    `SELECT r.status, r."decidedById", r."decisionReason", p."baselineEndDate"::text AS "endDate"
     FROM "Rebaseline" r JOIN "Project" p ON p.id = r."projectId" WHERE r."projectId" = $1`,
    [project.id],
  );
  expect(decided.rows).toEqual([
    {
      status: "APPROVED",
      decidedById: await userId(EXECUTIVE),
      decisionReason: "Agreed at the Urgent Care Board",
      endDate: newEnd,
    },
  ]);
  const audit = await sql(
    `SELECT a.action, a."actorId" FROM "AuditEvent" a JOIN "Rebaseline" r ON r.id = a."entityId"
     WHERE a."entityType" = 'Rebaseline' AND r."projectId" = $1 ORDER BY a.at`,
    [project.id],
  );
  expect(audit.rows).toEqual([
    { action: "rebaseline.request", actorId: await userId(REQUESTER.email) },
    { action: "rebaseline.approve", actorId: await userId(EXECUTIVE) },
  ]);

  // The history says who moved the baseline and why.
  await page.goto("/projects/OPS-06/history");
  const history = page.getByRole("main");
  await expect(history).toContainText(
    `Dr Helen Ashworth approved the rebaseline to move the end date from ${shown(project.endDate)} to ${shown(newEnd)}: Agreed at the Urgent Care Board`,
  );
  await expect(history).toContainText(
    `${REQUESTER.name} asked to move the end date from ${shown(project.endDate)} to ${shown(newEnd)}: ${reason}`,
  );
  await snap(page, "history-after-rebaseline");
});
