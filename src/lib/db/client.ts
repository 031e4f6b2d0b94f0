// The Prisma client over node-postgres. One client per process, created on first use from
// DATABASE_URL, so scripts and tests can choose the database before anything queries it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what operations take so they compose inside one transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url: string, poolMax = getEnv().DATABASE_POOL_MAX): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}

const holder = globalThis as unknown as { __throughlineDb?: { url: string; client: PrismaClient } };

export function db(): PrismaClient {
  const url = requireDatabaseUrl();
  if (holder.__throughlineDb?.url !== url) {
    void holder.__throughlineDb?.client.$disconnect();
    holder.__throughlineDb = { url, client: createPrismaClient(url) };
  }
  return holder.__throughlineDb.client;
}

export async function disconnectDb(): Promise<void> {
  await holder.__throughlineDb?.client.$disconnect();
  holder.__throughlineDb = undefined;
}
