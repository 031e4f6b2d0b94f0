// Helpers for the plan journeys (milestones, rebaselines, approvals, history): the demo seed's
// dates move with the day the suite runs, so journeys read a milestone's dates from the database
// and work out the dates to type and the words to expect from them.
import { expect, type Locator, type Page } from "@playwright/test";
import { formatShortCalendarDate } from "../../src/lib/domain/calendar";
import { sql } from "./demo";

/** "YYYY-MM-DD" n days later (or earlier). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "3 Mar 2027", as the pages write a day. */
export const shown = (isoDate: string) => formatShortCalendarDate(isoDate);

export interface MilestoneFacts {
  id: string;
  version: number;
  baselineDate: string;
  forecastDate: string;
}

export async function milestoneOf(projectCode: string, title: string): Promise<MilestoneFacts> {
  const { rows } = await sql(
    `SELECT m.id, m.version, m."baselineDate"::text AS "baselineDate", m."forecastDate"::text AS "forecastDate"
     FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE p.code = $1 AND m.title = $2`,
    [projectCode, title],
  );
  expect(rows, `milestone “${title}” of ${projectCode}`).toHaveLength(1);
  return rows[0] as MilestoneFacts;
}

export async function userId(email: string): Promise<string> {
  const { rows } = await sql(`SELECT id FROM "User" WHERE email = $1`, [email]);
  expect(rows, email).toHaveLength(1);
  return (rows[0] as { id: string }).id;
}

/** The row of the milestones table for one milestone. */
export function milestoneRow(page: Page, title: string): Locator {
  return page
    .getByRole("table", { name: /Milestones by baseline date/ })
    .getByRole("row")
    .filter({ hasText: title });
}

/** Opens an in-place form (a Disclosure) by its summary's words. */
export async function open(scope: Locator, summary: string): Promise<void> {
  const control = scope.locator("summary", { hasText: summary });
  await control.click();
  await expect(control.locator("xpath=..")).toHaveAttribute("open", "");
}

/**
 * Presses Tab until `target` has focus (keyboard-only journeys), checking that it then shows its
 * focus.
 */
export async function tabTo(page: Page, target: Locator, description: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectFocusVisible(page);
      return;
    }
  }
  throw new Error(`Tabbed ${max} times without reaching ${description}`);
}

/** The focused element is drawn with the visible focus style (keyboard focus, :focus-visible). */
export async function expectFocusVisible(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.matches(":focus-visible") ?? false)).toBe(true);
}

/** Full-page screenshots at a desktop and a tablet width, kept in test-results/ to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}
