import "server-only";
// The leadership dashboard's Delivery tab (issue 12): schedule and budget variance of live
// projects rolled up by site and by objective with the worst offenders, and the forecasts (does
// each metric reach its target; when will each live project really finish). Every figure is
// computed in PostgreSQL in ONE query (three statements with the transaction that turns JIT off
// for it), whatever the portfolio's size: the page lists only the
// worst few and the counts, never every project, so it stays small at a hospital system's scale.
//
// Live projects are those being delivered (NUM-8: APPROVED, PILOT, ROLLOUT, or on hold from one of
// them). Slip follows NUM-2 (the end that counts minus the baseline end) and its RAG NUM-3 with
// the organisation's thresholds; spend is the ledger's plain sum, reversals included (FRAME-8).
// The roll-ups by site and objective add up sums stored per objective and site and per site
// (ObjectiveSiteRollup, SiteDeliveryRollup: FRAME-10, kept by triggers, held to their definitions
// by tests/server/stored-aggregates.test.ts), so they cost the same however many projects there
// are; the worst offenders are walked from Project's indexes on slip and on spend against budget.
// The CASE of the worst list's RAG is computeScheduleRag (domain/schedule.ts) in SQL, and
// tests/server/dashboard-delivery.test.ts holds them equal. The forecasts' maths is
// src/lib/domain/forecasts.ts: each metric's status is its rule restated in SQL over the stored
// regression sums (MetricStats; metricForecastStatusSql, held to the domain by
// tests/server/dashboard-delivery-forecast-sql.test.ts), so only the counts and the few listed
// leave PostgreSQL; each project's average slip ratio is stored (ProjectMilestoneHistory) and the
// list is ordered by the same ceil(ratio × days left) the domain computes.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { ACTIVE_PROJECT_STAGES } from "@/lib/domain/alignment";
import { type IsoDate, parseIsoDate, toIsoDate } from "@/lib/domain/calendar";
import {
  computeMetricForecast,
  computePredictedFinish,
  type MetricForecastStatus,
  MIN_FORECAST_VALUES,
  tCritical95,
} from "@/lib/domain/forecasts";
import type { Rag } from "@/lib/domain/metrics";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { MetricDirection } from "@/lib/domain/vocabulary";
import type { DashboardFilters } from "../dashboard-filters";
import { DEFAULT_TIME_ZONE } from "../organisation";
import { firstValues, type RawSearchParams } from "../search-params";

/** How many worst offenders each variance lists, and how many metrics or projects a forecast lists. */
export const DELIVERY_LISTED = 10;
export const METRIC_FORECASTS_LISTED = 10;
/** Objectives listed in each rollup by objective, the worst first: a hospital system may have hundreds. */
export const OBJECTIVES_LISTED = 10;

/** Day numbers for the forecasts count from here, in SQL and in JavaScript alike. */
const DAY_ORIGIN = "2000-01-01";
const MS_PER_DAY = 86_400_000;
const dayNumber = (iso: IsoDate) =>
  (parseIsoDate(iso).getTime() - parseIsoDate(DAY_ORIGIN).getTime()) / MS_PER_DAY;
const isoFromDayNumber = (n: number): IsoDate =>
  toIsoDate(new Date(parseIsoDate(DAY_ORIGIN).getTime() + n * MS_PER_DAY));

export interface FilterOption {
  code: string;
  name: string;
}

export interface ScheduleRollup {
  /** The site's or objective's code; null for live projects aligned to no objective. */
  code: string | null;
  name: string;
  projectCount: number;
  lateCount: number;
  amberCount: number;
  redCount: number;
  averageSlipDays: number;
  /** Average slip as a percentage of planned duration (NUM-3). */
  averageSlipPercent: number;
}

/** A site's or objective's live projects: their schedule and their spend. */
export type DeliveryRollup = ScheduleRollup & BudgetRollup;

export interface ScheduleOffender {
  code: string;
  name: string;
  siteName: string;
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  slipDays: number;
  plannedDurationDays: number;
  slipPercent: number;
  rag: Rag;
}

export interface BudgetRollup {
  code: string | null;
  name: string;
  projectCount: number;
  /** Money as decimal text, as the ledger keeps it. */
  baselineBudget: string;
  spent: string;
  overBudgetCount: number;
}

export interface BudgetOffender {
  code: string;
  name: string;
  siteName: string;
  baselineBudget: string;
  spent: string;
  /** Spend − budget: positive is over budget. */
  variance: string;
  /** Spend as a percentage of the baseline budget; null when the budget is £0. */
  spentPercent: number | null;
}

export interface MetricForecastRow {
  name: string;
  unit: string;
  direction: MetricDirection;
  targetValue: number;
  targetDate: IsoDate;
  finalValueCount: number;
  status: MetricForecastStatus;
  method: "TREND" | "MEAN" | null;
  expected: number | null;
  objectiveCode: string;
  /** The project whose metric it is; null for an objective's own metric. */
  projectCode: string | null;
}

export interface ProjectForecastRow {
  code: string;
  name: string;
  forecastEndDate: IsoDate;
  predictedFinish: IsoDate;
  daysBeyondForecast: number;
  doneMilestones: number;
  averageSlipPercent: number;
}

export interface DeliveryDashboard {
  today: IsoDate;
  sites: FilterOption[];
  objectives: FilterOption[];
  /** The filters that matched a site or objective; an unknown code is dropped, not an error. */
  applied: { site: string | null; objective: string | null };
  thresholds: { amberPercent: number; redPercent: number };
  /** How many objectives (and "no objective") the rollups by objective cover; they list the worst few. */
  objectiveRollupCount: number;
  schedule: {
    projectCount: number;
    lateCount: number;
    amberCount: number;
    redCount: number;
    bySite: DeliveryRollup[];
    /** The worst OBJECTIVES_LISTED objectives: most red, then most late, then highest average slip. */
    byObjective: DeliveryRollup[];
    worst: ScheduleOffender[];
  };
  budget: {
    projectCount: number;
    baselineBudget: string;
    spent: string;
    overBudgetCount: number;
    bySite: DeliveryRollup[];
    /** The OBJECTIVES_LISTED objectives with the highest spend against budget. */
    byObjective: DeliveryRollup[];
    worst: BudgetOffender[];
  };
  metricForecasts: {
    counts: Record<MetricForecastStatus, number>;
    /** The status listed (off course unless asked), at most METRIC_FORECASTS_LISTED, by objective then name. */
    listedStatus: MetricForecastStatus;
    listed: MetricForecastRow[];
  };
  projectForecasts: {
    withHistory: number;
    withoutHistory: number;
    laterThanForecast: number;
    /** The furthest beyond their forecast end first. */
    listed: ProjectForecastRow[];
  };
}

interface MetricStatsRow {
  name: string;
  unit: string;
  direction: MetricDirection;
  targetValue: number;
  targetDate: IsoDate;
  objectiveCode: string;
  projectCode: string | null;
  n: number;
  meanX: number | null;
  meanY: number | null;
  sxx: number | null;
  syy: number | null;
  sxy: number | null;
}

interface ProjectHistoryRow {
  code: string;
  name: string;
  forecastEndDate: IsoDate;
  ratio: number;
  done: number;
}

interface DeliveryRow {
  today: IsoDate;
  sites: FilterOption[];
  objectives: FilterOption[];
  appliedSite: string | null;
  appliedObjective: string | null;
  amber: number;
  red: number;
  totals: {
    projectCount: number;
    lateCount: number;
    amberCount: number;
    redCount: number;
    baselineBudget: string;
    spent: string;
    overBudgetCount: number;
  };
  bySite: DeliveryRollup[] | null;
  objectiveRollupCount: number | bigint;
  byObjectiveSchedule: DeliveryRollup[] | null;
  byObjectiveBudget: DeliveryRollup[] | null;
  worstSchedule: ScheduleOffender[] | null;
  worstBudget: BudgetOffender[] | null;
  metricCounts: Record<MetricForecastStatus, number | bigint>;
  metrics: MetricStatsRow[] | null;
  history: { withHistory: number; withoutHistory: number; later: number };
  predicted: ProjectHistoryRow[] | null;
}

/** The critical t for 1 to 121 degrees of freedom, the last standing for every df beyond (tCritical95). */
const T_CRITICAL_TABLE = Array.from({ length: 121 }, (_, i) => tCritical95(i + 1));

/**
 * Forecast 1 (`computeMetricForecast`, domain/forecasts.ts) restated in SQL over a row `m` with
 * the metric's stored sums (n, "meanX", "meanY", "sxx", "syy", "sxy"), "targetValue", "targetDate"
 * and "direction": its status as text. The same double-precision operations in the same order as
 * the domain, so a value exactly on target or a t exactly at the critical value goes the same way;
 * tests/server/dashboard-delivery-forecast-sql.test.ts holds it to the domain's answer. It does
 * not depend on today: the line is read on the target date.
 */
export function metricForecastStatusSql(m: Prisma.Sql): Prisma.Sql {
  const lineable = Prisma.sql`(${m}.n >= 3 AND ${m}."sxx" > 0)`;
  const slope = Prisma.sql`(${m}."sxy" / ${m}."sxx")`;
  const sse = Prisma.sql`GREATEST(0::float8, ${m}."syy" - ${slope} * ${m}."sxy")`;
  const standardError = Prisma.sql`sqrt(${sse} / (${m}.n - 2)::float8 / ${m}."sxx")`;
  const t = Prisma.sql`(CASE WHEN ${slope} = 0 THEN 0::float8
    WHEN ${standardError} = 0 THEN 'Infinity'::float8 ELSE ${slope} / ${standardError} END)`;
  const critical = Prisma.sql`('{${Prisma.raw(T_CRITICAL_TABLE.join(","))}}'::float8[])[LEAST(${m}.n - 2, ${Prisma.raw(String(T_CRITICAL_TABLE.length))})]`;
  const targetDay = Prisma.sql`(${m}."targetDate" - DATE '${Prisma.raw(DAY_ORIGIN)}')::float8`;
  // Nested CASEs, not AND: PostgreSQL may evaluate either side of an AND first, and the slope
  // divides by "sxx".
  const expected = Prisma.sql`(CASE WHEN NOT ${lineable} THEN ${m}."meanY"
    WHEN abs(${t}) > ${critical} THEN (${m}."meanY" - ${slope} * ${m}."meanX") + ${slope} * ${targetDay}
    ELSE ${m}."meanY" END)`;
  return Prisma.sql`(CASE WHEN ${m}.n < ${MIN_FORECAST_VALUES} THEN 'NOT_ENOUGH_DATA'
    WHEN CASE WHEN ${m}."direction" = 'HIGHER_IS_BETTER' THEN ${expected} >= ${m}."targetValue"
              ELSE ${expected} <= ${m}."targetValue" END THEN 'ON_COURSE'
    ELSE 'OFF_COURSE' END)`;
}

/** The Delivery tab's one query (exported so the bench can EXPLAIN it). */
export function deliveryQuery(
  now: Date,
  filters: DashboardFilters,
  metricStatus: MetricForecastStatus = "OFF_COURSE",
): Prisma.Sql {
  const liveStages = [...ACTIVE_PROJECT_STAGES];
  const site = filters.site ?? null;
  const objective = filters.objective ?? null;
  // The columns of a rollup row as the page reads them (money as exact decimal text).
  const ROLLUP_COLUMNS = Prisma.raw(
    `"code", "name", "projectCount", "lateCount", "amberCount", "redCount", "averageSlipDays",
     "averageSlipPercent", budget::text AS "baselineBudget", spent_total::text AS "spent", "overBudgetCount"`,
  );
  // The stored sums a roll-up row adds up, and the figures of a group of them: averages are the
  // summed slip over the count, as AVG computes them (AVG of days is numeric, then float8).
  const STORED_SUMS = Prisma.raw(
    `"liveCount", "liveLate", "liveAmber", "liveRed", "liveSlipDays", "liveSlipPercent", "liveBudget",
     "liveSpend", "liveOverBudget"`,
  );
  const ROLLUP_SUMS = Prisma.raw(
    `SUM("liveCount") AS "projectCount", SUM("liveLate") AS "lateCount", SUM("liveAmber") AS "amberCount",
     SUM("liveRed") AS "redCount", (SUM("liveSlipDays")::numeric / SUM("liveCount"))::float8 AS "averageSlipDays",
     SUM("liveSlipPercent") / SUM("liveCount") AS "averageSlipPercent", SUM("liveBudget") AS budget,
     SUM("liveSpend") AS spent_total, SUM("liveOverBudget") AS "overBudgetCount"`,
  );
  // Live (NUM-8) and within the filters, for a project `p`.
  const liveForFilters = Prisma.sql`(p."stage" = ANY(${liveStages}::"ProjectStage"[])
             OR (p."stage" = 'ON_HOLD' AND (p."heldFromStage" IS NULL
                 OR p."heldFromStage" = ANY(${liveStages}::"ProjectStage"[]))))
        AND (NOT EXISTS (SELECT 1 FROM site_f) OR p."siteId" = (SELECT "id" FROM site_f))
        AND (NOT EXISTS (SELECT 1 FROM objective_f) OR EXISTS (
              SELECT 1 FROM "Alignment" a
              WHERE a."projectId" = p."id" AND a."objectiveId" = (SELECT "id" FROM objective_f)))`;
  // NUM-2's slip, NUM-3's planned duration and the slip's share of it, for a project `p`.
  const slipDays = Prisma.sql`(COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")`;
  const plannedDays = Prisma.sql`GREATEST(1, p."baselineEndDate" - p."startDate")`;
  const slipPercent = Prisma.sql`(${slipDays} * 100.0::float8 / ${plannedDays})`;
  return Prisma.sql`
    WITH org AS (
      SELECT COALESCE(o."timeZone", ${DEFAULT_TIME_ZONE}) AS tz,
             COALESCE(o."scheduleAmberPercent", ${DEFAULT_SETTINGS.scheduleAmberPercent}::float8) AS amber,
             COALESCE(o."scheduleRedPercent", ${DEFAULT_SETTINGS.scheduleRedPercent}::float8) AS red
      FROM (VALUES (1)) AS one (id) LEFT JOIN "Organisation" o ON o."id" = one.id
    ),
    today AS (SELECT (${now}::timestamptz AT TIME ZONE org.tz)::date AS d FROM org),
    site_f AS (SELECT "id", "code" FROM "Site" WHERE "code" = ${site}::text),
    objective_f AS (SELECT "id", "code" FROM "StrategicObjective" WHERE "code" = ${objective}::text),
    -- The roll-ups read stored sums (FRAME-10, 20261202000200_delivery_rollups): per objective and
    -- site over every alignment, and per site split by whether the project serves any objective.
    -- With an objective asked for, its rows by site are its live projects once each.
    objective_rows AS (
      SELECT r."objectiveId", r."siteId", ${STORED_SUMS} FROM "ObjectiveSiteRollup" r
      WHERE r."liveCount" > 0
        AND (NOT EXISTS (SELECT 1 FROM site_f) OR r."siteId" = (SELECT "id" FROM site_f))
        AND (NOT EXISTS (SELECT 1 FROM objective_f) OR r."objectiveId" = (SELECT "id" FROM objective_f))
    ),
    site_rows AS (
      SELECT r."siteId", r."aligned", ${STORED_SUMS} FROM "SiteDeliveryRollup" r
      WHERE r."liveCount" > 0 AND NOT EXISTS (SELECT 1 FROM objective_f)
        AND (NOT EXISTS (SELECT 1 FROM site_f) OR r."siteId" = (SELECT "id" FROM site_f))
      UNION ALL
      SELECT r."siteId", TRUE, ${STORED_SUMS} FROM objective_rows r WHERE EXISTS (SELECT 1 FROM objective_f)
    ),
    -- Summed by objective first, then named: a few hundred objectives, not every (objective, site).
    by_objective AS (
      SELECT o."code", COALESCE(o."title", 'Aligned to no objective') AS "name", g.*
      FROM (SELECT r."objectiveId", ${ROLLUP_SUMS}
            FROM (SELECT "objectiveId", ${STORED_SUMS} FROM objective_rows
                  UNION ALL
                  SELECT NULL, ${STORED_SUMS} FROM site_rows WHERE NOT "aligned") r
            GROUP BY r."objectiveId") g
      LEFT JOIN "StrategicObjective" o ON o."id" = g."objectiveId"
    ),
    -- Each project's done milestones and average slip ratio are stored (ProjectMilestoneHistory);
    -- the live projects without any are the roll-ups' count less these.
    predicted AS (
      SELECT p."code", p."name", p."forecastEndDate", h."averageSlipRatio" AS ratio, h."doneCount" AS done,
             CEIL(h."averageSlipRatio" * GREATEST(0, p."forecastEndDate" - today.d))::int AS extra
      FROM "ProjectMilestoneHistory" h JOIN "Project" p ON p."id" = h."projectId" CROSS JOIN today
      WHERE ${liveForFilters}
    ),
    -- Each metric's regression sums over its final values are stored (MetricStats), current with
    -- them; its forecast status is the domain's rule restated over them (metricForecastStatusSql).
    metric_f AS (
      SELECT mt."id", mt."direction", mt."targetValue", mt."targetDate", o."code" AS objective_code,
             COALESCE(ms."finalCount", 0) AS n, ms."meanX", ms."meanY", ms."sxx", ms."syy", ms."sxy"
      FROM "Metric" mt
      JOIN "StrategicObjective" o ON o."id" = mt."objectiveId"
      LEFT JOIN "MetricStats" ms ON ms."metricId" = mt."id"
      WHERE mt."active"
        AND (NOT EXISTS (SELECT 1 FROM site_f) OR mt."projectId" IN (
              SELECT sp."id" FROM "Project" sp WHERE sp."siteId" = (SELECT "id" FROM site_f)))
        AND (NOT EXISTS (SELECT 1 FROM objective_f) OR mt."objectiveId" = (SELECT "id" FROM objective_f))
    ),
    metric_status AS (
      SELECT mf."id", mf.objective_code, ${metricForecastStatusSql(Prisma.sql`mf`)} AS status FROM metric_f mf
    )
    SELECT
      (SELECT to_char(d, 'YYYY-MM-DD') FROM today) AS "today",
      (SELECT COALESCE(json_agg(json_build_object('code', "code", 'name', "name") ORDER BY "name"), '[]')
         FROM "Site") AS "sites",
      (SELECT COALESCE(json_agg(json_build_object('code', "code", 'name', "title") ORDER BY "code"), '[]')
         FROM "StrategicObjective") AS "objectives",
      (SELECT "code" FROM site_f) AS "appliedSite",
      (SELECT "code" FROM objective_f) AS "appliedObjective",
      (SELECT amber FROM org) AS "amber",
      (SELECT red FROM org) AS "red",
      (SELECT json_build_object(
          'projectCount', COALESCE(SUM("liveCount"), 0),
          'lateCount', COALESCE(SUM("liveLate"), 0),
          'amberCount', COALESCE(SUM("liveAmber"), 0),
          'redCount', COALESCE(SUM("liveRed"), 0),
          'baselineBudget', COALESCE(SUM("liveBudget"), 0)::text,
          'spent', COALESCE(SUM("liveSpend"), 0)::text,
          'overBudgetCount', COALESCE(SUM("liveOverBudget"), 0))
         FROM site_rows) AS "totals",
      (SELECT json_agg(r ORDER BY r."name") FROM (
          SELECT ${ROLLUP_COLUMNS} FROM (
            SELECT st."code", st."name", ${ROLLUP_SUMS}
            FROM site_rows sr JOIN "Site" st ON st."id" = sr."siteId"
            GROUP BY st."code", st."name") s) r) AS "bySite",
      (SELECT COUNT(*) FROM by_objective) AS "objectiveRollupCount",
      (SELECT json_agg(r) FROM (
          SELECT ${ROLLUP_COLUMNS} FROM by_objective
          ORDER BY "redCount" DESC, "lateCount" DESC, "averageSlipPercent" DESC, "code" NULLS LAST
          LIMIT ${OBJECTIVES_LISTED}) r) AS "byObjectiveSchedule",
      (SELECT json_agg(r) FROM (
          SELECT ${ROLLUP_COLUMNS} FROM by_objective
          ORDER BY (budget = 0 AND spent_total > 0) DESC, spent_total / NULLIF(budget, 0) DESC NULLS LAST,
                   "code" NULLS LAST
          LIMIT ${OBJECTIVES_LISTED}) r) AS "byObjectiveBudget",
      -- The worst offenders are read from Project's indexes on slip and on spend against budget
      -- (20261202000200_delivery_rollups), their expressions written here as the indexes have them,
      -- walking down from the worst until ten live projects match the filters.
      (SELECT json_agg(r) FROM (
          SELECT p."code", p."name", st."name" AS "siteName",
                 to_char(p."baselineEndDate", 'YYYY-MM-DD') AS "baselineEndDate",
                 to_char(COALESCE(p."actualEndDate", p."forecastEndDate"), 'YYYY-MM-DD') AS "forecastEndDate",
                 ${slipDays} AS "slipDays", ${plannedDays} AS "plannedDurationDays",
                 ${slipPercent} AS "slipPercent",
                 CASE WHEN ${slipDays} > org.red / 100.0::float8 * ${plannedDays} THEN 'RED'
                      WHEN ${slipDays} > org.amber / 100.0::float8 * ${plannedDays} THEN 'AMBER'
                      ELSE 'GREEN' END AS rag
          FROM "Project" p JOIN "Site" st ON st."id" = p."siteId" CROSS JOIN org
          WHERE ${slipDays} > 0 AND ${liveForFilters}
          ORDER BY ${slipPercent} DESC, p."code"
          LIMIT ${DELIVERY_LISTED}) r) AS "worstSchedule",
      (SELECT json_agg(r) FROM (
          SELECT p."code", p."name", st."name" AS "siteName",
                 p."baselineBudget"::text AS "baselineBudget", p."spentToDate"::text AS "spent",
                 (p."spentToDate" - p."baselineBudget")::text AS "variance",
                 (p."spentToDate" * 100 / NULLIF(p."baselineBudget", 0))::float8 AS "spentPercent"
          FROM "Project" p JOIN "Site" st ON st."id" = p."siteId"
          WHERE p."spentToDate" > 0 AND ${liveForFilters}
          ORDER BY (p."baselineBudget" = 0) DESC, p."spentToDate" / NULLIF(p."baselineBudget", 0) DESC, p."code"
          LIMIT ${DELIVERY_LISTED}) r) AS "worstBudget",
      (SELECT json_build_object(
          'ON_COURSE', COUNT(*) FILTER (WHERE status = 'ON_COURSE'),
          'OFF_COURSE', COUNT(*) FILTER (WHERE status = 'OFF_COURSE'),
          'NOT_ENOUGH_DATA', COUNT(*) FILTER (WHERE status = 'NOT_ENOUGH_DATA'))
         FROM metric_status) AS "metricCounts",
      (SELECT json_agg(r) FROM (
          SELECT mt."name", mt."unit", mt."direction", mt."targetValue",
                 to_char(mt."targetDate", 'YYYY-MM-DD') AS "targetDate",
                 st.objective_code AS "objectiveCode", p."code" AS "projectCode",
                 COALESCE(ms."finalCount", 0) AS n, ms."meanX", ms."meanY", ms."sxx", ms."syy", ms."sxy"
          FROM metric_status st
          JOIN "Metric" mt ON mt."id" = st."id"
          LEFT JOIN "Project" p ON p."id" = mt."projectId"
          LEFT JOIN "MetricStats" ms ON ms."metricId" = mt."id"
          WHERE st.status = ${metricStatus}
            -- The page orders by objective code, project code and name in the user's collation
            -- (localeCompare): codes sort alike in both, so the metrics of the objectives up to the
            -- tenth listed one's are enough for it to pick from.
            AND st.objective_code <= ALL (
              SELECT b.objective_code FROM metric_status b WHERE b.status = ${metricStatus}
              ORDER BY b.objective_code OFFSET ${METRIC_FORECASTS_LISTED - 1} LIMIT 1)) r) AS "metrics",
      (SELECT json_build_object(
          'withHistory', (SELECT COUNT(*) FROM predicted),
          'withoutHistory', (SELECT COALESCE(SUM("liveCount"), 0) FROM site_rows) - (SELECT COUNT(*) FROM predicted),
          'later', (SELECT COUNT(*) FROM predicted WHERE extra > 0))) AS "history",
      (SELECT json_agg(r) FROM (
          SELECT pr."code", pr."name", to_char(pr."forecastEndDate", 'YYYY-MM-DD') AS "forecastEndDate",
                 pr.ratio, pr.done
          FROM predicted pr WHERE pr.extra > 0
          ORDER BY pr.extra DESC, pr."code"
          LIMIT ${DELIVERY_LISTED}) r) AS "predicted"`;
}

export const METRIC_STATUS_ORDER: readonly MetricForecastStatus[] = [
  "OFF_COURSE",
  "NOT_ENOUGH_DATA",
  "ON_COURSE",
];

function toMetricForecast(row: MetricStatsRow): MetricForecastRow {
  const forecast = computeMetricForecast({
    sums: {
      n: row.n,
      meanX: row.meanX ?? 0,
      meanY: row.meanY ?? 0,
      sxx: row.sxx ?? 0,
      syy: row.syy ?? 0,
      sxy: row.sxy ?? 0,
    },
    targetValue: row.targetValue,
    direction: row.direction,
    targetDay: dayNumber(row.targetDate),
  });
  return {
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    targetValue: row.targetValue,
    targetDate: row.targetDate,
    finalValueCount: row.n,
    ...forecast,
    objectiveCode: row.objectiveCode,
    projectCode: row.projectCode,
  };
}

/**
 * The Delivery tab's figures for the filters, as of `now`, in one SQL query. `metricStatus`
 * picks which forecasts to list (off course by default); the counts cover them all.
 */
export async function getDeliveryDashboard(
  now: Date,
  filters: DashboardFilters,
  metricStatus: MetricForecastStatus = "OFF_COURSE",
): Promise<DeliveryDashboard> {
  // JIT off for this statement's transaction only. At a hospital system's scale the planner's cost
  // estimate for this one aggregate statement passes PostgreSQL's JIT thresholds, and compiling it
  // took ~10 s (measured at 20,000 projects) for a query that runs in a fraction of that; a
  // dashboard read gains nothing from JIT. SET LOCAL ends with the transaction.
  const [, rows] = await db().$transaction(
    [
      db().$executeRaw`SET LOCAL jit = off`,
      db().$queryRaw<DeliveryRow[]>(deliveryQuery(now, filters, metricStatus)),
    ],
    // A read: on a busy server let it finish rather than fail at Prisma's 5-second default.
    { timeout: 30_000 },
  );
  const [row] = rows;
  if (!row) throw new Error("The delivery dashboard's query returned no row");
  const count = (value: unknown) => Number(value ?? 0);
  const rollup = (r: DeliveryRollup): DeliveryRollup => ({
    ...r,
    projectCount: count(r.projectCount),
    lateCount: count(r.lateCount),
    amberCount: count(r.amberCount),
    redCount: count(r.redCount),
    overBudgetCount: count(r.overBudgetCount),
  });

  const counts: Record<MetricForecastStatus, number> = {
    ON_COURSE: count(row.metricCounts.ON_COURSE),
    OFF_COURSE: count(row.metricCounts.OFF_COURSE),
    NOT_ENOUGH_DATA: count(row.metricCounts.NOT_ENOUGH_DATA),
  };
  const listed = (row.metrics ?? [])
    .map(toMetricForecast)
    .sort(
      (a, b) =>
        a.objectiveCode.localeCompare(b.objectiveCode) ||
        (a.projectCode ?? "").localeCompare(b.projectCode ?? "") ||
        a.name.localeCompare(b.name),
    )
    .slice(0, METRIC_FORECASTS_LISTED);

  const todayDay = dayNumber(row.today);
  const projectForecasts = (row.predicted ?? []).flatMap((p): ProjectForecastRow[] => {
    const forecastEndDay = dayNumber(p.forecastEndDate);
    const prediction = computePredictedFinish({ todayDay, forecastEndDay, averageSlipRatio: p.ratio });
    if (!prediction) return [];
    return [
      {
        code: p.code,
        name: p.name,
        forecastEndDate: p.forecastEndDate,
        predictedFinish: isoFromDayNumber(prediction.predictedDay),
        daysBeyondForecast: prediction.daysBeyondForecast,
        doneMilestones: count(p.done),
        averageSlipPercent: p.ratio * 100,
      },
    ];
  });

  return {
    today: row.today,
    sites: row.sites,
    objectives: row.objectives,
    applied: { site: row.appliedSite, objective: row.appliedObjective },
    thresholds: { amberPercent: row.amber, redPercent: row.red },
    objectiveRollupCount: count(row.objectiveRollupCount),
    schedule: {
      projectCount: count(row.totals.projectCount),
      lateCount: count(row.totals.lateCount),
      amberCount: count(row.totals.amberCount),
      redCount: count(row.totals.redCount),
      bySite: (row.bySite ?? []).map(rollup),
      byObjective: (row.byObjectiveSchedule ?? []).map(rollup),
      worst: row.worstSchedule ?? [],
    },
    budget: {
      projectCount: count(row.totals.projectCount),
      baselineBudget: row.totals.baselineBudget,
      spent: row.totals.spent,
      overBudgetCount: count(row.totals.overBudgetCount),
      bySite: (row.bySite ?? []).map(rollup),
      byObjective: (row.byObjectiveBudget ?? []).map(rollup),
      worst: row.worstBudget ?? [],
    },
    metricForecasts: { counts, listedStatus: metricStatus, listed },
    projectForecasts: {
      withHistory: count(row.history.withHistory),
      withoutHistory: count(row.history.withoutHistory),
      laterThanForecast: count(row.history.later),
      listed: projectForecasts,
    },
  };
}

const metricStatusSchema = z.object({
  metrics: z.enum(["ON_COURSE", "OFF_COURSE", "NOT_ENOUGH_DATA"]).catch("OFF_COURSE").default("OFF_COURSE"),
});

/** Which metric forecasts the tab lists (`?metrics=ON_COURSE`); off course unless asked, anything else too. */
export function parseMetricForecastStatus(raw: RawSearchParams): MetricForecastStatus {
  return metricStatusSchema.parse(firstValues(raw)).metrics;
}
