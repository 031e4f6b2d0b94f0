// Helpers for the proposing journey (e2e/propose.spec.ts): dates relative to today, as a person
// planning a project types them, and what the database holds about a proposal.
import type { Locator, Page } from "@playwright/test";
import { sql } from "./demo";

/** `YYYY-MM-DD`, `days` from today (UTC is close enough for a plan months ahead). */
export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface ProposalRow {
  id: string;
  stage: string;
  kind: string;
  site: string;
  budget: string;
  startDate: string;
  baselineEndDate: string;
  forecastEndDate: string;
}

export async function readProposal(code: string): Promise<ProposalRow | undefined> {
  const result = await sql(
    `SELECT p.id, p.stage, p.kind, s.name AS site, p."baselineBudget"::text AS budget,
       to_char(p."startDate", 'YYYY-MM-DD') AS "startDate",
       to_char(p."baselineEndDate", 'YYYY-MM-DD') AS "baselineEndDate",
       to_char(p."forecastEndDate", 'YYYY-MM-DD') AS "forecastEndDate"
     FROM "Project" p JOIN "Site" s ON s.id = p."siteId" WHERE p.code = $1`,
    [code],
  );
  return result.rows[0] as ProposalRow | undefined;
}

/** The project's RACI as `letter email`, sorted, e.g. ["A richard.hale@…", "R pm@…"]. */
export async function readRaci(projectId: string): Promise<string[]> {
  const result = await sql(
    `SELECT r.letter || ' ' || u.email AS entry FROM "RaciAssignment" r JOIN "User" u ON u.id = r."userId"
     WHERE r."projectId" = $1 ORDER BY r.letter::text, u.email`,
    [projectId],
  );
  return result.rows.map((row) => row.entry as string);
}

/** Audit events of `action` on the project, with who wrote them. */
export async function readAudit(projectId: string, action: string): Promise<{ email: string }[]> {
  const result = await sql(
    `SELECT u.email FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId"
     WHERE e."entityType" = 'Project' AND e."entityId" = $1 AND e.action = $2`,
    [projectId, action],
  );
  return result.rows as { email: string }[];
}

/** A part of the page (the open form) at a laptop's width and a tablet's, to look at closely. */
export async function screenshotPart(page: Page, part: Locator, name: string): Promise<void> {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await part.screenshot({ path: `test-results/screens/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
