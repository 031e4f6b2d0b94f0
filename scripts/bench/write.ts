// The governed write against its floor: a milestone forecast change with its reason, history row,
// the project's forecast end where it moves, and its audit event, once through the app's own
// operation (changeMilestoneForecast: parse, lock, authority, version, rule 5, one transaction) and
// once as the same rows written by raw SQL in one transaction. Runs in this process, so the script
// starts under the react-server condition (package.json `bench`), where `server-only` is empty.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { loadActor } from "@/lib/auth/authenticate";
import { db, disconnectDb } from "@/lib/db/client";
import { changeMilestoneForecast } from "@/lib/server/operations/milestones";

interface OpenMilestone {
  id: string;
  projectId: string;
  forecastDate: string;
  version: number;
}

const REASON = "The supplier moved the delivery by a week.";
/** Writes made first, untimed, to warm the client, its connections and the query plans. */
const WARM_UP = 5;

function weekLater(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return date.toISOString().slice(0, 10);
}

async function openMilestones(client: pg.Client, count: number): Promise<OpenMilestone[]> {
  // Milestones of live projects, not yet due: a change any PMO may make (rule 3).
  const { rows } = await client.query<OpenMilestone>(
    `SELECT m.id, m."projectId", to_char(m."forecastDate", 'YYYY-MM-DD') AS "forecastDate", m.version
     FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
     WHERE p.stage IN ('APPROVED', 'PILOT', 'ROLLOUT') AND m.status = 'NOT_STARTED' AND m."forecastDate" > current_date + 1
     ORDER BY md5(m.id) LIMIT $1`,
    [count],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} open milestones to move; ${count} needed`);
  return rows;
}

export interface WriteTimings {
  governed: number[];
  raw: number[];
  governedStatements: number;
  rawStatements: number;
}

/**
 * `appUrl` is the database as the app reaches it (through the counting proxy), `count()` the
 * proxy's statement count, so both writes are counted the same way.
 */
export async function measureWrites(options: {
  appUrl: string;
  direct: pg.Client;
  raw: pg.Client;
  actorUserId: string;
  count: () => number;
  runs: number;
}): Promise<WriteTimings> {
  const { direct, raw, runs } = options;
  const targets = await openMilestones(direct, (runs + WARM_UP) * 2);
  process.env.DATABASE_URL = options.appUrl;
  const actor = await loadActor(db(), options.actorUserId, 0, randomUUID());
  if (!actor) throw new Error("The bench PMO cannot act");

  const governed: number[] = [];
  let governedStatements = 0;
  for (const [index, m] of targets.slice(0, runs + WARM_UP).entries()) {
    const before = options.count();
    const started = performance.now();
    const result = await changeMilestoneForecast(actor, {
      milestoneId: m.id,
      version: m.version,
      forecastDate: weekLater(m.forecastDate),
      reason: REASON,
    });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`The governed write was refused: ${result.message}`);
    if (index >= WARM_UP) {
      governed.push(ms);
      governedStatements = options.count() - before;
    }
  }
  await disconnectDb();

  const rawTimes: number[] = [];
  let rawStatements = 0;
  for (const [index, m] of targets.slice(runs + WARM_UP).entries()) {
    const newDate = weekLater(m.forecastDate);
    const before = options.count();
    const started = performance.now();
    await raw.query("BEGIN");
    try {
      const project = await raw.query<{ forecastEndDate: string }>(
        `SELECT to_char("forecastEndDate", 'YYYY-MM-DD') AS "forecastEndDate" FROM "Project" WHERE id = $1 FOR UPDATE`,
        [m.projectId],
      );
      const moved = await raw.query(
        `UPDATE "Milestone" SET "forecastDate" = $2, version = version + 1, "updatedAt" = now()
         WHERE id = $1 AND version = $3 RETURNING id`,
        [m.id, newDate, m.version],
      );
      if (moved.rowCount !== 1) throw new Error("The raw write lost its milestone");
      await raw.query(
        `INSERT INTO "MilestoneChange" (id, "milestoneId", "oldDate", "newDate", reason, "changedById")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), m.id, m.forecastDate, newDate, REASON, options.actorUserId],
      );
      const projectEnd = project.rows[0]?.forecastEndDate ?? newDate;
      if (newDate > projectEnd)
        await raw.query(
          `UPDATE "Project" SET "forecastEndDate" = $2, version = version + 1, "updatedAt" = now() WHERE id = $1`,
          [m.projectId, newDate],
        );
      await raw.query(
        `INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after, "requestId")
         VALUES ($1, 'milestone.change_forecast', 'Milestone', $2, $3, $4, $5)`,
        [
          options.actorUserId,
          m.id,
          JSON.stringify({ forecastDate: m.forecastDate, version: m.version }),
          JSON.stringify({ forecastDate: newDate, version: m.version + 1, reason: REASON }),
          randomUUID(),
        ],
      );
      await raw.query("COMMIT");
    } catch (error) {
      await raw.query("ROLLBACK");
      throw error;
    }
    const ms = performance.now() - started;
    if (index >= WARM_UP) {
      rawTimes.push(ms);
      rawStatements = options.count() - before;
    }
  }
  return { governed, raw: rawTimes, governedStatements, rawStatements };
}
