// `npm run db:restore -- FILE`: put a backup made by `npm run db:backup` back in place of the
// installation's data (docs/security-operations.md, "Backups"). On a PostgreSQL server it runs in
// one transaction as the migration owner; the embedded database's current folder is kept beside
// the restored one. Either way, on failure nothing has changed.
import { resolve } from "node:path";
import { BackupError, backupKindOf, restoreEmbedded, restoreServer } from "@/lib/db/backup";
import { installationFromEnv } from "@/lib/db/installation";

try {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file)
    throw new BackupError("Name the backup to restore: npm run db:restore -- backups/throughline-….dump");
  const path = resolve(file);
  const installation = installationFromEnv();
  const kind = await backupKindOf(path);
  if (kind !== installation.kind) {
    throw new BackupError(
      kind === "server"
        ? `${path} is a PostgreSQL server backup: set DATABASE_URL (and MIGRATION_DATABASE_URL) to the database to restore it into.`
        : `${path} is an embedded database backup: unset DATABASE_URL to restore it into ${installation.kind === "server" ? "the embedded database" : "it"}.`,
    );
  }
  if (installation.kind === "server") {
    await restoreServer(installation.url, path);
    console.log(`✔ Restored ${path} into the PostgreSQL database.`);
  } else {
    const { previous } = await restoreEmbedded(installation.dataDir, path);
    console.log(`✔ Restored ${path} into ${installation.dataDir}.`);
    if (previous)
      console.log(`  The data it replaced is kept in ${previous}; delete it when you no longer need it.`);
  }
  console.log("  Check the audit trail it brought back: npm run audit:verify");
} catch (error) {
  console.error(`✖ Nothing was restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
