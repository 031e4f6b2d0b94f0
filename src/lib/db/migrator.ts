// The project's migrator. The schema engine behind `prisma migrate` cannot be downloaded on every
// machine (see TOOLCHAIN.md), so this applies prisma/migrations/*/migration.sql itself and keeps
// Prisma Migrate's bookkeeping: the same `_prisma_migrations` table, row shape, sha256 checksums and
// advisory lock key, so `prisma migrate deploy` on a networked machine agrees about what is applied.
// No "server-only" here: scripts and tests run it outside Next.js.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import pg from "pg";

/** Prisma Migrate's own key, so this migrator and `prisma migrate deploy` also exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's statement, verbatim in shape, so either tool can create the table for the other.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  /** The folder name, e.g. `20261123100000_init`; migrations apply in name order. */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma Migrate records it. */
  checksum: string;
}

export interface MigrateOptions {
  url: string;
  /** Defaults to prisma/migrations under the current working directory. */
  migrationsDir?: string;
  log?: (line: string) => void;
}

/** An applied migration's file no longer matches what was applied: the history has been rewritten. */
export class MigrationChecksumError extends Error {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} was modified after it was applied (its checksum no longer matches ` +
        "_prisma_migrations). Restore the original file and put the change in a new migration.",
    );
    this.name = "MigrationChecksumError";
  }
}

/** A migration started and never finished (recorded so by Prisma Migrate or an interrupted tool). */
export class FailedMigrationError extends Error {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} is recorded as failed in _prisma_migrations (started, not finished, not ` +
        "rolled back). Repair the database by hand, then mark the row resolved " +
        "(`prisma migrate resolve --rolled-back` or `--applied`) before migrating again.",
    );
    this.name = "FailedMigrationError";
  }
}

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function listMigrations(
  migrationsDir = resolve(process.cwd(), "prisma/migrations"),
): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name): Promise<Migration> => {
      const bytes = await readFile(join(migrationsDir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    }),
  );
}

export async function migrate(options: MigrateOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await listMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.url });
  // A dropped connection also fails the query in flight, which is where it is reported; without a
  // listener the same event would crash the process instead.
  client.on("error", () => {});
  await client.connect();
  try {
    await locked(client, async () => {
      const { rows } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
      if (!rows[0]?.present) await client.query(CREATE_MIGRATIONS_TABLE);
    });
    // Check the whole history before applying anything, so a rewritten migration stops the run
    // even when newer migrations are pending.
    checkHistory(migrations, await readRecords(client));

    const applied: string[] = [];
    for (const migration of migrations) {
      // Re-read under the lock: another runner may have applied it while this one waited.
      const done = await locked(client, async () => {
        const records = await readRecords(client, migration.name);
        checkHistory([migration], records);
        if (records.length > 0) return false;
        log(`Applying migration \`${migration.name}\``);
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        return true;
      });
      if (done) applied.push(migration.name);
    }
    return { applied };
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` in a transaction holding Prisma's advisory lock until commit. A transaction-level lock
 * (rather than a session lock held for the whole run) is also correct on embedded PGlite, where
 * every connection shares one session and a session lock would never make a second runner wait.
 */
async function locked<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  // READ COMMITTED whatever the server's default, so reads after the lock see the previous holder's commit.
  await client.query("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Rows that count, as Prisma counts them: rolled-back attempts are history, not state. */
async function readRecords(client: pg.Client, name?: string): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
     WHERE rolled_back_at IS NULL AND ($1::text IS NULL OR migration_name = $1) ORDER BY started_at`,
    [name ?? null],
  );
  return rows;
}

function checkHistory(migrations: Migration[], records: MigrationRecord[]): void {
  for (const record of records) {
    if (record.finished_at === null) throw new FailedMigrationError(record.migration_name);
  }
  for (const migration of migrations) {
    const record = records.find((r) => r.migration_name === migration.name);
    if (record && !matchesChecksum(migration, record.checksum)) {
      throw new MigrationChecksumError(migration.name);
    }
  }
}

// Like Prisma, also accept the script with the other line endings: git may convert them on checkout.
function matchesChecksum(migration: Migration, checksum: string): boolean {
  if (migration.checksum === checksum) return true;
  const variants = [migration.sql.replaceAll("\r\n", "\n"), migration.sql.replaceAll("\n", "\r\n")];
  return variants.some((text) => sha256(Buffer.from(text, "utf8")) === checksum);
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
