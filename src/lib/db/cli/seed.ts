// `npm run db:seed -- --demo`: put the demo organisation into the empty database at DATABASE_URL.
// Refuses without `--demo` (its administrator's password is published: see demo-guard.ts), and
// refuses politely when the database already has users, so it can never mix demo data into a
// live trust.
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/demo-users";
import { createPrismaClient } from "@/lib/db/client";
import { decideDemoSeed } from "@/lib/db/seed/demo-guard";
import { isSeeded, seedDemoOrganisation } from "@/lib/db/seed/seed";
import { getEnv } from "@/lib/env";

const decision = decideDemoSeed({ databaseUrl: getEnv().DATABASE_URL, args: process.argv.slice(2) });
if (!decision.seed) {
  console.error(decision.message);
  process.exit(1);
}
const { url } = decision;

const db = createPrismaClient(url, 2);
try {
  if (await isSeeded(db)) {
    console.log("The database already has users: nothing seeded.");
  } else {
    const { durationMs, organisation, ...counts } = await seedDemoOrganisation(db);
    console.log(`Seeded ${organisation} in ${(durationMs / 1000).toFixed(1)} s:`);
    for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(17)} ${count}`);
    console.log(`\nDemo sign-ins (demo data only), password for all: ${DEMO_PASSWORD}`);
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(18)} ${user.email}`);
  }
} catch (error) {
  console.error(
    `Seeding failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
