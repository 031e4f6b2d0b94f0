// Backups and restores (issue #11; docs/security-operations.md, "Backups"). A PostgreSQL server is
// dumped with pg_dump in its custom format and restored with pg_restore; the embedded PGlite's data
// folder is archived whole (PGlite's own dumpDataDir, a gzipped tar) and restored by loading that
// archive into a fresh folder, the old one kept beside it. A backup holds password hashes and every
// audit event: it is written readable by its owner only.
// No "server-only" here: `npm run db:backup`, `npm run db:restore` and tests run it.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { assertEmbeddedNotInUse } from "@/lib/db/installation";

export type BackupKind = "server" | "embedded";

/** A pg_dump custom-format archive starts with these bytes; a gzipped tar with 1f 8b. */
const PG_DUMP_MAGIC = Buffer.from("PGDMP");
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Which kind of backup a file is, from its first bytes; throws BackupError for anything else. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file at ${file}.`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_DUMP_MAGIC)) return "server";
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return "embedded";
  } finally {
    await handle.close();
  }
  throw new BackupError(
    `${file} is not a Throughline backup (neither a pg_dump custom-format archive nor an embedded database archive).`,
  );
}

/** backups/throughline-<kind>-<UTC time>.<ext>, under `cwd`. */
export function defaultBackupFile(kind: BackupKind, now = new Date(), cwd = process.cwd()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return resolve(cwd, "backups", `throughline-${kind}-${stamp}.${kind === "server" ? "dump" : "tar.gz"}`);
}

// ─── A PostgreSQL server ─────────────────────────────────────────────────────

// The URL's query parameters libpq understands; Prisma's own (schema, connection_limit, …) would
// make pg_dump refuse the URL.
const LIBPQ_PARAMETERS = new Set([
  "host",
  "port",
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "connect_timeout",
  "application_name",
  "options",
  "target_session_attrs",
]);

/**
 * The arguments and environment for pg_dump or pg_restore to reach `url`. The password goes in
 * PGPASSWORD, not on the command line, where any user of the machine could read it (ps).
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (!LIBPQ_PARAMETERS.has(key)) parsed.searchParams.delete(key);
  }
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

async function run(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await promisify(execFile)(tool, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { code?: string | number; stderr?: string };
    if (failure.code === "ENOENT") {
      throw new BackupError(
        `${tool} is not installed here: install the PostgreSQL client tools of the server's version (Debian: apt-get install postgresql-client).`,
      );
    }
    throw new BackupError(`${tool} failed: ${(failure.stderr ?? String(error)).trim()}`);
  }
}

/** Writes the whole database (schema, rows, grants) to `file` in pg_dump's custom format. */
export async function backupServer(url: string, file: string): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  await mkdir(dirname(file), { recursive: true });
  // Written under a temporary name and renamed when complete: a failed run leaves no half a backup.
  const partial = `${file}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${dbname}`], env);
    await chmod(partial, 0o600);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Replaces what the backup holds in the database at `url` with the backup's contents, in one
 * transaction: on any error nothing has changed. The objects are owned by the connecting role
 * (the migration owner); the runtime role's grants come back with them.
 */
export async function restoreServer(url: string, file: string): Promise<void> {
  if ((await backupKindOf(file)) !== "server") {
    throw new BackupError(`${file} is a backup of the embedded database, not of a PostgreSQL server.`);
  }
  const { dbname, env } = libpqConnection(url);
  await run(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}

// ─── The embedded PGlite ─────────────────────────────────────────────────────

/** Archives the embedded data folder (which must not be open elsewhere: stop the app first). */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    throw new BackupError(`There is no embedded database in ${dataDir} to back up.`);
  }
  assertEmbeddedNotInUse(dataDir);
  const pglite = await PGlite.create({ dataDir });
  let archive: Blob;
  try {
    archive = await pglite.dumpDataDir("gzip");
  } finally {
    await pglite.close();
  }
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(partial, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Replaces the embedded data folder with the backup's. The folder it replaces is moved aside, not
 * deleted (the path is returned), and put back if the backup cannot be loaded.
 */
export async function restoreEmbedded(
  dataDir: string,
  file: string,
  now = new Date(),
): Promise<{ previous: string | null }> {
  if ((await backupKindOf(file)) !== "embedded") {
    throw new BackupError(
      `${file} is a pg_dump archive of a PostgreSQL server, not of the embedded database.`,
    );
  }
  const archive = new Blob([await readFile(file)]);
  let previous: string | null = null;
  if (existsSync(dataDir)) {
    assertEmbeddedNotInUse(dataDir);
    previous = `${dataDir}.before-restore-${now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}`;
    await rename(dataDir, previous);
  }
  try {
    await mkdir(dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir, loadDataDir: archive });
    try {
      // Proves the folder opens and holds a database before the old one is given up.
      await pglite.query("SELECT count(*) FROM pg_class");
    } finally {
      await pglite.close();
    }
    return { previous };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    if (previous) await rename(previous, dataDir);
    throw new BackupError(
      `The backup could not be loaded, the database is as it was: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
