// An administrator keeps the trust's sites in the browser: adds one, is refused a code already in
// use (beside the field, keeping what was typed), and renames the site.
//
// Records touched, which no other journey uses: the new site "WTC" (Westbridge), which stays at
// the end with no project at it; the demo sites are only read (and "NGH" quoted as a taken code).
import { expect as baseExpect, test } from "@playwright/test";
import { openDisclosure } from "./support/admin";
import { signIn } from "./support/demo";
import { expectSettled, screenshotPage, seriousViolations } from "./support/page-checks";
import { openProjectsAt, siteAudit, siteByCode, siteNamed, siteRow } from "./support/sites";

const ADMIN = "admin@northbridge.example";

// The machine the journeys run on is shared and slow at times: a refusal may take a while to arrive.
const expect = baseExpect.configure({ timeout: 15_000 });

test("an administrator adds a site, is refused a code already in use, and renames the site", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sites" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sites" })).toBeVisible();
  await expectSettled(page);

  // The demo sites, each with its projects counted as the database counts them.
  const ngh = siteRow(page, "NGH");
  await expect(ngh).toContainText("Northbridge General Hospital");
  const open = await openProjectsAt("NGH");
  await expect(ngh.getByRole("link", { name: new RegExp(`^${open} open projects? at`) })).toBeVisible();

  await screenshotPage(page, test.info(), "admin-sites");
  expect.soft(await seriousViolations(page, test.info(), "admin-sites")).toEqual([]);
  await page.reload();
  await expectSettled(page);

  // A code that is not a code is refused in the browser, beside the field: nothing is sent.
  await openDisclosure(page, "Add a site");
  const add = page.getByRole("form", { name: "Add a site" });
  await add.getByLabel("Code").fill("W-T");
  await add.getByLabel("Name").fill("Westbridge Treatment Centre");
  await add.getByLabel("Kind of site").fill("Day surgery and diagnostics centre");
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(
    add.getByText("Enter a code of 2 to 10 letters or digits, no spaces, such as NGH"),
  ).toBeVisible();
  expect(await siteNamed("Westbridge Treatment Centre")).toBeUndefined();

  // Typed in lower case, kept in capitals.
  await add.getByLabel("Code").fill("wtc");
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(add.getByRole("status")).toHaveText("Site added.");
  const wtc = siteRow(page, "WTC");
  await expect(wtc).toContainText("Westbridge Treatment Centre");
  await expect(wtc).toContainText("Day surgery and diagnostics centre");
  await expect(wtc).toContainText("None yet");
  const added = await siteByCode("WTC");
  expect(added).toMatchObject({
    name: "Westbridge Treatment Centre",
    kind: "Day surgery and diagnostics centre",
  });

  // A code already in use: refused by the server, beside the code, naming the site that has it;
  // what was typed stays to be corrected.
  await add.getByLabel("Code").fill("ngh");
  await add.getByLabel("Name").fill("Westbridge Eye Unit");
  await add.getByLabel("Kind of site").fill("Eye unit");
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(add.getByRole("alert")).toContainText(
    "There is already a site with the code NGH (Northbridge General Hospital).",
  );
  const code = add.getByLabel("Code");
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription(
    /NGH is already the code of Northbridge General Hospital: choose another code/,
  );
  await expect(code).toHaveValue("ngh");
  await expect(add.getByLabel("Name")).toHaveValue("Westbridge Eye Unit");
  await expect(add.getByLabel("Kind of site")).toHaveValue("Eye unit");
  expect(await siteNamed("Westbridge Eye Unit")).toBeUndefined();

  // The new site's name changes; its code stays.
  await openDisclosure(wtc, "Edit WTC");
  const edit = page.getByRole("form", { name: "Edit site WTC" });
  await expect(edit).toContainText("The code WTC stays as it is.");
  await expect(edit.getByLabel("Name")).toHaveValue("Westbridge Treatment Centre");
  await edit.getByLabel("Name").fill("Westbridge Day Surgery Centre");
  await edit.getByRole("button", { name: "Save site" }).click();
  await expect(siteRow(page, "WTC")).toContainText("Westbridge Day Surgery Centre");
  await expect(page.getByRole("form", { name: "Edit site WTC" }).getByRole("status")).toHaveText(
    "Site saved.",
  );
  await screenshotPage(page, test.info(), "admin-sites-after-edit");

  expect(await siteByCode("WTC")).toEqual({
    id: added?.id,
    code: "WTC",
    name: "Westbridge Day Surgery Centre",
    kind: "Day surgery and diagnostics centre",
  });
  expect(await siteAudit(added?.id ?? "")).toEqual([
    { action: "site.create", actor: ADMIN, before: null, after: "Westbridge Treatment Centre" },
    {
      action: "site.update",
      actor: ADMIN,
      before: "Westbridge Treatment Centre",
      after: "Westbridge Day Surgery Centre",
    },
  ]);
});
