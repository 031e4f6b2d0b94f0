// `npm run db:migrate`: apply pending migrations as the migration owner (MIGRATION_DATABASE_URL, or
// DATABASE_URL when one role does both).
import { migrate } from "@/lib/db/migrator";
import { migrationDatabaseUrl } from "@/lib/env";

try {
  const url = migrationDatabaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set: name the database to migrate.");
  const { applied } = await migrate({ url, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
