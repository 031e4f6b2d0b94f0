// The server the end-to-end tests run against: a database of their own (a fresh database on
// TEST_DATABASE_URL's server, or an in-memory embedded PostgreSQL), migrated and seeded with the
// demo organisation, then the production app started through `npm start`'s launcher. The
// database URL is written to E2E_DATABASE_URL_FILE so tests can change rows behind the app's back,
// and beside it what a second server of the same deployment needs (./server-env.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { confirmMfaEnrolment, startMfaEnrolment } from "@/lib/auth/mfa";
import { totpCodeForStep, totpStep } from "@/lib/auth/totp";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { seedDemoOrganisation } from "@/lib/db/seed/seed";
import { createTestDatabase } from "../../tests/support/databases";
import { type ServerEnv, serverEnvFileFor } from "./server-env";

const root = resolve(import.meta.dirname, "../..");
const urlFile = process.env.E2E_DATABASE_URL_FILE;

// Generated before the seed: the demo personas' second factors are encrypted under it.
const authSecret = randomBytes(48).toString("base64url");
process.env.AUTH_SECRET = authSecret;

const database = await createTestDatabase();
await migrate({ url: database.url });
const client = createPrismaClient(database.url, 2);
await seedDemoOrganisation(client);
// Admins and executives must sign in with a second factor (docs/security-mfa.md). The demo's are
// enrolled here through the same functions the enrolment page uses, and their secrets written
// beside the database URL, so e2e/support/demo.ts signIn() can act as their authenticator app.
const mfaSecrets: Record<string, string> = {};
// Every active admin and executive of the demo: journeys sign in as several of them (an Accountable
// executive mending a team, the executive deciding the gate).
const mustEnrol = await client.user.findMany({
  where: { active: true, role: { in: ["ADMIN", "EXECUTIVE"] } },
  select: { email: true },
});
for (const { email } of mustEnrol) {
  const user = await client.user.findUniqueOrThrow({ where: { email } });
  const { secret } = await startMfaEnrolment(client, user);
  const code = totpCodeForStep(secret, totpStep());
  const outcome = await client.$transaction((tx) =>
    confirmMfaEnrolment(tx, user.id, code, { requestId: "e2e-setup" }),
  );
  if (!outcome.ok) throw new Error(`Could not enrol ${email} for the browser tests: ${outcome.reason}`);
  mfaSecrets[email] = secret;
}
await client.$disconnect();
// Shared by every instance of one deployment: the session tokens' key, and the key server actions'
// closed-over values are encrypted with (two instances must read each other's).
const shared: ServerEnv = {
  DATABASE_URL: database.url,
  AUTH_SECRET: authSecret,
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
if (urlFile) {
  writeFileSync(urlFile, database.url);
  writeFileSync(serverEnvFileFor(urlFile), JSON.stringify(shared), { mode: 0o600 });
  writeFileSync(`${urlFile}.mfa.json`, JSON.stringify(mfaSecrets));
}

const app = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "start.ts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    ...shared,
    // The address the browser uses (playwright.config.ts's baseURL); a deployment must name it.
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await database.drop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
app.on("exit", (code) => void stop(code ?? 1));
