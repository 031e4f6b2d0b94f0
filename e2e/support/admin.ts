// Helpers for the administration journeys: finding a person on the users page and opening their
// account, and reading what the database holds about an account and its audit trail.
import { expect, type Locator, type Page } from "@playwright/test";
import { sql } from "./demo";

/** From anywhere in the app: the users page, searched for `search`, then the person's own page. */
export async function openAccount(page: Page, search: string, name: string): Promise<void> {
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByLabel("Name or email").fill(search);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(search)}`));
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

export interface AccountRow {
  id: string;
  name: string;
  role: string;
  discipline: string;
  active: boolean;
  sroEligible: boolean;
  version: number;
  sessionVersion: number;
}

export async function accountByEmail(email: string): Promise<AccountRow | undefined> {
  const { rows } = await sql(
    `SELECT id, name, role::text AS role, discipline::text AS discipline, active, "sroEligible",
            version, "sessionVersion"
       FROM "User" WHERE email = $1`,
    [email],
  );
  return rows[0] as AccountRow | undefined;
}

/** The audit actions recorded on an entity by an actor (by email), oldest first. */
export async function auditActions(entityId: string, actorEmail: string): Promise<string[]> {
  const { rows } = await sql(
    `SELECT a.action FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
      WHERE a."entityId" = $1 AND u.email = $2 ORDER BY a.id`,
    [entityId, actorEmail],
  );
  return rows.map((row: { action: string }) => row.action);
}

/** Opens the in-place disclosure whose summary reads `summary` (its arrow aside). */
export async function openDisclosure(scope: Page | Locator, summary: string): Promise<void> {
  await scope
    .locator("summary")
    .filter({ hasText: new RegExp(`^\\W*${summary}$`) })
    .click();
}
