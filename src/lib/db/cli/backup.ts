// `npm run db:backup [-- --out FILE]`: back up the installation's database (docs/security-operations.md,
// "Backups"). A PostgreSQL server (MIGRATION_DATABASE_URL, else DATABASE_URL) is dumped with
// pg_dump; without DATABASE_URL the embedded database's folder is archived (stop the app first).
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { backupEmbedded, backupServer, defaultBackupFile } from "@/lib/db/backup";
import { installationFromEnv } from "@/lib/db/installation";

function outArgument(args: string[]): string | undefined {
  const at = args.indexOf("--out");
  if (at >= 0) {
    const value = args[at + 1];
    if (!value) throw new Error("--out needs a file name.");
    return value;
  }
  return args.find((a) => a.startsWith("--out="))?.slice("--out=".length);
}

try {
  const installation = installationFromEnv();
  const out = outArgument(process.argv.slice(2));
  const file = out ? resolve(out) : defaultBackupFile(installation.kind);
  if (installation.kind === "server") await backupServer(installation.url, file);
  else await backupEmbedded(installation.dataDir, file);
  const megabytes = (statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(
    `✔ Backed up the ${installation.kind === "server" ? "PostgreSQL database" : "embedded database"} to ${file} (${megabytes} MB).`,
  );
  console.log("  It holds password hashes and the whole audit trail: keep it as safe as the database.");
} catch (error) {
  console.error(`✖ No backup was made: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
