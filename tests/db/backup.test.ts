// Issue #11, "backup and restore": a drill on each kind of database. `npm run db:backup` takes a
// backup, the data changes, `npm run db:restore` puts the backup back, and the original is there
// again: the same rows, the same audit trail (its chain intact, its head the same), and new events
// carry on from it (docs/security-operations.md, "Backups").
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/db/audit-chain";
import { libpqConnection } from "@/lib/db/backup";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const serverUrl = process.env.TEST_DATABASE_URL;
const hasPgDump = await promisify(execFile)("pg_dump", ["--version"]).then(
  () => true,
  () => false,
);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "throughline-backup-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs an npm script's command line as `npm run` would, with only the variables given. */
async function cli(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.MIGRATION_DATABASE_URL;
  return promisify(execFile)("node_modules/.bin/tsx", [`src/lib/db/cli/${script}.ts`, ...args], {
    env: { ...base, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
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

/** The embedded database in `dataDir`, opened for `work` as `npm start` would open it. */
async function withEmbeddedDataDir<T>(dataDir: string, work: (url: string) => Promise<T>): Promise<T> {
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Sites and audit events, written the way the app writes them (each change with its event). */
async function writeActivity(client: pg.Client, label: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Site" ("id", "code", "name", "kind") VALUES ($1, $2, $3, 'Acute hospital') RETURNING "id"`,
      [`site-${label}-${i}`, `${label.toUpperCase()}${i}`, `Site ${label} ${i}`],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "after") VALUES ('site.create', 'Site', $1, $2)`,
      [rows[0]!.id, JSON.stringify({ name: `Site ${label} ${i}` })],
    );
    await client.query("COMMIT");
  }
}

/** Every row of the tables that matter here, in a stable order. */
async function snapshot(client: pg.Client): Promise<string> {
  const parts: string[] = [];
  for (const table of ["Site", "AuditEvent"]) {
    const { rows } = await client.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`);
    parts.push(`${table}: ${rows.map((r) => r.row).join("\n")}`);
  }
  return parts.join("\n");
}

async function changeEverything(client: pg.Client): Promise<void> {
  await writeActivity(client, "later", 3);
  await client.query(`UPDATE "Site" SET "name" = 'Renamed after the backup' WHERE "id" = 'site-first-0'`);
  await client.query(`DELETE FROM "Site" WHERE "id" = 'site-first-1'`);
}

describe.skipIf(!serverUrl || !hasPgDump)(
  `the drill on a PostgreSQL server (${serverUrl && hasPgDump ? "pg_dump" : "needs TEST_DATABASE_URL and pg_dump"})`,
  () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
      await migrate({ url: database.url });
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("backs up, changes, restores and finds the original, its audit chain intact and continuing", async () => {
      await withClient(database.url, (c) => writeActivity(c, "first", 4));
      const original = await withClient(database.url, snapshot);
      const head = (await withClient(database.url, (c) => verifyAuditChain(c))).head;

      const file = join(work, "server.dump");
      const backup = await cli("backup", ["--out", file], { DATABASE_URL: database.url });
      expect(backup).toMatchObject({ code: 0 });
      expect(backup.out).toContain(file);
      // Readable by its owner only: it holds password hashes and the whole trail.
      expect((await stat(file)).mode & 0o777).toBe(0o600);

      await withClient(database.url, changeEverything);
      expect(await withClient(database.url, snapshot)).not.toBe(original);

      const restore = await cli("restore", [file], { DATABASE_URL: database.url });
      expect(restore).toMatchObject({ code: 0 });
      expect(await withClient(database.url, snapshot)).toBe(original);
      const report = await withClient(database.url, (c) => verifyAuditChain(c));
      expect(report).toMatchObject({ ok: true, head });

      // The chain's trigger and the id sequence came back too: new events follow on.
      await withClient(database.url, (c) => writeActivity(c, "after", 2));
      expect(await withClient(database.url, (c) => verifyAuditChain(c))).toMatchObject({
        ok: true,
        events: report.events + 2,
      });
    });

    it("refuses a file that is not a backup of a server, and changes nothing", async () => {
      const before = await withClient(database.url, snapshot);
      const notBackup = join(work, "not-a-backup.dump");
      await writeFile(notBackup, "SELECT 1;");
      const refused = await cli("restore", [notBackup], { DATABASE_URL: database.url });
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/Nothing was restored: .* is not a Throughline backup/);
      expect(await withClient(database.url, snapshot)).toBe(before);
    });

    it("keeps the password out of pg_dump's command line", () => {
      const { dbname, env } = libpqConnection(
        "postgresql://owner:s%40cret@db:5432/throughline?schema=public&sslmode=require",
      );
      expect(dbname).toBe("postgresql://owner@db:5432/throughline?sslmode=require");
      expect(env.PGPASSWORD).toBe("s@cret");
    });
  },
);

// PGlite creates and opens a data folder slowly (seconds each, more on a busy machine), and the
// drill opens one many times over.
describe("the drill on the embedded database", { timeout: 300_000 }, () => {
  it("backs up, changes, restores and finds the original, keeping the replaced data aside", async () => {
    const home = join(work, "embedded");
    const dataDir = join(home, "pgdata");
    await mkdir(dataDir, { recursive: true });
    const original = await withEmbeddedDataDir(dataDir, async (url) => {
      await migrate({ url });
      await withClient(url, (c) => writeActivity(c, "first", 4));
      return withClient(url, snapshot);
    });

    const file = join(work, "embedded.tar.gz");
    const backup = await cli("backup", [`--out=${file}`], { THROUGHLINE_DATA_DIR: home });
    expect(backup).toMatchObject({ code: 0 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const changed = await withEmbeddedDataDir(dataDir, async (url) => {
      await withClient(url, changeEverything);
      return withClient(url, snapshot);
    });
    expect(changed).not.toBe(original);

    // A server's backup is refused here, before anything moves.
    const wrongKind = join(work, "wrong.dump");
    await writeFile(wrongKind, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(64)]));
    const refused = await cli("restore", [wrongKind], { THROUGHLINE_DATA_DIR: home });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/is a PostgreSQL server backup/);

    const restore = await cli("restore", [file], { THROUGHLINE_DATA_DIR: home });
    expect(restore).toMatchObject({ code: 0 });
    const kept = /kept in (\S+);/.exec(restore.out)?.[1];
    expect(kept && existsSync(join(kept, "PG_VERSION"))).toBe(true);

    await withEmbeddedDataDir(dataDir, async (url) => {
      expect(await withClient(url, snapshot)).toBe(original);
      expect(await withClient(url, (c) => verifyAuditChain(c))).toMatchObject({ ok: true, events: 4 });
    });
    // What it replaced is still there to look at.
    await withEmbeddedDataDir(kept!, async (url) => {
      expect(await withClient(url, snapshot)).toBe(changed);
    });
  });

  it("refuses to back up or restore while the app has the database open", async () => {
    const home = join(work, "in-use");
    const dataDir = join(home, "pgdata");
    await mkdir(dataDir, { recursive: true });
    await withEmbeddedDataDir(dataDir, async () => {
      const refused = await cli("backup", ["--out", join(work, "in-use.tar.gz")], {
        THROUGHLINE_DATA_DIR: home,
      });
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/No backup was made: .*is open .*stop Throughline/);
      expect(existsSync(join(work, "in-use.tar.gz"))).toBe(false);
    });
  });
});
