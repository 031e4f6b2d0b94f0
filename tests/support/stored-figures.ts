// Each stored figure (docs/governance-rules.md FRAME-10) against its live definition, computed from
// the rows themselves: each query lists the rows where they differ, so an empty answer is agreement.
// Used after governed writes (tests/server/stored-aggregates.test.ts) and after the bench seed's
// set-based SQL (tests/bench/seed.test.ts).
import { Prisma } from "@/generated/prisma/client";
import {
  deliveringSql,
  ledgerSpendSql,
  liveSql,
  scheduleRagSql,
  scheduleSettingsSql,
  unalignedLiveSql,
  unalignedSql,
} from "@/lib/server/dashboard/overview-sql";

const p = Prisma.sql`p`;

/** Projects whose stored spend is not their ledger's sum (FRAME-8). */
const spend = Prisma.sql`
  SELECT p."code", p."spentToDate"::text AS stored, ${ledgerSpendSql(p)}::text AS live
  FROM "Project" p WHERE p."spentToDate" <> ${ledgerSpendSql(p)}`;

/** Projects whose stored alignment count is not the number of objectives they serve (rule 1). */
const alignmentCount = Prisma.sql`
  SELECT p."code" FROM "Project" p
  WHERE p."alignmentCount" <> (SELECT COUNT(*) FROM "Alignment" a WHERE a."projectId" = p."id")
    OR (${unalignedSql(p)}) <> (${unalignedLiveSql(p)})`;

/** NUM-2's slip in days and NUM-3's planned duration (at least a day), from the project's dates. */
const slip = Prisma.sql`(COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")`;
const planned = Prisma.sql`GREATEST(1, p."baselineEndDate" - p."startDate")`;
const overBudget = Prisma.sql`${ledgerSpendSql(p)} > p."baselineBudget"`;

/**
 * (objective, site) pairs whose stored roll-up differs from the scorecard's definition: NUM-7
 * delivering on primary alignments, NUM-8 live, NUM-3 schedule RAG at the trust's thresholds and
 * the ledger's spend on primary alignments, over every aligned project; and the Delivery tab's sums
 * over the live ones (late, slip in days and percent, budget, spend, over budget).
 */
const rollup = Prisma.sql`
  WITH live AS (
    SELECT a."objectiveId", p."siteId", COUNT(*)::int AS aligned,
      COUNT(*) FILTER (WHERE a."contribution" = 'PRIMARY' AND ${deliveringSql(p)})::int AS delivering,
      COUNT(*) FILTER (WHERE ${liveSql(p)})::int AS live,
      COUNT(*) FILTER (WHERE ${liveSql(p)} AND ${scheduleRagSql(p)} = 'RED')::int AS red,
      COUNT(*) FILTER (WHERE ${liveSql(p)} AND ${scheduleRagSql(p)} = 'AMBER')::int AS amber,
      COUNT(*) FILTER (WHERE ${liveSql(p)} AND ${scheduleRagSql(p)} = 'GREEN')::int AS green,
      COALESCE(SUM(${ledgerSpendSql(p)}) FILTER (WHERE a."contribution" = 'PRIMARY'), 0) AS spend,
      COUNT(*) FILTER (WHERE ${liveSql(p)} AND ${slip} > 0)::int AS late,
      COALESCE(SUM(${slip}) FILTER (WHERE ${liveSql(p)}), 0)::bigint AS slip_days,
      COALESCE(SUM(${slip} * 100.0::float8 / ${planned}) FILTER (WHERE ${liveSql(p)}), 0)::float8 AS slip_percent,
      COALESCE(SUM(p."baselineBudget") FILTER (WHERE ${liveSql(p)}), 0) AS budget,
      COALESCE(SUM(${ledgerSpendSql(p)}) FILTER (WHERE ${liveSql(p)}), 0) AS live_spend,
      COUNT(*) FILTER (WHERE ${liveSql(p)} AND ${overBudget})::int AS over_budget
    FROM "Alignment" a JOIN "Project" p ON p."id" = a."projectId" CROSS JOIN ${scheduleSettingsSql}
    GROUP BY a."objectiveId", p."siteId"
  )
  SELECT to_jsonb(live) AS live, to_jsonb(r) AS stored
  FROM live FULL JOIN "ObjectiveSiteRollup" r
    ON r."objectiveId" = live."objectiveId" AND r."siteId" = live."siteId"
  WHERE (live.aligned, live.delivering, live.live, live.red, live.amber, live.green, live.spend, live.late,
         live.slip_days, live.budget, live.live_spend, live.over_budget)
    IS DISTINCT FROM (r."alignedCount", r."deliveringCount", r."liveCount", r."liveRed", r."liveAmber",
      r."liveGreen", r."primarySpend", r."liveLate", r."liveSlipDays", r."liveBudget", r."liveSpend",
      r."liveOverBudget")
    OR NOT abs(live.slip_percent - r."liveSlipPercent") <= 1e-9 * greatest(1, abs(live.slip_percent))`;

/**
 * Sites whose stored Delivery roll-up differs from their live projects' (NUM-8), split by whether
 * each serves any objective (from the alignments themselves): counts by RAG and late, slip in days
 * and percent, budget, the ledger's spend and over budget.
 */
const siteDelivery = Prisma.sql`
  WITH live AS (
    SELECT p."siteId", NOT (${unalignedLiveSql(p)}) AS aligned, COUNT(*)::int AS live,
      COUNT(*) FILTER (WHERE ${scheduleRagSql(p)} = 'RED')::int AS red,
      COUNT(*) FILTER (WHERE ${scheduleRagSql(p)} = 'AMBER')::int AS amber,
      COUNT(*) FILTER (WHERE ${slip} > 0)::int AS late,
      SUM(${slip})::bigint AS slip_days,
      SUM(${slip} * 100.0::float8 / ${planned})::float8 AS slip_percent,
      SUM(p."baselineBudget") AS budget, SUM(${ledgerSpendSql(p)}) AS spend,
      COUNT(*) FILTER (WHERE ${overBudget})::int AS over_budget
    FROM "Project" p CROSS JOIN ${scheduleSettingsSql}
    WHERE ${liveSql(p)}
    GROUP BY 1, 2
  )
  SELECT to_jsonb(live) AS live, to_jsonb(r) AS stored
  FROM live FULL JOIN "SiteDeliveryRollup" r ON r."siteId" = live."siteId" AND r."aligned" = live.aligned
  WHERE (live.live, live.red, live.amber, live.late, live.slip_days, live.budget, live.spend, live.over_budget)
    IS DISTINCT FROM (r."liveCount", r."liveRed", r."liveAmber", r."liveLate", r."liveSlipDays", r."liveBudget",
      r."liveSpend", r."liveOverBudget")
    OR NOT abs(live.slip_percent - r."liveSlipPercent") <= 1e-9 * greatest(1, abs(live.slip_percent))`;

const x = Prisma.raw(`(v."periodStart" - DATE '2000-01-01')::float8`);
/** Equal to a billionth: a float sum's last bit may depend on the order rows are read in. */
const near = (a: string, b: string) =>
  Prisma.raw(
    `(live.${a} IS NULL) = (s."${b}" IS NULL) AND COALESCE(abs(live.${a} - s."${b}") <= 1e-9 * greatest(1, abs(live.${a})), TRUE)`,
  );

/**
 * Metrics whose stored forecast sums or latest final value differ from those of their final values
 * (the least-squares sums over the period's day number from 2000-01-01, as the forecasts use).
 */
const metricStats = Prisma.sql`
  WITH live AS (
    SELECT v."metricId", regr_count(v."value", ${x})::int AS n, regr_avgx(v."value", ${x}) AS mean_x,
      regr_avgy(v."value", ${x}) AS mean_y, regr_sxx(v."value", ${x}) AS sxx, regr_syy(v."value", ${x}) AS syy,
      regr_sxy(v."value", ${x}) AS sxy,
      (SELECT l."periodStart" FROM "MetricValue" l WHERE l."metricId" = v."metricId" AND NOT l."provisional"
       ORDER BY l."periodStart" DESC LIMIT 1) AS latest_period,
      (SELECT l."value" FROM "MetricValue" l WHERE l."metricId" = v."metricId" AND NOT l."provisional"
       ORDER BY l."periodStart" DESC LIMIT 1) AS latest_value
    FROM "MetricValue" v WHERE NOT v."provisional" GROUP BY v."metricId"
  )
  SELECT to_jsonb(live) AS live, to_jsonb(s) AS stored
  FROM live FULL JOIN "MetricStats" s ON s."metricId" = live."metricId"
  WHERE live."metricId" IS NULL OR s."metricId" IS NULL OR live.n <> s."finalCount"
    OR live.latest_period IS DISTINCT FROM s."latestPeriodStart" OR live.latest_value IS DISTINCT FROM s."latestValue"
    OR NOT (${near("mean_x", "meanX")} AND ${near("mean_y", "meanY")} AND ${near("sxx", "sxx")}
      AND ${near("syy", "syy")} AND ${near("sxy", "sxy")})`;

/**
 * Projects whose stored milestone history differs from their done milestones' (the Delivery tab's
 * finish forecasts: how many are done, and their average slip against the days planned to each).
 */
const milestoneHistory = Prisma.sql`
  WITH live AS (
    SELECT m."projectId", COUNT(*)::int AS done,
      AVG((m."actualDate" - m."baselineDate")::float8 / GREATEST(1, m."baselineDate" - p."startDate")) AS ratio
    FROM "Milestone" m JOIN "Project" p ON p."id" = m."projectId"
    WHERE m."status" = 'DONE' AND m."actualDate" IS NOT NULL
    GROUP BY m."projectId"
  )
  SELECT to_jsonb(live) AS live, to_jsonb(h) AS stored
  FROM live FULL JOIN "ProjectMilestoneHistory" h ON h."projectId" = live."projectId"
  WHERE live."projectId" IS NULL OR h."projectId" IS NULL OR live.done <> h."doneCount"
    OR abs(live.ratio - h."averageSlipRatio") > 1e-9 * greatest(1, abs(live.ratio))`;

export const STORED_FIGURE_MISMATCHES = {
  spend,
  alignmentCount,
  rollup,
  siteDelivery,
  metricStats,
  milestoneHistory,
} as const;
