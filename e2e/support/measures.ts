// Helpers for the measures journeys (metrics, costs, risks, decisions): finding one metric's card on
// a project's metrics tab, and reading a metric's values from the database.
import type { Locator, Page } from "@playwright/test";
import { sql } from "./demo";

/** The card of one metric on a project's metrics tab, found by its heading. */
export function metricCard(page: Page, metricName: string): Locator {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: metricName }) });
}

/** Opens an in-place form (a Disclosure) by the words on its control. */
export async function openDisclosure(scope: Locator | Page, summary: string | RegExp): Promise<void> {
  await scope.locator("summary").filter({ hasText: summary }).click();
}

/** Every value recorded for a project's metric in one period, as the database holds them. */
export async function metricValuesFor(
  projectCode: string,
  metricName: string,
  periodStart: string,
): Promise<{ value: number; provisional: boolean; recordedBy: string }[]> {
  const result = await sql(
    `SELECT v.value, v.provisional, u.email AS "recordedBy"
       FROM "MetricValue" v
       JOIN "Metric" m ON m.id = v."metricId"
       JOIN "Project" p ON p.id = m."projectId"
       JOIN "User" u ON u.id = v."recordedById"
      WHERE p.code = $1 AND m.name = $2 AND v."periodStart" = $3::date`,
    [projectCode, metricName, periodStart],
  );
  return result.rows as { value: number; provisional: boolean; recordedBy: string }[];
}
