// Issue #11, "an audit trail an auditor can trust": the app connects as a runtime role that owns no
// table and holds only SELECT and INSERT on "AuditEvent", so it cannot change, remove, truncate,
// alter or switch off the triggers of the trail, while the app's ordinary writes still work.
// Each test file run gets a fresh database owned by a fresh migration owner, and a fresh runtime
// role; all three are dropped afterwards.
//
// These tests need a PostgreSQL server (TEST_DATABASE_URL, a superuser; CI sets it). They are the
// only database tests skipped without one, because the embedded database (PGlite) is a single user:
// it has no roles to grant or refuse, so there is nothing there to prove.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/db/audit-chain";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { grantRuntimeRole, RoleNameError, runtimeGrantFromEnv, runtimeRoleSql } from "@/lib/db/roles";

const serverUrl = process.env.TEST_DATABASE_URL;
const noServer = !serverUrl;
const NO_SERVER_REASON = "needs TEST_DATABASE_URL: the embedded database has no roles";

const suffix = randomBytes(5).toString("hex");
const names = {
  database: `throughline_roles_${suffix}`,
  owner: `throughline_owner_${suffix}`,
  runtime: `throughline_app_${suffix}`,
};
const passwords = { owner: randomBytes(12).toString("hex"), runtime: randomBytes(12).toString("hex") };

function urlFor(role: keyof typeof passwords): string {
  const url = new URL(serverUrl ?? "postgresql://localhost");
  url.username = names[role];
  url.password = passwords[role];
  url.pathname = `/${names.database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const asServerAdmin = <T>(work: (client: pg.Client) => Promise<T>) => withClient(serverUrl ?? "", work);
const asOwner = <T>(work: (client: pg.Client) => Promise<T>) => withClient(urlFor("owner"), work);
const asRuntime = <T>(work: (client: pg.Client) => Promise<T>) => withClient(urlFor("runtime"), work);

/** The SQLSTATE a statement fails with, or "ok" when it succeeds. */
async function outcome(client: pg.Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function auditEventCount(): Promise<number> {
  return asOwner(async (c) => Number((await c.query('SELECT count(*) AS n FROM "AuditEvent"')).rows[0].n));
}

describe.skipIf(noServer)(
  `the runtime database role (${noServer ? NO_SERVER_REASON : "PostgreSQL server"})`,
  () => {
    beforeAll(async () => {
      await asServerAdmin(async (admin) => {
        await admin.query(`CREATE ROLE "${names.owner}" LOGIN PASSWORD '${passwords.owner}'`);
        await admin.query(`CREATE ROLE "${names.runtime}" LOGIN PASSWORD '${passwords.runtime}'`);
        await admin.query(`CREATE DATABASE "${names.database}" OWNER "${names.owner}"`);
      });
      await migrate({ url: urlFor("owner") });
      await grantRuntimeRole({ ownerUrl: urlFor("owner"), role: names.runtime });
    });

    afterAll(async () => {
      await asServerAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${names.database}" WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS "${names.runtime}"`);
        await admin.query(`DROP ROLE IF EXISTS "${names.owner}"`);
      });
    });

    it("appends and reads audit events as the runtime role", async () => {
      const before = await auditEventCount();
      const inserted = await asRuntime((c) =>
        c.query(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "requestId")
         VALUES ('site.create', 'Site', 'roles-test', 'req-roles') RETURNING "id"`,
        ),
      );
      expect(inserted.rows).toHaveLength(1);
      const read = await asRuntime((c) =>
        c.query(`SELECT "action" FROM "AuditEvent" WHERE "entityId" = 'roles-test'`),
      );
      expect(read.rows).toEqual([{ action: "site.create" }]);
      expect(await auditEventCount()).toBe(before + 1);
    });

    it("has its audit events linked into the chain, whatever link it tries to give them", async () => {
      const linked = await asRuntime((c) =>
        c.query(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "chainSeq", "hash")
         VALUES ('site.update', 'Site', 'roles-chain', 1, 'forged') RETURNING "chainSeq"::text AS seq, "hash"`,
        ),
      );
      expect(linked.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
      const report = await asRuntime((c) => verifyAuditChain(c));
      expect(report).toMatchObject({ ok: true, head: { chainSeq: linked.rows[0].seq } });
    });

    it.each([
      ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'forged'`],
      ["DELETE", `DELETE FROM "AuditEvent"`],
      ["TRUNCATE", `TRUNCATE "AuditEvent"`],
      ["ALTER TABLE", `ALTER TABLE "AuditEvent" ADD COLUMN "note" TEXT`],
      ["ALTER TABLE … DISABLE TRIGGER", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
      ["ALTER TABLE … DISABLE TRIGGER ALL", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
      [
        "ALTER TABLE … DISABLE TRIGGER on the audit chain",
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_link"`,
      ],
      ["DROP TRIGGER on the audit chain", `DROP TRIGGER "AuditEvent_link" ON "AuditEvent"`],
      [
        "replacing the audit chain's function",
        `CREATE OR REPLACE FUNCTION "AuditEvent_link"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`,
      ],
      ["switching triggers off for the session", `SET session_replication_role = replica`],
      ["DROP TABLE", `DROP TABLE "AuditEvent"`],
      ["setval on its sequence", `SELECT setval('"AuditEvent_id_seq"', 1)`],
      [
        "CREATE TRIGGER",
        `CREATE TRIGGER "t" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"()`,
      ],
    ])("refuses %s on the audit table for lack of privilege, not by a trigger", async (_what, sql) => {
      await asRuntime(async (c) => {
        await c.query(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('x', 'Site', 'kept')`,
        );
      });
      const before = await auditEventCount();
      // 42501 insufficient_privilege (the trigger would raise P0001, and an owner would succeed).
      expect(await asRuntime((c) => outcome(c, sql))).toBe("42501");
      expect(await auditEventCount()).toBe(before);
      const triggers = await asOwner((c) =>
        c.query(
          `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
        ),
      );
      expect(triggers.rows).toEqual([
        { tgname: "AuditEvent_append_only", tgenabled: "O" },
        { tgname: "AuditEvent_link", tgenabled: "O" },
        { tgname: "AuditEvent_no_truncate", tgenabled: "O" },
      ]);
    });

    it("owns no table, sequence or schema, and is no member of the owner", async () => {
      const owned = await asOwner((c) =>
        c.query(
          `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1
         UNION ALL SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = $1`,
          [names.runtime],
        ),
      );
      expect(owned.rows).toEqual([]);
      const member = await asOwner((c) =>
        c.query("SELECT pg_has_role($1, $2, 'MEMBER') AS member", [names.runtime, names.owner]),
      );
      expect(member.rows[0].member).toBe(false);
      expect(await asRuntime((c) => outcome(c, `CREATE TABLE "Shadow" ("id" INT)`))).toBe("42501");
      expect(await asRuntime((c) => outcome(c, `UPDATE "_prisma_migrations" SET "logs" = 'x'`))).toBe(
        "42501",
      );
    });

    it("does the app's ordinary writes through the Prisma client as the runtime role", async () => {
      const app = createPrismaClient(urlFor("runtime"), 2);
      try {
        const site = await app.site.create({
          data: { id: `site-${suffix}`, code: "RT", name: "Runtime Site", kind: "ACUTE" },
        });
        await app.site.update({ where: { id: site.id }, data: { name: "Runtime Site, renamed" } });
        expect((await app.site.findUniqueOrThrow({ where: { id: site.id } })).name).toBe(
          "Runtime Site, renamed",
        );
        await app.site.delete({ where: { id: site.id } });
        expect(await app.site.count({ where: { id: site.id } })).toBe(0);
        await app.auditEvent.create({
          data: { action: "site.delete", entityType: "Site", entityId: site.id },
        });
        expect(await app.auditEvent.count({ where: { entityId: site.id } })).toBe(1);
      } finally {
        await app.$disconnect();
      }
    });

    it("grants tables that a later migration creates, and applying the grants again, even concurrently, changes nothing", async () => {
      await asOwner((c) => c.query(`CREATE TABLE "LaterTable" ("id" SERIAL PRIMARY KEY, "note" TEXT)`));
      expect(await asRuntime((c) => outcome(c, `INSERT INTO "LaterTable" ("note") VALUES ('new')`))).toBe(
        "ok",
      );
      expect(await asRuntime((c) => outcome(c, `TRUNCATE "LaterTable"`))).toBe("42501");

      // Again, and as instances starting together would: all at once.
      await Promise.all(
        Array.from({ length: 4 }, () => grantRuntimeRole({ ownerUrl: urlFor("owner"), role: names.runtime })),
      );
      expect(await asRuntime((c) => outcome(c, `DELETE FROM "LaterTable"`))).toBe("ok");
      expect(await asRuntime((c) => outcome(c, `DELETE FROM "AuditEvent"`))).toBe("42501");
      expect(
        await asRuntime((c) =>
          outcome(
            c,
            `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('x', 'Site', 'y')`,
          ),
        ),
      ).toBe("ok");
    });

    it("refuses to grant to the owner itself or to a role that does not exist, and changes nothing", async () => {
      await expect(grantRuntimeRole({ ownerUrl: urlFor("owner"), role: names.owner })).rejects.toThrow(
        /must not be the migration owner/,
      );
      await expect(
        grantRuntimeRole({ ownerUrl: urlFor("owner"), role: `missing_${suffix}` }),
      ).rejects.toThrow(/does not exist: create it first/);
    });
  },
);

describe("the runtime role's grants file", () => {
  it("only takes a plain role name, which it cannot quote its way out of", async () => {
    for (const name of ['app"; DROP TABLE "AuditEvent"; --', "App", "1app", "a'b", ""]) {
      await expect(runtimeRoleSql(name)).rejects.toBeInstanceOf(RoleNameError);
    }
    const sql = await runtimeRoleSql("throughline_app");
    expect(sql).not.toContain("__RUNTIME_ROLE__");
    expect(sql).toContain('GRANT SELECT, INSERT ON "AuditEvent" TO "throughline_app"');
  });

  it("takes the runtime role from DATABASE_URL when the owner migrates through MIGRATION_DATABASE_URL", () => {
    const owner = "postgresql://owner:s@db:5432/throughline";
    expect(runtimeGrantFromEnv({ DATABASE_URL: "postgresql://app:s@db:5432/throughline" })).toBeUndefined();
    expect(
      runtimeGrantFromEnv({
        MIGRATION_DATABASE_URL: owner,
        DATABASE_URL: "postgresql://app:s@db:5432/throughline",
      }),
    ).toEqual({ ownerUrl: owner, role: "app" });
    expect(() =>
      runtimeGrantFromEnv({
        MIGRATION_DATABASE_URL: owner,
        DATABASE_URL: "postgresql://owner:s@db:5432/throughline",
      }),
    ).toThrow(/same role/);
    expect(() =>
      runtimeGrantFromEnv({
        MIGRATION_DATABASE_URL: owner,
        DATABASE_URL: "postgresql://app:s@db:5432/other",
      }),
    ).toThrow(/same database/);
    expect(() => runtimeGrantFromEnv({ MIGRATION_DATABASE_URL: owner })).toThrow(/DATABASE_URL is not/);
  });
});
