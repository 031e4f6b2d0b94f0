import "server-only";
// The rows behind the Overview tab's numbers (issue #12): each list is the predicate its figure
// counts (./overview-sql.ts), paged, with its total from the same statement, so a number and the
// list it opens always agree.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { Rag } from "@/lib/domain/metrics";
import { RISK_SCALE_MAX, RISK_SCALE_MIN } from "@/lib/domain/risks";
import type { ProjectStage, RebaselineKind, RiskStatus, Severity } from "@/lib/domain/vocabulary";
import { type DashboardFilters, parseDashboardFilters } from "../dashboard-filters";
import { clampPage, type Paged } from "../paging";
import { firstValues, pageNumberSchema, type RawSearchParams } from "../search-params";
import {
  deliveringSql,
  liveSql,
  overdueFeedbackSql,
  projectFilterSql,
  proposalSql,
  scheduleRagSql,
  scheduleSettingsSql,
  spendSql,
  unalignedSql,
} from "./overview-sql";

export const DRILLDOWN_PAGE_SIZE = 50;

/**
 * Which projects: live and serving no objective; proposals serving none; or, of the projects
 * serving the objective filter, all of them, the live ones, those with it as primary objective,
 * or those delivering it (NUM-7).
 */
export const PROJECT_SCOPES = [
  "unaligned",
  "unaligned-proposals",
  "aligned",
  "contributing",
  "primary",
  "delivering",
] as const;
export type ProjectScope = (typeof PROJECT_SCOPES)[number];

const ragSchema = z.enum(["RED", "AMBER", "GREEN"]).optional().catch(undefined);

const projectsQuerySchema = z.object({
  page: pageNumberSchema,
  scope: z.enum(PROJECT_SCOPES).catch("aligned"),
  rag: ragSchema,
});

export interface DashboardProjectsQuery extends DashboardFilters {
  page: number;
  scope: ProjectScope;
  rag?: Rag | undefined;
}

export function parseDashboardProjectsQuery(raw: RawSearchParams): DashboardProjectsQuery {
  const { page, scope, rag } = projectsQuerySchema.parse(firstValues(raw));
  return { ...parseDashboardFilters(raw), page, scope, ...(rag ? { rag } : {}) };
}

export interface DashboardProjectRow {
  code: string;
  name: string;
  stage: ProjectStage;
  siteName: string;
  scheduleRag: Rag;
  spend: string;
}

function scopeSql(query: DashboardProjectsQuery): Prisma.Sql {
  const p = Prisma.sql`p`;
  const primary = query.objective
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Alignment" pa WHERE pa."projectId" = p."id" AND pa."contribution" = 'PRIMARY'
        AND pa."objectiveId" = (SELECT "id" FROM "StrategicObjective" WHERE "code" = ${query.objective}))`
    : Prisma.sql`EXISTS (SELECT 1 FROM "Alignment" pa WHERE pa."projectId" = p."id" AND pa."contribution" = 'PRIMARY')`;
  switch (query.scope) {
    case "unaligned":
      return Prisma.sql`${liveSql(p)} AND ${unalignedSql(p)}`;
    case "unaligned-proposals":
      return Prisma.sql`${proposalSql(p)} AND ${unalignedSql(p)}`;
    case "aligned":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Alignment" aa WHERE aa."projectId" = p."id")`;
    case "contributing":
      return Prisma.sql`${liveSql(p)} AND EXISTS (SELECT 1 FROM "Alignment" aa WHERE aa."projectId" = p."id")`;
    case "primary":
      return primary;
    case "delivering":
      return Prisma.sql`${deliveringSql(p)} AND ${primary}`;
  }
}

/** A paged list's page and total from one statement; past the end, the last page is read again. */
async function pagedRaw<T>(
  page: number,
  pageSize: number,
  read: (offset: number) => Promise<(T & { total: number })[]>,
): Promise<Paged<T>> {
  let rows = await read((page - 1) * pageSize);
  let total = rows[0]?.total ?? 0;
  let shown = page;
  if (rows.length === 0 && page > 1) {
    // Past the end (a stale link): COUNT(*) OVER () has nothing to count on an empty page.
    const [first] = await read(0);
    total = first?.total ?? 0;
    shown = clampPage(page, total, pageSize).page;
    rows = shown === 1 ? await read(0) : await read((shown - 1) * pageSize);
  }
  const { pageCount } = clampPage(shown, total, pageSize);
  return {
    rows: rows.map(({ total: _, ...row }) => row as T),
    page: shown,
    pageSize,
    total,
    pageCount,
  };
}

export async function listDashboardProjects(
  query: DashboardProjectsQuery,
  pageSize: number = DRILLDOWN_PAGE_SIZE,
): Promise<Paged<DashboardProjectRow>> {
  const p = Prisma.sql`p`;
  const rag = query.rag ? Prisma.sql`${scheduleRagSql(p)} = ${query.rag}` : Prisma.sql`TRUE`;
  return pagedRaw(
    query.page,
    pageSize,
    (offset) =>
      db().$queryRaw<(DashboardProjectRow & { total: number })[]>`
      SELECT p."code", p."name", p."stage"::text AS "stage", s."name" AS "siteName",
        ${scheduleRagSql(p)} AS "scheduleRag", ${spendSql(p)}::text AS "spend",
        (COUNT(*) OVER ())::int AS "total"
      FROM "Project" p JOIN "Site" s ON s."id" = p."siteId" CROSS JOIN ${scheduleSettingsSql}
      WHERE ${projectFilterSql(p, query)} AND ${scopeSql(query)} AND ${rag}
      ORDER BY p."code" LIMIT ${pageSize} OFFSET ${offset}`,
  );
}

const riskLevel = z.coerce.number().int().min(RISK_SCALE_MIN).max(RISK_SCALE_MAX).optional().catch(undefined);

export interface DashboardRisksQuery extends DashboardFilters {
  page: number;
  likelihood?: number | undefined;
  impact?: number | undefined;
}

export function parseDashboardRisksQuery(raw: RawSearchParams): DashboardRisksQuery {
  const values = z
    .object({ page: pageNumberSchema, likelihood: riskLevel, impact: riskLevel })
    .parse(firstValues(raw));
  return {
    ...parseDashboardFilters(raw),
    page: values.page,
    ...(values.likelihood ? { likelihood: values.likelihood } : {}),
    ...(values.impact ? { impact: values.impact } : {}),
  };
}

export interface DashboardRiskRow {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  status: RiskStatus;
  projectCode: string;
  projectName: string;
  ownerName: string;
}

/** Open risks (open or being mitigated), as the heat map counts them, worst first. */
export async function listDashboardRisks(
  query: DashboardRisksQuery,
  pageSize: number = DRILLDOWN_PAGE_SIZE,
): Promise<Paged<DashboardRiskRow>> {
  const p = Prisma.sql`p`;
  const likelihood = query.likelihood ? Prisma.sql`r."likelihood" = ${query.likelihood}` : Prisma.sql`TRUE`;
  const impact = query.impact ? Prisma.sql`r."impact" = ${query.impact}` : Prisma.sql`TRUE`;
  return pagedRaw(
    query.page,
    pageSize,
    (offset) =>
      db().$queryRaw<(DashboardRiskRow & { total: number })[]>`
      SELECT r."id", r."title", r."likelihood", r."impact", r."status"::text AS "status",
        p."code" AS "projectCode", p."name" AS "projectName", u."name" AS "ownerName",
        (COUNT(*) OVER ())::int AS "total"
      FROM "Risk" r JOIN "Project" p ON p."id" = r."projectId" JOIN "User" u ON u."id" = r."ownerId"
      WHERE r."status" <> 'CLOSED' AND ${projectFilterSql(p, query)} AND ${likelihood} AND ${impact}
      ORDER BY r."likelihood" * r."impact" DESC, p."code", r."id" LIMIT ${pageSize} OFFSET ${offset}`,
  );
}

export interface DashboardFeedbackQuery extends DashboardFilters {
  page: number;
  kind: "safety" | "other";
}

export function parseDashboardFeedbackQuery(raw: RawSearchParams): DashboardFeedbackQuery {
  const values = z
    .object({ page: pageNumberSchema, kind: z.enum(["safety", "other"]).catch("safety") })
    .parse(firstValues(raw));
  return { ...parseDashboardFilters(raw), ...values };
}

export interface DashboardFeedbackRow {
  id: string;
  projectCode: string;
  projectName: string;
  severity: Severity;
  body: string;
  dueAt: string;
}

/** Feedback overdue for an answer, as the escalations count it, most overdue first. */
export async function listDashboardOverdueFeedback(
  query: DashboardFeedbackQuery,
  now: Date,
  pageSize: number = DRILLDOWN_PAGE_SIZE,
): Promise<Paged<DashboardFeedbackRow>> {
  const p = Prisma.sql`p`;
  const f = Prisma.sql`f`;
  return pagedRaw(
    query.page,
    pageSize,
    (offset) =>
      db().$queryRaw<(DashboardFeedbackRow & { total: number })[]>`
      SELECT f."id", p."code" AS "projectCode", p."name" AS "projectName", f."severity"::text AS "severity",
        f."body", to_char(f."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt",
        (COUNT(*) OVER ())::int AS "total"
      FROM "Feedback" f JOIN "Project" p ON p."id" = f."projectId"
      WHERE ${overdueFeedbackSql(f, query.kind, now)} AND ${projectFilterSql(p, query)}
      ORDER BY f."dueAt", f."id" LIMIT ${pageSize} OFFSET ${offset}`,
  );
}

export interface DashboardDecisionsQuery extends DashboardFilters {
  page: number;
  kind: "gate" | "rebaseline";
}

export function parseDashboardDecisionsQuery(raw: RawSearchParams): DashboardDecisionsQuery {
  const values = z
    .object({ page: pageNumberSchema, kind: z.enum(["gate", "rebaseline"]).catch("gate") })
    .parse(firstValues(raw));
  return { ...parseDashboardFilters(raw), ...values };
}

export interface DashboardDecisionRow {
  id: string;
  projectCode: string;
  projectName: string;
  /** The stage a gate asks for; null for a rebaseline. */
  toStage: ProjectStage | null;
  /** What a rebaseline moves; null for a gate. */
  kind: RebaselineKind | null;
  requestedByName: string;
  requestedAt: string;
}

/** Stage gates or rebaselines waiting for a decision, as the escalations count them, oldest first. */
export async function listDashboardWaitingDecisions(
  query: DashboardDecisionsQuery,
  pageSize: number = DRILLDOWN_PAGE_SIZE,
): Promise<Paged<DashboardDecisionRow>> {
  const p = Prisma.sql`p`;
  const source =
    query.kind === "gate"
      ? Prisma.sql`SELECT "id", "projectId", "toStage"::text AS "toStage", NULL::text AS "kind", "requestedById", "requestedAt"
          FROM "StageGateRequest" WHERE "status" = 'REQUESTED'`
      : Prisma.sql`SELECT "id", "projectId", NULL::text AS "toStage", "kind"::text AS "kind", "requestedById", "requestedAt"
          FROM "Rebaseline" WHERE "status" = 'REQUESTED'`;
  return pagedRaw(
    query.page,
    pageSize,
    (offset) =>
      db().$queryRaw<(DashboardDecisionRow & { total: number })[]>`
      SELECT d."id", p."code" AS "projectCode", p."name" AS "projectName", d."toStage", d."kind",
        u."name" AS "requestedByName", to_char(d."requestedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt",
        (COUNT(*) OVER ())::int AS "total"
      FROM (${source}) d JOIN "Project" p ON p."id" = d."projectId" JOIN "User" u ON u."id" = d."requestedById"
      WHERE ${projectFilterSql(p, query)}
      ORDER BY d."requestedAt", d."id" LIMIT ${pageSize} OFFSET ${offset}`,
  );
}
