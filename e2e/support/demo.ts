import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrlFile } from "../../playwright.config";
import { DEMO_PASSWORD } from "../../src/lib/auth/demo-users";
import { totpCodeForStep, totpStep } from "../../src/lib/auth/totp";

// ─── Second factors (docs/security-mfa.md) ──────────────────────────────────
// The demo's admin and executive sign in with a code. e2e/support/serve.ts enrolled them through
// the real enrolment functions and wrote their secrets beside the database URL; here they stand in
// for the authenticator app. A code is accepted once per 30-second step (and one step either side),
// and many journeys sign in as the same executive within seconds, so:
// - the first sign-in of a persona in this worker goes through the real two steps, with a code for
//   the earliest step the server has not yet accepted (its last accepted step is read from the
//   database), waiting for the clock only if the three steps around now are used up;
// - later sign-ins as the same persona reuse that signed-in session's cookies, as a person
//   returning to an open browser would; if the session has ended since (signed out, revoked), the
//   real two steps run again.
// Tests of the sign-in itself (e2e/mfa.spec.ts) drive the form by hand.

let secrets: Record<string, string> | undefined;

/** The TOTP secret of an enrolled persona (or one a test enrolled with rememberMfaSecret). */
export function mfaSecretOf(email: string): string | undefined {
  secrets ??= JSON.parse(readFileSync(`${e2eDatabaseUrlFile}.mfa.json`, "utf8")) as Record<string, string>;
  return secrets[email];
}

const signedIn = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

/** A code the server has not yet accepted for this account, for a step it still accepts. */
export async function freshCode(email: string, secret: string): Promise<string> {
  const { rows } = await sql(`SELECT "mfaLastStep" FROM "User" WHERE email = $1`, [email]);
  const last = (rows[0] as { mfaLastStep: number | null } | undefined)?.mfaLastStep ?? null;
  const wanted = Math.max(totpStep(), (last ?? 0) + 1);
  // Three codes a step: past them, the next step's code becomes acceptable when the clock moves on.
  await expect.poll(() => totpStep() + 1 >= wanted, { timeout: 65_000, intervals: [1_000] }).toBe(true);
  return totpCodeForStep(secret, wanted);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const secret = password === DEMO_PASSWORD ? mfaSecretOf(email) : undefined;
  const saved = secret ? signedIn.get(email) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/signin")) return;
    signedIn.delete(email);
    await page.context().clearCookies();
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A refused password (a deactivated account, a lockout) leaves the form with its message, which
  // the test then reads itself; anything else leaves the page (to the landing page, or to a step
  // still owed). Wait for one or the other, so the test's next step starts from where sign-in went.
  const refused = page.getByRole("main").getByRole("alert").filter({ hasText: /\S/ });
  if (!secret) {
    await expect
      .poll(async () => new URL(page.url()).pathname !== "/signin" || (await refused.count()) > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    return;
  }
  const code = page.getByLabel("Authentication code");
  await expect(code.or(refused).first()).toBeVisible();
  if (!(await code.isVisible())) return;
  await code.fill(await freshCode(email, secret));
  await page.getByRole("button", { name: "Verify code" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  signedIn.set(email, await page.context().cookies());
}

export async function expectSignInPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

/** Runs SQL against the database the app under test uses (changes behind the app's back). */
export async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: readFileSync(e2eDatabaseUrlFile, "utf8").trim() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
