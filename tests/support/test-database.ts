// Each test file gets a database of its own: a fresh database on the server named by
// TEST_DATABASE_URL, or else an in-memory embedded PostgreSQL. Files therefore run in parallel
// without seeing each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `throughline_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * For test files that use the app's own data layer: a migrated database of the file's own,
 * installed as DATABASE_URL before the first test and dropped after the last.
 */
export function useMigratedDatabase(): { url: () => string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate({ url: database.url });
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await database?.drop();
  });
  return {
    url: () => {
      if (!database) throw new Error("the test database is not ready yet (use it inside a test or hook)");
      return database.url;
    },
  };
}
