-- The leadership overview's alignment failures without scanning the portfolio (issue #12). Rule 1
-- keeps live work aligned, so unaligned projects are few however many projects there are: each
-- project stores how many objectives it serves, kept by the triggers on "Alignment" in the writing
-- transaction (UPDATE … SET n = n + delta re-reads the row, so concurrent alignments all count),
-- and a partial index holds only the unaligned ones, costliest first as the overview lists them.
-- docs/governance-rules.md, "Stored figures"; tests/server/stored-aggregates.test.ts.

ALTER TABLE "Project" ADD COLUMN "alignmentCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Project" p SET "alignmentCount" = a.n
FROM (SELECT "projectId", COUNT(*)::int AS n FROM "Alignment" GROUP BY "projectId") a
WHERE a."projectId" = p."id";

CREATE FUNCTION "Alignment_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In project order, so two statements touching the same projects lock them in one order.
    IF TG_OP = 'INSERT' THEN
        UPDATE "Project" p SET "alignmentCount" = p."alignmentCount" + d.n
        FROM (SELECT "projectId", COUNT(*)::int AS n FROM after_change GROUP BY 1 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE "Project" p SET "alignmentCount" = p."alignmentCount" - d.n
        FROM (SELECT "projectId", COUNT(*)::int AS n FROM before_change GROUP BY 1 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    ELSE
        UPDATE "Project" p SET "alignmentCount" = p."alignmentCount" + d.n
        FROM (SELECT "projectId", SUM(n)::int AS n FROM (
                SELECT "projectId", 1 AS n FROM after_change
                UNION ALL SELECT "projectId", -1 FROM before_change) c
              GROUP BY 1 HAVING SUM(n) <> 0 ORDER BY 1) d
        WHERE p."id" = d."projectId";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Alignment_count_insert" AFTER INSERT ON "Alignment"
    REFERENCING NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_count"();
CREATE TRIGGER "Alignment_count_delete" AFTER DELETE ON "Alignment"
    REFERENCING OLD TABLE AS before_change FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_count"();
CREATE TRIGGER "Alignment_count_update" AFTER UPDATE ON "Alignment"
    REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change
    FOR EACH STATEMENT EXECUTE FUNCTION "Alignment_count"();

-- Unaligned projects, costliest first (the overview's five, and its counts and spend).
CREATE INDEX "Project_unaligned_idx" ON "Project"("spentToDate" DESC, "code") WHERE "alignmentCount" = 0;

-- Open risks (open or being mitigated) for the heat map: the closed ones are most of the table
-- in a mature portfolio and no dashboard counts them.
CREATE INDEX "Risk_open_idx" ON "Risk"("likelihood", "impact", "projectId") WHERE "status" <> 'CLOSED';

-- Feedback awaiting an answer by kind and due time (FB-1, FB-2): the overdue counts and lists.
CREATE INDEX "Feedback_awaiting_idx" ON "Feedback"("kind", "dueAt", "projectId") WHERE "status" IN ('OPEN', 'ACKNOWLEDGED');
