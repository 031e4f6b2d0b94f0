import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { FailedMigrationError, listMigrations, MigrationChecksumError, migrate } from "@/lib/db/migrator";
import type { TestDatabase } from "../support/databases";
import { createTestDatabase } from "../support/test-database";

const MIGRATIONS_DIR = resolve("prisma/migrations");

// Each test gets a fresh database and, when it needs to change files, its own copy of the migrations.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "throughline-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function recorded(url: string) {
  return query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    applied_steps_count: number;
  }>(
    url,
    "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
  );
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const rows = await query<{ present: boolean }>(
    url,
    `SELECT to_regclass('"${table}"') IS NOT NULL AS present`,
  );
  return rows[0]?.present ?? false;
}

describe("migrate", () => {
  it("applies every migration to a fresh database and records it the way Prisma Migrate does", async () => {
    const { url } = await freshDatabase();
    const local = await listMigrations(MIGRATIONS_DIR);
    expect(local.length).toBeGreaterThan(0);

    const { applied } = await migrate({ url });

    expect(applied).toEqual(local.map((m) => m.name));
    for (const table of ["Organisation", "User", "Project", "RaciAssignment", "AuditEvent"]) {
      expect(await tableExists(url, table), table).toBe(true);
    }
    const rows = await recorded(url);
    expect(rows).toHaveLength(local.length);
    for (const [i, migration] of local.entries()) {
      const bytes = await readFile(join(MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(rows[i]).toMatchObject({
        migration_name: migration.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
      });
      expect(rows[i]?.finished_at).toBeInstanceOf(Date);
    }
  });

  it("creates _prisma_migrations with Prisma's columns", async () => {
    const { url } = await freshDatabase();
    await migrate({ url });
    const columns = await query<{ line: string }>(
      url,
      `SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
              || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = '_prisma_migrations'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
    );
    expect(columns.map((c) => c.line)).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
    const primaryKey = await query(
      url,
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`,
    );
    expect(primaryKey).toEqual([{ conname: "_prisma_migrations_pkey", definition: "PRIMARY KEY (id)" }]);
  });

  it("does nothing when run again", async () => {
    const { url } = await freshDatabase();
    await migrate({ url });
    const before = await recorded(url);

    const lines: string[] = [];
    const { applied } = await migrate({ url, log: (line) => lines.push(line) });

    expect(applied).toEqual([]);
    expect(lines).toEqual([]);
    expect(await recorded(url)).toEqual(before);
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await addMigration(dir, "20990101000000_second", 'CREATE TABLE "Second" ("id" INTEGER NOT NULL);\n');
    await addMigration(dir, "20990102000000_third", 'CREATE TABLE "Third" ("id" INTEGER NOT NULL);\n');
    const names = (await listMigrations(dir)).map((m) => m.name);

    const [first, second] = await Promise.all([
      migrate({ url, migrationsDir: dir }),
      migrate({ url, migrationsDir: dir }),
    ]);

    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(names);
  });

  it("refuses an applied migration whose file was edited, and applies nothing more", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await migrate({ url, migrationsDir: dir });
    const [init] = await listMigrations(dir);
    await appendFile(join(dir, init!.name, "migration.sql"), '\nCREATE TABLE "Sneaky" ("id" INTEGER);\n');
    await addMigration(dir, "20990101000000_second", 'CREATE TABLE "Second" ("id" INTEGER NOT NULL);\n');

    const applied = (await recorded(url)).length;
    const run = migrate({ url, migrationsDir: dir });

    await expect(run).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(run).rejects.toThrow(init!.name);
    expect(await tableExists(url, "Second")).toBe(false);
    expect(await tableExists(url, "Sneaky")).toBe(false);
    expect(await recorded(url)).toHaveLength(applied);
  });

  it("accepts an applied migration whose file only changed its line endings (git on Windows)", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await migrate({ url, migrationsDir: dir });
    const [init] = await listMigrations(dir);
    const file = join(dir, init!.name, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));

    expect(await migrate({ url, migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("applies a newer migration on top of an applied history", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await migrate({ url, migrationsDir: dir });
    const history = (await recorded(url)).length;
    await addMigration(dir, "20990101000000_second", 'ALTER TABLE "Site" ADD COLUMN "note" TEXT;\n');

    const { applied } = await migrate({ url, migrationsDir: dir });

    expect(applied).toEqual(["20990101000000_second"]);
    const note = await query(
      url,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Site' AND column_name = 'note'`,
    );
    expect(note).toHaveLength(1);
    expect(await recorded(url)).toHaveLength(history + 1);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await addMigration(dir, "20990101000000_broken", 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT 1/0;\n');

    await expect(migrate({ url, migrationsDir: dir })).rejects.toThrow(/division by zero/);

    expect(await tableExists(url, "Half")).toBe(false);
    expect((await recorded(url)).map((r) => r.migration_name)).not.toContain("20990101000000_broken");
  });

  it("refuses to continue after a migration Prisma Migrate recorded as failed", async () => {
    const { url } = await freshDatabase();
    const dir = await copyOfMigrations();
    await migrate({ url, migrationsDir: dir });
    await query(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '20990101000000_half_done', 0)`,
    );
    await addMigration(dir, "20990102000000_next", 'CREATE TABLE "Next" ("id" INTEGER);\n');

    const run = migrate({ url, migrationsDir: dir });

    await expect(run).rejects.toBeInstanceOf(FailedMigrationError);
    await expect(run).rejects.toThrow("20990101000000_half_done");
    expect(await tableExists(url, "Next")).toBe(false);
  });
});
