import "server-only";
// The leadership dashboard's Overview tab (issue #12): alignment failures, the scorecard, the risk
// heat map and escalations, every figure counted in PostgreSQL under the dashboard's filters, in
// four statements whatever the portfolio's size. Lists show their first few rows; the counts link
// to paged lists built from the same predicates (./overview-sql.ts, ./overview-drilldown.ts).
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { type CalendarDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import {
  computeObjectiveScorecard,
  computeScorecardMetric,
  type ObjectiveScorecard,
} from "@/lib/domain/dashboard-scorecard";
import type { Rag } from "@/lib/domain/metrics";
import {
  type Cadence,
  type MetricDirection,
  type ObjectiveStatus,
  type ProjectStage,
  type RebaselineKind,
  SCORECARD_CATEGORIES,
  type ScorecardCategory,
  type Severity,
} from "@/lib/domain/vocabulary";
import type { DashboardFilters } from "../dashboard-filters";
import { clockAt } from "../dates";
import { DEFAULT_TIME_ZONE } from "../organisation";
import {
  liveSql,
  OVERDUE_FEEDBACK_KINDS,
  overdueFeedbackSql,
  projectFilterSql,
  projectIdFilterSql,
  proposalSql,
  siteFilterSql,
  spendSql,
  unalignedSql,
} from "./overview-sql";

/** Rows a list on the overview shows before "see all". */
export const OVERVIEW_LIST_LIMIT = 5;

export interface DashboardOption {
  code: string;
  name: string;
}

export interface DashboardContext {
  timeZone: string;
  dutyExecutiveName: string | null;
  sites: DashboardOption[];
  objectives: DashboardOption[];
}

/** The trust's clock and the filter form's choices, in one statement. */
export async function getDashboardContext(): Promise<DashboardContext> {
  const [row] = await db().$queryRaw<
    {
      timeZone: string | null;
      dutyExecutiveName: string | null;
      sites: DashboardOption[];
      objectives: DashboardOption[];
    }[]
  >`SELECT
      (SELECT "timeZone" FROM "Organisation" WHERE "id" = 1) AS "timeZone",
      (SELECT u."name" FROM "Organisation" o JOIN "User" u ON u."id" = o."dutyExecutiveId" WHERE o."id" = 1) AS "dutyExecutiveName",
      COALESCE((SELECT json_agg(json_build_object('code', "code", 'name', "name") ORDER BY "name") FROM "Site"), '[]') AS "sites",
      COALESCE((SELECT json_agg(json_build_object('code', "code", 'name', "title") ORDER BY "code") FROM "StrategicObjective"), '[]') AS "objectives"`;
  return {
    timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
    dutyExecutiveName: row?.dutyExecutiveName ?? null,
    sites: row?.sites ?? [],
    objectives: row?.objectives ?? [],
  };
}

export interface ScorecardObjective {
  code: string;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  ownerName: string;
  targetDate: IsoDate;
  /** Projects aligned to it (primary or supporting), any stage, under the site filter. */
  alignedCount: number;
  /** NUM-7: projects with it as primary objective that are approved, in pilot or in rollout. */
  deliveringCount: number;
  /** An active objective nobody is delivering (NUM-7). */
  visionWithoutDelivery: boolean;
  /** Live projects (NUM-8) contributing to it, primary or supporting, by schedule RAG (NUM-3). */
  contributing: { total: number } & Record<Rag, number>;
  /** Spend to date on the projects with it as their primary objective (so no pound counts twice). */
  spend: string;
  metrics: ObjectiveScorecard;
}

export interface UnalignedProject {
  code: string;
  name: string;
  stage: ProjectStage;
  siteName: string;
  spend: string;
}

export interface RiskCell {
  likelihood: number;
  impact: number;
  count: number;
}

export interface EscalatedFeedback {
  id: string;
  projectCode: string;
  projectName: string;
  severity: Severity;
  body: string;
  dueAt: string;
}

export interface WaitingDecision {
  id: string;
  projectCode: string;
  projectName: string;
  /** The stage asked for (a gate) or what moves (a rebaseline). */
  toStage: ProjectStage | null;
  kind: RebaselineKind | null;
  requestedAt: string;
}

export interface DashboardOverview {
  today: CalendarDate;
  timeZone: string;
  dutyExecutiveName: string | null;
  /** The filter form's choices, read with the figures. */
  context: DashboardContext;
  categories: { category: ScorecardCategory; objectives: ScorecardObjective[] }[];
  visionWithoutDeliveryCount: number;
  unalignedLive: { count: number; spend: string; top: UnalignedProject[] };
  unalignedProposalCount: number;
  /** Open risks (open or being mitigated) by likelihood and impact; cells with none are absent. */
  riskCells: RiskCell[];
  openRiskCount: number;
  overdueSafety: { count: number; escalatedCount: number; oldest: EscalatedFeedback[] };
  overdueAnswers: { count: number; oldest: EscalatedFeedback[] };
  gatesWaiting: { count: number; oldest: WaitingDecision[] };
  rebaselinesWaiting: { count: number; oldest: WaitingDecision[] };
}

interface ObjectiveRowSql {
  code: string;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  targetDate: Date;
  ownerName: string;
  alignedCount: number;
  deliveringCount: number;
  liveCount: number;
  liveRed: number;
  liveAmber: number;
  liveGreen: number;
  spend: string;
}

interface MetricRowSql {
  objectiveCode: string;
  direction: MetricDirection;
  cadence: Cadence;
  baselineValue: number;
  targetValue: number;
  amberThreshold: number;
  redThreshold: number;
  periodStart: Date | null;
  value: number | null;
}

interface FailuresRowSql {
  unalignedLiveCount: number;
  unalignedLiveSpend: string;
  unalignedLiveTop: UnalignedProject[];
  unalignedProposalCount: number;
  riskCells: RiskCell[];
  overdueSafetyCount: number;
  overdueSafetyEscalatedCount: number;
  overdueSafetyOldest: EscalatedFeedback[];
  overdueAnswerCount: number;
  overdueAnswerOldest: EscalatedFeedback[];
  gatesWaitingCount: number;
  gatesWaitingOldest: WaitingDecision[];
  rebaselinesWaitingCount: number;
  rebaselinesWaitingOldest: WaitingDecision[];
}

export function objectivesSql(filters: DashboardFilters): Prisma.Sql {
  const objective = filters.objective ? Prisma.sql`o."code" = ${filters.objective}` : Prisma.sql`TRUE`;
  // Each objective's figures are stored per site and kept current by the writes (the migration
  // 20261202000100_stored_aggregates states them as delivering, live, schedule RAG and spend do in
  // ./overview-sql.ts), so the scorecard reads a few rows per objective, not the whole portfolio.
  // Summed per objective before the owner's name is read, so only the objectives' owners are read.
  return Prisma.sql`
    SELECT o."code", o."title", o."category"::text AS "category", o."status"::text AS "status",
      o."targetDate", u."name" AS "ownerName",
      COALESCE(r."alignedCount", 0)::int AS "alignedCount",
      COALESCE(r."deliveringCount", 0)::int AS "deliveringCount",
      COALESCE(r."liveCount", 0)::int AS "liveCount",
      COALESCE(r."liveRed", 0)::int AS "liveRed",
      COALESCE(r."liveAmber", 0)::int AS "liveAmber",
      COALESCE(r."liveGreen", 0)::int AS "liveGreen",
      COALESCE(r."primarySpend", 0)::text AS "spend"
    FROM "StrategicObjective" o
    CROSS JOIN LATERAL (SELECT u."name" FROM "User" u WHERE u."id" = o."ownerId") u
    LEFT JOIN (
      SELECT r."objectiveId", SUM(r."alignedCount") AS "alignedCount", SUM(r."deliveringCount") AS "deliveringCount",
        SUM(r."liveCount") AS "liveCount", SUM(r."liveRed") AS "liveRed", SUM(r."liveAmber") AS "liveAmber",
        SUM(r."liveGreen") AS "liveGreen", SUM(r."primarySpend") AS "primarySpend"
      FROM "ObjectiveSiteRollup" r
      WHERE ${siteFilterSql(Prisma.sql`r`, filters)}
      GROUP BY r."objectiveId"
    ) r ON r."objectiveId" = o."id"
    WHERE ${objective}
    ORDER BY o."code"`;
}

export function metricsSql(filters: DashboardFilters): Prisma.Sql {
  const objective = filters.objective ? Prisma.sql`o."code" = ${filters.objective}` : Prisma.sql`TRUE`;
  // At a site, only the site's projects' metrics: an objective-level metric is the whole trust's.
  const site = filters.site
    ? Prisma.sql`m."projectId" IN (SELECT "id" FROM "Project" WHERE "siteId" = (SELECT "id" FROM "Site" WHERE "code" = ${filters.site}))`
    : Prisma.sql`TRUE`;
  // The latest final value is stored with the metric's forecast sums (MetricStats), current with its values.
  return Prisma.sql`
    SELECT o."code" AS "objectiveCode", m."direction"::text AS "direction", m."cadence"::text AS "cadence",
      m."baselineValue", m."targetValue", m."amberThreshold", m."redThreshold",
      st."latestPeriodStart" AS "periodStart", st."latestValue" AS "value"
    FROM "Metric" m
    JOIN "StrategicObjective" o ON o."id" = m."objectiveId"
    LEFT JOIN "MetricStats" st ON st."metricId" = m."id"
    WHERE m."active" AND ${objective} AND ${site}`;
}

const FEEDBACK_ITEM = Prisma.sql`json_build_object('id', f."id", 'projectCode', p."code", 'projectName', p."name",
  'severity', f."severity", 'body', f."body", 'dueAt', to_char(f."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

export function failuresSql(filters: DashboardFilters, now: Date): Prisma.Sql {
  const p = Prisma.sql`p`;
  const f = Prisma.sql`f`;
  const at = now.toISOString();
  const filtered = projectFilterSql(p, filters);
  const unalignedLive = Prisma.sql`${filtered} AND ${liveSql(p)} AND ${unalignedSql(p)}`;
  // Counts filter rows by their project id and read no project unless a filter is set; the lists
  // read the projects of their few rows only.
  const ofProject = (table: string) => projectIdFilterSql(Prisma.raw(`${table}."projectId"`), filters);
  // The oldest overdue, kind by kind: each kind's awaiting feedback is indexed by due time, so each
  // reads its first few rows instead of sorting every overdue item of its kinds.
  const oldestOverdue = (
    kind: "safety" | "other",
  ) => Prisma.sql`(SELECT COALESCE(json_agg(t.item ORDER BY t."dueAt"), '[]') FROM (
      SELECT x.item, x."dueAt" FROM unnest(${[...OVERDUE_FEEDBACK_KINDS[kind]]}::text[]) k (kind)
      CROSS JOIN LATERAL (
        SELECT ${FEEDBACK_ITEM} AS item, f."dueAt" FROM "Feedback" f JOIN "Project" p ON p."id" = f."projectId"
        WHERE f."kind" = k.kind::"FeedbackKind" AND ${overdueFeedbackSql(f, kind, now)} AND ${filtered}
        ORDER BY f."dueAt" LIMIT ${OVERVIEW_LIST_LIMIT}) x
      ORDER BY x."dueAt" LIMIT ${OVERVIEW_LIST_LIMIT}) t)`;
  return Prisma.sql`
    SELECT
      (SELECT COUNT(*)::int FROM "Project" p WHERE ${unalignedLive}) AS "unalignedLiveCount",
      (SELECT COALESCE(SUM(${spendSql(p)}), 0)::text FROM "Project" p WHERE ${unalignedLive}) AS "unalignedLiveSpend",
      (SELECT COALESCE(json_agg(t ORDER BY t."spend"::numeric DESC, t."code"), '[]') FROM (
        SELECT p."code", p."name", p."stage", s."name" AS "siteName", ${spendSql(p)}::text AS "spend"
        FROM "Project" p JOIN "Site" s ON s."id" = p."siteId"
        WHERE ${unalignedLive}
        ORDER BY ${spendSql(p)} DESC, p."code" LIMIT ${OVERVIEW_LIST_LIMIT}) t) AS "unalignedLiveTop",
      (SELECT COUNT(*)::int FROM "Project" p WHERE ${filtered} AND ${proposalSql(p)} AND ${unalignedSql(p)}) AS "unalignedProposalCount",
      (SELECT COALESCE(json_agg(t), '[]') FROM (
        SELECT r."likelihood", r."impact", COUNT(*)::int AS "count"
        FROM "Risk" r
        WHERE r."status" <> 'CLOSED' AND ${ofProject("r")}
        GROUP BY r."likelihood", r."impact") t) AS "riskCells",
      (SELECT COUNT(*)::int FROM "Feedback" f
        WHERE ${overdueFeedbackSql(f, "safety", now)} AND ${ofProject("f")}) AS "overdueSafetyCount",
      (SELECT COUNT(*)::int FROM "Feedback" f
        WHERE ${overdueFeedbackSql(f, "safety", now)} AND ${ofProject("f")}
          AND f."dueAt" + (f."dueAt" - COALESCE(f."reopenedAt", f."createdAt")) < (CAST(${at} AS timestamptz) AT TIME ZONE 'UTC')
      ) AS "overdueSafetyEscalatedCount",
      ${oldestOverdue("safety")} AS "overdueSafetyOldest",
      (SELECT COUNT(*)::int FROM "Feedback" f
        WHERE ${overdueFeedbackSql(f, "other", now)} AND ${ofProject("f")}) AS "overdueAnswerCount",
      ${oldestOverdue("other")} AS "overdueAnswerOldest",
      (SELECT COUNT(*)::int FROM "StageGateRequest" g
        WHERE g."status" = 'REQUESTED' AND ${ofProject("g")}) AS "gatesWaitingCount",
      (SELECT COALESCE(json_agg(t.item ORDER BY t."requestedAt"), '[]') FROM (
        SELECT json_build_object('id', g."id", 'projectCode', p."code", 'projectName', p."name",
          'toStage', g."toStage", 'kind', NULL,
          'requestedAt', to_char(g."requestedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS item, g."requestedAt"
        FROM "StageGateRequest" g JOIN "Project" p ON p."id" = g."projectId"
        WHERE g."status" = 'REQUESTED' AND ${filtered}
        ORDER BY g."requestedAt" LIMIT ${OVERVIEW_LIST_LIMIT}) t) AS "gatesWaitingOldest",
      (SELECT COUNT(*)::int FROM "Rebaseline" b
        WHERE b."status" = 'REQUESTED' AND ${ofProject("b")}) AS "rebaselinesWaitingCount",
      (SELECT COALESCE(json_agg(t.item ORDER BY t."requestedAt"), '[]') FROM (
        SELECT json_build_object('id', b."id", 'projectCode', p."code", 'projectName', p."name",
          'toStage', NULL, 'kind', b."kind",
          'requestedAt', to_char(b."requestedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS item, b."requestedAt"
        FROM "Rebaseline" b JOIN "Project" p ON p."id" = b."projectId"
        WHERE b."status" = 'REQUESTED' AND ${filtered}
        ORDER BY b."requestedAt" LIMIT ${OVERVIEW_LIST_LIMIT}) t) AS "rebaselinesWaitingOldest"`;
}

/** The Overview tab under the dashboard's filters, as of `now`. */
export async function getDashboardOverview(filters: DashboardFilters, now: Date): Promise<DashboardOverview> {
  const [context, objectives, metrics, failuresRows] = await Promise.all([
    getDashboardContext(),
    db().$queryRaw<ObjectiveRowSql[]>(objectivesSql(filters)),
    db().$queryRaw<MetricRowSql[]>(metricsSql(filters)),
    db().$queryRaw<FailuresRowSql[]>(failuresSql(filters, now)),
  ]);
  const failures = failuresRows[0];
  if (!failures) throw new Error("The dashboard's failures query returned no row");
  const { today } = clockAt(now, context.timeZone);

  const metricsByObjective = new Map<string, ReturnType<typeof computeScorecardMetric>[]>();
  for (const m of metrics) {
    const list = metricsByObjective.get(m.objectiveCode) ?? [];
    list.push(
      computeScorecardMetric(
        {
          ...m,
          latestFinal:
            m.periodStart && m.value !== null ? { periodStart: m.periodStart, value: m.value } : null,
        },
        today,
      ),
    );
    metricsByObjective.set(m.objectiveCode, list);
  }

  const rows = objectives.map(
    (o): ScorecardObjective => ({
      code: o.code,
      title: o.title,
      category: o.category,
      status: o.status,
      ownerName: o.ownerName,
      targetDate: toIsoDate(o.targetDate),
      alignedCount: o.alignedCount,
      deliveringCount: o.deliveringCount,
      visionWithoutDelivery: o.status === "ACTIVE" && o.deliveringCount === 0,
      contributing: { total: o.liveCount, RED: o.liveRed, AMBER: o.liveAmber, GREEN: o.liveGreen },
      spend: o.spend,
      metrics: computeObjectiveScorecard(metricsByObjective.get(o.code) ?? []),
    }),
  );

  return {
    today,
    timeZone: context.timeZone,
    dutyExecutiveName: context.dutyExecutiveName,
    context,
    categories: SCORECARD_CATEGORIES.map((category) => ({
      category,
      objectives: rows.filter((o) => o.category === category),
    })).filter((group) => group.objectives.length > 0),
    visionWithoutDeliveryCount: rows.filter((o) => o.visionWithoutDelivery).length,
    unalignedLive: {
      count: failures.unalignedLiveCount,
      spend: failures.unalignedLiveSpend,
      top: failures.unalignedLiveTop,
    },
    unalignedProposalCount: failures.unalignedProposalCount,
    riskCells: failures.riskCells,
    openRiskCount: failures.riskCells.reduce((n, cell) => n + cell.count, 0),
    overdueSafety: {
      count: failures.overdueSafetyCount,
      escalatedCount: failures.overdueSafetyEscalatedCount,
      oldest: failures.overdueSafetyOldest,
    },
    overdueAnswers: { count: failures.overdueAnswerCount, oldest: failures.overdueAnswerOldest },
    gatesWaiting: { count: failures.gatesWaitingCount, oldest: failures.gatesWaitingOldest },
    rebaselinesWaiting: {
      count: failures.rebaselinesWaitingCount,
      oldest: failures.rebaselinesWaitingOldest,
    },
  };
}
