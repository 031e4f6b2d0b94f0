import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { type IsoDate, parseIsoDate } from "@/lib/domain/calendar";
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from "@/lib/domain/vocabulary";
import { getGovernanceSettings } from "./organisation";
import { clampPage, type Paged } from "./paging";
import { type ProjectSchedule, toProjectSchedule } from "./project-schedule";
import { firstValues, pageNumberSchema, type RawSearchParams, searchTextSchema } from "./search-params";

export const PORTFOLIO_PAGE_SIZE = 25;

const portfolioQuerySchema = z.object({
  page: pageNumberSchema,
  stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
  kind: z.enum(PROJECT_KINDS).optional().catch(undefined),
  /** A site's code, e.g. "NGH". */
  site: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional()
    .catch(undefined),
  /** Matches project code or name. */
  q: searchTextSchema,
});

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

export function parsePortfolioQuery(raw: RawSearchParams): PortfolioQuery {
  return portfolioQuerySchema.parse(firstValues(raw));
}

export interface PortfolioRow extends ProjectSchedule {
  code: string;
  name: string;
  kind: ProjectKind;
  stage: ProjectStage;
  site: { code: string; name: string };
  accountable: { id: string; name: string } | null;
  primaryObjectiveCode: string | null;
}

/** Prisma passes `contains` into ILIKE as is: escape its wildcards so "%" or "_" match themselves. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

function portfolioWhere(query: PortfolioQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.stage) conditions.push(Prisma.sql`p.stage = ${query.stage}::"ProjectStage"`);
  if (query.kind) conditions.push(Prisma.sql`p.kind = ${query.kind}::"ProjectKind"`);
  if (query.site) conditions.push(Prisma.sql`s.code = ${query.site}`);
  if (query.q) {
    const pattern = `%${escapeLikePattern(query.q)}%`;
    conditions.push(Prisma.sql`(p.code ILIKE ${pattern} OR p.name ILIKE ${pattern})`);
  }
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

interface PortfolioSqlRow {
  total: number;
  code: string | null;
  name: string;
  kind: ProjectKind;
  stage: ProjectStage;
  startDate: IsoDate;
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  actualEndDate: IsoDate | null;
  siteCode: string;
  siteName: string;
  accountableId: string | null;
  accountableName: string | null;
  primaryObjectiveCode: string | null;
}

/** One page of the portfolio and its total, as one statement (exported so the bench can EXPLAIN it). */
export function portfolioSql(query: PortfolioQuery, pageSize: number): Prisma.Sql {
  const where = portfolioWhere(query);
  // The page is cut (sort, offset, limit) before each of its rows reads its Accountable and
  // objective, so a page costs the same at any portfolio size; the count reads the projects alone.
  return Prisma.sql`
      WITH counted AS (
        SELECT count(*)::int AS total FROM "Project" p JOIN "Site" s ON s.id = p."siteId" ${where}
      )
      SELECT counted.total, page.*
      FROM counted
      LEFT JOIN LATERAL (
        SELECT f.code, f.name, f.kind::text AS kind, f.stage::text AS stage,
          f."startDate"::text AS "startDate", f."baselineEndDate"::text AS "baselineEndDate",
          f."forecastEndDate"::text AS "forecastEndDate", f."actualEndDate"::text AS "actualEndDate",
          f."siteCode", f."siteName",
          acc.id AS "accountableId", acc.name AS "accountableName",
          (SELECT o.code FROM "Alignment" a JOIN "StrategicObjective" o ON o.id = a."objectiveId"
           WHERE a."projectId" = f.id AND a.contribution = 'PRIMARY'
           ORDER BY o.code LIMIT 1) AS "primaryObjectiveCode"
        FROM (
          SELECT p.id, p.code, p.name, p.kind, p.stage, p."startDate", p."baselineEndDate",
            p."forecastEndDate", p."actualEndDate", s.code AS "siteCode", s.name AS "siteName"
          FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
          ${where}
          ORDER BY p.code
          LIMIT ${pageSize}
          OFFSET ${pageSize}::int * (LEAST(${query.page}::int, GREATEST(1, CEIL(counted.total / ${pageSize}::numeric)::int)) - 1)
        ) f
        LEFT JOIN LATERAL (
          SELECT u.id, u.name FROM "RaciAssignment" r JOIN "User" u ON u.id = r."userId"
          WHERE r."projectId" = f.id AND r.letter = 'A'
          ORDER BY r."createdAt", u.id LIMIT 1
        ) acc ON true
        ORDER BY f.code
      ) page ON true`;
}

/**
 * One page of the portfolio, sorted by project code, with its total: one statement whatever the
 * page size. A page asked for past the end (a stale link after rows went away) reads the last page.
 */
export async function listPortfolio(
  query: PortfolioQuery,
  pageSize: number = PORTFOLIO_PAGE_SIZE,
): Promise<Paged<PortfolioRow>> {
  const [settings, rows] = await Promise.all([
    getGovernanceSettings(),
    db().$queryRaw<PortfolioSqlRow[]>(portfolioSql(query, pageSize)),
  ]);
  const total = rows[0]?.total ?? 0;
  const { page, pageCount } = clampPage(query.page, total, pageSize);
  return {
    page,
    pageCount,
    pageSize,
    total,
    rows: rows.flatMap((p) =>
      p.code === null
        ? []
        : [
            {
              code: p.code,
              name: p.name,
              kind: p.kind,
              stage: p.stage,
              site: { code: p.siteCode, name: p.siteName },
              accountable:
                p.accountableId && p.accountableName !== null
                  ? { id: p.accountableId, name: p.accountableName }
                  : null,
              primaryObjectiveCode: p.primaryObjectiveCode,
              ...toProjectSchedule(
                {
                  startDate: parseIsoDate(p.startDate),
                  baselineEndDate: parseIsoDate(p.baselineEndDate),
                  forecastEndDate: parseIsoDate(p.forecastEndDate),
                  actualEndDate: p.actualEndDate ? parseIsoDate(p.actualEndDate) : null,
                },
                settings,
              ),
            },
          ],
    ),
  };
}

export interface SiteOption {
  code: string;
  name: string;
}

export async function listSites(): Promise<SiteOption[]> {
  return db().site.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } });
}
