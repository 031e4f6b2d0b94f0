-- The Delivery tab's finish forecasts without reading every milestone on each request (issue #12):
-- each project's done milestones (status DONE with an actual date) and their average slip ratio,
-- (actual − baseline) ÷ the days planned to reach the milestone (at least one), as
-- src/lib/server/dashboard/delivery.ts reads them. Recomputed for the projects a milestone write
-- or a project's new start date touches, in that write's transaction, under the same locking as
-- the roll-ups of 20261202000100_stored_aggregates. docs/governance-rules.md FRAME-10.

CREATE TABLE "ProjectMilestoneHistory" (
    "projectId" TEXT NOT NULL,
    "doneCount" INTEGER NOT NULL,
    "averageSlipRatio" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "ProjectMilestoneHistory_pkey" PRIMARY KEY ("projectId")
);

CREATE FUNCTION "ProjectMilestoneHistory_refresh"(project_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    project_ids := ARRAY(SELECT DISTINCT unnest(project_ids) ORDER BY 1);
    IF cardinality(project_ids) > 64 THEN
        PERFORM pg_advisory_xact_lock(hashtext('ProjectMilestoneHistory'), 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('ProjectMilestoneHistory'), 0);
        PERFORM pg_advisory_xact_lock(hashtext('ProjectMilestoneHistory'), hashtext(id)) FROM unnest(project_ids) id;
    END IF;
    DELETE FROM "ProjectMilestoneHistory" h USING unnest(project_ids) k(id) WHERE h."projectId" = k.id;
    INSERT INTO "ProjectMilestoneHistory"
    SELECT m."projectId", COUNT(*)::int,
        AVG((m."actualDate" - m."baselineDate")::float8 / GREATEST(1, m."baselineDate" - p."startDate"))
    FROM "Milestone" m JOIN "Project" p ON p."id" = m."projectId"
    WHERE m."projectId" IN (SELECT unnest(project_ids)) AND m."status" = 'DONE' AND m."actualDate" IS NOT NULL
    GROUP BY m."projectId";
END
$$;

CREATE FUNCTION "Milestone_refresh_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "ProjectMilestoneHistory_refresh"(ARRAY(
            SELECT DISTINCT "projectId" FROM after_change WHERE "status" = 'DONE'));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "ProjectMilestoneHistory_refresh"(ARRAY(
            SELECT DISTINCT "projectId" FROM before_change WHERE "status" = 'DONE'));
    ELSE
        -- Only a milestone done before or after the change moves its project's history.
        PERFORM "ProjectMilestoneHistory_refresh"(ARRAY(
            SELECT "projectId" FROM before_change WHERE "status" = 'DONE'
            UNION SELECT "projectId" FROM after_change WHERE "status" = 'DONE'));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Milestone_history_insert" AFTER INSERT ON "Milestone"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "Milestone_refresh_history"();
CREATE TRIGGER "Milestone_history_delete" AFTER DELETE ON "Milestone"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "Milestone_refresh_history"();
CREATE TRIGGER "Milestone_history_update" AFTER UPDATE ON "Milestone"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Milestone_refresh_history"();

-- The ratio's denominator counts from the project's start.
CREATE FUNCTION "Project_refresh_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    project_ids TEXT[];
BEGIN
    SELECT array_agg(n."id") INTO project_ids
    FROM before_change o JOIN after_change n ON n."id" = o."id"
    WHERE o."startDate" IS DISTINCT FROM n."startDate";
    IF project_ids IS NOT NULL THEN
        PERFORM "ProjectMilestoneHistory_refresh"(project_ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Project_history" AFTER UPDATE ON "Project"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Project_refresh_history"();

SELECT "ProjectMilestoneHistory_refresh"(ARRAY(SELECT "id" FROM "Project"));
