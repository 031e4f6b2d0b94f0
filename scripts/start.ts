// `npm start`: build if needed, make sure a database is there and migrated, then run Next.js.
//
// Without DATABASE_URL this is the newcomer's path: an embedded PostgreSQL (PGlite) keeps its data
// in THROUGHLINE_DATA_DIR (default .data/), an AUTH_SECRET is generated and kept beside it, and the
// demo organisation is seeded on first run. With DATABASE_URL it is a real deployment: AUTH_SECRET
// is required and nothing is seeded (use `npm run db:seed -- --demo`). Several instances may start
// together; the migrator serialises them with an advisory lock. The app listens on 127.0.0.1 unless
// HOST says otherwise (src/lib/env.ts): the demo's sign-ins are published, so a first run must not
// be reachable from the network before anyone decided it should be (issue #11).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/demo-users";
import { createPrismaClient } from "@/lib/db/client";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { FailedMigrationError, MigrationChecksumError, migrate } from "@/lib/db/migrator";
import { grantRuntimeRole, runtimeGrantFromEnv } from "@/lib/db/roles";
import { isSeeded, seedDemoOrganisation } from "@/lib/db/seed/seed";
import { getEnv } from "@/lib/env";

const root = resolve(import.meta.dirname, "..");
const nextBin = join(root, "node_modules", ".bin", "next");
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function newestMtime(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  let newest = stat.mtimeMs;
  for (const entry of entries) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds when there is no production build or the sources changed since the last one. */
async function buildIfNeeded(): Promise<void> {
  const buildId = join(root, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const inputs = [
    "src",
    "public",
    "next.config.ts",
    "postcss.config.mjs",
    "package-lock.json",
    "tsconfig.json",
  ];
  const newest = Math.max(...(await Promise.all(inputs.map((p) => newestMtime(join(root, p))))));
  if (built > newest) return;
  console.log(
    built ? "Sources changed since the last build: rebuilding…" : "Building Throughline (first run)…",
  );
  const result = spawnSync(nextBin, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail("The build failed (see above).");
}

function embeddedAuthSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function printDemoSignIns(): void {
  console.log("\nDemo sign-ins (demo data only), password for all:", DEMO_PASSWORD);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(18)} ${user.email}`);
}

async function main(): Promise<void> {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (env.DATABASE_URL && !env.NEXTAUTH_URL && !dev) {
    // Issue #11: the public address decides whether session cookies are Secure and what they are
    // called (src/lib/auth/cookies.ts) and which origin server actions accept; a deployment must
    // say it rather than let each request's headers decide. Checked before the build: fail fast.
    fail(
      "NEXTAUTH_URL is required when DATABASE_URL is set: give the public address, e.g. https://throughline.trust.nhs.example (https makes the session cookies Secure).",
    );
  }
  if (!dev) await buildIfNeeded();

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  let authSecret = env.AUTH_SECRET;
  if (!databaseUrl) {
    const dataDir = resolve(root, env.THROUGHLINE_DATA_DIR);
    mkdirSync(join(dataDir, "pgdata"), { recursive: true });
    console.log(`Starting the embedded PostgreSQL (data in ${dataDir})…`);
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "pgdata") });
    databaseUrl = embedded.url;
    authSecret ??= embeddedAuthSecret(dataDir);
  } else if (!authSecret) {
    fail(
      "AUTH_SECRET is required when DATABASE_URL is set: give every app instance the same random value of 32+ characters (e.g. `openssl rand -base64 48`).",
    );
  }

  // With MIGRATION_DATABASE_URL the owner migrates and then restates the runtime role's grants, so
  // the app never runs as the owner of the audit table (issue #11; prisma/roles.sql).
  let runtimeGrant: ReturnType<typeof runtimeGrantFromEnv>;
  try {
    runtimeGrant = embedded ? undefined : runtimeGrantFromEnv(env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { applied } = await migrate({
    url: runtimeGrant?.ownerUrl ?? databaseUrl,
    log: (line) => console.log(line),
  });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  if (runtimeGrant) {
    await grantRuntimeRole(runtimeGrant);
    console.log(`Granted the runtime role "${runtimeGrant.role}"; the app connects as it.`);
  }

  if (embedded) {
    const client = createPrismaClient(databaseUrl, 2);
    try {
      if (!(await isSeeded(client))) {
        console.log("Seeding the demo organisation (first run)…");
        await seedDemoOrganisation(client);
      }
    } finally {
      await client.$disconnect();
    }
    printDemoSignIns();
  }

  const args = dev
    ? ["dev", "-p", String(env.PORT), "-H", env.HOST]
    : ["start", "-p", String(env.PORT), "-H", env.HOST];
  const child = spawn(nextBin, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      // Sign-in callbacks use the request's host unless NEXTAUTH_URL pins the public address.
      ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "true" }),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  console.log(`\nThroughline: http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}\n`);
  if (embedded && !isLoopback(env.HOST)) {
    console.warn(
      `Warning: HOST=${env.HOST} serves the demo beyond this machine, and its sign-ins (an administrator among them) are published. Unset HOST to keep it on 127.0.0.1.\n`,
    );
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

// Errors we expect (a database that needs a person's attention) read as a sentence; anything else
// keeps its stack for whoever has to fix it.
main().catch((error: unknown) => {
  if (error instanceof MigrationChecksumError || error instanceof FailedMigrationError) fail(error.message);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
