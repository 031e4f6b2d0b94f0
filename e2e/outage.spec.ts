import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrlFile } from "../playwright.config";
import { signIn } from "./support/demo";

// Issue #11, "database down or slow", in a real Chromium against the production build: the app's
// database stops taking connections and drops the ones it has (what a database restart or
// failover looks like), the page shows a clear error that names the database, /api/health answers
// 503, and once the database is back the same server carries on: no restart.
//
// Cutting the database needs its server's administrator (TEST_DATABASE_URL, as CI runs it); the
// embedded database runs inside the e2e server's own process, out of this test's reach.
const adminUrl = process.env.TEST_DATABASE_URL;

async function asAdmin(work: (client: pg.Client, database: string) => Promise<unknown>): Promise<void> {
  const database = new URL(readFileSync(e2eDatabaseUrlFile, "utf8").trim()).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client, database);
  } finally {
    await client.end();
  }
}

const cut = () =>
  asAdmin(async (admin, database) => {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
  });

const restore = () =>
  asAdmin((admin, database) => admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`));

test("a database outage shows a clear error and a 503 health check, and the app recovers by itself", async ({
  page,
  request,
}) => {
  // biome-ignore lint/suspicious/noSkippedTests: skipped only where there is no server administrator to cut the database (see above), with the reason in the report
  test.skip(
    !adminUrl,
    "needs TEST_DATABASE_URL: the embedded database cannot be cut from outside its process",
  );

  // A freshly started server answers 503 until its first connection is made (its first check can
  // outlast the health timeout on a busy machine): it is ready once it answers 200.
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  const healthy = await request.get("/api/health");
  expect(healthy.status()).toBe(200);
  expect(await healthy.json()).toEqual({ status: "ok" });
  expect(healthy.headers()["cache-control"]).toContain("no-store");

  await signIn(page, "pmo@northbridge.example");
  await expect(page).toHaveURL(/\/portfolio/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await cut();
  try {
    const down = await request.get("/api/health");
    expect(down.status()).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable" });

    const shown = await page.goto("/objectives");
    // The error page, in words, within the timeouts: no hang, no stack trace.
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("cannot reach its database");
    const text = await page.locator("body").textContent();
    expect(text).not.toMatch(/\bat .+\.(js|ts):\d+|Error:|ECONNREFUSED|not currently accepting connections/);
    expect(shown?.status()).toBeGreaterThanOrEqual(200);
  } finally {
    await restore();
  }

  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0, {
    timeout: 30_000,
  });
  await page.goto("/objectives");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "cannot reach its database" })).toHaveCount(0);
});
