// Issue #11, "database down or slow": the app gives up within its timeouts with a clear failure
// (never a hang), the health check says 503-worthy "unavailable" within its own short timeout, a
// write cut off midway leaves nothing half-written, and once the database is back the same
// process carries on: no restart (docs/security-operations.md, "When the database is down").
//
// Runs on both databases. Cutting a write off at a known point needs a server's separate backends
// (pg_terminate_backend); the rest runs on the embedded PGlite too, which is cut by stopping it.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { AUDIT_CHAIN_LOCK_KEY, verifyAuditChain } from "@/lib/db/audit-chain";
import { db, disconnectDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { checkDatabase } from "@/lib/db/health";
import { migrate } from "@/lib/db/migrator";
import { createSite } from "@/lib/server/operations/sites";
import { actorOf } from "../operations/support";
import * as make from "../server/fixtures";
import { createTestDatabase } from "../support/test-database";

// Short timeouts, so each refusal is quick; the defaults are seconds, not minutes, too. The bounds
// below leave room for a busy machine and are still far short of the hang each timeout prevents
// (the test itself would time out at 30 s).
process.env.DATABASE_CONNECT_TIMEOUT_MS = "1500";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
process.env.DATABASE_HEALTH_TIMEOUT_MS = "500";

const serverUrl = process.env.TEST_DATABASE_URL;

/** A database this file can take away and bring back. */
interface Outage {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  drop(): Promise<void>;
}

async function asServerAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function createOutage(): Promise<Outage> {
  if (serverUrl) {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    return {
      url: database.url,
      // New connections are refused and the open ones ended: what a database restart looks like.
      cut: () =>
        asServerAdmin(async (admin) => {
          await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
          await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [name],
          );
        }),
      restore: async () => {
        await asServerAdmin((admin) => admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
      },
      drop: async () => {
        await asServerAdmin((admin) => admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
        await database.drop();
      },
    };
  }
  // The embedded database keeps its data in a folder and comes back on the same port.
  const dataDir = await mkdtemp(join(tmpdir(), "throughline-outage-"));
  let embedded = await startEmbeddedPostgres({ dataDir });
  const port = Number(new URL(embedded.url).port);
  let running = true;
  return {
    url: embedded.url,
    async cut() {
      await embedded.stop();
      running = false;
    },
    async restore() {
      embedded = await startEmbeddedPostgres({ dataDir, port });
      running = true;
    },
    async drop() {
      if (running) await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

let outage: Outage;
let counter = 0;
const siteInput = () => {
  counter += 1;
  return { code: `OUT${counter}`, name: `Outage Site ${counter}`, kind: "Community hospital" };
};

async function newAdmin() {
  return actorOf(await make.createUser({ role: "ADMIN" }));
}

beforeAll(async () => {
  outage = await createOutage();
  await migrate({ url: outage.url });
  process.env.DATABASE_URL = outage.url;
});

afterAll(async () => {
  await disconnectDb();
  await outage?.drop();
});

describe("a database that goes away and comes back", () => {
  it("fails fast and cleanly while it is away, and the same process carries on when it is back", async () => {
    const admin = await newAdmin();
    expect(await checkDatabase()).toMatchObject({ ok: true });
    const up = await getHealth();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok" });
    expect(await createSite(admin, siteInput())).toMatchObject({ ok: true });

    await outage.cut();
    try {
      const down = await getHealth();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable" });
      expect(down.headers.get("cache-control")).toContain("no-store");

      const health = await timed(() => checkDatabase());
      expect(health.value).toMatchObject({ ok: false });
      expect(health.ms).toBeLessThan(3_000);

      const refused = await timed(() => createSite(admin, siteInput()));
      expect(refused.value).toMatchObject({ ok: false, code: "UNEXPECTED" });
      expect(refused.value.ok ? "" : refused.value.message).toMatch(
        /^Something went wrong and nothing was changed/,
      );
      expect(refused.ms).toBeLessThan(8_000);
    } finally {
      await outage.restore();
    }

    // The same client, the same pool: broken connections were dropped and new ones made.
    await expect.poll(async () => (await getHealth()).status, { timeout: 10_000 }).toBe(200);
    const input = siteInput();
    expect(await createSite(admin, input)).toMatchObject({ ok: true, data: { code: input.code } });
    expect(await db().site.count({ where: { code: { startsWith: "OUT" } } })).toBe(2);
  });
});

describe("a database that does not answer at all", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentUrl: string;

  beforeAll(async () => {
    // Accepts connections and never says a word: a hung server, or one behind a dead network path.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    silentUrl = `postgresql://postgres@127.0.0.1:${typeof address === "object" && address ? address.port : 0}/silent`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  afterEach(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = outage.url;
  });

  it("answers the health check within its timeout, and refuses a write within the connect timeout", async () => {
    const admin = await newAdmin();
    process.env.DATABASE_URL = silentUrl;
    const health = await timed(() => checkDatabase());
    expect(health.value).toEqual({ ok: false, reason: "timeout" });
    expect(health.ms).toBeGreaterThanOrEqual(450);
    expect(health.ms).toBeLessThan(3_000);

    const write = await timed(() => createSite(admin, siteInput()));
    expect(write.value).toMatchObject({ ok: false, code: "UNEXPECTED" });
    expect(write.ms).toBeLessThan(8_000);
  });
});

describe("a slow database", () => {
  it("cancels a statement stuck behind a lock instead of hanging, and reads again once it is free", async () => {
    const blocker = new pg.Client({ connectionString: outage.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "Site" IN ACCESS EXCLUSIVE MODE`);
      const stuck = await timed(() =>
        db()
          .site.count()
          .then(
            () => "answered",
            () => "gave up",
          ),
      );
      expect(stuck.value).toBe("gave up");
      // The server cancels at the statement timeout; the embedded one, which has none, is given
      // up on by the driver a few seconds later.
      expect(stuck.ms).toBeLessThan(serverUrl ? 5_000 : 12_000);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await db().site.count()).toBeGreaterThanOrEqual(0);
  });
});

describe.skipIf(!serverUrl)(
  `a write cut off midway (${serverUrl ? "PostgreSQL server" : "needs TEST_DATABASE_URL: the embedded database has one backend, nothing to cut apart"})`,
  () => {
    it("leaves neither the change nor its audit event, and the next attempt succeeds", async () => {
      const admin = await newAdmin();
      const input = siteInput();
      // Hold the audit chain's lock, so the operation stops between its change and its audit event.
      const holder = new pg.Client({ connectionString: outage.url });
      await holder.connect();
      try {
        await holder.query("BEGIN");
        await holder.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK_KEY]);
        const holderPid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!
          .pid;
        const pending = createSite(admin, input);
        let waiting: { pid: number; query: string } | undefined;
        await expect
          .poll(
            async () => {
              waiting = await withClient(
                outage.url,
                async (c) =>
                  (
                    await c.query<{ pid: number; query: string }>(
                      `SELECT pid, query FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event = 'advisory' AND pid <> $1`,
                      [holderPid],
                    )
                  ).rows[0],
              );
              return waiting !== undefined;
            },
            { timeout: 20_000 },
          )
          .toBe(true);
        // The known point: the site row is written in its transaction, the audit event is waiting.
        expect(waiting!.query).toMatch(/^INSERT INTO "public"\."AuditEvent"/);
        await withClient(outage.url, (c) => c.query("SELECT pg_terminate_backend($1)", [waiting!.pid]));

        const result = await pending;
        expect(result).toMatchObject({ ok: false, code: "UNEXPECTED" });
      } finally {
        await holder.query("ROLLBACK");
        await holder.end();
      }
      expect(await db().site.count({ where: { code: input.code } })).toBe(0);
      expect(
        await db().auditEvent.count({ where: { action: "site.create", requestId: admin.requestId } }),
      ).toBe(0);

      // The same process, at once: the dead connection left the pool.
      const again = await createSite(admin, input);
      expect(again).toMatchObject({ ok: true, data: { code: input.code } });
      expect(
        await db().auditEvent.count({ where: { action: "site.create", requestId: admin.requestId } }),
      ).toBe(1);
      expect(await withClient(outage.url, (c) => verifyAuditChain(c))).toMatchObject({ ok: true });
    });
  },
);
