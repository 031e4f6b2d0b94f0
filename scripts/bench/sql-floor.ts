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

export type FloorPage =
  | "leadership"
  | "delivery"
  | "alignment"
  | "objective"
  | "operations"
  | "portfolio"
  | "project";

type Query = [sql: string, params: unknown[]];

const AWAITING = `('OPEN', 'ACKNOWLEDGED')`;
/** NUM-7: the stages that deliver an objective. */
const DELIVERING = `('APPROVED', 'PILOT', 'ROLLOUT')`;
/** NUM-8: delivering, or on hold from delivering; needs the project as `p`. */
const LIVE = `(p.stage IN ${DELIVERING} OR (p.stage = 'ON_HOLD' AND (p."heldFromStage" IS NULL OR p."heldFromStage" IN ${DELIVERING})))`;
function queries(page: FloorPage, c: FloorContext): Query[] {
  const now = c.now.toISOString();
  switch (page) {
    case "leadership":
      return [
        // The filter form's choices, the trust's clock and its duty executive.
        [
          `SELECT g."timeZone", u.name AS duty,
             (SELECT json_agg(json_build_object('code', code, 'name', name) ORDER BY name) FROM "Site") AS sites,
             (SELECT json_agg(json_build_object('code', code, 'name', title) ORDER BY code) FROM "StrategicObjective") AS objectives
           FROM "Organisation" g LEFT JOIN "User" u ON u.id = g."dutyExecutiveId" WHERE g.id = 1`,
          [],
        ],
        // Scorecard: each objective with its owner, aligned and delivering counts, its live
        // projects by schedule RAG and the spend on projects with it as primary, as stored per
        // site (FRAME-10).
        [
          `SELECT o.code, o.title, o.category, o.status, o."targetDate", u.name AS owner, r.*
           FROM "StrategicObjective" o JOIN "User" u ON u.id = o."ownerId"
           LEFT JOIN (SELECT "objectiveId", sum("alignedCount") AS aligned, sum("deliveringCount") AS delivering,
             sum("liveCount") AS live, sum("liveRed") AS red, sum("liveAmber") AS amber, sum("liveGreen") AS green,
             sum("primarySpend") AS spend
             FROM "ObjectiveSiteRollup" GROUP BY "objectiveId") r ON r."objectiveId" = o.id
           ORDER BY o.category, o.code`,
          [],
        ],
        // Scorecard progress inputs: each active metric's thresholds and latest final value (stored).
        [
          `SELECT m."objectiveId", m.direction, m.cadence, m."baselineValue", m."targetValue", m."amberThreshold",
             m."redThreshold", s."latestPeriodStart", s."latestValue"
           FROM "Metric" m LEFT JOIN "MetricStats" s ON s."metricId" = m.id
           WHERE m.active`,
          [],
        ],
        // Alignment failures: live work serving no objective (count, spend, the five costliest)
        // and proposals serving none, by the stored alignment count and spend.
        [
          `WITH u AS (
             SELECT p.id, p.code, p.name, p.stage, p."siteId", ${LIVE} AS live, p."spentToDate" AS spend
             FROM "Project" p
             WHERE p."alignmentCount" = 0 AND p.stage NOT IN ('CLOSED', 'CANCELLED'))
           SELECT (SELECT count(*) FROM u WHERE live) AS live, (SELECT sum(spend) FROM u WHERE live) AS spend,
             (SELECT count(*) FROM u WHERE u.stage = 'PROPOSED' OR (u.stage = 'ON_HOLD' AND NOT u.live)) AS proposals,
             (SELECT json_agg(t) FROM (SELECT u.code, u.name, u.stage, s.name AS site, u.spend
               FROM u JOIN "Site" s ON s.id = u."siteId" WHERE live ORDER BY spend DESC, code LIMIT 5) t) AS top`,
          [],
        ],
        // Heat map: open risks by likelihood and impact.
        [
          `SELECT likelihood, impact, count(*) FROM "Risk" WHERE status <> 'CLOSED' GROUP BY likelihood, impact`,
          [],
        ],
        // Escalations: overdue safety feedback (escalated too), overdue answers, gates and
        // rebaselines waiting; each count with its five oldest.
        [
          `WITH late AS (
             SELECT f.id, f.kind, f.severity, f.body, f."dueAt", p.code, p.name,
               f."dueAt" + (f."dueAt" - coalesce(f."reopenedAt", f."createdAt")) < $1::timestamptz AT TIME ZONE 'UTC' AS escalated
             FROM "Feedback" f JOIN "Project" p ON p.id = f."projectId"
             WHERE f.kind IN ('SAFETY', 'CONCERN', 'SUGGESTION') AND f.status IN ${AWAITING}
               AND f."dueAt" < $1::timestamptz AT TIME ZONE 'UTC')
           SELECT (SELECT count(*) FROM late WHERE kind = 'SAFETY') AS safety,
             (SELECT count(*) FROM late WHERE kind = 'SAFETY' AND escalated) AS escalated,
             (SELECT json_agg(t) FROM (SELECT * FROM late WHERE kind = 'SAFETY' ORDER BY "dueAt" LIMIT 5) t) AS safety_oldest,
             (SELECT count(*) FROM late WHERE kind <> 'SAFETY') AS answers,
             (SELECT json_agg(t) FROM (SELECT * FROM late WHERE kind <> 'SAFETY' ORDER BY "dueAt" LIMIT 5) t) AS answers_oldest,
             (SELECT count(*) FROM "StageGateRequest" WHERE status = 'REQUESTED') AS gates,
             (SELECT json_agg(t) FROM (SELECT g.id, g."toStage", g."requestedAt", p.code, p.name
               FROM "StageGateRequest" g JOIN "Project" p ON p.id = g."projectId"
               WHERE g.status = 'REQUESTED' ORDER BY g."requestedAt" LIMIT 5) t) AS gates_oldest,
             (SELECT count(*) FROM "Rebaseline" WHERE status = 'REQUESTED') AS rebaselines,
             (SELECT json_agg(t) FROM (SELECT b.id, b.kind, b."requestedAt", p.code, p.name
               FROM "Rebaseline" b JOIN "Project" p ON p.id = b."projectId"
               WHERE b.status = 'REQUESTED' ORDER BY b."requestedAt" LIMIT 5) t) AS rebaselines_oldest`,
          [now],
        ],
      ];
    case "delivery":
      return [
        // Schedule and budget variance of live projects, stored per site (split by whether each
        // serves an objective) and per objective and site (FRAME-10): totals and by site (ROLLUP),
        // by objective with those serving none.
        [
          `SELECT s.name, sum("liveCount"), sum("liveLate"), sum("liveAmber"), sum("liveRed"),
             sum("liveSlipDays") / sum("liveCount"), sum("liveSlipPercent") / sum("liveCount"),
             sum("liveBudget"), sum("liveSpend"), sum("liveOverBudget")
           FROM "SiteDeliveryRollup" r JOIN "Site" s ON s.id = r."siteId" WHERE r."liveCount" > 0
           GROUP BY ROLLUP (s.name) ORDER BY s.name`,
          [],
        ],
        [
          `SELECT o.code, o.title, sum("liveCount"), sum("liveLate"), sum("liveAmber"), sum("liveRed"),
             sum("liveSlipDays") / sum("liveCount"), sum("liveSlipPercent") / sum("liveCount"),
             sum("liveBudget"), sum("liveSpend"), sum("liveOverBudget")
           FROM (SELECT "objectiveId", "liveCount", "liveLate", "liveAmber", "liveRed", "liveSlipDays",
                   "liveSlipPercent", "liveBudget", "liveSpend", "liveOverBudget"
                 FROM "ObjectiveSiteRollup" WHERE "liveCount" > 0
                 UNION ALL
                 SELECT NULL, "liveCount", "liveLate", "liveAmber", "liveRed", "liveSlipDays",
                   "liveSlipPercent", "liveBudget", "liveSpend", "liveOverBudget"
                 FROM "SiteDeliveryRollup" WHERE NOT aligned) r
           LEFT JOIN "StrategicObjective" o ON o.id = r."objectiveId" GROUP BY o.code, o.title`,
          [],
        ],
        // The worst ten by schedule and by budget, from Project's indexes on both.
        [
          `SELECT p.code, p.name, s.name AS site, p."baselineEndDate", coalesce(p."actualEndDate", p."forecastEndDate")
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId"
           WHERE (coalesce(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate") > 0 AND ${LIVE}
           ORDER BY (coalesce(p."actualEndDate", p."forecastEndDate") - p."baselineEndDate") * 100.0::float8
             / greatest(1, p."baselineEndDate" - p."startDate") DESC, p.code LIMIT 10`,
          [],
        ],
        [
          `SELECT p.code, p.name, s.name AS site, p."baselineBudget", p."spentToDate"
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId" WHERE p."spentToDate" > 0 AND ${LIVE}
           ORDER BY p."baselineBudget" = 0 DESC, p."spentToDate" / nullif(p."baselineBudget", 0) DESC, p.code LIMIT 10`,
          [],
        ],
        // Metric forecasts: each active metric's status from its stored least-squares sums (a
        // significant trend read on the target date, else the mean), counted, and the first ten off course.
        [
          `WITH f AS (
             SELECT m.id, o.code AS objective, m."projectId", m.name, m.direction, m."targetValue",
               coalesce(s."finalCount", 0) AS n, s."meanY",
               CASE WHEN s."sxx" > 0 AND s."finalCount" > 2 THEN s."sxy" / s."sxx" END AS slope,
               (m."targetDate" - DATE '2000-01-01') - s."meanX" AS dx,
               CASE WHEN s."sxx" > 0 AND s."finalCount" > 2 THEN
                 (s."sxy" / s."sxx") / nullif(sqrt(greatest(0, s."syy" - s."sxy" * s."sxy" / s."sxx")
                   / (s."finalCount" - 2) / s."sxx"), 0) END AS t
             FROM "Metric" m JOIN "StrategicObjective" o ON o.id = m."objectiveId"
             LEFT JOIN "MetricStats" s ON s."metricId" = m.id WHERE m.active),
           st AS (
             SELECT f.*, CASE WHEN n < 6 THEN 'NOT_ENOUGH_DATA'
               WHEN (CASE WHEN abs(t) > 2 THEN "meanY" + slope * dx ELSE "meanY" END - "targetValue")
                 * CASE WHEN direction = 'HIGHER_IS_BETTER' THEN 1 ELSE -1 END >= 0 THEN 'ON_COURSE'
               ELSE 'OFF_COURSE' END AS status FROM f)
           SELECT (SELECT json_object_agg(status, c) FROM (SELECT status, count(*) AS c FROM st GROUP BY status) x),
             (SELECT json_agg(l) FROM (SELECT st.objective, p.code, st.name FROM st
               LEFT JOIN "Project" p ON p.id = st."projectId" WHERE status = 'OFF_COURSE'
               ORDER BY st.objective, p.code NULLS FIRST, st.name LIMIT 10) l)`,
          [],
        ],
        // Finish forecasts: each live project's average slip ratio over its done milestones; how
        // many have one, how many finish later, the ten latest.
        [
          `WITH h AS (
             SELECT p.code, p.name, p."forecastEndDate",
               ceil(avg((m."actualDate" - m."baselineDate")::float8 / greatest(1, m."baselineDate" - p."startDate"))
                 * greatest(0, p."forecastEndDate" - ($1::timestamptz AT TIME ZONE 'UTC')::date)) AS extra
             FROM "Project" p JOIN "Milestone" m ON m."projectId" = p.id
             WHERE ${LIVE} AND m.status = 'DONE' AND m."actualDate" IS NOT NULL GROUP BY p.id)
           SELECT (SELECT count(*) FROM h) AS with_history, (SELECT count(*) FROM h WHERE extra > 0) AS later,
             (SELECT json_agg(t) FROM (SELECT * FROM h WHERE extra > 0 ORDER BY extra DESC, code LIMIT 10) t) AS latest`,
          [now],
        ],
      ];
    case "alignment":
      return [
        [`SELECT code, name FROM "Site" ORDER BY name`, []],
        [
          `SELECT code, title, status, category FROM "StrategicObjective" WHERE status <> 'RETIRED' ORDER BY code`,
          [],
        ],
        // One page of projects with each one's objectives (primary or supporting) and the total.
        [
          `SELECT p.code, p.name, p.stage, s.name AS site, count(*) OVER () AS total,
             (SELECT json_agg(json_build_object('o', o.code, 'c', a.contribution)) FROM "Alignment" a
              JOIN "StrategicObjective" o ON o.id = a."objectiveId" WHERE a."projectId" = p.id) AS links
           FROM "Project" p JOIN "Site" s ON s.id = p."siteId" ORDER BY p.code LIMIT 25`,
          [],
        ],
      ];
    case "objective":
      return [
        // Its header, children, delivery coverage (alignments by contribution and stage) and
        // how many metrics it has.
        [
          `SELECT o.*, u.name AS owner, parent.code AS parent_code, parent.title AS parent_title,
             (SELECT json_agg(json_build_object('code', k.code, 'title', k.title, 'status', k.status) ORDER BY k.code)
              FROM "StrategicObjective" k WHERE k."parentId" = o.id) AS children,
             (SELECT json_agg(t) FROM (SELECT a.contribution, p.stage, count(*) FROM "Alignment" a
              JOIN "Project" p ON p.id = a."projectId" WHERE a."objectiveId" = o.id GROUP BY 1, 2) t) AS coverage,
             (SELECT count(*) FROM "Metric" m WHERE m."objectiveId" = o.id AND m.active) AS metrics
           FROM "StrategicObjective" o JOIN "User" u ON u.id = o."ownerId"
           LEFT JOIN "StrategicObjective" parent ON parent.id = o."parentId" WHERE o.code = $1`,
          [c.objectiveCode],
        ],
        // The first page of its metrics (10), each with its final values (status and SPC
        // summaries) and its project's go-lives; the chart draws the first of them.
        [
          `SELECT m.id, m.name, m.unit, m.direction, m.cadence, m."baselineValue", m."targetValue", m."targetDate",
             m."amberThreshold", m."redThreshold", p.code, p.name AS project,
             (SELECT json_agg(json_build_array(v."periodStart", v.value) ORDER BY v."periodStart")
              FROM "MetricValue" v WHERE v."metricId" = m.id AND NOT v.provisional) AS finals,
             (SELECT json_agg(json_build_array(d.title, d."actualDate"))
              FROM "Milestone" d WHERE d."projectId" = m."projectId" AND d.status = 'DONE') AS go_lives
           FROM "Metric" m JOIN "StrategicObjective" o ON o.id = m."objectiveId" LEFT JOIN "Project" p ON p.id = m."projectId"
           WHERE o.code = $1 AND m.active ORDER BY m.name, m.id LIMIT 10`,
          [c.objectiveCode],
        ],
        // The first page of the projects aligned to it (25), with their schedules.
        [
          `SELECT a.contribution, a.rationale, p.code, p.name, p.stage, p."startDate", p."baselineEndDate",
             p."forecastEndDate", p."actualEndDate"
           FROM "Alignment" a JOIN "StrategicObjective" o ON o.id = a."objectiveId" JOIN "Project" p ON p.id = a."projectId"
           WHERE o.code = $1 ORDER BY a.contribution, p.code LIMIT 25`,
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
