// Counts the SQL statements a piece of server code sends, so a test can hold a page's reads to the
// queries they need (a nested relation is a statement of its own; a loop of queries shows at once).
// For the duration of `run`, db() hands out a client of the same database that logs each statement.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { requireDatabaseUrl } from "@/lib/env";

// The slot db() keeps its client in (src/lib/db/client.ts): swapping it is how the counter gets in.
const holder = globalThis as unknown as { __throughlineDb?: { url: string; client: PrismaClient } };

export async function countStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const url = requireDatabaseUrl();
  db(); // make sure the usual client exists, to put it back afterwards
  const previous = holder.__throughlineDb;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: string[] = [];
  client.$on("query", (event) => statements.push(event.query));
  holder.__throughlineDb = { url, client };
  try {
    return { result: await run(), statements };
  } finally {
    holder.__throughlineDb = previous;
    await client.$disconnect();
  }
}
