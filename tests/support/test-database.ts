// Vitest hooks that give a test file its own migrated database (see databases.ts).
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createTestDatabase, type TestDatabase } from "./databases";

export { createTestDatabase };

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
