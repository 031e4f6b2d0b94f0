import { expect, test } from "@playwright/test";
import { signIn } from "./support/demo";
import { seriousViolations } from "./support/page-checks";
import { screenshotWidths } from "./support/project-gates";
import { isoDaysFromToday, readAudit, readProposal, readRaci, screenshotPart } from "./support/propose";

// The project manager proposes a project from the portfolio. Creates only OPS-77 (a code no seeded
// project or other journey uses), with Richard Hale (an executive no other journey touches) as its
// Accountable; DIG-01 is only tried as a taken code, and nothing about it changes.
const CODE = "OPS-77";
const NAME = "Theatre list scheduling assistant";

test("a project manager proposes a project: she is not offered as its Accountable, a taken code is refused beside the field, then it is proposed with its gaps listed", async ({
  page,
}, testInfo) => {
  await signIn(page, "pm@northbridge.example");
  await expect(page).toHaveURL(/\/my-work$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();

  // The form has its own page, reached from the portfolio.
  await page.getByRole("main").getByRole("link", { name: "Propose a project" }).click();
  await expect(page).toHaveURL(/\/portfolio\/propose$/);
  await expect(page.getByRole("heading", { level: 1, name: "Propose a project" })).toBeVisible();
  const form = page.getByRole("form", { name: "Propose a project" });
  await expect(form).toBeVisible();

  // ACC-2: she may not name herself, so she is not offered; the hint says why. She may be R.
  const accountable = form.getByLabel("Accountable", { exact: true });
  await expect(accountable).toHaveAccessibleDescription(/so you are not listed/);
  const offered = await accountable.locator("option").allTextContents();
  expect(offered).toContain("Richard Hale · Chief Finance Officer");
  expect(offered.filter((o) => o.includes("Aisha Okafor"))).toEqual([]);
  const responsible = form.getByLabel("Responsible (optional)");
  await expect(responsible).toHaveAccessibleDescription(/you become the Responsible/);
  await expect(responsible.locator("option", { hasText: "Aisha Okafor (you)" })).toHaveCount(1);

  const startDate = isoDaysFromToday(60);
  const endDate = isoDaysFromToday(425);
  await form.getByLabel("Code", { exact: true }).fill("DIG-01");
  await form.getByLabel("Name", { exact: true }).fill(NAME);
  await form
    .getByLabel("Summary")
    .fill("Suggests theatre lists from the waiting list and each surgeon's session times.");
  await form.getByLabel("Kind").selectOption({ label: "Operational" });
  await form.getByLabel("Site").selectOption({ label: "Northbridge General Hospital" });
  await form.getByLabel("Start date").fill(startDate);
  await form.getByLabel("Planned end date").fill(endDate);
  await form.getByLabel("Budget (£)").fill("185,000.50");
  await form
    .getByLabel("Expected benefits")
    .fill("Fuller theatre lists and fewer late starts; measured as theatre utilisation.");
  await accountable.selectOption({ label: "Richard Hale · Chief Finance Officer" });
  await screenshotPart(page, page.getByRole("main"), "propose-form-filled");

  // A code already in use is refused beside the code field, and what she typed stays.
  await form.getByRole("button", { name: "Propose project" }).click();
  await expect(form.getByRole("alert")).toContainText("Cannot propose: DIG-01 is already used by");
  const code = form.getByLabel("Code", { exact: true });
  await expect(code).toHaveAccessibleDescription(/DIG-01 is taken: choose another code/);
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(NAME);
  await expect(form.getByLabel("Budget (£)")).toHaveValue("185,000.50");
  await expect(accountable).toHaveValue(/.+/);
  await expect(form.getByRole("button", { name: /reload/i })).toHaveCount(0);
  await screenshotPart(page, page.getByRole("main"), "propose-form-code-taken");
  // The open form, its errors showing, passes axe's serious and critical checks.
  expect(await seriousViolations(page, testInfo, "propose-refused")).toEqual([]);
  expect(await readProposal(CODE)).toBeUndefined();

  await code.fill(CODE.toLowerCase());
  await form.getByRole("button", { name: "Propose project" }).click();
  const proposed = page.getByRole("status").filter({ hasText: `${CODE} proposed.` });
  await expect(proposed).toBeVisible();
  await expect(proposed).toBeFocused();
  await screenshotPart(page, page.getByRole("main"), "propose-done");

  // The database holds the proposal, its A and R, and one audit event by her.
  const row = await readProposal(CODE);
  expect(row).toMatchObject({
    stage: "PROPOSED",
    kind: "OPERATIONAL",
    site: "Northbridge General Hospital",
    budget: "185000.50",
    startDate,
    baselineEndDate: endDate,
    forecastEndDate: endDate,
  });
  const projectId = (row as { id: string }).id;
  expect(await readRaci(projectId)).toEqual([
    "A richard.hale@northbridge.example",
    "R pm@northbridge.example",
  ]);
  expect(await readAudit(projectId, "project.create")).toEqual([{ email: "pm@northbridge.example" }]);

  // Its overview lists what the approval gate still needs.
  await proposed.getByRole("link", { name: `Open ${CODE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${CODE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CODE} · ${NAME}`);
  const checklist = page.getByRole("region", { name: "Gate check: Approved" });
  await expect(checklist).toContainText("Not aligned to any strategic objective");
  await expect(checklist).toContainText("No metric with a baseline and a target");
  await expect(checklist).not.toContainText("No clinical champion");
  await expect(page.getByRole("main")).toContainText("£185,000.50");
  await screenshotWidths(page, "propose-new-overview");

  // The portfolio lists it as Proposed, with its Accountable.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }).click();
  await page.getByLabel("Code or name").fill(CODE);
  await page.getByRole("button", { name: "Apply" }).click();
  const listed = page.getByRole("row").filter({ hasText: CODE });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Proposed");
  await expect(listed).toContainText("Richard Hale");
  await expect(listed).toContainText("Not aligned");
  await screenshotWidths(page, "propose-portfolio-listed");
});
