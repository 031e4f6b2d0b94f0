// The database an installation uses, for the command-line tools (audit:verify, db:backup,
// db:restore): the server named by MIGRATION_DATABASE_URL or DATABASE_URL, or else the embedded
// PostgreSQL's data folder that `npm start` uses (THROUGHLINE_DATA_DIR/pgdata).
// No "server-only" here: only scripts and tests use it.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { type Env, getEnv, migrationDatabaseUrl } from "@/lib/env";

export type Installation =
  | { kind: "server" /** The owner's connection when there is one: backups need every table. */; url: string }
  | { kind: "embedded"; dataDir: string };

export function installationFromEnv(env: Env = getEnv(), cwd = process.cwd()): Installation {
  const url = migrationDatabaseUrl(env);
  if (url) return { kind: "server", url };
  return { kind: "embedded", dataDir: join(resolve(cwd, env.THROUGHLINE_DATA_DIR), "pgdata") };
}

export class EmbeddedInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is open (its postmaster.pid is there): stop Throughline ` +
        "(Ctrl-C in the terminal running `npm start`) and try again. If nothing is running, the last " +
        "run ended without closing it: start and stop it once, or delete that postmaster.pid.",
    );
    this.name = "EmbeddedInUseError";
  }
}

/**
 * Throws EmbeddedInUseError while another process has the data folder open. PGlite itself does not
 * stop a second process from opening the same folder, and two writers would corrupt it.
 */
export function assertEmbeddedNotInUse(dataDir: string): void {
  if (existsSync(join(dataDir, "postmaster.pid"))) throw new EmbeddedInUseError(dataDir);
}

/** Runs `work` with a URL for the embedded data folder, opened for this process only, then closes it. */
export async function withEmbeddedDataDir<T>(dataDir: string, work: (url: string) => Promise<T>): Promise<T> {
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    throw new Error(`There is no embedded database in ${dataDir} (has \`npm start\` run here?).`);
  }
  assertEmbeddedNotInUse(dataDir);
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs `work` with a URL for the installation's database, whichever kind it is. */
export function withInstallationUrl<T>(
  installation: Installation,
  work: (url: string) => Promise<T>,
): Promise<T> {
  return installation.kind === "server"
    ? work(installation.url)
    : withEmbeddedDataDir(installation.dataDir, work);
}
