// Passwords in a real browser (docs/security-mfa.md): a person changes their own (the current one
// asked, other sessions ended), common passwords and their own name are refused beside the field,
// and a password an administrator set must be changed at the next sign-in before any page.
// Records touched: "Tariq Hussain" and "Mei Lin", project managers created here, deactivated at the end.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { hashPassword } from "../src/lib/auth/password";
import { openAccount, openDisclosure } from "./support/admin";
import { expectSignInPage, signIn, sql } from "./support/demo";

const expect = baseExpect.configure({ timeout: 15_000 });

async function projectManager(email: string, name: string, password: string): Promise<string> {
  const { rows } = await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, discipline, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'PROJECT_MANAGER', 'DIGITAL', now()) RETURNING id`,
    [email, name, await hashPassword(password)],
  );
  return (rows[0] as { id: string }).id;
}

/** The new-password field, whose description carries its hint and the errors beside it. */
const newPassword = (scope: Page | Locator) => scope.getByLabel("New password", { exact: true });

async function fillNewPassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
}

test("a project manager changes their password: common and personal ones are refused, other sessions end", async ({
  page,
  browser,
}) => {
  const email = "tariq.hussain@northbridge.example";
  const first = "orchard gate at dawn";
  const id = await projectManager(email, "Tariq Hussain", first);

  const elsewhere = await browser.newContext();
  try {
    const otherPage = await elsewhere.newPage();
    await signIn(otherPage, email, first);
    await expect(otherPage).toHaveURL(/\/my-work$/);

    await signIn(page, email, first);
    await expect(page).toHaveURL(/\/my-work$/);
    await page
      .getByRole("banner")
      .getByRole("link", { name: /Tariq Hussain/ })
      .click();
    await page.getByRole("link", { name: "Change your password" }).click();
    const form = page.getByRole("form", { name: "Change your password" });

    await form.getByLabel("Current password").fill(first);
    await fillNewPassword(page, "qwerty123456");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(newPassword(form)).toHaveAccessibleDescription(/one of the most common passwords/);

    await form.getByLabel("Current password").fill(first);
    await fillNewPassword(page, "hussain-on-the-ward");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(newPassword(form)).toHaveAccessibleDescription(/Do not use your name or email address/);

    await form.getByLabel("Current password").fill("not my password at all");
    await fillNewPassword(page, "harbour lights in winter");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByLabel("Current password")).toHaveAccessibleDescription(
      "That is not your current password",
    );

    await form.getByLabel("Current password").fill(first);
    await fillNewPassword(page, "harbour lights in winter");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status")).toContainText("Password changed");

    // This session goes on; the other one has ended.
    await page.goto("/my-work");
    await expect(page).toHaveURL(/\/my-work$/);
    await otherPage.goto("/my-work");
    await expectSignInPage(otherPage);

    await signIn(otherPage, email, first);
    await expect(otherPage.getByRole("main").getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );
    await signIn(otherPage, email, "harbour lights in winter");
    await expect(otherPage).toHaveURL(/\/my-work$/);
  } finally {
    await elsewhere.close();
  }
  const { rows } = await sql(
    `SELECT action FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'auth.password_changed'`,
    [id],
  );
  expect(rows).toHaveLength(1);
  await sql(`UPDATE "User" SET active = false WHERE id = $1`, [id]);
});

test("a password an administrator set must be changed at the next sign-in, before any page", async ({
  page,
  browser,
}) => {
  const email = "mei.lin@northbridge.example";
  const id = await projectManager(email, "Mei Lin", "willow path by the canal");

  await signIn(page, "admin@northbridge.example");
  await openAccount(page, "mei.lin", "Mei Lin");
  await openDisclosure(page, "Reset password");
  const reset = page.getByRole("form", { name: "Reset the password of Mei Lin" });
  await reset.getByLabel("New password").fill("password123456");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByLabel("New password")).toHaveAccessibleDescription(
    /one of the most common passwords/,
  );
  await reset.getByLabel("New password").fill("temporary bridge over water");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(
    page.getByRole("region", { name: "Recent changes" }).getByRole("listitem").first(),
  ).toContainText("Password reset");

  const mei = await browser.newContext();
  try {
    const meiPage = await mei.newPage();
    await signIn(meiPage, email, "temporary bridge over water");
    await expect(meiPage).toHaveURL(/\/signin\/password/);
    await meiPage.goto("/my-work");
    await expect(meiPage).toHaveURL(/\/signin\/password/);
    await expect(meiPage.getByRole("heading", { level: 1 })).toHaveText("Choose your own password");

    await fillNewPassword(meiPage, "iloveyou12345");
    await meiPage.getByRole("button", { name: "Save my password" }).click();
    await expect(newPassword(meiPage)).toHaveAccessibleDescription(/one of the most common passwords/);
    await fillNewPassword(meiPage, "short");
    await meiPage.getByRole("button", { name: "Save my password" }).click();
    await expect(newPassword(meiPage)).toHaveAccessibleDescription(/Use at least 12 characters/);

    await fillNewPassword(meiPage, "lighthouse keeper's lantern");
    await meiPage.getByRole("button", { name: "Save my password" }).click();
    await expect(meiPage).toHaveURL(/\/my-work$/);
  } finally {
    await mei.close();
  }
  const { rows } = await sql(`SELECT "mustChangePassword" FROM "User" WHERE id = $1`, [id]);
  expect(rows).toEqual([{ mustChangePassword: false }]);
  await sql(`UPDATE "User" SET active = false WHERE id = $1`, [id]);
});
