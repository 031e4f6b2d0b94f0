-- Stored aggregates for the leadership dashboards (issue #12: "keep per-project and per-objective
-- aggregates current in the write's transaction"). At 20,000 projects the dashboards summed the
-- whole cost ledger, every objective's projects and every metric's values on each request. Each
-- figure below is kept by a PostgreSQL trigger, so it is current in the transaction of whatever
-- writes the rows it depends on: the governed operations, the demo seed and the bench seed's
-- set-based SQL alike. docs/governance-rules.md ("Stored figures") states the rules;
-- tests/server/stored-aggregates.test.ts writes through the operations and compares each stored
-- figure with its live definition (src/lib/server/dashboard/overview-sql.ts, delivery.ts).
--
-- Two ways of keeping a figure current, chosen by what the figure is:
-- * spend to date is a sum over an append-only ledger of exact decimals, so each insert adds its
--   amount (UPDATE … SET x = x + delta re-reads the row it updates, so concurrent entries on one
--   project both count);
-- * the roll-ups are recomputed for the keys a statement touched, from the same definition the
--   dashboards used to run per request, after a transaction-scoped advisory lock on each key (taken
--   in key order, so two writers never wait on each other in a cycle; a statement touching more than
--   64 keys, as the seeds' set-based inserts do, takes one lock on the whole table instead, which
--   every keyed refresh shares, so the lock table never fills). Under READ COMMITTED each
--   statement of a trigger function reads a fresh snapshot, so the recomputation that follows the
--   lock sees every transaction that held it before: two writers on one objective take turns and
--   the second counts the first's change.

-- ─── Spend to date (FRAME-6, FRAME-8): the ledger's plain sum, reversals included ───────────────

ALTER TABLE "Project" ADD COLUMN "spentToDate" DECIMAL(16,2) NOT NULL DEFAULT 0;

CREATE FUNCTION "CostEntry_spend"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The ledger is append-only (FRAME-6), so in practice only inserts come here; an update or a
    -- deletion (a database repair) still moves the stored spend by what it changed.
    -- In project order, so two statements touching the same projects lock them in one order.
    IF TG_OP = 'INSERT' THEN
        UPDATE "Project" p SET "spentToDate" = p."spentToDate" + d.amount
        FROM (SELECT "projectId", SUM("amount") AS amount FROM after_change GROUP BY 1 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE "Project" p SET "spentToDate" = p."spentToDate" - d.amount
        FROM (SELECT "projectId", SUM("amount") AS amount FROM before_change GROUP BY 1 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    ELSE
        UPDATE "Project" p SET "spentToDate" = p."spentToDate" + d.amount
        FROM (SELECT "projectId", SUM(amount) AS amount FROM (
                SELECT "projectId", "amount" FROM after_change
                UNION ALL SELECT "projectId", -"amount" FROM before_change) c
              GROUP BY 1 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "CostEntry_spend_insert" AFTER INSERT ON "CostEntry"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "CostEntry_spend"();
CREATE TRIGGER "CostEntry_spend_delete" AFTER DELETE ON "CostEntry"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "CostEntry_spend"();
CREATE TRIGGER "CostEntry_spend_update" AFTER UPDATE ON "CostEntry"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "CostEntry_spend"();

UPDATE "Project" p SET "spentToDate" = c.amount
FROM (SELECT "projectId", SUM("amount") AS amount FROM "CostEntry" GROUP BY "projectId") c
WHERE c."projectId" = p."id";

-- ─── The scorecard's roll-up: each objective's aligned projects at each site ───────────────────

-- Derived rows, rebuilt from Alignment and Project: no foreign keys, so nothing refuses a change
-- to the rows they are derived from.
CREATE TABLE "ObjectiveSiteRollup" (
    "objectiveId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "alignedCount" INTEGER NOT NULL,
    "deliveringCount" INTEGER NOT NULL,
    "liveCount" INTEGER NOT NULL,
    "liveRed" INTEGER NOT NULL,
    "liveAmber" INTEGER NOT NULL,
    "liveGreen" INTEGER NOT NULL,
    "primarySpend" DECIMAL(16,2) NOT NULL,
    CONSTRAINT "ObjectiveSiteRollup_pkey" PRIMARY KEY ("objectiveId", "siteId")
);

-- NUM-7 (delivering), NUM-8 (live), NUM-2/NUM-3 (schedule RAG with the trust's thresholds, the
-- settings' defaults before the organisation row exists) and spend on primary alignments, as
-- overview-sql.ts states them; recomputed for the objectives named.
CREATE FUNCTION "ObjectiveSiteRollup_refresh"(objective_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    objective_ids := ARRAY(SELECT DISTINCT unnest(objective_ids) ORDER BY 1);
    IF cardinality(objective_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('ObjectiveSiteRollup'), 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('ObjectiveSiteRollup'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('ObjectiveSiteRollup'), hashtext(id)) FROM unnest(objective_ids) id;
    END IF;
    DELETE FROM "ObjectiveSiteRollup" r USING unnest(objective_ids) k(id) WHERE r."objectiveId" = k.id;
    INSERT INTO "ObjectiveSiteRollup"
    SELECT a."objectiveId", p."siteId",
        COUNT(*),
        COUNT(*) FILTER (WHERE a."contribution" = 'PRIMARY' AND p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT')),
        COUNT(*) FILTER (WHERE pj.live),
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'RED'),
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'AMBER'),
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'GREEN'),
        COALESCE(SUM(p."spentToDate") FILTER (WHERE a."contribution" = 'PRIMARY'), 0)
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
    WHERE a."objectiveId" IN (SELECT unnest(objective_ids))
    GROUP BY a."objectiveId", p."siteId";
END
$$;

-- Each of the three triggers names the transition tables its event has: an insert only
-- after_change, a deletion only before_change.
CREATE FUNCTION "Alignment_refresh_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "ObjectiveSiteRollup_refresh"(ARRAY(SELECT DISTINCT "objectiveId" FROM after_change));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "ObjectiveSiteRollup_refresh"(ARRAY(SELECT DISTINCT "objectiveId" FROM before_change));
    ELSE
        PERFORM "ObjectiveSiteRollup_refresh"(ARRAY(
            SELECT "objectiveId" FROM before_change UNION SELECT "objectiveId" FROM after_change));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Alignment_rollup_insert" AFTER INSERT ON "Alignment"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_rollup"();
CREATE TRIGGER "Alignment_rollup_delete" AFTER DELETE ON "Alignment"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_rollup"();
CREATE TRIGGER "Alignment_rollup_update" AFTER UPDATE ON "Alignment"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_rollup"();

-- A project's stage, dates, site or spend moves its objectives' figures; its other columns do not.
CREATE FUNCTION "Project_refresh_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    objective_ids TEXT[];
BEGIN
    SELECT array_agg(DISTINCT a."objectiveId") INTO objective_ids
    FROM before_change o JOIN after_change n ON n."id" = o."id"
    JOIN "Alignment" a ON a."projectId" = n."id"
    WHERE (o."stage", o."heldFromStage", o."siteId", o."startDate", o."baselineEndDate", o."forecastEndDate",
           o."actualEndDate", o."spentToDate")
      IS DISTINCT FROM
          (n."stage", n."heldFromStage", n."siteId", n."startDate", n."baselineEndDate", n."forecastEndDate",
           n."actualEndDate", n."spentToDate");
    IF objective_ids IS NOT NULL THEN
        PERFORM "ObjectiveSiteRollup_refresh"(objective_ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Project_rollup" AFTER UPDATE ON "Project"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Project_refresh_rollup"();

-- The schedule thresholds colour every live project: a change to them recomputes every objective.
CREATE FUNCTION "Organisation_refresh_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR OLD."scheduleAmberPercent" IS DISTINCT FROM NEW."scheduleAmberPercent"
        OR OLD."scheduleRedPercent" IS DISTINCT FROM NEW."scheduleRedPercent" THEN
        PERFORM "ObjectiveSiteRollup_refresh"(ARRAY(SELECT "id" FROM "StrategicObjective"));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Organisation_rollup" AFTER INSERT OR UPDATE ON "Organisation"
    FOR EACH ROW EXECUTE FUNCTION "Organisation_refresh_rollup"();

SELECT "ObjectiveSiteRollup_refresh"(ARRAY(SELECT "id" FROM "StrategicObjective"));

-- ─── Each metric's final values: the regression sums of the forecasts and the latest value ──────

CREATE TABLE "MetricStats" (
    "metricId" TEXT NOT NULL,
    "finalCount" INTEGER NOT NULL,
    "meanX" DOUBLE PRECISION,
    "meanY" DOUBLE PRECISION,
    "sxx" DOUBLE PRECISION,
    "syy" DOUBLE PRECISION,
    "sxy" DOUBLE PRECISION,
    "latestPeriodStart" DATE,
    "latestValue" DOUBLE PRECISION,
    CONSTRAINT "MetricStats_pkey" PRIMARY KEY ("metricId")
);

-- x is the period's day number from 2000-01-01, as delivery.ts's forecasts count days; a metric with
-- no final value has no row.
CREATE FUNCTION "MetricStats_refresh"(metric_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    metric_ids := ARRAY(SELECT DISTINCT unnest(metric_ids) ORDER BY 1);
    IF cardinality(metric_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('MetricStats'), 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('MetricStats'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('MetricStats'), hashtext(id)) FROM unnest(metric_ids) id;
    END IF;
    DELETE FROM "MetricStats" s USING unnest(metric_ids) k(id) WHERE s."metricId" = k.id;
    INSERT INTO "MetricStats"
    SELECT v."metricId",
        regr_count(v."value", (v."periodStart" - DATE '2000-01-01')::float8)::int,
        regr_avgx(v."value", (v."periodStart" - DATE '2000-01-01')::float8),
        regr_avgy(v."value", (v."periodStart" - DATE '2000-01-01')::float8),
        regr_sxx(v."value", (v."periodStart" - DATE '2000-01-01')::float8),
        regr_syy(v."value", (v."periodStart" - DATE '2000-01-01')::float8),
        regr_sxy(v."value", (v."periodStart" - DATE '2000-01-01')::float8),
        (array_agg(v."periodStart" ORDER BY v."periodStart" DESC))[1],
        (array_agg(v."value" ORDER BY v."periodStart" DESC))[1]
    FROM "MetricValue" v
    WHERE v."metricId" IN (SELECT unnest(metric_ids)) AND NOT v."provisional"
    GROUP BY v."metricId";
END
$$;

CREATE FUNCTION "MetricValue_refresh_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "MetricStats_refresh"(ARRAY(SELECT DISTINCT "metricId" FROM after_change));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "MetricStats_refresh"(ARRAY(SELECT DISTINCT "metricId" FROM before_change));
    ELSE
        PERFORM "MetricStats_refresh"(ARRAY(
            SELECT "metricId" FROM before_change UNION SELECT "metricId" FROM after_change));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "MetricValue_stats_insert" AFTER INSERT ON "MetricValue"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "MetricValue_refresh_stats"();
CREATE TRIGGER "MetricValue_stats_delete" AFTER DELETE ON "MetricValue"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "MetricValue_refresh_stats"();
CREATE TRIGGER "MetricValue_stats_update" AFTER UPDATE ON "MetricValue"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "MetricValue_refresh_stats"();

SELECT "MetricStats_refresh"(ARRAY(SELECT "id" FROM "Metric"));
