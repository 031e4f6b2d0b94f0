-- The Delivery tab's schedule and budget roll-ups read stored sums, not every live project (issue
-- #12: at 20,000 projects aggregating ~13,000 live projects per request was most of the tab's time).
-- docs/governance-rules.md FRAME-10: each figure is a view (its definition) and a table of its rows,
-- refreshed for the keys a write touches in the writing transaction.
--
-- Live projects (NUM-8) with their slip (NUM-2), its share of the planned duration (NUM-3), the
-- schedule RAG at the trust's thresholds, budget and the ledger's spend (FRAME-8) are summed
--   * per objective and site, over every alignment (a project counts under each objective it
--     serves): new columns of ObjectiveSiteRollup, kept by its triggers;
--   * per site, split by whether the project serves any objective (its stored alignment count):
--     SiteDeliveryRollup. The two rows of a site are its live projects once each; the unaligned
--     row is the tab's "aligned to no objective".
-- Averages are stored as sums and divided by the count on read.

ALTER TABLE "ObjectiveSiteRollup"
    ADD COLUMN "liveLate" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "liveSlipDays" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "liveSlipPercent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN "liveBudget" DECIMAL(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN "liveSpend" DECIMAL(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN "liveOverBudget" INTEGER NOT NULL DEFAULT 0;

-- Definition unchanged for the existing columns (20261202000103_stored_figures_by_key); the new ones
-- are appended, as the refresh inserts the view's columns in the table's order.
CREATE OR REPLACE VIEW "ObjectiveSiteRollup_definition" AS
    SELECT a."objectiveId", p."siteId",
        COUNT(*)::int AS "alignedCount",
        COUNT(*) FILTER (WHERE a."contribution" = 'PRIMARY' AND p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT'))::int AS "deliveringCount",
        COUNT(*) FILTER (WHERE pj.live)::int AS "liveCount",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'RED')::int AS "liveRed",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'AMBER')::int AS "liveAmber",
        COUNT(*) FILTER (WHERE pj.live AND pj.rag = 'GREEN')::int AS "liveGreen",
        COALESCE(SUM(p."spentToDate") FILTER (WHERE a."contribution" = 'PRIMARY'), 0) AS "primarySpend",
        COUNT(*) FILTER (WHERE pj.live AND pj.slip > 0)::int AS "liveLate",
        COALESCE(SUM(pj.slip) FILTER (WHERE pj.live), 0)::bigint AS "liveSlipDays",
        COALESCE(SUM(pj.slip * 100.0::float8 / pj.planned) FILTER (WHERE pj.live), 0)::float8 AS "liveSlipPercent",
        COALESCE(SUM(p."baselineBudget") FILTER (WHERE pj.live), 0) AS "liveBudget",
        COALESCE(SUM(p."spentToDate") FILTER (WHERE pj.live), 0) AS "liveSpend",
        COUNT(*) FILTER (WHERE pj.live AND p."spentToDate" > p."baselineBudget")::int AS "liveOverBudget"
    FROM "Alignment" a
    JOIN "Project" p ON p."id" = a."projectId"
    CROSS JOIN (SELECT
        COALESCE((SELECT "scheduleAmberPercent" FROM "Organisation" WHERE "id" = 1), 10::float8) AS amber,
        COALESCE((SELECT "scheduleRedPercent" FROM "Organisation" WHERE "id" = 1), 20::float8) AS red) sched
    CROSS JOIN LATERAL (SELECT
        (p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT') OR (p."stage" = 'ON_HOLD'
          AND (p."heldFromStage" IS NULL OR p."heldFromStage" IN ('APPROVED', 'PILOT', 'ROLLOUT')))) AS live,
        COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate" AS slip,
        GREATEST(1, p."baselineEndDate" - p."startDate") AS planned,
        CASE
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.red / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'RED'
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.amber / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'AMBER'
          ELSE 'GREEN' END AS rag) pj
    GROUP BY a."objectiveId", p."siteId";

-- The project's trigger now also follows its budget, which the new columns sum.
CREATE OR REPLACE FUNCTION "Project_refresh_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    objective_ids TEXT[];
BEGIN
    SELECT array_agg(DISTINCT a."objectiveId") INTO objective_ids
    FROM before_change o JOIN after_change n ON n."id" = o."id"
    JOIN "Alignment" a ON a."projectId" = n."id"
    WHERE (o."stage", o."heldFromStage", o."siteId", o."startDate", o."baselineEndDate", o."forecastEndDate",
           o."actualEndDate", o."spentToDate", o."baselineBudget")
      IS DISTINCT FROM
          (n."stage", n."heldFromStage", n."siteId", n."startDate", n."baselineEndDate", n."forecastEndDate",
           n."actualEndDate", n."spentToDate", n."baselineBudget");
    IF objective_ids IS NOT NULL THEN
        PERFORM "ObjectiveSiteRollup_refresh"(objective_ids);
    END IF;
    RETURN NULL;
END
$$;

-- Derived rows: no foreign keys.
CREATE TABLE "SiteDeliveryRollup" (
    "siteId" TEXT NOT NULL,
    "aligned" BOOLEAN NOT NULL,
    "liveCount" INTEGER NOT NULL,
    "liveRed" INTEGER NOT NULL,
    "liveAmber" INTEGER NOT NULL,
    "liveLate" INTEGER NOT NULL,
    "liveSlipDays" BIGINT NOT NULL,
    "liveSlipPercent" DOUBLE PRECISION NOT NULL,
    "liveBudget" DECIMAL(18,2) NOT NULL,
    "liveSpend" DECIMAL(18,2) NOT NULL,
    "liveOverBudget" INTEGER NOT NULL,
    CONSTRAINT "SiteDeliveryRollup_pkey" PRIMARY KEY ("siteId", "aligned")
);

CREATE VIEW "SiteDeliveryRollup_definition" AS
    SELECT p."siteId", p."alignmentCount" > 0 AS "aligned",
        COUNT(*)::int AS "liveCount",
        COUNT(*) FILTER (WHERE pj.rag = 'RED')::int AS "liveRed",
        COUNT(*) FILTER (WHERE pj.rag = 'AMBER')::int AS "liveAmber",
        COUNT(*) FILTER (WHERE pj.slip > 0)::int AS "liveLate",
        COALESCE(SUM(pj.slip), 0)::bigint AS "liveSlipDays",
        COALESCE(SUM(pj.slip * 100.0::float8 / pj.planned), 0)::float8 AS "liveSlipPercent",
        COALESCE(SUM(p."baselineBudget"), 0) AS "liveBudget",
        COALESCE(SUM(p."spentToDate"), 0) AS "liveSpend",
        COUNT(*) FILTER (WHERE p."spentToDate" > p."baselineBudget")::int AS "liveOverBudget"
    FROM "Project" p
    CROSS JOIN (SELECT
        COALESCE((SELECT "scheduleAmberPercent" FROM "Organisation" WHERE "id" = 1), 10::float8) AS amber,
        COALESCE((SELECT "scheduleRedPercent" FROM "Organisation" WHERE "id" = 1), 20::float8) AS red) sched
    CROSS JOIN LATERAL (SELECT
        COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate" AS slip,
        GREATEST(1, p."baselineEndDate" - p."startDate") AS planned,
        CASE
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.red / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'RED'
          WHEN (COALESCE(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate")
            > (sched.amber / 100::float8) * GREATEST(1, p."baselineEndDate" - p."startDate")::float8 THEN 'AMBER'
          ELSE 'GREEN' END AS rag) pj
    WHERE p."stage" IN ('APPROVED', 'PILOT', 'ROLLOUT') OR (p."stage" = 'ON_HOLD'
          AND (p."heldFromStage" IS NULL OR p."heldFromStage" IN ('APPROVED', 'PILOT', 'ROLLOUT')))
    GROUP BY p."siteId", p."alignmentCount" > 0;

-- As the other stored figures' refreshes (20261202000103_stored_figures_by_key), keyed by site.
CREATE FUNCTION "SiteDeliveryRollup_refresh"(site_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    site_ids := ARRAY(SELECT DISTINCT unnest(site_ids) ORDER BY 1);
    IF cardinality(site_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('SiteDeliveryRollup'), 0);
        DELETE FROM "SiteDeliveryRollup" t USING unnest(site_ids) k(id) WHERE t."siteId" = k.id;
        INSERT INTO "SiteDeliveryRollup" SELECT * FROM "SiteDeliveryRollup_definition" d WHERE d."siteId" IN (SELECT unnest(site_ids));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('SiteDeliveryRollup'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('SiteDeliveryRollup'), hashtext(id)) FROM unnest(site_ids) id;
        DELETE FROM "SiteDeliveryRollup" WHERE "siteId" = ANY(site_ids);
        -- Planned for these keys (EXECUTE plans afresh): a plan kept for any keys would read the
        -- whole table as it does for many.
        EXECUTE 'INSERT INTO "SiteDeliveryRollup" SELECT * FROM "SiteDeliveryRollup_definition" d WHERE d."siteId" = ANY($1)' USING site_ids;
    END IF;
END
$$;

-- A project's insertion, removal or change of any column the figures read refreshes its old and
-- new sites. Whether it serves an objective is followed by the alignment triggers below.
--
-- Lock order: every write takes its objectives' keys before its sites' (the triggers fire in name
-- order: "Project_rollup" before "Project_site_delivery_*", "Alignment_rollup_*" before
-- "Alignment_site_delivery_*", "Organisation_rollup" before "Organisation_site_delivery"), so a
-- cost entry and an alignment at one site never wait on each other in a cycle.
CREATE FUNCTION "Project_refresh_site_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    site_ids TEXT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        site_ids := ARRAY(SELECT DISTINCT "siteId" FROM after_change);
    ELSIF TG_OP = 'DELETE' THEN
        site_ids := ARRAY(SELECT DISTINCT "siteId" FROM before_change);
    ELSE
        site_ids := ARRAY(
            SELECT unnest(ARRAY[o."siteId", n."siteId"])
            FROM before_change o JOIN after_change n ON n."id" = o."id"
            WHERE (o."stage", o."heldFromStage", o."siteId", o."startDate", o."baselineEndDate", o."forecastEndDate",
                   o."actualEndDate", o."spentToDate", o."baselineBudget")
              IS DISTINCT FROM
                  (n."stage", n."heldFromStage", n."siteId", n."startDate", n."baselineEndDate", n."forecastEndDate",
                   n."actualEndDate", n."spentToDate", n."baselineBudget"));
    END IF;
    IF cardinality(site_ids) > 0 THEN
        PERFORM "SiteDeliveryRollup_refresh"(site_ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Project_site_delivery_insert" AFTER INSERT ON "Project"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "Project_refresh_site_delivery"();
CREATE TRIGGER "Project_site_delivery_delete" AFTER DELETE ON "Project"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "Project_refresh_site_delivery"();
CREATE TRIGGER "Project_site_delivery_update" AFTER UPDATE ON "Project"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Project_refresh_site_delivery"();

-- An alignment added or removed may make its project serve an objective or none: its site's rows.
CREATE FUNCTION "Alignment_refresh_site_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    site_ids TEXT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        site_ids := ARRAY(SELECT DISTINCT p."siteId" FROM after_change a JOIN "Project" p ON p."id" = a."projectId");
    ELSIF TG_OP = 'DELETE' THEN
        site_ids := ARRAY(SELECT DISTINCT p."siteId" FROM before_change a JOIN "Project" p ON p."id" = a."projectId");
    ELSE
        site_ids := ARRAY(SELECT DISTINCT p."siteId" FROM "Project" p
            WHERE p."id" IN (SELECT "projectId" FROM before_change UNION SELECT "projectId" FROM after_change));
    END IF;
    IF cardinality(site_ids) > 0 THEN
        PERFORM "SiteDeliveryRollup_refresh"(site_ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Alignment_site_delivery_insert" AFTER INSERT ON "Alignment"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_site_delivery"();
CREATE TRIGGER "Alignment_site_delivery_delete" AFTER DELETE ON "Alignment"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_site_delivery"();
CREATE TRIGGER "Alignment_site_delivery_update" AFTER UPDATE ON "Alignment"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_refresh_site_delivery"();

-- The schedule thresholds colour every live project: a change to them recomputes every site.
CREATE FUNCTION "Organisation_refresh_site_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR OLD."scheduleAmberPercent" IS DISTINCT FROM NEW."scheduleAmberPercent"
        OR OLD."scheduleRedPercent" IS DISTINCT FROM NEW."scheduleRedPercent" THEN
        PERFORM "SiteDeliveryRollup_refresh"(ARRAY(SELECT "id" FROM "Site"));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Organisation_site_delivery" AFTER INSERT OR UPDATE ON "Organisation"
    FOR EACH ROW EXECUTE FUNCTION "Organisation_refresh_site_delivery"();

SELECT "ObjectiveSiteRollup_refresh"(ARRAY(SELECT "id" FROM "StrategicObjective"));
SELECT "SiteDeliveryRollup_refresh"(ARRAY(SELECT "id" FROM "Site"));
