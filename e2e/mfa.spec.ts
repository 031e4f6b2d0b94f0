// Two-step sign-in in a real browser (docs/security-mfa.md): a new executive must set it up after
// their password, before any page; they sign in with a code, a reused code is refused, a recovery
// code works once; an administrator resets it. Records touched: the executive "Olu Adebayo",
// created here and deactivated at the end.
import { expect as baseExpect, test } from "@playwright/test";
import { hashPassword } from "../src/lib/auth/password";
import { openAccount, openDisclosure } from "./support/admin";
import { expectSignInPage, freshCode, signIn, sql } from "./support/demo";

const expect = baseExpect.configure({ timeout: 15_000 });
const EMAIL = "olu.adebayo@northbridge.example";
const PASSWORD = "marigold fields beyond the river";

async function signInWithPassword(page: import("@playwright/test").Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expectSignInPage(page);
}

test("a new executive sets up two-step sign-in, signs in with a code once, uses a recovery code once, and an admin resets it", async ({
  page,
  browser,
}) => {
  // Seven sign-ins and an admin's visit: longer than one journey on a busy machine.
  test.setTimeout(300_000);
  const { rows } = await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, discipline, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, 'Olu Adebayo', $2, 'EXECUTIVE', 'EXECUTIVE', now()) RETURNING id`,
    [EMAIL, await hashPassword(PASSWORD)],
  );
  const userId = (rows[0] as { id: string }).id;

  // After the password, before any page: the enrolment step.
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/signin\/enrol/);
  await page.goto("/leadership");
  await expect(page).toHaveURL(/\/signin\/enrol/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step sign-in");
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code from your app").fill(await freshCode(EMAIL, secret));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await page.getByRole("link", { name: "I have kept them: continue" }).click();
  await expect(page).toHaveURL(/\/leadership$/);
  await signOut(page);

  // Password, then a fresh code.
  await signInWithPassword(page);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  const code = await freshCode(EMAIL, secret);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page).toHaveURL(/\/leadership$/);
  await signOut(page);

  // The same code again is refused, with a message that says what to do.
  await signInWithPassword(page);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That code was not accepted");
  await expect(page).toHaveURL(/\/signin/);

  // A recovery code instead: once.
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page).toHaveURL(/\/leadership$/);
  await signOut(page);
  await signInWithPassword(page);
  await page.getByLabel("Authentication code").fill(recoveryCode);
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That code was not accepted");

  const { rows: events } = await sql(
    `SELECT action FROM "AuditEvent" WHERE "entityId" = $1 AND action LIKE 'auth.mfa%' ORDER BY id`,
    [userId],
  );
  expect(events.map((e: { action: string }) => e.action)).toEqual([
    "auth.mfa_enrolled",
    "auth.mfa_challenge_failed",
    "auth.mfa_recovery_code_used",
    "auth.mfa_challenge_failed",
  ]);

  // An administrator resets it: audited, and at the next sign-in Olu sets it up again.
  const admin = await browser.newContext();
  try {
    const adminPage = await admin.newPage();
    await signIn(adminPage, "admin@northbridge.example");
    await openAccount(adminPage, "adebayo", "Olu Adebayo");
    await openDisclosure(adminPage, "Reset two-step sign-in");
    await adminPage
      .getByRole("form", { name: "Reset the two-step sign-in of Olu Adebayo" })
      .getByRole("button", { name: "Reset two-step sign-in" })
      .click();
    await expect(adminPage.getByRole("region", { name: "Two-step sign-in" })).toContainText("Not set up yet");
    const { rows: resets } = await sql(
      `SELECT u.email FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
        WHERE a."entityId" = $1 AND a.action = 'auth.mfa_reset'`,
      [userId],
    );
    expect(resets).toEqual([{ email: "admin@northbridge.example" }]);
  } finally {
    await admin.close();
  }
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/signin\/enrol/);

  await sql(`UPDATE "User" SET active = false WHERE id = $1`, [userId]);
});

test("an administrator cannot reset their own two-step sign-in", async ({ page }) => {
  await signIn(page, "admin@northbridge.example");
  await openAccount(page, "admin@", "Priya Natarajan");
  const section = page.getByRole("region", { name: "Two-step sign-in" });
  await expect(section).toContainText("This is your own account");
  await expect(section.getByRole("button", { name: "Reset two-step sign-in" })).toHaveCount(0);
});
