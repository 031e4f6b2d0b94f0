// `npm run db:roles`: as the migration owner (MIGRATION_DATABASE_URL), grant the runtime role that
// DATABASE_URL connects as what the app needs, and only SELECT and INSERT on the audit trail
// (prisma/roles.sql). Idempotent; `npm start` also does it after migrating.
import { grantRuntimeRole, runtimeGrantFromEnv } from "@/lib/db/roles";
import { getEnv } from "@/lib/env";

try {
  const grant = runtimeGrantFromEnv(getEnv());
  if (!grant) {
    throw new Error(
      "MIGRATION_DATABASE_URL is not set: set it to the migration owner's connection and DATABASE_URL to the runtime role's.",
    );
  }
  await grantRuntimeRole(grant);
  console.log(`Granted the runtime role "${grant.role}" (audit trail: SELECT and INSERT only).`);
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
