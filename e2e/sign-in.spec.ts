import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../src/lib/auth/demo-users";
import { expectSignInPage, signIn, sql } from "./support/demo";

// Each role lands on its own page, showing data from the seeded demo organisation.
const LANDING = {
  ADMIN: { path: "/admin/users", heading: /users/i, shows: "executive@northbridge.example" },
  EXECUTIVE: { path: "/leadership", heading: /leadership/i, shows: "SO-03" },
  PORTFOLIO_MANAGER: { path: "/portfolio", heading: /portfolio/i, shows: "Page 1 of" },
  PROJECT_MANAGER: { path: "/my-work", heading: /my work/i, shows: "Accountable" },
  CLINICAL_CHAMPION: { path: "/my-feedback", heading: /feedback/i, shows: "Responded" },
  VIEWER: { path: "/objectives", heading: /objectives/i, shows: "SO-09" },
} as const;

for (const user of DEMO_USERS) {
  test(`${user.role} signs in, lands on their page and signs out`, async ({ page }) => {
    const landing = LANDING[user.role];
    await signIn(page, user.email);
    await expect(page).toHaveURL(new RegExp(`${landing.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(landing.heading);
    await expect(page.getByRole("main")).toContainText(landing.shows);
    await expect(page.getByRole("banner")).toContainText(user.name);

    await page.getByRole("button", { name: /sign out/i }).click();
    await expectSignInPage(page);
    await page.goto(landing.path);
    await expectSignInPage(page);
  });
}

test("a wrong password or an unknown email says only that the email or password is incorrect", async ({
  page,
}) => {
  await signIn(page, "pm@northbridge.example", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signIn(page, "nobody@northbridge.example");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expectSignInPage(page);
});

test("empty fields get field errors and nothing is submitted", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("pages need a session and send the visitor back where they wanted after signing in", async ({
  page,
}) => {
  await page.goto("/objectives");
  await expectSignInPage(page);
  await page.getByLabel("Email").fill("viewer@northbridge.example");
  await page.getByLabel("Password").fill("throughline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/objectives$/);
});

test("a role cannot open another role's page", async ({ page }) => {
  await signIn(page, "champion@northbridge.example");
  await expect(page).toHaveURL(/\/my-feedback$/);
  await page.goto("/admin/users");
  await expect(page).not.toHaveURL(/\/admin\/users/);
  await expect(page.getByRole("main")).not.toContainText("admin@northbridge.example");
});

test("a user deactivated mid-session is out at their next request", async ({ page }) => {
  const email = "deactivated.midsession@northbridge.example";
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, discipline, "updatedAt")
     SELECT gen_random_uuid()::text, $1, 'Sam Carter', "passwordHash", 'VIEWER', 'OPERATIONAL', now()
     FROM "User" WHERE email = 'viewer@northbridge.example'`,
    [email],
  );
  await signIn(page, email);
  await expect(page).toHaveURL(/\/objectives$/);

  await sql(`UPDATE "User" SET active = false WHERE email = $1`, [email]);

  await page.goto("/portfolio");
  await expectSignInPage(page);
  await signIn(page, email);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
});

// Issue #11: "/%5Cevil.example" starts with "/" yet a browser reads "/\evil.example" as
// "//evil.example", another site. After signing in the user must stay here, on their landing page.
for (const [label, query] of [
  ["an encoded backslash", "callbackUrl=/%5Cevil.example"],
  ["a repeated callbackUrl", "callbackUrl=/portfolio&callbackUrl=//evil.example"],
] as const) {
  test(`a callback with ${label} signs in and stays on this site`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? page.url()).origin;
    const leftTheSite: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== origin) leftTheSite.push(request.url());
    });
    await page.goto(`/signin?${query}`);
    await page.getByLabel("Email").fill("viewer@northbridge.example");
    await page.getByLabel("Password").fill("throughline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${origin}/objectives`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/objectives/i);
    expect(leftTheSite).toEqual([]);
  });
}

test("credentials beyond the caps never leave the browser: the password field stops at 1024 characters", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("viewer@northbridge.example");
  await page.getByLabel("Password").fill("p".repeat(2000));
  await expect(page.getByLabel("Password")).toHaveJSProperty("value", "p".repeat(1024));
  await expect(page.getByLabel("Email")).toHaveAttribute("maxlength", "254");
});
