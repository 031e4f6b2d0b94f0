// The Prisma client over node-postgres. One client per process, created on first use from
// DATABASE_URL, so scripts and tests can choose the database before anything queries it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv, requireDatabaseUrl } from "@/lib/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what operations take so they compose inside one transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DatabaseTimeouts {
  connectMs: number;
  /** 0: none. */
  statementMs: number;
}

/** The grace the driver gives a statement beyond the server's own timeout before it stops waiting. */
const READ_GRACE_MS = 5_000;

function timeoutsFromEnv(): DatabaseTimeouts {
  const env = getEnv();
  return { connectMs: env.DATABASE_CONNECT_TIMEOUT_MS, statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS };
}

/**
 * The pool's settings for a database that is down or slow (issue #11; docs/security-operations.md):
 * connecting, or waiting for a free connection, gives up after `connectMs`; PostgreSQL cancels a
 * statement, and ends a transaction left idle, after `statementMs` (a stuck request must not hold
 * the audit chain's lock or row locks for everyone); and the driver stops waiting a little later if
 * the server answers nothing at all. TCP keep-alive finds connections to a server that vanished. A
 * broken connection leaves the pool, so the app recovers by itself when the database is back.
 */
export function poolSettings(timeouts: DatabaseTimeouts) {
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
    ...(timeouts.statementMs > 0
      ? {
          statement_timeout: timeouts.statementMs,
          idle_in_transaction_session_timeout: timeouts.statementMs,
          query_timeout: timeouts.statementMs + READ_GRACE_MS,
        }
      : {}),
  };
}

export function createPrismaClient(
  url: string,
  poolMax = getEnv().DATABASE_POOL_MAX,
  timeouts: DatabaseTimeouts = timeoutsFromEnv(),
): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolMax, ...poolSettings(timeouts) }),
  });
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
