// Helpers for the sites journey: a site's row on the sites page, and what the database holds about
// a site and its audit trail.
import type { Locator, Page } from "@playwright/test";
import { sql } from "./demo";

export interface SiteRecord {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export async function siteByCode(code: string): Promise<SiteRecord | undefined> {
  const { rows } = await sql(`SELECT id, code, name, kind FROM "Site" WHERE code = $1`, [code]);
  return rows[0] as SiteRecord | undefined;
}

export async function siteNamed(name: string): Promise<SiteRecord | undefined> {
  const { rows } = await sql(`SELECT id, code, name, kind FROM "Site" WHERE name = $1`, [name]);
  return rows[0] as SiteRecord | undefined;
}

/** Open (not closed or cancelled) projects at the site with this code. */
export async function openProjectsAt(code: string): Promise<number> {
  const { rows } = await sql(
    `SELECT count(*)::int AS n FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
      WHERE s.code = $1 AND p.stage NOT IN ('CLOSED', 'CANCELLED')`,
    [code],
  );
  return (rows[0] as { n: number }).n;
}

/** The site's audit events, oldest first: action, who, and the name before and after. */
export async function siteAudit(
  siteId: string,
): Promise<{ action: string; actor: string; before: string | null; after: string | null }[]> {
  const { rows } = await sql(
    `SELECT a.action, u.email AS actor, a.before->>'name' AS before, a.after->>'name' AS after
       FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
      WHERE a."entityType" = 'Site' AND a."entityId" = $1 ORDER BY a.id`,
    [siteId],
  );
  return rows as { action: string; actor: string; before: string | null; after: string | null }[];
}

/** The sites table's row for the site with this code. */
export function siteRow(page: Page, code: string): Locator {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: code, exact: true }) });
}
