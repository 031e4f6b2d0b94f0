-- The stored figures' recomputation reads only the keys it refreshes (issue #12: a governed write's
-- cost must not grow with the portfolio). Each figure's definition becomes a view grouped by its key,
-- so a refresh of a few keys filters the view by them and PostgreSQL reads those keys' rows by index
-- (at 20,000 projects a project's change read every alignment and project: ~10 ms per write); a
-- set-based refresh of many keys still computes them in one pass. Definitions unchanged from
-- 20261202000100_stored_aggregates and 20261202000102_milestone_history; docs/governance-rules.md
-- FRAME-10.

-- NUM-7, NUM-8, NUM-3 and spend on primary alignments, per objective and site.
CREATE VIEW "ObjectiveSiteRollup_definition" AS
    SELECT a."objectiveId", p."siteId",
        COUNT(*)::int AS "alignedCount",
        COUNT(*) FILTER (WHERE a."contribution" = 'PRIMARY' AND p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT'))::int AS "deliveringCount",
        COUNT(*) FILTER (WHERE pj.live)::int AS "liveCount",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'RED')::int AS "liveRed",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'AMBER')::int AS "liveAmber",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'GREEN')::int AS "liveGreen",
        COALESCE(SUM(p."spentToDate") FILTER (WHERE a."contribution" = 'PRIMARY'), 0) AS "primarySpend"
    FROM "Alignment" a
    JOIN "Project" p ON p."id" = a."projectId"
    CROSS JOIN (SELECT
        COALESCE((SELECT "scheduleAmberPercent" FROM "Organisation" WHERE "id" = 1), 10::float8) AS amber,
        COALESCE((SELECT "scheduleRedPercent" FROM "Organisation" WHERE "id" = 1), 20::float8) AS red) sched
    CROSS JOIN LATERAL (SELECT
        (p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT') OR (p."stage" = 'ON_HOLD'
          AND (p."heldFromStage" IS NULL OR p."heldFromStage" IN ('APPROVED', 'PILOT', 'ROLLOUT')))) AS live,
        CASE
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.red / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'RED'
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.amber / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'AMBER'
          ELSE 'GREEN' END AS rag) pj
    GROUP BY a."objectiveId", p."siteId";

-- Each metric's final values: least-squares sums over the day number from 2000-01-01, latest value.
CREATE VIEW "MetricStats_definition" AS
    SELECT v."metricId",
        regr_count(v."value", (v."periodStart" - DATE '2000-01-01')::float8)::int AS "finalCount",
        regr_avgx(v."value", (v."periodStart" - DATE '2000-01-01')::float8) AS "meanX",
        regr_avgy(v."value", (v."periodStart" - DATE '2000-01-01')::float8) AS "meanY",
        regr_sxx(v."value", (v."periodStart" - DATE '2000-01-01')::float8) AS "sxx",
        regr_syy(v."value", (v."periodStart" - DATE '2000-01-01')::float8) AS "syy",
        regr_sxy(v."value", (v."periodStart" - DATE '2000-01-01')::float8) AS "sxy",
        (array_agg(v."periodStart" ORDER BY v."periodStart" DESC))[1] AS "latestPeriodStart",
        (array_agg(v."value" ORDER BY v."periodStart" DESC))[1] AS "latestValue"
    FROM "MetricValue" v
    WHERE NOT v."provisional"
    GROUP BY v."metricId";

-- Each project's done milestones and their average slip ratio.
CREATE VIEW "ProjectMilestoneHistory_definition" AS
    SELECT m."projectId", COUNT(*)::int AS "doneCount",
        AVG((m."actualDate" - m."baselineDate")::float8 / GREATEST(1, m."baselineDate" - p."startDate")) AS "averageSlipRatio"
    FROM "Milestone" m JOIN "Project" p ON p."id" = m."projectId"
    WHERE m."status" = 'DONE' AND m."actualDate" IS NOT NULL
    GROUP BY m."projectId";

CREATE OR REPLACE FUNCTION "ObjectiveSiteRollup_refresh"(objective_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    objective_ids := ARRAY(SELECT DISTINCT unnest(objective_ids) ORDER BY 1);
    IF cardinality(objective_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('ObjectiveSiteRollup'), 0);
        DELETE FROM "ObjectiveSiteRollup" t USING unnest(objective_ids) k(id) WHERE t."objectiveId" = k.id;
        INSERT INTO "ObjectiveSiteRollup" SELECT * FROM "ObjectiveSiteRollup_definition" d WHERE d."objectiveId" IN (SELECT unnest(objective_ids));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('ObjectiveSiteRollup'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('ObjectiveSiteRollup'), hashtext(id)) FROM unnest(objective_ids) id;
        DELETE FROM "ObjectiveSiteRollup" WHERE "objectiveId" = ANY(objective_ids);
        -- Planned for these keys (EXECUTE plans afresh): a plan kept for any keys would read the
        -- whole table as it does for many.
        EXECUTE 'INSERT INTO "ObjectiveSiteRollup" SELECT * FROM "ObjectiveSiteRollup_definition" d WHERE d."objectiveId" = ANY($1)' USING objective_ids;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION "MetricStats_refresh"(metric_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    metric_ids := ARRAY(SELECT DISTINCT unnest(metric_ids) ORDER BY 1);
    IF cardinality(metric_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('MetricStats'), 0);
        DELETE FROM "MetricStats" t USING unnest(metric_ids) k(id) WHERE t."metricId" = k.id;
        INSERT INTO "MetricStats" SELECT * FROM "MetricStats_definition" d WHERE d."metricId" IN (SELECT unnest(metric_ids));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('MetricStats'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('MetricStats'), hashtext(id)) FROM unnest(metric_ids) id;
        DELETE FROM "MetricStats" WHERE "metricId" = ANY(metric_ids);
        -- Planned for these keys (EXECUTE plans afresh): a plan kept for any keys would read the
        -- whole table as it does for many.
        EXECUTE 'INSERT INTO "MetricStats" SELECT * FROM "MetricStats_definition" d WHERE d."metricId" = ANY($1)' USING metric_ids;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION "ProjectMilestoneHistory_refresh"(project_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    project_ids := ARRAY(SELECT DISTINCT unnest(project_ids) ORDER BY 1);
    IF cardinality(project_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('ProjectMilestoneHistory'), 0);
        DELETE FROM "ProjectMilestoneHistory" t USING unnest(project_ids) k(id) WHERE t."projectId" = k.id;
        INSERT INTO "ProjectMilestoneHistory" SELECT * FROM "ProjectMilestoneHistory_definition" d WHERE d."projectId" IN (SELECT unnest(project_ids));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('ProjectMilestoneHistory'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('ProjectMilestoneHistory'), hashtext(id)) FROM unnest(project_ids) id;
        DELETE FROM "ProjectMilestoneHistory" WHERE "projectId" = ANY(project_ids);
        -- Planned for these keys (EXECUTE plans afresh): a plan kept for any keys would read the
        -- whole table as it does for many.
        EXECUTE 'INSERT INTO "ProjectMilestoneHistory" SELECT * FROM "ProjectMilestoneHistory_definition" d WHERE d."projectId" = ANY($1)' USING project_ids;
    END IF;
END
$$;
