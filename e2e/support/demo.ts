import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrlFile } from "../../playwright.config";
import { DEMO_PASSWORD } from "../../src/lib/auth/demo-users";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
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
