import "server-only";
// The alignment matrix (issue #12): one page of objectives across, grouped by scorecard category,
// and one page of projects down, each cell saying whether the project serves the objective as its
// primary or a supporting objective. Paged both ways, so a page stays the same size at 2,000
// projects and 500 objectives or at 20,000 and 5,000: one statement reads the page of projects, its
// total and each project's links, another the objectives.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import {
  type Contribution,
  type ObjectiveStatus,
  PROJECT_STAGES,
  type ProjectStage,
  SCORECARD_CATEGORIES,
  type ScorecardCategory,
} from "@/lib/domain/vocabulary";
import { type DashboardFilters, parseDashboardFilters } from "../dashboard-filters";
import { clampPage, type Paged } from "../paging";
import { firstValues, pageNumberSchema, type RawSearchParams, searchTextSchema } from "../search-params";
import { projectFilterSql } from "./overview-sql";

// The portfolio's page size: a screenful of rows.
export const MATRIX_PAGE_SIZE = 25;
// Objective columns a page shows: what a 1366 px screen holds beside the project column.
export const MATRIX_COLUMN_PAGE_SIZE = 12;

export interface AlignmentMatrixQuery extends DashboardFilters {
  page: number;
  /** The page of objective columns. */
  columns?: number | undefined;
  /** Only this category's objectives across. */
  category?: ScorecardCategory | undefined;
  /** Only the projects serving one of the objectives across (the matrix is sparse at scale). */
  serving?: boolean | undefined;
  stage?: ProjectStage | undefined;
  /** Matches project code or name. */
  q?: string | undefined;
}

export function parseAlignmentMatrixQuery(raw: RawSearchParams): AlignmentMatrixQuery {
  const values = z
    .object({
      page: pageNumberSchema,
      columns: pageNumberSchema,
      category: z.enum(SCORECARD_CATEGORIES).optional().catch(undefined),
      serving: z.literal("1").optional().catch(undefined),
      stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
      q: searchTextSchema,
    })
    .parse(firstValues(raw));
  return {
    ...parseDashboardFilters(raw),
    page: values.page,
    ...(values.columns > 1 ? { columns: values.columns } : {}),
    ...(values.category ? { category: values.category } : {}),
    ...(values.serving ? { serving: true } : {}),
    ...(values.stage ? { stage: values.stage } : {}),
    ...(values.q ? { q: values.q } : {}),
  };
}

export interface MatrixObjective {
  code: string;
  title: string;
  status: ObjectiveStatus;
}

export interface MatrixProject {
  code: string;
  name: string;
  stage: ProjectStage;
  siteName: string;
  /** Objective code to how the project serves it; objectives it does not serve are absent. */
  links: Record<string, Contribution>;
}

export interface AlignmentMatrix extends Paged<MatrixProject> {
  /** This page's objective columns, grouped by category. */
  categories: { category: ScorecardCategory; objectives: MatrixObjective[] }[];
  /** The page of objective columns among all the objectives across. */
  columns: { page: number; pageSize: number; total: number; pageCount: number };
}

/** ILIKE takes `%` and `_` as wildcards: escape them so a search for "5%" means five per cent. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

interface MatrixRowSql {
  code: string;
  name: string;
  stage: ProjectStage;
  siteName: string;
  links: { objective: string; contribution: Contribution }[] | null;
  total: number;
}

/**
 * The page of objective columns: all but retired ones (a retired objective no longer asks for
 * delivery), or those of one category, or just the one the objective filter names; in scorecard
 * category order, then by code, so a category's objectives sit together across pages. With their
 * total; a page past the end is the last page (as for rows).
 */
function objectivePageSql(query: AlignmentMatrixQuery, columnPageSize: number): Prisma.Sql {
  const objectiveWhere = query.objective
    ? Prisma.sql`"code" = ${query.objective}`
    : query.category
      ? Prisma.sql`"status" <> 'RETIRED' AND "category"::text = ${query.category}`
      : Prisma.sql`"status" <> 'RETIRED'`;
  const categoryOrder = Prisma.join(SCORECARD_CATEGORIES.map((c) => Prisma.sql`${c}`));
  const asked = query.columns ?? 1;
  return Prisma.sql`
    WITH o AS (
      SELECT "id", "code", "title", "status"::text AS "status", "category"::text AS "category",
        array_position(ARRAY[${categoryOrder}]::text[], "category"::text) AS "categoryRank",
        (COUNT(*) OVER ())::int AS "total"
      FROM "StrategicObjective" WHERE ${objectiveWhere}
    ), n AS (SELECT COALESCE(MAX("total"), 0) AS "total" FROM o)
    SELECT o."id", o."code", o."title", o."status", o."category", o."total" FROM o
    ORDER BY o."categoryRank", o."code"
    LIMIT ${columnPageSize}
    OFFSET (SELECT (LEAST(${asked}::int, GREATEST(1, CEIL(n."total"::numeric / ${columnPageSize}))::int) - 1) * ${columnPageSize} FROM n)`;
}

function readPage(query: AlignmentMatrixQuery, columnPageSize: number, pageSize: number, offset: number) {
  const p = Prisma.sql`p`;
  const serving = query.serving
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Alignment" a WHERE a."projectId" = p."id"
        AND a."objectiveId" IN (SELECT op."id" FROM (${objectivePageSql(query, columnPageSize)}) op))`
    : Prisma.sql`TRUE`;
  const stage = query.stage ? Prisma.sql`p."stage"::text = ${query.stage}` : Prisma.sql`TRUE`;
  const search = query.q
    ? Prisma.sql`(p."code" ILIKE ${`%${escapeLike(query.q)}%`} OR p."name" ILIKE ${`%${escapeLike(query.q)}%`})`
    : Prisma.sql`TRUE`;
  return db().$queryRaw<MatrixRowSql[]>`
    SELECT p."code", p."name", p."stage"::text AS "stage", s."name" AS "siteName",
      (SELECT json_agg(json_build_object('objective', o."code", 'contribution', a."contribution"))
        FROM "Alignment" a JOIN "StrategicObjective" o ON o."id" = a."objectiveId"
        WHERE a."projectId" = p."id") AS "links",
      (COUNT(*) OVER ())::int AS "total"
    FROM "Project" p JOIN "Site" s ON s."id" = p."siteId"
    WHERE ${projectFilterSql(p, query)} AND ${stage} AND ${search} AND ${serving}
    ORDER BY p."code" LIMIT ${pageSize} OFFSET ${offset}`;
}

/** One page of the matrix: a page of projects down, a page of objectives across. */
export async function getAlignmentMatrix(
  query: AlignmentMatrixQuery,
  pageSize: number = MATRIX_PAGE_SIZE,
  columnPageSize: number = MATRIX_COLUMN_PAGE_SIZE,
): Promise<AlignmentMatrix> {
  const columnsAsked = query.columns ?? 1;
  const [objectives, firstTry] = await Promise.all([
    db().$queryRaw<(MatrixObjective & { category: ScorecardCategory; total: number })[]>(
      objectivePageSql(query, columnPageSize),
    ),
    readPage(query, columnPageSize, pageSize, (query.page - 1) * pageSize),
  ]);
  let rows = firstTry;
  let page = query.page;
  if (rows.length === 0 && page > 1) {
    // A stale link past the end: the last page instead.
    const [first] = await readPage(query, columnPageSize, 1, 0);
    page = clampPage(page, first?.total ?? 0, pageSize).page;
    rows = await readPage(query, columnPageSize, pageSize, (page - 1) * pageSize);
  }
  const total = rows[0]?.total ?? 0;
  const columnTotal = objectives[0]?.total ?? 0;
  const shown = new Set(objectives.map((o) => o.code));
  const columns = clampPage(columnsAsked, columnTotal, columnPageSize);
  return {
    columns: {
      page: columns.page,
      pageCount: columns.pageCount,
      pageSize: columnPageSize,
      total: columnTotal,
    },
    categories: SCORECARD_CATEGORIES.map((category) => ({
      category,
      objectives: objectives
        .filter((o) => o.category === category)
        .map(({ code, title, status }) => ({ code, title, status })),
    })).filter((group) => group.objectives.length > 0),
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      stage: r.stage,
      siteName: r.siteName,
      // Only this page's columns: a project's other links have no cell here.
      links: Object.fromEntries(
        (r.links ?? [])
          .filter((link) => shown.has(link.objective))
          .map((link) => [link.objective, link.contribution]),
      ),
    })),
    page,
    pageSize,
    total,
    pageCount: clampPage(page, total, pageSize).pageCount,
  };
}
