import { expect, type Page, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import { createGateReadyProject, screenshotWidths } from "./support/project-gates";

// Journey 3. Touches only DIG-93, a proposal this spec creates for itself (no other journey knows
// it), and gives Dr Amara Nwosu a C letter on it; nothing seeded changes.
const CODE = "DIG-93";

async function signInAs(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page.getByRole("button", { name: /sign out/i })).toBeVisible();
}

test("a gate waits, a gap opens, the executive is refused naming it, the Accountable mends the team, the executive approves", async ({
  page,
}) => {
  const { projectId } = await createGateReadyProject(CODE);
  const stage = page.getByRole("region", { name: "Stage and gates" });

  // The project manager (its R) sees the proposal ready and asks for the Approved gate.
  await signInAs(page, "pm@northbridge.example");
  await page.goto(`/projects/${CODE}`);
  await expect(stage.getByRole("heading", { name: "Gate check: Approved" })).toBeVisible();
  await expect(stage).toContainText("Every check passes");
  await screenshotWidths(page, "overview-ready-pm");
  await stage
    .getByLabel("Why the project is ready")
    .fill("Business case agreed with anaesthetics and the pre-operative assessment team; ready to build.");
  await stage.getByRole("button", { name: "Request Approved" }).click();
  await expect(
    stage.getByRole("heading", { name: "Waiting for a decision: move to Approved" }),
  ).toBeVisible();
  await expect(stage).toContainText("Asked by Aisha Okafor");
  // The R passes no gate: no approve button for the project manager.
  await expect(stage.getByRole("button", { name: /approve/i })).toHaveCount(0);
  const requested = await sql(
    `SELECT r.id, r.status, r."toStage", u.email FROM "StageGateRequest" r JOIN "User" u ON u.id = r."requestedById"
     WHERE r."projectId" = $1`,
    [projectId],
  );
  expect(requested.rows).toEqual([
    expect.objectContaining({ status: "REQUESTED", toStage: "APPROVED", email: "pm@northbridge.example" }),
  ]);
  const requestId = requested.rows[0].id as string;

  // Behind the app's back the clinical champion leaves the team: a gap opens while the request waits.
  await sql(
    `DELETE FROM "RaciAssignment" WHERE "projectId" = $1
     AND "userId" = (SELECT id FROM "User" WHERE email = 'leah.cohen@northbridge.example')`,
    [projectId],
  );

  // The executive (no letter on the project, did not ask) sees the request and the gap, and is refused.
  await signInAs(page, "executive@northbridge.example");
  await page.goto(`/projects/${CODE}`);
  await expect(
    stage.getByRole("heading", { name: "Waiting for a decision: move to Approved" }),
  ).toBeVisible();
  await expect(stage).toContainText("Asked by Aisha Okafor");
  const checklist = stage.getByRole("region", { name: "Gate check: Approved" });
  await expect(checklist).toContainText("No clinical champion");
  await expect(checklist.getByRole("link", { name: "Fix on the Team tab" })).toHaveAttribute(
    "href",
    `/projects/${CODE}/team`,
  );
  await stage.getByRole("button", { name: "Approve: move to Approved" }).click();
  await expect(stage.getByRole("alert")).toContainText("Cannot approve: No clinical champion");
  await screenshotWidths(page, "overview-refused-executive");
  const refused = await sql(
    `SELECT p.stage, r.status FROM "Project" p JOIN "StageGateRequest" r ON r."projectId" = p.id WHERE p.id = $1`,
    [projectId],
  );
  expect(refused.rows).toEqual([{ stage: "PROPOSED", status: "REQUESTED" }]);

  // The Accountable gives a clinical colleague a C letter on the team tab.
  await signInAs(page, "david.mercer@northbridge.example");
  await page.goto(`/projects/${CODE}/team`);
  await expect(page.getByRole("main")).toContainText("No clinical champion");
  await screenshotWidths(page, "team-gap-accountable");
  const add = page.getByRole("form", { name: "Give someone a letter on this project" });
  await add
    .getByLabel("Person")
    .selectOption({ label: "Dr Amara Nwosu: Consultant Geriatrician (Clinical champion, Clinical)" });
  await add.getByLabel("Letter").selectOption("C");
  await add.getByRole("button", { name: "Add to the team" }).click();
  const raci = page.getByRole("table", { name: "The project's people and the RACI letter each holds" });
  await expect(raci.getByRole("row", { name: /Dr Amara Nwosu/ })).toContainText(
    "Counts as clinical champion",
  );
  await expect(page.getByRole("main")).toContainText("The team meets these now.");
  await raci
    .getByRole("row", { name: /Aisha Okafor/ })
    .locator("summary", { hasText: "Change letter" })
    .click();
  await screenshotWidths(page, "team-mended-accountable");

  // On the overview the Accountable may edit, align and stop the work; a link its metric feeds stays.
  await page.goto(`/projects/${CODE}`);
  await page.locator("summary", { hasText: "Edit details" }).click();
  await stage.locator("summary", { hasText: "Cancel the project" }).click();
  await expect(stage).toContainText("Warning: cancelling is final.");
  const alignment = page.getByRole("region", { name: "Strategic alignment" });
  await alignment.locator("summary", { hasText: "Remove" }).click();
  await alignment.getByRole("button", { name: /^Remove SO-/ }).click();
  await expect(alignment.getByRole("alert")).toContainText("Cannot remove");
  await expect(alignment.getByRole("alert")).toContainText("Questionnaires completed online");
  await screenshotWidths(page, "overview-accountable-editors");

  // The executive approves; the project moves.
  await signInAs(page, "executive@northbridge.example");
  await page.goto(`/projects/${CODE}`);
  await expect(stage.getByRole("region", { name: "Gate check: Approved" })).toContainText(
    "Every check passes",
  );
  await stage.getByRole("button", { name: "Approve: move to Approved" }).click();
  const history = stage.getByRole("table", { name: /Stage gate requests decided or withdrawn/ });
  await expect(history.getByRole("row", { name: /Proposed → Approved/ })).toContainText("Approved");
  await expect(history).toContainText("Dr Helen Ashworth");
  await expect(stage).toContainText(/Approved\s+since/);
  await expect(stage.getByRole("heading", { name: /Waiting for a decision/ })).toHaveCount(0);
  await screenshotWidths(page, "overview-approved-executive");

  const decided = await sql(
    `SELECT p.stage, r.status, u.email AS "decidedBy" FROM "Project" p
     JOIN "StageGateRequest" r ON r."projectId" = p.id JOIN "User" u ON u.id = r."decidedById" WHERE p.id = $1`,
    [projectId],
  );
  expect(decided.rows).toEqual([
    { stage: "APPROVED", status: "APPROVED", decidedBy: "executive@northbridge.example" },
  ]);
  const audit = await sql(
    `SELECT a.action, u.email FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
     WHERE (a."entityType" = 'StageGateRequest' AND a."entityId" = $1)
        OR (a."entityType" = 'RaciAssignment' AND a."entityId" IN (SELECT id FROM "RaciAssignment" WHERE "projectId" = $2))
     ORDER BY a.id`,
    [requestId, projectId],
  );
  expect(audit.rows).toEqual([
    { action: "stage_gate.request", email: "pm@northbridge.example" },
    { action: "raci.assign", email: "david.mercer@northbridge.example" },
    { action: "stage_gate.approve", email: "executive@northbridge.example" },
  ]);
});
