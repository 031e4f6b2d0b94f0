-- The runtime role's privileges (issue #11, "an audit trail an auditor can trust").
--
-- Two database roles: the migration owner owns the schema and every table and runs the migrations;
-- the app connects as a runtime role that owns nothing. A table's owner can always ALTER it,
-- DISABLE TRIGGER on it and drop it, so the append-only triggers on "AuditEvent" protect the trail
-- only from a role that is not its owner; and without UPDATE, DELETE and TRUNCATE privileges the
-- runtime role is refused before any trigger runs.
--
-- Run as the migration owner, after the migrations (`npm run db:roles`, src/lib/db/roles.ts, which
-- puts the validated role name where __RUNTIME_ROLE__ stands). Idempotent: GRANT, REVOKE and
-- ALTER DEFAULT PRIVILEGES restate the same state however often they run, so it is safe to apply
-- after every migration (`npm start` does).

DO $$
DECLARE
    runtime pg_roles%ROWTYPE;
BEGIN
    IF to_regclass('"AuditEvent"') IS NULL OR to_regclass('"_prisma_migrations"') IS NULL THEN
        RAISE EXCEPTION 'The schema is not there yet: run the migrations (as the owner) before granting.';
    END IF;
    SELECT * INTO runtime FROM pg_roles WHERE rolname = '__RUNTIME_ROLE__';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Role "__RUNTIME_ROLE__" does not exist: create it first (CREATE ROLE "__RUNTIME_ROLE__" LOGIN PASSWORD ''…'').';
    END IF;
    IF runtime.rolname = current_user THEN
        RAISE EXCEPTION 'The runtime role must not be the migration owner (%): an owner can disable the audit triggers.', current_user;
    END IF;
    IF runtime.rolsuper THEN
        RAISE EXCEPTION 'The runtime role "__RUNTIME_ROLE__" is a superuser: no privilege can be withheld from it.';
    END IF;
    -- A member of the owner role acts with the owner's rights (SET ROLE, or inherited).
    IF pg_has_role(runtime.oid, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'The runtime role "__RUNTIME_ROLE__" is a member of the migration owner %: revoke that membership.', current_user;
    END IF;
    IF EXISTS (
        SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relowner = runtime.oid
    ) THEN
        RAISE EXCEPTION 'The runtime role "__RUNTIME_ROLE__" owns tables in schema public: ALTER them to OWNER TO % first.', current_user;
    END IF;
END
$$;

-- Nobody but the owner creates objects in the schema (PostgreSQL 15's default, restated).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "__RUNTIME_ROLE__";

-- The domain tables: read and write rows, nothing more (no TRUNCATE, REFERENCES or TRIGGER).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "__RUNTIME_ROLE__";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "__RUNTIME_ROLE__";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "__RUNTIME_ROLE__";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "__RUNTIME_ROLE__";

-- The audit trail: the app appends and reads, and can never change or remove what it wrote.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM "__RUNTIME_ROLE__";
GRANT SELECT, INSERT ON "AuditEvent" TO "__RUNTIME_ROLE__";
-- nextval() for its id needs USAGE only; setval() (UPDATE) could rewind the numbering.
REVOKE ALL ON SEQUENCE "AuditEvent_id_seq" FROM "__RUNTIME_ROLE__";
GRANT USAGE ON SEQUENCE "AuditEvent_id_seq" TO "__RUNTIME_ROLE__";

-- The migration history is the owner's business.
REVOKE ALL ON "_prisma_migrations" FROM "__RUNTIME_ROLE__";

-- Tables and sequences that later migrations create (as this owner) are granted the same way, so
-- the app can use them before anyone re-runs this file; re-running it restates the exceptions above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "__RUNTIME_ROLE__";
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO "__RUNTIME_ROLE__";
