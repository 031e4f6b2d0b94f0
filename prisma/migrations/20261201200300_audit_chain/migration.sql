-- A tamper-evident audit trail (issue #11; docs/security-operations.md, "The audit chain").
--
-- Every event takes the next position in one chain ("chainSeq", 1, 2, 3, … without gaps) and
-- stores the hash of the event before it ("prevHash"; 64 zeros for the first) and its own
-- "hash" = sha256(prevHash || canonical content). Changing, removing or inserting an event
-- anywhere but at the end breaks the link to the next one, which `npm run audit:verify` finds.
--
-- The database computes the links, in a BEFORE INSERT trigger, so no writer can choose them: a
-- value an INSERT gives for these columns is overwritten. The trigger takes a transaction-level
-- advisory lock before it reads the last link, so concurrent writers append one after the other
-- (the lock is held until commit, and under READ COMMITTED the read after the lock sees the
-- previous holder's row); the unique index on "chainSeq" refuses a second event at a position
-- should a writer at a stricter isolation level read a stale last link: the chain cannot fork.
-- Rows inserted earlier by the same statement are visible to the trigger's read, so one
-- INSERT … SELECT of many rows chains them in the order it inserts them.
--
-- The canonical content is a JSON array of the event's columns, rendered by PostgreSQL's own
-- jsonb output (stable across versions; keys of objects in a fixed order); src/lib/db/audit-chain.ts
-- recomputes exactly this expression to verify, and tests/db/audit-chain.test.ts proves the two agree.
-- JSON values are wrapped in an array so that SQL NULL and a JSON null differ; the time is printed
-- with to_char, which no session setting (DateStyle) changes.

ALTER TABLE "AuditEvent" ADD COLUMN "chainSeq" BIGINT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

CREATE FUNCTION "AuditEvent_link"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq BIGINT;
    last_hash TEXT;
BEGIN
    -- One key for the whole trail (see src/lib/db/audit-chain.ts AUDIT_CHAIN_LOCK_KEY).
    PERFORM pg_advisory_xact_lock(72707371);
    SELECT "chainSeq", "hash" INTO last_seq, last_hash
    FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
    NEW."chainSeq" := coalesce(last_seq, 0) + 1;
    NEW."prevHash" := coalesce(last_hash, repeat('0', 64));
    NEW."hash" := encode(sha256(convert_to(NEW."prevHash" || jsonb_build_array(
        NEW."chainSeq",
        NEW."id",
        to_char(NEW."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        NEW."actorId",
        NEW."action",
        NEW."entityType",
        NEW."entityId",
        CASE WHEN NEW."before" IS NULL THEN NULL ELSE jsonb_build_array(NEW."before") END,
        CASE WHEN NEW."after" IS NULL THEN NULL ELSE jsonb_build_array(NEW."after") END,
        NEW."requestId",
        NEW."clientAddress",
        NEW."userAgent"
    )::text, 'UTF8')), 'hex');
    RETURN NEW;
END;
$$;

-- Events written before this migration join the chain in the order they were written (by id).
-- Only the owner running this migration may lift the append-only trigger, and only inside this
-- transaction: it is back on before anything else can write.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
    event RECORD;
    seq BIGINT := 0;
    prev TEXT := repeat('0', 64);
BEGIN
    FOR event IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
        seq := seq + 1;
        UPDATE "AuditEvent" SET
            "chainSeq" = seq,
            "prevHash" = prev,
            "hash" = encode(sha256(convert_to(prev || jsonb_build_array(
                seq,
                event."id",
                to_char(event."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                event."actorId",
                event."action",
                event."entityType",
                event."entityId",
                CASE WHEN event."before" IS NULL THEN NULL ELSE jsonb_build_array(event."before") END,
                CASE WHEN event."after" IS NULL THEN NULL ELSE jsonb_build_array(event."after") END,
                event."requestId",
                event."clientAddress",
                event."userAgent"
            )::text, 'UTF8')), 'hex')
        WHERE "id" = event."id"
        RETURNING "hash" INTO prev;
    END LOOP;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

CREATE TRIGGER "AuditEvent_link" BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_link"();
