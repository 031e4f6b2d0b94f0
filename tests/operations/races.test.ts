// Races that would break a rule: an operation runs while a competing write holds its transaction
// open on a second connection, and must either wait for it and see its outcome, or make it wait
// and be seen by it.
//
// They mean most on a PostgreSQL server (TEST_DATABASE_URL), where the operation really does run
// alongside the open transaction: each test waits until some backend is blocked on a lock before
// the competitor commits. The embedded database is one backend that runs one transaction at a
// time, so there the operation simply queues behind the competitor; the tests pass there too,
// which shows the outcome is the same whichever order the two end up in.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { alignProject } from "@/lib/server/operations/alignment";
import { handOverAccountable, removeRaci } from "@/lib/server/operations/raci";
import { changeUserRole, deactivateUser } from "@/lib/server/operations/users";
import * as make from "../server/fixtures";
import { type Call, type CallCast, callOf } from "../support/operation-calls";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, createProjectTeam, fingerprint, type ProjectTeam } from "./support";

const database = useMigratedDatabase();
const onServer = Boolean(process.env.TEST_DATABASE_URL);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Competitor {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  commit(): Promise<void>;
}

/** A transaction held open on a connection of its own: the competing write, step by step. */
async function openCompetitor(): Promise<Competitor> {
  const client = new pg.Client({ connectionString: database.url() });
  await client.connect();
  await client.query("BEGIN");
  return {
    query: (sql, params) => client.query(sql, params),
    async commit() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/**
 * Waits until `waiting` backends are blocked on a lock (observed in pg_stat_activity), or every
 * operation in `pending` has settled (an operation that takes no lock runs straight through). The
 * embedded database runs one transaction at a time, so there is no interleaving to set up: the
 * operations simply run after the competing write, and the assertions hold for either order.
 */
async function untilBlocked(pending: Promise<unknown>[], waiting = 1): Promise<void> {
  if (!onServer) return;
  let settled = 0;
  for (const p of pending) {
    p.then(
      () => {
        settled += 1;
      },
      () => {
        settled += 1;
      },
    );
  }
  const probe = new pg.Client({ connectionString: database.url() });
  await probe.connect();
  try {
    for (let i = 0; i < 200 && settled < pending.length; i += 1) {
      const { rows } = await probe.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((rows[0]?.n ?? 0) >= waiting) return;
      await sleep(25);
    }
  } finally {
    await probe.end();
  }
}

let team: ProjectTeam;
let admin: Actor;
let pmo: Actor;
let pm: Actor;
let cast: CallCast;

beforeAll(async () => {
  team = await createProjectTeam();
  ({ admin, pmo, responsible: pm } = team);
  cast = {
    siteId: team.siteId,
    objectiveId: (await make.createObjective({ ownerId: admin.id })).id,
    sponsor: team.accountable,
    lead: pm,
    champion: team.champion,
    requester: pmo,
  };
});

async function liveProject(stage: "APPROVED" | "PILOT" | "ROLLOUT" = "PILOT") {
  const sponsor = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const project = await make.createProject({
    siteId: cast.siteId,
    stage,
    kind: "OPERATIONAL",
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
    ],
    alignments: [{ objectiveId: cast.objectiveId }],
  });
  return { project, sponsor };
}

async function accountableOf(projectId: string) {
  return db().raciAssignment.findFirstOrThrow({
    where: { projectId, letter: "A" },
    select: { userId: true, user: { select: { active: true, role: true } } },
  });
}

describe("rule 2: a hand-over and a change to the incoming person's account", () => {
  const accountChanges = [
    [
      "a deactivation",
      `UPDATE "User" SET "active" = false, "sessionVersion" = "sessionVersion" + 1, "version" = "version" + 1 WHERE "id" = $1`,
      /Choose an active user/,
    ],
    [
      "a change of role to viewer",
      `UPDATE "User" SET "role" = 'VIEWER', "version" = "version" + 1 WHERE "id" = $1`,
      /viewer cannot be Accountable/,
    ],
  ] as const;

  it.each(accountChanges)(
    "a hand-over waits for %s of the incoming person in flight, then is refused",
    async (_what, update, message) => {
      const { project, sponsor } = await liveProject();
      const incoming = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
      // The account change has checked that the person is no live project's A, and written.
      const other = await openCompetitor();
      await other.query(update, [incoming.id]);
      const handOver = handOverAccountable(pmo, {
        projectId: project.id,
        toUserId: incoming.id,
        currentAccountableId: sponsor.id,
      });
      await untilBlocked([handOver]);
      await other.commit();
      const result = await handOver;
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
      expect(result.ok ? [] : result.fieldErrors?.toUserId).toEqual([expect.stringMatching(message)]);
      expect((await accountableOf(project.id)).userId).toBe(sponsor.id);
    },
  );

  const accountOperations: [string, (user: { id: string }) => Promise<ActionResult<unknown>>][] = [
    ["deactivation", (user) => deactivateUser(admin, { userId: user.id, version: 0 })],
    [
      "change of role to viewer",
      (user) =>
        changeUserRole(admin, { userId: user.id, version: 0, role: "VIEWER", discipline: "EXECUTIVE" }),
    ],
  ];

  it.each(accountOperations)(
    "a %s of the incoming person waits for a hand-over in flight, then sees the new A and is refused",
    async (_what, changeAccount) => {
      const { project, sponsor } = await liveProject();
      const incoming = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
      // Hold the outgoing A's row, so the hand-over stops at its first write: after it has chosen
      // (and, fixed, locked) the incoming person, before it commits.
      const other = await openCompetitor();
      await other.query(
        `SELECT "id" FROM "RaciAssignment" WHERE "projectId" = $1 AND "userId" = $2 FOR UPDATE`,
        [project.id, sponsor.id],
      );
      const handOver = handOverAccountable(pmo, {
        projectId: project.id,
        toUserId: incoming.id,
        currentAccountableId: sponsor.id,
      });
      await untilBlocked([handOver]);
      const change = changeAccount(incoming);
      await untilBlocked([handOver, change], 2);
      await other.commit();
      const [handed, changed] = await Promise.all([handOver, change]);

      // Whichever went first, the project's A is an active person who can act on it.
      const a = await accountableOf(project.id);
      expect(a.user).toEqual({ active: true, role: "EXECUTIVE" });
      expect([handed.ok, changed.ok]).not.toEqual([true, true]);
      // With the hand-over holding the person's row first, it wins and the account change sees it.
      expect(handed).toMatchObject({ ok: true });
      expect(changed).toMatchObject({ ok: false, code: "RULE" });
      expect(changed.ok ? "" : changed.message).toContain(project.code);
      expect(a.userId).toBe(incoming.id);
    },
  );
});

let sequence = 0;

/** What the operation needs on the project, and the operation by the project's R, from the one table of calls. */
const byResponsible =
  (operation: string) =>
  (projectId: string): Promise<Call> => {
    sequence += 1;
    return callOf(operation)({ actor: pm, projectId, n: sequence, cast });
  };

// Each operation checks the project's stage; the competing stage move has taken the project's lock
// and passed its gates when the operation starts.
const STAGE_RACES: [string, "CLOSED" | "CANCELLED"][] = [
  ["requestScopeChange (add a milestone)", "CLOSED"],
  ["defineMetric", "CLOSED"],
  ["createRisk", "CLOSED"],
  ["requestRebaseline", "CLOSED"],
  ["requestScopeChange (add a milestone)", "CANCELLED"],
  ["changeMilestoneForecast", "CANCELLED"],
  ["completeMilestone", "CANCELLED"],
  ["requestScopeChange (cancel a milestone)", "CANCELLED"],
  ["updateRisk", "CANCELLED"],
  ["updateMetric", "CANCELLED"],
  ["recordMetricValue", "CANCELLED"],
  ["logFeedback", "CANCELLED"],
];

const WRITTEN = [
  "Milestone",
  "MilestoneChange",
  "Risk",
  "Metric",
  "MetricValue",
  "Feedback",
  "Rebaseline",
  "AuditEvent",
] as const;

describe("rule 4: an operation and a stage move to CLOSED or CANCELLED in flight", () => {
  it.each(STAGE_RACES)(
    "%s waits for a move to %s, then is refused, writing nothing",
    async (operation, toStage) => {
      const { project } = await liveProject("ROLLOUT");
      const call = await byResponsible(operation)(project.id);
      const before = await fingerprint(WRITTEN);
      // The steps of the move (decideStageGate approving a close, changeProjectStage cancelling):
      // lock the project, check the gates (passed), then write the stage, and a close's end day.
      const other = await openCompetitor();
      await other.query(`SELECT "id" FROM "Project" WHERE "id" = $1 FOR UPDATE`, [project.id]);
      const pending = call();
      await untilBlocked([pending]);
      await other.query(
        `UPDATE "Project" SET "stage" = $2::"ProjectStage", "version" = "version" + 1,
           "actualEndDate" = CASE WHEN $2 = 'CLOSED' THEN CURRENT_DATE END WHERE "id" = $1`,
        [project.id, toStage],
      );
      await other.commit();
      const result = await pending;
      expect(result).toMatchObject({ ok: false, code: "RULE" });
      expect(result.ok ? "" : result.message).toMatch(/closed or cancelled|cancelled/);
      expect(await fingerprint(WRITTEN)).toBe(before);
    },
  );
});

describe("rule 1: a new alignment and the retirement of its objective in flight", () => {
  it("a link waits for the retirement of its objective, then is refused, writing nothing", async () => {
    const { project } = await liveProject();
    const retiring = await make.createObjective({ ownerId: admin.id });
    const before = await fingerprint(["Alignment", "AuditEvent"]);
    // updateObjective's steps: lock the objective, check its aligned projects (none), then write.
    const other = await openCompetitor();
    await other.query(
      `UPDATE "StrategicObjective" SET "status" = 'RETIRED', "version" = "version" + 1 WHERE "id" = $1`,
      [retiring.id],
    );
    const pending = alignProject(pmo, {
      projectId: project.id,
      objectiveId: retiring.id,
      contribution: "SUPPORTING",
      rationale: "Supports the objective being retired.",
    });
    await untilBlocked([pending]);
    await other.commit();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, code: "RULE" });
    expect(result.ok ? "" : result.message).toContain("retired");
    expect(await fingerprint(["Alignment", "AuditEvent"])).toBe(before);
  });
});

describe("rule 1: removing a Responsible while the other one is being deactivated", () => {
  it("waits for the deactivation, then refuses to leave the project with no active R", async () => {
    const { project } = await liveProject();
    const second = await make.createUser({ role: "PROJECT_MANAGER" });
    await db().raciAssignment.create({ data: { projectId: project.id, userId: second.id, letter: "R" } });
    // The deactivation has checked that `pm` is still R, so `second` is not the only one, and written.
    const other = await openCompetitor();
    await other.query(`UPDATE "User" SET "active" = false, "version" = "version" + 1 WHERE "id" = $1`, [
      second.id,
    ]);
    const removal = removeRaci(pmo, { projectId: project.id, userId: pm.id, currentLetter: "R" });
    await untilBlocked([removal]);
    await other.commit();
    expect(await removal).toMatchObject({ ok: false, code: "RULE" });
    const responsible = await db().raciAssignment.findMany({ where: { projectId: project.id, letter: "R" } });
    expect(responsible.map((r) => r.userId)).toContain(pm.id);
  });
});

describe("ACC-6: two admins removing each other at the same time", () => {
  const removals: [string, (actor: Actor, target: { id: string }) => Promise<ActionResult<unknown>>][] = [
    [
      "demotion",
      (actor, target) =>
        changeUserRole(actor, { userId: target.id, version: 0, role: "EXECUTIVE", discipline: "EXECUTIVE" }),
    ],
    ["deactivation", (actor, target) => deactivateUser(actor, { userId: target.id, version: 0 })],
  ];

  it.each(removals)(
    "a %s by an admin whose own removal is in flight waits for it, then is refused, so one of the two stays",
    async (_what, remove) => {
      const first = await make.createUser({ role: "ADMIN" });
      const second = await make.createUser({ role: "ADMIN" });
      // `first` demoting `second`: it has checked that another admin remains, and written.
      const other = await openCompetitor();
      await other.query(
        `UPDATE "User" SET "role" = 'PORTFOLIO_MANAGER', "version" = "version" + 1 WHERE "id" = $1`,
        [second.id],
      );
      // Meanwhile `second`, still an admin when the request began, removes `first`.
      const pending = remove(actorOf(second), first);
      await untilBlocked([pending]);
      await other.commit();
      const result = await pending;
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(result.ok ? "" : result.message).toMatch(/no longer an active admin/);
      expect(await db().user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
        role: "ADMIN",
        active: true,
        version: 0,
      });
      expect(await db().auditEvent.count({ where: { entityId: first.id } })).toBe(0);
    },
  );
});
