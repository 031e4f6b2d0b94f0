import "server-only";
// The leadership dashboard's definitions, stated once in SQL so that a figure and the list it
// clicks through to are the same predicate (issue #12). Each restates a domain rule that decides
// one project at a time; tests/server/dashboard-overview.test.ts holds them to the domain's answers.
import { Prisma } from "@/generated/prisma/client";
import { ACTIVE_PROJECT_STAGES } from "@/lib/domain/alignment";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { FeedbackKind } from "@/lib/domain/vocabulary";
import type { DashboardFilters } from "../dashboard-filters";

/** NUM-7: the stages in which a project gives its primary objective delivery. */
export function deliveringSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${project}."stage"::text IN (${Prisma.join([...ACTIVE_PROJECT_STAGES])})`;
}

/** NUM-8 (`isLiveProject`): delivering, or on hold from delivering (a hold of unknown origin counts). */
export function liveSql(project: Prisma.Sql): Prisma.Sql {
  const active = Prisma.join([...ACTIVE_PROJECT_STAGES]);
  return Prisma.sql`(${project}."stage"::text IN (${active}) OR (${project}."stage" = 'ON_HOLD'
    AND (${project}."heldFromStage" IS NULL OR ${project}."heldFromStage"::text IN (${active}))))`;
}

/** NUM-8 (`isProposal`): a proposal, or a proposal that was paused. */
export function proposalSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${project}."stage" = 'PROPOSED' OR (${project}."stage" = 'ON_HOLD' AND ${project}."heldFromStage" = 'PROPOSED'))`;
}

/**
 * Serving no objective (rule 1), by the count of its alignments the project stores (kept by the
 * alignment triggers in each change's transaction; a partial index holds the unaligned ones).
 */
export function unalignedSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${project}."alignmentCount" = 0`;
}

/** Serving no objective, from the alignments themselves: the definition the stored count is held to. */
export function unalignedLiveSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Alignment" ua WHERE ua."projectId" = ${project}."id")`;
}

/**
 * The trust's schedule thresholds as a one-row relation `sched(amber, red)`, defaulting as the
 * settings do before the organisation row exists.
 */
export const scheduleSettingsSql = Prisma.sql`(SELECT
    COALESCE((SELECT "scheduleAmberPercent" FROM "Organisation" WHERE "id" = 1), ${DEFAULT_SETTINGS.scheduleAmberPercent}::float8) AS amber,
    COALESCE((SELECT "scheduleRedPercent" FROM "Organisation" WHERE "id" = 1), ${DEFAULT_SETTINGS.scheduleRedPercent}::float8) AS red) sched`;

/**
 * NUM-2, NUM-3 (`computeScheduleRag`): slip in days (the actual end once closed, else the
 * forecast, minus the baseline end) against the planned duration (at least a day), compared in
 * days with the same floating-point arithmetic as the domain, so a slip exactly at a threshold
 * keeps the better colour here too. Needs `sched` from scheduleSettingsSql.
 */
export function scheduleRagSql(project: Prisma.Sql): Prisma.Sql {
  const slip = Prisma.sql`(COALESCE(${project}."actualEndDate", ${project}."forecastEndDate") - ${project}."baselineEndDate")`;
  const planned = Prisma.sql`GREATEST(1, ${project}."baselineEndDate" - ${project}."startDate")::float8`;
  return Prisma.sql`CASE
    WHEN ${slip} > (sched.red / 100::float8) * ${planned} THEN 'RED'
    WHEN ${slip} > (sched.amber / 100::float8) * ${planned} THEN 'AMBER'
    ELSE 'GREEN' END`;
}

/** The site filter alone: the scorecard reads each objective's projects at the site. */
export function siteFilterSql(project: Prisma.Sql, filters: DashboardFilters): Prisma.Sql {
  return filters.site
    ? Prisma.sql`${project}."siteId" = (SELECT "id" FROM "Site" WHERE "code" = ${filters.site})`
    : Prisma.sql`TRUE`;
}

/**
 * The dashboard's filters on a project: at the site, and serving the objective (primary or
 * supporting). An absent filter adds nothing; an unknown code matches nothing.
 */
export function projectFilterSql(project: Prisma.Sql, filters: DashboardFilters): Prisma.Sql {
  const objective = filters.objective
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Alignment" fa WHERE fa."projectId" = ${project}."id"
      AND fa."objectiveId" = (SELECT "id" FROM "StrategicObjective" WHERE "code" = ${filters.objective}))`
    : Prisma.sql`TRUE`;
  return Prisma.sql`(${siteFilterSql(project, filters)} AND ${objective})`;
}

/**
 * The dashboard's filters on a row's project, by its project id: nothing at all when no filter is
 * set, so a count of risks or feedback over the whole trust reads no project.
 */
export function projectIdFilterSql(projectId: Prisma.Sql, filters: DashboardFilters): Prisma.Sql {
  if (!filters.site && !filters.objective) return Prisma.sql`TRUE`;
  return Prisma.sql`${projectId} IN (SELECT fp."id" FROM "Project" fp WHERE ${projectFilterSql(Prisma.sql`fp`, filters)})`;
}

/**
 * Spend to date on a project: its ledger's sum (a reversal is a negative entry, so it cancels),
 * as stored on the project by the ledger's trigger in each entry's transaction.
 */
export function spendSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${project}."spentToDate"`;
}

/** Spend to date from the ledger itself: the definition the stored figure is held equal to. */
export function ledgerSpendSql(project: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(SUM(ce."amount"), 0) FROM "CostEntry" ce WHERE ce."projectId" = ${project}."id")`;
}

/** The kinds each overdue figure counts: endorsements are never answered, so never late (FB-1). */
export const OVERDUE_FEEDBACK_KINDS = {
  safety: ["SAFETY"],
  other: ["CONCERN", "SUGGESTION"],
} as const satisfies Record<"safety" | "other", readonly FeedbackKind[]>;

/** FB-1, FB-2: awaiting an answer past its due time; endorsements are never answered, so never late. */
export function overdueFeedbackSql(feedback: Prisma.Sql, kind: "safety" | "other", now: Date): Prisma.Sql {
  const at = now.toISOString();
  // Literals, not parameters: the planner matches them to the partial index on awaiting feedback.
  const kinds = Prisma.raw(OVERDUE_FEEDBACK_KINDS[kind].map((k) => `'${k}'`).join(", "));
  return Prisma.sql`${feedback}."status" IN ('OPEN', 'ACKNOWLEDGED') AND ${feedback}."kind" IN (${kinds})
    AND ${feedback}."dueAt" < (CAST(${at} AS timestamptz) AT TIME ZONE 'UTC')`;
}
