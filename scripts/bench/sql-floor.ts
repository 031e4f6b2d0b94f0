// The SQL floor of each page: minimal hand-written queries, through `pg` on one warm connection, that
// read what the page shows (its figures, lists and their first page), without the app, its ORM or
// its rendering. A page's server time is set against this plus the render floor (BENCHMARKS.md).
// When a page changes what it shows, change its floor here.
import type pg from "pg";

export interface FloorContext {
  objectiveCode: string;
  projectCode: string;
  /** The operations user, whose "my work" is measured. */
  operationsUserId: string;
  now: Date;
}

export type FloorPage = "leadership" | "objective" | "operations" | "portfolio" | "project";

type Query = [sql: string, params: unknown[]];

const AWAITING = `('OPEN', 'ACKNOWLEDGED')`;

function queries(page: FloorPage, c: FloorContext): Query[] {
  const now = c.now.toISOString();
  switch (page) {
    case "leadership":
      return [
        // Objectives with owner and delivery counts, by category.
        [
          `SELECT o.code, o.title, o.category, o.status, o."targetDate", u.name AS owner,
             count(a.id) AS aligned,
             count(a.id) FILTER (WHERE a.contribution = 'PRIMARY' AND p.stage IN ('APPROVED', 'PILOT', 'ROLLOUT')) AS delivering
           FROM "StrategicObjective" o JOIN "User" u ON u.id = o."ownerId"
           LEFT JOIN "Alignment" a ON a."objectiveId" = o.id LEFT JOIN "Project" p ON p.id = a."projectId"
           GROUP BY o.id, u.name ORDER BY o.category, o.code`,
          [],
        ],
        // Projects serving no objective (live work and proposals).
        [
          `SELECT p.code, p.name, p.kind, p.stage, p."heldFromStage", s.name AS site
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
           WHERE p.stage NOT IN ('CLOSED', 'CANCELLED') AND NOT EXISTS (SELECT 1 FROM "Alignment" a WHERE a."projectId" = p.id)
           ORDER BY p.code`,
          [],
        ],
        // Overdue safety feedback: count, escalated count, waiting rebaselines and the duty executive.
        [
          `SELECT count(*) AS overdue,
             count(*) FILTER (WHERE f."dueAt" + (f."dueAt" - coalesce(f."reopenedAt", f."createdAt")) < $1::timestamptz AT TIME ZONE 'UTC') AS escalated,
             (SELECT count(*) FROM "Rebaseline" WHERE status = 'REQUESTED') AS rebaselines,
             (SELECT u.name FROM "Organisation" g JOIN "User" u ON u.id = g."dutyExecutiveId") AS duty
           FROM "Feedback" f WHERE f.kind = 'SAFETY' AND f.status IN ${AWAITING} AND f."dueAt" < $1::timestamptz AT TIME ZONE 'UTC'`,
          [now],
        ],
        // The ten most overdue of them.
        [
          `SELECT f.id, f.severity, f.body, f."dueAt", f."createdAt", f."reopenedAt", p.code, p.name
           FROM "Feedback" f JOIN "Project" p ON p.id = f."projectId"
           WHERE f.kind = 'SAFETY' AND f.status IN ${AWAITING} AND f."dueAt" < $1::timestamptz AT TIME ZONE 'UTC'
           ORDER BY f."dueAt" LIMIT 10`,
          [now],
        ],
      ];
    case "objective":
      return [
        [
          `SELECT o.*, u.name AS owner, parent.code AS parent_code, parent.title AS parent_title,
             (SELECT json_agg(json_build_object('code', k.code, 'title', k.title, 'status', k.status) ORDER BY k.code)
              FROM "StrategicObjective" k WHERE k."parentId" = o.id) AS children
           FROM "StrategicObjective" o JOIN "User" u ON u.id = o."ownerId"
           LEFT JOIN "StrategicObjective" parent ON parent.id = o."parentId" WHERE o.code = $1`,
          [c.objectiveCode],
        ],
        // Its metrics with their projects and those projects' go-lives (done milestones).
        [
          `SELECT m.id, m.name, m.unit, m.direction, m.cadence, m."baselineValue", m."targetValue", m."targetDate",
             m."amberThreshold", m."redThreshold", p.code, p.name AS project,
             (SELECT json_agg(json_build_object('title', d.title, 'on', d."actualDate"))
              FROM "Milestone" d WHERE d."projectId" = p.id AND d.status = 'DONE') AS go_lives
           FROM "Metric" m JOIN "StrategicObjective" o ON o.id = m."objectiveId" LEFT JOIN "Project" p ON p.id = m."projectId"
           WHERE o.code = $1 AND m.active ORDER BY m.name`,
          [c.objectiveCode],
        ],
        // Every final value of those metrics, for the SPC charts.
        [
          `SELECT v."metricId", v."periodStart", v.value FROM "MetricValue" v JOIN "Metric" m ON m.id = v."metricId"
           JOIN "StrategicObjective" o ON o.id = m."objectiveId"
           WHERE o.code = $1 AND m.active AND NOT v.provisional ORDER BY v."metricId", v."periodStart"`,
          [c.objectiveCode],
        ],
        // The projects aligned to it, with their schedules.
        [
          `SELECT a.contribution, a.rationale, p.code, p.name, p.stage, p."startDate", p."baselineEndDate",
             p."forecastEndDate", p."actualEndDate"
           FROM "Alignment" a JOIN "StrategicObjective" o ON o.id = a."objectiveId" JOIN "Project" p ON p.id = a."projectId"
           WHERE o.code = $1 ORDER BY a.contribution, p.code`,
          [c.objectiveCode],
        ],
        [`SELECT * FROM "Organisation" WHERE id = 1`, []],
      ];
    case "operations":
      return [
        // The projects they run, with schedules.
        [
          `SELECT r.letter, p.code, p.name, p.stage, p."startDate", p."baselineEndDate", p."forecastEndDate", p."actualEndDate"
           FROM "RaciAssignment" r JOIN "Project" p ON p.id = r."projectId"
           WHERE r."userId" = $1 AND r.letter IN ('R', 'A') ORDER BY p.code`,
          [c.operationsUserId],
        ],
        // Their open milestones overdue or due within two weeks.
        [
          `SELECT m.id, m.title, m."baselineDate", m."forecastDate", m.status, m.version, p.code, p.name, r.letter
           FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
           JOIN "RaciAssignment" r ON r."projectId" = p.id AND r."userId" = $1 AND r.letter IN ('R', 'A')
           WHERE m.status IN ('NOT_STARTED', 'IN_PROGRESS') AND m."forecastDate" <= ($2::timestamptz AT TIME ZONE 'UTC')::date + 14
           ORDER BY m."forecastDate", m.title`,
          [c.operationsUserId, now],
        ],
        // Feedback awaiting their answer: the first page and the counts.
        [
          `SELECT f.id, f.kind, f.severity, f.status, f.body, f."dueAt", f."createdAt", p.code, p.name, u.name AS author,
             count(*) OVER () AS total,
             count(*) FILTER (WHERE f.kind <> 'ENDORSEMENT' AND f."dueAt" < $2::timestamptz AT TIME ZONE 'UTC') OVER () AS overdue
           FROM "Feedback" f JOIN "Project" p ON p.id = f."projectId" JOIN "User" u ON u.id = f."authorId"
           JOIN "RaciAssignment" r ON r."projectId" = p.id AND r."userId" = $1 AND r.letter IN ('R', 'A')
           WHERE f.status IN ${AWAITING} ORDER BY f."dueAt" LIMIT 25`,
          [c.operationsUserId, now],
        ],
        // Metrics they keep, with the latest period recorded.
        [
          `SELECT m.id, m.name, m.unit, m.cadence, p.code, p.name AS project,
             (SELECT max(v."periodStart") FROM "MetricValue" v WHERE v."metricId" = m.id) AS latest
           FROM "Metric" m JOIN "Project" p ON p.id = m."projectId"
           WHERE m.active AND p.stage IN ('PILOT', 'ROLLOUT', 'CLOSED')
             AND (m."ownerId" = $1 OR EXISTS (SELECT 1 FROM "RaciAssignment" r WHERE r."projectId" = p.id
               AND r."userId" = $1 AND r.letter IN ('R', 'A')))
           ORDER BY p.code, m.name`,
          [c.operationsUserId],
        ],
        [`SELECT * FROM "Organisation" WHERE id = 1`, []],
      ];
    case "portfolio":
      return [
        [`SELECT count(*) FROM "Project"`, []],
        // The first page: site, Accountable and primary objective of each.
        [
          `SELECT p.code, p.name, p.kind, p.stage, p."heldFromStage", p."startDate", p."baselineEndDate",
             p."forecastEndDate", p."actualEndDate", s.name AS site, ua.name AS accountable, o.code AS objective
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
           LEFT JOIN "RaciAssignment" ra ON ra."projectId" = p.id AND ra.letter = 'A' LEFT JOIN "User" ua ON ua.id = ra."userId"
           LEFT JOIN "Alignment" a ON a."projectId" = p.id AND a.contribution = 'PRIMARY'
           LEFT JOIN "StrategicObjective" o ON o.id = a."objectiveId"
           ORDER BY p.code LIMIT 25`,
          [],
        ],
        [`SELECT code, name FROM "Site" ORDER BY name`, []],
      ];
    case "project":
      return [
        // Its key facts, site, spend to date (reversals included) and the people on it.
        [
          `SELECT p.*, s.name AS site, (SELECT coalesce(sum(amount), 0) FROM "CostEntry" c WHERE c."projectId" = p.id) AS spent,
             (SELECT json_agg(json_build_object('letter', r.letter, 'name', u.name, 'role', u.role, 'discipline', u.discipline))
              FROM "RaciAssignment" r JOIN "User" u ON u.id = r."userId" WHERE r."projectId" = p.id) AS raci
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId" WHERE p.code = $1`,
          [c.projectCode],
        ],
        // Its objectives.
        [
          `SELECT a.contribution, a.rationale, o.code, o.title, o.category, o.status
           FROM "Alignment" a JOIN "Project" p ON p.id = a."projectId" JOIN "StrategicObjective" o ON o.id = a."objectiveId"
           WHERE p.code = $1 ORDER BY a.contribution, o.code`,
          [c.projectCode],
        ],
        // Its stage: the gate waiting, milestones by state, metrics and their latest values, the
        // scale decisions (what the stage panel judges the next gate by).
        [
          `SELECT (SELECT row_to_json(g) FROM "StageGateRequest" g WHERE g."projectId" = p.id AND g.status = 'REQUESTED') AS waiting,
             (SELECT json_agg(json_build_object('title', m.title, 'status', m.status, 'isGate', m."isGate",
                'approved', m."gateApprovedAt" IS NOT NULL)) FROM "Milestone" m WHERE m."projectId" = p.id) AS milestones,
             (SELECT json_agg(json_build_object('name', x.name, 'baseline', x."baselineValue", 'target', x."targetValue",
                'latest', (SELECT max(v."periodStart") FROM "MetricValue" v WHERE v."metricId" = x.id AND NOT v.provisional)))
              FROM "Metric" x WHERE x."projectId" = p.id AND x.active) AS metrics,
             (SELECT json_agg(json_build_object('kind', d.kind, 'at', d."decidedAt")) FROM "Decision" d
              WHERE d."projectId" = p.id AND d.kind IN ('SCALE', 'DO_NOT_SCALE')) AS decisions
           FROM "Project" p WHERE p.code = $1`,
          [c.projectCode],
        ],
        [`SELECT * FROM "Organisation" WHERE id = 1`, []],
      ];
  }
}

/** Runs the page's floor queries once, in order; returns how many statements that was. */
export async function runSqlFloor(
  client: pg.Client,
  page: FloorPage,
  context: FloorContext,
): Promise<number> {
  const list = queries(page, context);
  for (const [sql, params] of list) await client.query(sql, params);
  return list.length;
}
