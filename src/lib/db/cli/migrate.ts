// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { migrate } from "@/lib/db/migrator";
import { getEnv } from "@/lib/env";

try {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: name the database to migrate.");
  const { applied } = await migrate({ url, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
