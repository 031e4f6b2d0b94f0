// Issue #11, "an audit trail an auditor can trust": every audit event is linked to the one before
// it by a hash the database computes on insert, and verifying the chain finds the first event
// anyone changed, removed, slipped in or relinked, as the owner of the table could
// (docs/security-operations.md, "The audit chain").
//
// Runs on both databases: a PostgreSQL server (TEST_DATABASE_URL), where concurrent writers really
// run side by side, and the embedded PGlite, which must compute the same hashes.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ChainReport,
  describeReport,
  GENESIS_HASH,
  parseAnchor,
  verifyAuditChain,
} from "@/lib/db/audit-chain";
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { createTestDatabase, useMigratedDatabase } from "../support/test-database";

const database = useMigratedDatabase();
const onServer = Boolean(process.env.TEST_DATABASE_URL);

async function withClient<T>(work: (client: pg.Client) => Promise<T>, url = database.url()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const verify = (anchor?: string, url = database.url()): Promise<ChainReport> =>
  withClient((c) => verifyAuditChain(c, anchor ? parseAnchor(anchor) : undefined), url);

/** As the table's owner, who can lift the append-only trigger: what an insider with the owner's rights could do. */
async function asOwnerWithoutProtection(sql: string, values: unknown[] = []): Promise<void> {
  await withClient(async (c) => {
    await c.query("BEGIN");
    await c.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await c.query(sql, values);
    await c.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    await c.query("COMMIT");
  });
}

interface Link {
  id: string;
  chainSeq: string;
  prevHash: string;
  hash: string;
}

async function links(): Promise<Link[]> {
  return withClient(async (c) => {
    const { rows } = await c.query<Link>(
      `SELECT "id"::text AS id, "chainSeq"::text AS "chainSeq", "prevHash", "hash" FROM "AuditEvent" ORDER BY "AuditEvent"."chainSeq"`,
    );
    return rows;
  });
}

/** Ten events the way the app writes them, with JSON snapshots, nulls and text beyond ASCII. */
async function writeEvents(count = 10): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db().auditEvent.create({
      data: {
        action: i % 2 ? "project.update" : "feedback.create",
        entityType: "Project",
        entityId: `project-${i}`,
        requestId: `req-${i}`,
        ...(i % 3 ? { before: { name: `Ward ${i}`, note: null } } : {}),
        after: { name: `Ward ${i} – Ünïcode “quoted” \\ \n`, amount: 12.5, tags: ["a", i] },
        ...(i === 4 ? { clientAddress: "203.0.113.9", userAgent: "Mozilla/5.0" } : {}),
      },
    });
  }
}

async function clearTrail(): Promise<void> {
  await asOwnerWithoutProtection(`DELETE FROM "AuditEvent"`);
}

beforeEach(async () => {
  await clearTrail();
});

describe("the audit chain", () => {
  it("links each event to the one before it, from the first, and an untouched trail verifies", async () => {
    await writeEvents();
    const chain = await links();
    expect(chain.map((l) => l.chainSeq)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(new Set(chain.map((l) => l.hash)).size).toBe(10);
    expect(chain.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);

    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: 10, broken: null, unchained: { count: 0 } });
    expect(report.head).toMatchObject({ chainSeq: "10", id: chain[9]!.id, hash: chain[9]!.hash });
    expect(describeReport(report)[0]).toMatch(/intact: 10 event/);
  });

  it("ignores links a writer supplies: the database computes them", async () => {
    await writeEvents(2);
    const forged = await db().auditEvent.create({
      data: {
        action: "x",
        entityType: "Site",
        entityId: "s",
        chainSeq: 1n,
        prevHash: "f".repeat(64),
        hash: "forged",
      },
    });
    expect(forged.chainSeq).toBe(3n);
    expect(forged.prevHash).toBe((await links())[1]!.hash);
    expect(forged.hash).not.toBe("forged");
    expect((await verify()).ok).toBe(true);
  });

  it("names the event whose content was changed afterwards", async () => {
    await writeEvents();
    const target = (await links())[6]!;
    await asOwnerWithoutProtection(
      `UPDATE "AuditEvent" SET "after" = '{"name":"Nothing to see"}' WHERE "id" = $1`,
      [target.id],
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ kind: "altered", id: target.id, chainSeq: "7" });
    expect(report.broken!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(describeReport(report).join("\n")).toContain(
      `event ${target.id} at ${report.broken!.at} (position 7)`,
    );
  });

  it("names the event after one that was deleted, and the missing position", async () => {
    await writeEvents();
    const chain = await links();
    await asOwnerWithoutProtection(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [chain[3]!.id]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({
      kind: "missing",
      id: chain[4]!.id,
      chainSeq: "5",
      expectedSeq: "4",
    });
  });

  it("finds an event whose hash was recomputed after a change: the next link no longer holds", async () => {
    await writeEvents();
    const chain = await links();
    // A careful forger changes the content and recomputes that event's hash and position fields…
    await asOwnerWithoutProtection(
      `UPDATE "AuditEvent" SET "action" = 'project.view',
         "hash" = encode(sha256(convert_to("prevHash" || 'forged', 'UTF8')), 'hex') WHERE "id" = $1`,
      [chain[2]!.id],
    );
    const report = await verify();
    // …and is caught at the event itself, whose hash is not its content's, before the next link.
    expect(report.broken).toMatchObject({ kind: "altered", id: chain[2]!.id });

    // Rewriting a link alone (a prevHash pointing elsewhere) is caught at that event too.
    await clearTrail();
    await writeEvents(4);
    const fresh = await links();
    await asOwnerWithoutProtection(`UPDATE "AuditEvent" SET "prevHash" = $2 WHERE "id" = $1`, [
      fresh[2]!.id,
      fresh[0]!.hash,
    ]);
    expect((await verify()).broken).toMatchObject({ id: fresh[2]!.id, chainSeq: "3" });
  });

  it("finds an event slipped in while the chain was switched off", async () => {
    await writeEvents(3);
    const sneaked = await withClient(async (c) => {
      await c.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_link"`);
      try {
        const { rows } = await c.query<{ id: string }>(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('user.create', 'User', 'ghost') RETURNING "id"::text AS id`,
        );
        return rows[0]!.id;
      } finally {
        await c.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_link"`);
      }
    });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toBeNull();
    expect(report.unchained).toMatchObject({ count: 1, first: { id: sneaked } });
    expect(describeReport(report).join("\n")).toMatch(new RegExp(`event ${sneaked} at .*not in the chain`));
  });

  it("with an anchor kept outside, finds a chain rebuilt from scratch or cut short at the end", async () => {
    await writeEvents(5);
    const head = (await verify()).head!;
    const anchor = `${head.chainSeq}:${head.hash}`;
    expect((await verify(anchor)).ok).toBe(true);

    // Cutting off the last events leaves a chain that is consistent in itself.
    await asOwnerWithoutProtection(`DELETE FROM "AuditEvent" WHERE "chainSeq" >= 4`);
    const cut = await verify(anchor);
    expect(cut.broken).toBeNull();
    expect(cut.ok).toBe(false);
    expect(cut.anchorProblem).toMatch(/no event at position 5/);

    // Rebuilding every link after a change (delete everything, insert altered copies through the
    // trigger) also gives a consistent chain, but not the anchored one.
    await clearTrail();
    await writeEvents(4);
    await db().auditEvent.create({
      data: { action: "project.delete", entityType: "Project", entityId: "x" },
    });
    const rebuilt = await verify(anchor);
    expect(rebuilt.broken).toBeNull();
    expect(rebuilt.anchorProblem).toMatch(/does not have the anchored hash/);
    expect(() => parseAnchor("5:nothex")).toThrow(/not an anchor/);
  });

  it("chains concurrent writers one after the other, never twice at one position", async () => {
    await writeEvents(1);
    // A transaction appends and stays open; a second writer must wait for it, then append after it.
    const first = new pg.Client({ connectionString: database.url() });
    await first.connect();
    try {
      await first.query("BEGIN");
      await first.query(
        `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('a', 'Site', 'first')`,
      );
      const second = withClient((c) =>
        c.query(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('b', 'Site', 'second')`,
        ),
      );
      if (onServer) {
        await expect
          .poll(
            () =>
              withClient(async (c) =>
                Number(
                  (
                    await c.query(
                      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
                    )
                  ).rows[0].n,
                ),
              ),
            { timeout: 20_000 },
          )
          .toBe(1);
      }
      await first.query("COMMIT");
      await second;
    } finally {
      await first.end();
    }
    const order = await withClient(
      async (c) =>
        (await c.query(`SELECT "entityId", "chainSeq"::text AS seq FROM "AuditEvent" ORDER BY "chainSeq"`))
          .rows,
    );
    expect(order.slice(1)).toEqual([
      { entityId: "first", seq: "2" },
      { entityId: "second", seq: "3" },
    ]);

    // Many writers at once, each transaction appending several events.
    const writers = 6;
    const rounds = 5;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        withClient(async (c) => {
          for (let r = 0; r < rounds; r++) {
            await c.query("BEGIN");
            for (let k = 0; k < 3; k++) {
              await c.query(
                `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('c', 'Site', $1)`,
                [`w${w}-r${r}-${k}`],
              );
            }
            await c.query("COMMIT");
          }
        }),
      ),
    );
    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: 3 + writers * rounds * 3 });
    expect(report.head!.chainSeq).toBe(String(report.events));
  });

  it("chains one INSERT … SELECT of many events in the order it inserts them", async () => {
    const rows = onServer ? 20_000 : 2_000;
    await withClient((c) =>
      c.query(
        `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "after", "at")
         SELECT 'metric.record', 'Metric', 'm' || g, jsonb_build_object('value', g),
                timestamp '2026-01-01' + g * interval '1 minute'
         FROM generate_series(1, $1::int) g ORDER BY g`,
        [rows],
      ),
    );
    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: rows, head: { chainSeq: String(rows) } });
    const outOfOrder = await withClient(
      async (c) =>
        (
          await c.query(
            `SELECT count(*) AS n FROM "AuditEvent" WHERE "chainSeq" <> substr("entityId", 2)::bigint`,
          )
        ).rows[0].n,
    );
    expect(Number(outOfOrder)).toBe(0);
  });
});

describe("`npm run audit:verify`", () => {
  const run = (env: Record<string, string>) =>
    promisify(execFile)("node_modules/.bin/tsx", ["src/lib/db/cli/audit-verify.ts"], {
      env: { ...process.env, ...env },
    }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        out: error.stdout + error.stderr,
      }),
    );

  it("exits 0 on an intact trail and 1 naming the first broken link after tampering", async () => {
    await writeEvents(3);
    const intact = await run({ DATABASE_URL: database.url() });
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/intact: 3 event/);

    const target = (await links())[1]!;
    await asOwnerWithoutProtection(`UPDATE "AuditEvent" SET "entityId" = 'someone-else' WHERE "id" = $1`, [
      target.id,
    ]);
    const broken = await run({ DATABASE_URL: database.url() });
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`First broken link: event ${target.id} at \\S+ \\(position 2\\)`));
  });
});

describe("the migration that starts the chain", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("links the events written before it, in the order they were written", async () => {
    const earlier = await mkdtemp(join(tmpdir(), "throughline-migrations-"));
    cleanups.push(() => rm(earlier, { recursive: true, force: true }));
    for (const name of await readdir("prisma/migrations")) {
      if (name < "20261201200300")
        await cp(join("prisma/migrations", name), join(earlier, name), { recursive: true });
    }
    const before = await createTestDatabase();
    cleanups.push(() => before.drop());
    await migrate({ url: before.url, migrationsDir: earlier });
    await withClient(
      (c) =>
        c.query(
          `INSERT INTO "AuditEvent" ("action", "entityType", "entityId", "before", "requestId")
           SELECT 'site.create', 'Site', 's' || g, CASE WHEN g % 2 = 0 THEN '{"a":1}'::jsonb END, 'r' || g
           FROM generate_series(1, 25) g ORDER BY g`,
        ),
      before.url,
    );
    await migrate({ url: before.url });
    const report = await verify(undefined, before.url);
    expect(report).toMatchObject({ ok: true, events: 25, head: { chainSeq: "25" } });
    // New events continue the same chain, and the append-only protection is back on.
    await withClient(async (c) => {
      await c.query(
        `INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('site.update', 'Site', 's1')`,
      );
      await expect(c.query(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    }, before.url);
    expect(await verify(undefined, before.url)).toMatchObject({ ok: true, events: 26 });
  });
});
