// The benchmark's synthetic organisation obeys the governance rules (docs/governance-rules.md) and
// has the sizes its scale names, checked on a fresh PostgreSQL database at the tiny scale.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { metricDefinitionViolations } from "@/lib/domain/metrics";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { canBeAccountable } from "@/lib/domain/user-accounts";
import type { FeedbackKind, Severity } from "@/lib/domain/vocabulary";
import { buildBenchDatabase } from "../../scripts/bench/database";
import { SCALES } from "../../scripts/bench/scales";
import { connect } from "../../scripts/bench/shared";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { STORED_FIGURE_MISMATCHES } from "../support/stored-figures";

const scale = SCALES.tiny;
// The bench seed drops and creates its database (scripts/bench/shared.ts), which the embedded
// PostgreSQL, one database in all, cannot do: it runs against a PostgreSQL server, as the bench does.
const noServer = !process.env.TEST_DATABASE_URL;
let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  if (noServer) return;
  database = await createTestDatabase();
  await buildBenchDatabase(scale, database.url);
  client = await connect(database.url);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function rows<T>(sql: string): Promise<T[]> {
  return (await client.query(sql)).rows as T[];
}

async function count(sql: string): Promise<number> {
  const [row] = await rows<{ n: string }>(sql);
  return Number(row?.n);
}

const LIVE = `p.stage NOT IN ('PROPOSED', 'CANCELLED') AND p."heldFromStage" IS DISTINCT FROM 'PROPOSED'`;

describe.skipIf(noServer)("the bench seed at the tiny scale", () => {
  it("leaves every stored figure equal to its definition, though it writes by set-based SQL (FRAME-10)", async () => {
    for (const [figure, query] of Object.entries(STORED_FIGURE_MISMATCHES)) {
      const mismatches = (await client.query(query.text, query.values)).rows;
      expect({ figure, mismatches }).toEqual({ figure, mismatches: [] });
    }
    // Spend and objectives' roll-ups are there to be compared, not absent on both sides.
    expect(await count(`SELECT count(*) AS n FROM "Project" WHERE "spentToDate" <> 0`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "ObjectiveSiteRollup"`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "MetricStats"`)).toBeGreaterThan(0);
  });

  it("has the counts its scale names", async () => {
    const counted = await rows<Record<string, string>>(`SELECT
      (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "StrategicObjective") AS objectives,
      (SELECT count(*) FROM "Project") AS projects, (SELECT count(*) FROM "Milestone") AS milestones,
      (SELECT count(*) FROM "MilestoneChange") AS changes, (SELECT count(*) FROM "Feedback") AS feedback,
      (SELECT count(*) FROM "Risk") AS risks, (SELECT count(*) FROM "AuditEvent") AS audit,
      (SELECT count(*) FROM "Metric" WHERE cadence = 'WEEKLY') AS weekly, (SELECT count(*) FROM "Site") AS sites`);
    expect(counted[0]).toEqual({
      users: String(scale.users),
      objectives: String(scale.objectives),
      projects: String(scale.projects),
      milestones: String(scale.projects * scale.milestonesPerProject),
      changes: String(scale.milestoneChanges),
      feedback: String(scale.feedback),
      risks: String(scale.risks),
      audit: String(scale.auditEvents),
      weekly: String(scale.weeklyMetrics),
      sites: String(scale.sites),
    });
    // Two years of weekly values on each weekly metric.
    expect(
      await count(
        `SELECT count(*) AS n FROM "MetricValue" v JOIN "Metric" m ON m.id = v."metricId" WHERE m.cadence = 'WEEKLY'`,
      ),
    ).toBe(scale.weeklyMetrics * 104);
  });

  it("gives every project exactly one Accountable who may be one, a Responsible and its champion (rules 1, 2, ACC-1)", async () => {
    const projects = await rows<{ code: string; kind: string; a: string; r: string; champions: string }>(`
      SELECT p.code, p.kind,
        count(*) FILTER (WHERE r.letter = 'A') AS a, count(*) FILTER (WHERE r.letter = 'R') AS r,
        count(*) FILTER (WHERE r.letter IN ('R', 'C') AND u.discipline = 'CLINICAL' AND u.role <> 'VIEWER' AND u.active) AS champions
      FROM "Project" p JOIN "RaciAssignment" r ON r."projectId" = p.id JOIN "User" u ON u.id = r."userId"
      GROUP BY p.id`);
    expect(projects).toHaveLength(scale.projects);
    for (const p of projects) {
      expect([p.code, Number(p.a), Number(p.r) >= 1]).toEqual([p.code, 1, true]);
      if (p.kind !== "OPERATIONAL") expect([p.code, Number(p.champions) >= 1]).toEqual([p.code, true]);
    }
    const accountables = await rows<{ role: "EXECUTIVE"; active: boolean; sroEligible: boolean }>(`
      SELECT u.role, u.active, u."sroEligible" FROM "RaciAssignment" r JOIN "User" u ON u.id = r."userId" WHERE r.letter = 'A'`);
    expect(accountables.every((a) => canBeAccountable(a))).toBe(true);
    expect(new Set(accountables.map((a) => a.role))).toEqual(new Set(["EXECUTIVE", "PROJECT_MANAGER"]));
  });

  it("aligns and measures every live project, and leaves some proposals unaligned and some objectives undelivered (rule 1)", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "Project" p WHERE ${LIVE}
        AND NOT EXISTS (SELECT 1 FROM "Alignment" a WHERE a."projectId" = p.id)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM "Project" p WHERE ${LIVE}
        AND NOT EXISTS (SELECT 1 FROM "Metric" m WHERE m."projectId" = p.id)`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM "Project" p WHERE NOT EXISTS (SELECT 1 FROM "Alignment" a WHERE a."projectId" = p.id)`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM "StrategicObjective" o
        WHERE NOT EXISTS (SELECT 1 FROM "Alignment" a WHERE a."objectiveId" = o.id)`),
    ).toBeGreaterThan(0);
    // A project metric serves an objective its project is aligned to.
    expect(
      await count(`SELECT count(*) AS n FROM "Metric" m WHERE m."projectId" IS NOT NULL AND NOT EXISTS
        (SELECT 1 FROM "Alignment" a WHERE a."projectId" = m."projectId" AND a."objectiveId" = m."objectiveId")`),
    ).toBe(0);
  });

  it("sets every metric's thresholds to agree with its direction (NUM)", async () => {
    const metrics = await rows<{
      direction: "HIGHER_IS_BETTER";
      baselineValue: number;
      targetValue: number;
      amberThreshold: number;
      redThreshold: number;
    }>(`SELECT direction, "baselineValue", "targetValue", "amberThreshold", "redThreshold" FROM "Metric"`);
    expect(metrics.flatMap((m) => metricDefinitionViolations(m))).toEqual([]);
    expect(new Set(metrics.map((m) => m.direction)).size).toBe(2);
  });

  it("keeps stages consistent with milestones, gates and decisions (rules 4, 5, GATE-5, GATE-6, NUM-1)", async () => {
    // Closed projects finished every milestone.
    expect(
      await count(`SELECT count(*) AS n FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
        WHERE p.stage = 'CLOSED' AND m.status NOT IN ('DONE', 'CANCELLED')`),
    ).toBe(0);
    // A project ends no earlier than its open milestones.
    expect(
      await count(`SELECT count(*) AS n FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
        WHERE m.status IN ('NOT_STARTED', 'IN_PROGRESS') AND m."forecastDate" > p."forecastEndDate"`),
    ).toBe(0);
    // Rolled-out projects passed a done gate milestone, signed off by their Accountable, not its owner.
    expect(
      await count(`SELECT count(*) AS n FROM "Project" p WHERE (p.stage = 'ROLLOUT' OR p."heldFromStage" = 'ROLLOUT')
        AND NOT EXISTS (SELECT 1 FROM "Milestone" m JOIN "RaciAssignment" a ON a."projectId" = m."projectId" AND a.letter = 'A'
          WHERE m."projectId" = p.id AND m."isGate" AND m.status = 'DONE' AND m."gateApprovedById" = a."userId"
            AND m."gateApprovedById" <> m."ownerId")`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM "Project" p WHERE (p.stage = 'ROLLOUT' OR p."heldFromStage" = 'ROLLOUT')
        AND p.kind <> 'OPERATIONAL'
        AND NOT EXISTS (SELECT 1 FROM "Decision" d JOIN "User" u ON u.id = d."decidedById"
          WHERE d."projectId" = p.id AND d.kind = 'SCALE' AND u.role = 'EXECUTIVE')`),
    ).toBe(0);
    // Some milestones are overdue: past their forecast and not done.
    expect(
      await count(`SELECT count(*) AS n FROM "Milestone" WHERE status IN ('NOT_STARTED', 'IN_PROGRESS')
        AND "forecastDate" < current_date`),
    ).toBeGreaterThan(0);
  });

  it("gives each slipped milestone a history of reasoned changes from its baseline to its forecast (rule 5)", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "MilestoneChange" WHERE "oldDate" = "newDate" OR reason = ''`),
    ).toBe(0);
    const broken = await rows<{ id: string }>(`
      SELECT m.id FROM "Milestone" m
      JOIN LATERAL (SELECT (array_agg("oldDate" ORDER BY "changedAt"))[1] AS first_old,
                           (array_agg("newDate" ORDER BY "changedAt" DESC))[1] AS last_new
                    FROM "MilestoneChange" c WHERE c."milestoneId" = m.id) h ON h.first_old IS NOT NULL
      WHERE h.first_old <> m."baselineDate" OR h.last_new <> m."forecastDate"`);
    expect(broken).toEqual([]);
    // Changes come before the milestone was done and before its project closed or was cancelled.
    expect(
      await count(`SELECT count(*) AS n FROM "MilestoneChange" c JOIN "Milestone" m ON m.id = c."milestoneId"
        JOIN "Project" p ON p.id = m."projectId"
        WHERE c."changedAt" > now() OR c."changedAt"::date > m."actualDate"
          OR (p.stage IN ('CLOSED', 'CANCELLED') AND c."changedAt" > p."stageChangedAt")`),
    ).toBe(0);
    // Each change starts where the one before ended.
    expect(
      await count(`SELECT count(*) AS n FROM (SELECT "oldDate", lag("newDate") OVER (PARTITION BY "milestoneId" ORDER BY "changedAt") AS prev
        FROM "MilestoneChange") c WHERE prev IS NOT NULL AND prev <> "oldDate"`),
    ).toBe(0);
  });

  it("keeps feedback's state, answerers and due time as the operations would (rule 6, FB-1, FB-2, FB-6)", async () => {
    const items = await rows<{
      kind: FeedbackKind;
      severity: Severity;
      status: string;
      closure: string | null;
      createdAt: Date;
      dueAt: Date;
      acknowledgedById: string | null;
      respondedById: string | null;
      responseText: string | null;
      closedAt: Date | null;
      answererLetter: string | null;
    }>(`SELECT f.kind, f.severity, f.status, f.closure, f."createdAt", f."dueAt", f."acknowledgedById", f."respondedById",
          f."responseText", f."closedAt",
          (SELECT r.letter FROM "RaciAssignment" r WHERE r."projectId" = f."projectId"
             AND r."userId" = coalesce(f."respondedById", f."acknowledgedById")) AS "answererLetter"
        FROM "Feedback" f`);
    for (const f of items) {
      const due = computeFeedbackDueAt({
        kind: f.kind,
        severity: f.severity,
        loggedAt: f.createdAt,
        timeZone: "Europe/London",
        holidays: [],
        settings: DEFAULT_SETTINGS,
      });
      expect(f.dueAt.toISOString()).toBe(due.toISOString());
      expect(f.acknowledgedById === null).toBe(f.status === "OPEN");
      if (f.acknowledgedById) expect(["R", "A"]).toContain(f.answererLetter);
      expect(f.closure === null).toBe(f.status !== "CLOSED");
      if (f.kind === "ENDORSEMENT") {
        expect(["OPEN", "CLOSED"]).toContain(f.status);
        expect(f.responseText).toBeNull();
        if (f.closure) expect(f.closure).toBe("ENDORSEMENT_ACKNOWLEDGED");
      } else if (f.status === "RESPONDED" || f.status === "CLOSED") {
        expect(f.respondedById).not.toBeNull();
      }
    }
    // Feedback was logged while its project was open.
    expect(
      await count(`SELECT count(*) AS n FROM "Feedback" f JOIN "Project" p ON p.id = f."projectId"
        WHERE p.stage IN ('CLOSED', 'CANCELLED') AND f."createdAt" > p."stageChangedAt"`),
    ).toBe(0);
    // Some safety feedback is still waiting past its due time: the escalations have something to show.
    expect(
      items.some(
        (f) =>
          f.kind === "SAFETY" &&
          ["OPEN", "ACKNOWLEDGED"].includes(f.status) &&
          f.dueAt.getTime() < Date.now(),
      ),
    ).toBe(true);
  });

  it("writes costs that are positive, reversed only in their own month, and audit events oldest first (FRAME-6)", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "CostEntry" r JOIN "CostEntry" c ON c.id = r."reversesId"
        WHERE r.amount <> -c.amount OR r.period <> c.period OR r."projectId" <> c."projectId"`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT at, lag(at) OVER (ORDER BY id) AS prev FROM "AuditEvent") e WHERE e.prev > e.at`,
      ),
    ).toBe(0);
  });
});
