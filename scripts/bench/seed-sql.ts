// The benchmark's synthetic organisation, written by set-based SQL (INSERT … SELECT over
// generate_series), so 20,000 projects take seconds, not an operation call per row. Every row obeys
// docs/governance-rules.md as the app would have left it: exactly one Accountable per project who is
// an executive or SRO-eligible (rule 2, ACC-1), a Responsible and a clinical champion on every
// project (rule 1), every live project aligned and measured (rule 1), closed projects with every
// milestone done and a final value on each metric (rule 4), done gate milestones signed off by the
// Accountable (GATE-6), a SCALE decision behind every rollout (GATE-5), thresholds that agree with
// the metric's direction (NUM), feedback whose state, answerers and due time agree (rule 6, FB-1..5),
// costs positive with same-month reversals (FRAME-6), forecasts that carry their history (rule 5)
// and a project's forecast end no earlier than its open milestones (NUM-1).
//
// Pseudo-randomness is a hash of the row's number, so a scale always builds the same organisation.
// Ids are uuids derived from the row's kind and number, so rows refer to each other by arithmetic
// rather than by joins. Columns are named in every INSERT, so columns added later with defaults
// (or nullable) are left to their defaults.
import type pg from "pg";
import { type Scale, userBands } from "./scales";

export interface TableTiming {
  table: string;
  rows: number;
  ms: number;
}

const HELPERS = `
CREATE FUNCTION pg_temp.r(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT (abs(hashint8(i * 1009 + salt)) % 1000003)::float8 / 1000003 $$;
CREATE FUNCTION pg_temp.bid(k text, i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3)
    || '-' || substr(h, 21, 12) FROM (SELECT md5(k || ':' || i) AS h) x $$;
-- The forecast after step j of n moving a milestone from base to base + slip: even steps later when
-- the slip allows, else out beyond it and back in, so no step leaves the date where it was (rule 5).
CREATE FUNCTION pg_temp.step_date(base date, slip int, j bigint, n bigint) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN j = 0 THEN base WHEN slip >= n THEN base + (slip * j / n)::int
              ELSE base + slip + 3 * (n - j)::int END $$;
CREATE FUNCTION pg_temp.today() RETURNS date LANGUAGE sql STABLE AS
  $$ SELECT (now() AT TIME ZONE 'Europe/London')::date $$;
-- n working days after day d (no holidays are seeded), as computeFeedbackDueAt counts them (FB-2).
CREATE FUNCTION pg_temp.add_working_days(d date, n int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT d + n + 2 * ((extract(isodow FROM d)::int - 1 + n) / 5) $$;
`;

/** The statements, in order; each names the table it fills so its time can be printed. */
function statements(scale: Scale): { table: string; sql: string }[] {
  const b = userBands(scale.users);
  const P = scale.projects;
  const O = scale.objectives;
  // Objectives nobody delivers: the last tenth have no project aligned to them.
  const orphanObjectives = Math.max(1, Math.round(O / 10));
  const liveObjectives = O - orphanObjectives;
  const M = scale.milestonesPerProject;
  const pick = (band: { start: number; size: number }, expr: string) =>
    `pg_temp.bid('u', ${band.start} + ((${expr}) % ${band.size}))`;
  // The project's people, by arithmetic on its number (disjoint bands: one letter per person).
  const accountableOf = (i: string) =>
    `CASE WHEN pg_temp.r(${i}, 12) < 0.6 THEN ${pick(b.executives, `${i} * 7`)} ELSE ${pick(b.sro, i)} END`;
  const responsibleOf = (i: string) => pick(b.managers, `${i} - 1`);
  const championOf = (i: string) => pick(b.champions, i);

  return [
    {
      table: "User",
      sql: `INSERT INTO "User" (id, email, name, "jobTitle", "passwordHash", role, discipline, active, "sroEligible", "updatedAt")
SELECT pg_temp.bid('u', i),
  CASE i
    WHEN ${b.admin.start} THEN 'admin@bench.example'
    WHEN ${b.executives.start} THEN 'executive@bench.example'
    WHEN ${b.pmo.start} THEN 'pmo@bench.example'
    WHEN ${b.managers.start} THEN 'operations@bench.example'
    WHEN ${b.champions.start} THEN 'champion@bench.example'
    WHEN ${b.viewers.start} THEN 'viewer@bench.example'
    ELSE 'user' || i || '@bench.example' END,
  (ARRAY['Alex','Sam','Priya','Tom','Grace','Omar','Helen','Chen','Ruth','Kwame','Isla','Dev'])[1 + i % 12]
    || ' ' || (ARRAY['Patel','Jones','Okafor','Smith','Nguyen','Williams','Khan','Brown','Evans','Murphy'])[1 + (i / 12) % 10]
    || ' ' || i,
  CASE WHEN i < ${b.executives.start} THEN 'System administrator'
       WHEN i < ${b.pmo.start} THEN 'Executive director'
       WHEN i < ${b.sro.start} THEN 'Portfolio office lead'
       WHEN i < ${b.champions.start} THEN 'Project manager'
       WHEN i < ${b.viewers.start} THEN 'Clinical lead'
       ELSE 'Board member' END,
  $1,
  (CASE WHEN i < ${b.executives.start} THEN 'ADMIN'
        WHEN i < ${b.pmo.start} THEN 'EXECUTIVE'
        WHEN i < ${b.sro.start} THEN 'PORTFOLIO_MANAGER'
        WHEN i < ${b.champions.start} THEN 'PROJECT_MANAGER'
        WHEN i < ${b.viewers.start} THEN 'CLINICAL_CHAMPION'
        ELSE 'VIEWER' END)::"Role",
  (CASE WHEN i < ${b.executives.start} THEN 'DIGITAL'
        WHEN i < ${b.pmo.start} THEN 'EXECUTIVE'
        WHEN i < ${b.sro.start} THEN 'OPERATIONAL'
        WHEN i = ${b.managers.start} THEN 'OPERATIONAL'
        WHEN i < ${b.champions.start} THEN (ARRAY['OPERATIONAL','DIGITAL','CLINICAL'])[1 + i % 3]
        WHEN i < ${b.viewers.start} THEN 'CLINICAL'
        ELSE 'OPERATIONAL' END)::"Discipline",
  true,
  i >= ${b.sro.start} AND i < ${b.managers.start},
  now()
FROM generate_series(1, ${scale.users}) i ORDER BY i`,
    },
    {
      table: "Organisation",
      sql: `INSERT INTO "Organisation" (id, name, "timeZone", "dutyExecutiveId", "updatedAt")
VALUES (1, 'Bench Hospitals Group', 'Europe/London', pg_temp.bid('u', ${b.executives.start}), now())`,
    },
    {
      table: "Site",
      sql: `INSERT INTO "Site" (id, code, name, kind)
SELECT pg_temp.bid('s', i), 'S' || lpad(i::text, 2, '0'),
  (ARRAY['Northgate','Riverside','Hillcrest','Westfield','Eastbrook','Southmead','Oakwood','Brookside'])[1 + i % 8]
    || ' ' || (ARRAY['General Hospital','Community Hospital','Health Centre','Women''s Hospital','Children''s Hospital'])[1 + (i / 8) % 5]
    || ' ' || i,
  (ARRAY['Acute hospital','District general hospital','Community and outpatient centre','Mental health unit'])[1 + i % 4]
FROM generate_series(1, ${scale.sites}) i`,
    },
    {
      table: "StrategicObjective",
      sql: `INSERT INTO "StrategicObjective" (id, code, title, description, category, "ownerId", "startDate", "targetDate", status, "updatedAt")
SELECT pg_temp.bid('o', i), 'SO-' || i,
  (ARRAY['Reduce avoidable harm','Cut waiting times','Improve patient experience','Balance the budget','Shorten length of stay',
         'Grow and keep our workforce','Go digital first','Improve flow through ED','Reduce health inequalities','Deliver care closer to home'])[1 + i % 10]
    || ' ' || i,
  'A strategic objective of the trust, measured by its scorecard metrics.',
  (ARRAY['QUALITY_SAFETY','PATIENT_ACCESS_EXPERIENCE','FINANCIAL','OPERATIONAL_EFFICIENCY','WORKFORCE'])[1 + i % 5]::"ScorecardCategory",
  ${pick(b.executives, "i")},
  DATE '2025-04-01', DATE '2028-03-31', 'ACTIVE', now()
FROM generate_series(1, ${O}) i`,
    },
    {
      table: "Project",
      sql: `INSERT INTO "Project" (id, code, name, summary, kind, "siteId", stage, "heldFromStage", "startDate", "baselineBudget",
  "baselineEndDate", "forecastEndDate", "actualEndDate", "expectedBenefits", "stageChangedAt", "createdAt", "updatedAt")
SELECT pg_temp.bid('p', i), 'BP' || ((i - 1) / 9999) || '-' || ((i - 1) % 9999 + 1),
  (ARRAY['Virtual ward','Discharge lounge','E-prescribing','Falls prevention','Theatre scheduling','Sepsis screening',
         'Outpatient booking','Staff wellbeing','Bed management','Remote monitoring','Pharmacy automation','Frailty pathway'])[1 + i % 12]
    || ' ' || (ARRAY['pilot','rollout','programme','redesign','upgrade'])[1 + (i / 12) % 5] || ' ' || i,
  'A synthetic project of the benchmark organisation.',
  kind::"ProjectKind", pg_temp.bid('s', 1 + floor(pg_temp.r(i, 4) ^ 1.5 * ${scale.sites})::int),
  stage::"ProjectStage", held::"ProjectStage", start, budget, start + duration,
  start + duration + slip,
  CASE WHEN stage = 'CLOSED' THEN least(pg_temp.today() - 1, start + duration + slip) END,
  'Fewer harms and shorter waits, measured by the project''s metrics.',
  -- a closed project's stage changed the day it ended (GATE-3)
  CASE WHEN stage = 'CLOSED' THEN least(pg_temp.today() - 1, start + duration + slip) + interval '12 hours'
       ELSE now() - (floor(pg_temp.r(i, 13) * 200) || ' days')::interval END,
  least(now(), (start - 30)::timestamp), now()
FROM (
  SELECT i, stage, kind,
    CASE WHEN stage = 'ON_HOLD' THEN (CASE WHEN pg_temp.r(i, 2) < 0.15 THEN 'PROPOSED' WHEN pg_temp.r(i, 2) < 0.45 THEN 'APPROVED'
      WHEN pg_temp.r(i, 2) < 0.7 THEN 'PILOT' ELSE 'ROLLOUT' END) END AS held,
    CASE WHEN stage = 'PROPOSED' THEN pg_temp.today() + 14 + floor(pg_temp.r(i, 5) * 150)::int
         WHEN stage IN ('CLOSED', 'CANCELLED') THEN pg_temp.today() - 700 - floor(pg_temp.r(i, 5) * 500)::int
         ELSE pg_temp.today() - 120 - floor(pg_temp.r(i, 5) * 700)::int END AS start,
    CASE WHEN stage IN ('CLOSED', 'CANCELLED') THEN 270 + floor(pg_temp.r(i, 6) * 400)::int
         ELSE 270 + floor(pg_temp.r(i, 6) * 540)::int END AS duration,
    CASE WHEN pg_temp.r(i, 8) < 0.5 THEN 0 WHEN pg_temp.r(i, 8) < 0.8 THEN floor(pg_temp.r(i, 9) * 30)::int
         ELSE floor(pg_temp.r(i, 9) * 150)::int END AS slip,
    round((20000 + pg_temp.r(i, 7) ^ 2 * 2000000)::numeric, -2) AS budget
  FROM (
    SELECT i,
      CASE WHEN pg_temp.r(i, 1) < 0.12 THEN 'PROPOSED' WHEN pg_temp.r(i, 1) < 0.27 THEN 'APPROVED'
           WHEN pg_temp.r(i, 1) < 0.42 THEN 'PILOT' WHEN pg_temp.r(i, 1) < 0.72 THEN 'ROLLOUT'
           WHEN pg_temp.r(i, 1) < 0.84 THEN 'CLOSED' WHEN pg_temp.r(i, 1) < 0.92 THEN 'ON_HOLD' ELSE 'CANCELLED' END AS stage,
      CASE WHEN pg_temp.r(i, 3) < 0.35 THEN 'CLINICAL' WHEN pg_temp.r(i, 3) < 0.65 THEN 'OPERATIONAL'
           WHEN pg_temp.r(i, 3) < 0.9 THEN 'DIGITAL' ELSE 'MIXED' END AS kind
    FROM generate_series(1, ${P}) i
  ) s
) p ORDER BY i`,
    },
    {
      table: "Alignment",
      // Every project is aligned (rule 1) except a third of the proposals, which are still finding an
      // objective; the last tenth of objectives have nobody delivering them.
      sql: `INSERT INTO "Alignment" (id, "projectId", "objectiveId", contribution, rationale)
SELECT pg_temp.bid('a', i * 3 + k), pg_temp.bid('p', i),
  pg_temp.bid('o', 1 + (floor(pg_temp.r(i, 10) * ${liveObjectives})::int + k * 7) % ${liveObjectives}),
  (CASE WHEN k = 0 THEN 'PRIMARY' ELSE 'SUPPORTING' END)::"Contribution",
  'Delivers part of the objective''s measured benefit.'
FROM generate_series(1, ${P}) i CROSS JOIN generate_series(0, 2) k
JOIN LATERAL (SELECT stage, "heldFromStage" FROM "Project" WHERE id = pg_temp.bid('p', i)) p ON true
WHERE k <= floor(pg_temp.r(i, 11) * 3)
  AND NOT ((p.stage = 'PROPOSED' OR p."heldFromStage" IS NOT DISTINCT FROM 'PROPOSED') AND pg_temp.r(i, 14) < 0.35)`,
    },
    {
      table: "RaciAssignment",
      sql: `INSERT INTO "RaciAssignment" (id, "projectId", "userId", letter)
SELECT pg_temp.bid('raci', i * 4 + l), pg_temp.bid('p', i),
  CASE l WHEN 0 THEN ${accountableOf("i")} WHEN 1 THEN ${responsibleOf("i")} WHEN 2 THEN ${championOf("i")}
    ELSE ${pick(b.viewers, "i")} END,
  (ARRAY['A','R','C','I'])[l + 1]::"RaciLetter"
FROM generate_series(1, ${P}) i, generate_series(0, 3) l
WHERE l < 3 OR pg_temp.r(i, 15) < 0.5`,
    },
    {
      table: "Milestone",
      // Eight milestones spread over the plan; the third is the pilot's go/no-go gate. Closed
      // projects finished everything (rule 4); live ones finished what fell due, bar one in ten of
      // those, which are overdue; a rollout passed its gate, signed off by the Accountable (GATE-5, GATE-6).
      sql: `INSERT INTO "Milestone" (id, "projectId", title, "ownerId", "baselineDate", "forecastDate", "actualDate", status,
  "isGate", "gateApprovedById", "gateApprovedAt", "createdAt", "updatedAt")
SELECT id, pid, title, owner, baseline, forecast, actual, status::"MilestoneStatus", k = 3,
  CASE WHEN k = 3 AND status = 'DONE' THEN accountable END,
  CASE WHEN k = 3 AND status = 'DONE' THEN (actual + 1)::timestamp + interval '10 hours' END,
  created, now()
FROM (
  SELECT m.*,
    CASE WHEN m.status = 'DONE' THEN m.done_on END AS actual,
    CASE WHEN m.status = 'DONE' THEN m.done_on ELSE m.planned END AS forecast
  FROM (
    SELECT pg_temp.bid('m', (i - 1) * ${M} + k) AS id, pg_temp.bid('p', i) AS pid, i, k,
      (ARRAY['Business case signed off','Design complete','Pilot go/no-go','Build complete','Training delivered',
             'Go-live','Benefits baseline reviewed','Handover to operations'])[1 + (k - 1) % 8] AS title,
      ${responsibleOf("i")} AS owner, ${accountableOf("i")} AS accountable,
      baseline, planned, (p."createdAt")::timestamp AS created,
      least(planned, pg_temp.today() - 7, coalesce(p."actualEndDate", pg_temp.today())) AS done_on,
      CASE
        WHEN p.stage = 'CLOSED' THEN 'DONE'
        WHEN p.stage = 'CANCELLED' THEN CASE WHEN planned < p."startDate" + 200 THEN 'DONE' ELSE 'CANCELLED' END
        WHEN p.stage = 'PROPOSED' OR p."heldFromStage" = 'PROPOSED' THEN 'NOT_STARTED'
        WHEN k = 3 AND (p.stage = 'ROLLOUT' OR p."heldFromStage" = 'ROLLOUT') THEN 'DONE'
        WHEN k > 3 AND (p.stage = 'APPROVED' OR p."heldFromStage" = 'APPROVED') THEN
          CASE WHEN planned < pg_temp.today() THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END
        WHEN planned < pg_temp.today() - 14 AND pg_temp.r((i - 1) * ${M} + k, 3) >= 0.1 THEN 'DONE'
        WHEN planned < pg_temp.today() + 30 THEN 'IN_PROGRESS'
        ELSE 'NOT_STARTED' END AS status
    FROM generate_series(1, ${P}) i CROSS JOIN generate_series(1, ${M}) k
    JOIN LATERAL (SELECT * FROM "Project" WHERE id = pg_temp.bid('p', i)) p ON true
    CROSS JOIN LATERAL (SELECT p."startDate" + ((p."baselineEndDate" - p."startDate") * k / ${M}) AS baseline) bl
    CROSS JOIN LATERAL (SELECT bl.baseline + CASE WHEN pg_temp.r((i - 1) * ${M} + k, 1) < 0.35 THEN 0
      ELSE 7 * (1 + floor(pg_temp.r((i - 1) * ${M} + k, 2) ^ 2 * 12)::int) END AS planned) pl
  ) m
) x ORDER BY id`,
    },
    {
      table: "Project (forecast end)",
      // NUM-1: a project ends no earlier than its open milestones.
      sql: `UPDATE "Project" p SET "forecastEndDate" = o.latest
FROM (SELECT "projectId", max("forecastDate") AS latest FROM "Milestone"
      WHERE status IN ('NOT_STARTED', 'IN_PROGRESS') GROUP BY "projectId") o
WHERE o."projectId" = p.id AND o.latest > p."forecastEndDate"`,
    },
    {
      table: "MilestoneChange",
      // Each slipped milestone's forecast moved from its baseline to where it stands in steps, each
      // with a reason (rule 5): the changes are spread over the slipped milestones in turn.
      sql: `WITH slipped AS MATERIALIZED (
  -- Changes come before the milestone was done and before its project closed or was cancelled.
  SELECT m.id, m."baselineDate" AS base, m."forecastDate" - m."baselineDate" AS slip, m."ownerId",
    least(now(), m."actualDate" + interval '9 hours',
      CASE WHEN p.stage IN ('CLOSED', 'CANCELLED') THEN p."stageChangedAt" END) AS until,
    row_number() OVER (ORDER BY m.id) AS rn, count(*) OVER () AS n
  FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE m."forecastDate" > m."baselineDate"
)
INSERT INTO "MilestoneChange" (id, "milestoneId", "oldDate", "newDate", reason, "changedById", "changedAt")
SELECT pg_temp.bid('mc', c.i), s.id,
  pg_temp.step_date(s.base, s.slip, c.step - 1, c.steps), pg_temp.step_date(s.base, s.slip, c.step, c.steps),
  (ARRAY['Supplier delivery slipped','Clinical staff released late for training','Awaiting IT change window',
         'Estates work overran','Scope clarified with the clinical lead','Winter pressures paused the work'])[1 + c.i % 6],
  s."ownerId", s.until - ((c.steps - c.step + 1) * 9 || ' days')::interval - (c.i % 600 || ' minutes')::interval
FROM (
  SELECT i, (i - 1) % n + 1 AS rn, (i - 1) / n + 1 AS step,
    ${scale.milestoneChanges} / n + CASE WHEN (i - 1) % n + 1 <= ${scale.milestoneChanges} % n THEN 1 ELSE 0 END AS steps
  FROM generate_series(1, ${scale.milestoneChanges}) i, (SELECT max(n) AS n FROM slipped) t
) c JOIN slipped s ON s.rn = c.rn
ORDER BY c.i`,
    },
    {
      table: "Metric",
      // One leadership metric per objective, weekly metrics on live projects up to the scale's
      // count, and a monthly benefit metric on every other project past its proposal (rule 1).
      // Thresholds sit between baseline and target in the metric's direction (NUM).
      sql: `INSERT INTO "Metric" (id, name, description, category, unit, direction, "baselineValue", "targetValue", "targetDate",
  "amberThreshold", "redThreshold", "ownerId", cadence, "objectiveId", "projectId", focus, "updatedAt")
SELECT pg_temp.bid('mt', n), name, NULL, category::"ScorecardCategory", unit, direction::"MetricDirection", base, target, DATE '2028-03-31',
  CASE WHEN direction = 'HIGHER_IS_BETTER' THEN base + (target - base) * 0.6 ELSE base - (base - target) * 0.6 END,
  CASE WHEN direction = 'HIGHER_IS_BETTER' THEN base + (target - base) * 0.3 ELSE base - (base - target) * 0.3 END,
  owner, cadence::"Cadence", objective, project, focus::"MetricFocus", now()
FROM (
  SELECT n, name, category, owner, objective, project, cadence, focus,
    CASE WHEN pg_temp.r(n, 30) < 0.5 THEN 'HIGHER_IS_BETTER' ELSE 'LOWER_IS_BETTER' END AS direction,
    CASE WHEN pg_temp.r(n, 30) < 0.5 THEN '%' ELSE 'days' END AS unit,
    round((50 + pg_temp.r(n, 31) * 30)::numeric, 1)::float8 AS base,
    round((CASE WHEN pg_temp.r(n, 30) < 0.5 THEN 50 + pg_temp.r(n, 31) * 30 + 10 + pg_temp.r(n, 32) * 15
                ELSE 50 + pg_temp.r(n, 31) * 30 - 10 - pg_temp.r(n, 32) * 15 END)::numeric, 1)::float8 AS target
  FROM (
    SELECT i AS n, 'Scorecard measure ' || i AS name, o.category::text AS category, o."ownerId" AS owner,
      o.id AS objective, NULL::text AS project, 'WEEKLY' AS cadence, 'LEADERSHIP' AS focus
    FROM generate_series(1, ${O}) i JOIN "StrategicObjective" o ON o.id = pg_temp.bid('o', i)
    UNION ALL
    SELECT ${O} + row_number() OVER (ORDER BY lp.rn), 'Benefit measure of ' || lp.code, o.category::text, r."userId",
      a."objectiveId", lp.id,
      CASE WHEN lp.rn <= ${scale.weeklyMetrics - O} THEN 'WEEKLY' ELSE 'MONTHLY' END,
      CASE WHEN lp.rn % 2 = 0 THEN 'OPERATIONS' ELSE 'LEADERSHIP' END
    FROM (SELECT id, code, row_number() OVER (ORDER BY md5(id)) AS rn FROM "Project"
          WHERE stage NOT IN ('PROPOSED', 'CANCELLED') AND "heldFromStage" IS DISTINCT FROM 'PROPOSED') lp
    JOIN "Alignment" a ON a."projectId" = lp.id AND a.contribution = 'PRIMARY'
    JOIN "StrategicObjective" o ON o.id = a."objectiveId"
    JOIN "RaciAssignment" r ON r."projectId" = lp.id AND r.letter = 'R'
  ) d
) m ORDER BY n`,
    },
    {
      table: "MetricValue",
      // Weekly metrics: two years of Mondays up to last week; monthly ones: every month from the
      // project's start up to this one. One value per period, none in the future (rule 7); a
      // drift towards the target with noise and the odd step, so the SPC charts have something to find.
      sql: `INSERT INTO "MetricValue" (id, "metricId", "periodStart", value, "recordedById", "recordedAt")
SELECT gen_random_uuid()::text, m.id, period,
  round((m."baselineValue" + (m."targetValue" - m."baselineValue") * least(1.2, t * (0.4 + pg_temp.r(m.n, 40)))
    + (pg_temp.r(m.n * 1000 + t_i, 41) - 0.5) * abs(m."targetValue" - m."baselineValue") * 0.5)::numeric, 2)::float8,
  m."ownerId", least(now(), (period + CASE WHEN m.cadence = 'WEEKLY' THEN 7 ELSE 28 END)::timestamp + interval '9 hours')
FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM "Metric") m
LEFT JOIN "Project" p ON p.id = m."projectId"
CROSS JOIN LATERAL (
  SELECT period, row_number() OVER (ORDER BY period) AS t_i,
    (row_number() OVER (ORDER BY period))::float8 / count(*) OVER () AS t
  FROM generate_series(
    CASE WHEN m.cadence = 'WEEKLY' THEN date_trunc('week', pg_temp.today()::timestamp) - interval '104 weeks'
         ELSE date_trunc('month', p."startDate"::timestamp) END,
    CASE WHEN m.cadence = 'WEEKLY' THEN date_trunc('week', pg_temp.today()::timestamp) - interval '1 week'
         ELSE date_trunc('month', pg_temp.today()::timestamp) END,
    CASE WHEN m.cadence = 'WEEKLY' THEN interval '1 week' ELSE interval '1 month' END) g(period_ts)
  CROSS JOIN LATERAL (SELECT g.period_ts::date AS period) pd
) v`,
    },
    {
      table: "Decision",
      // GATE-5: every project that rolled out has a SCALE decision by an executive (FRAME-5).
      sql: `INSERT INTO "Decision" (id, kind, title, detail, authority, rationale, "decidedById", "decidedAt", "projectId")
SELECT pg_temp.bid('d', i), 'SCALE', 'Scale after the pilot', 'The pilot''s evidence supports rolling out.',
  'Executive Board', 'The pilot met its measures.', ${pick(b.executives, "i * 3")},
  (m."actualDate" + 3)::timestamp + interval '11 hours', p.id
FROM generate_series(1, ${P}) i
JOIN "Project" p ON p.id = pg_temp.bid('p', i)
JOIN "Milestone" m ON m.id = pg_temp.bid('m', (i - 1) * ${M} + 3)
WHERE p.kind <> 'OPERATIONAL' AND m.status = 'DONE' AND (p.stage IN ('ROLLOUT', 'CLOSED') OR p."heldFromStage" = 'ROLLOUT')`,
    },
    {
      table: "CostEntry",
      // Monthly spend from the start to the end (or this month), recorded by the R; one entry in a
      // hundred reversed in its own month (FRAME-6).
      sql: `INSERT INTO "CostEntry" (id, "projectId", period, amount, description, "recordedById", "createdAt")
SELECT pg_temp.bid('c', i * 100 + mo), p.id, (date_trunc('month', p."startDate"::timestamp) + (mo || ' months')::interval)::date,
  round((p."baselineBudget" / greatest(1, (p."baselineEndDate" - p."startDate") / 30) * (0.6 + pg_temp.r(i * 100 + mo, 50) * 0.8))::numeric, 2) + 1,
  (ARRAY['Staff costs','Supplier invoice','Equipment','Licences','Backfill'])[1 + mo % 5],
  ${responsibleOf("i")}, least(now(), date_trunc('month', p."startDate"::timestamp) + (mo || ' months')::interval + interval '27 days')
FROM generate_series(1, ${P}) i
JOIN "Project" p ON p.id = pg_temp.bid('p', i)
CROSS JOIN generate_series(0, 35) mo
WHERE p.stage <> 'PROPOSED' AND p."heldFromStage" IS DISTINCT FROM 'PROPOSED'
  AND date_trunc('month', p."startDate"::timestamp) + (mo || ' months')::interval
      <= least(date_trunc('month', pg_temp.today()::timestamp), coalesce(p."actualEndDate", p."baselineEndDate")::timestamp)
ORDER BY i, mo`,
    },
    {
      table: "CostEntry (reversals)",
      sql: `INSERT INTO "CostEntry" (id, "projectId", period, amount, description, "reversesId", "recordedById", "createdAt")
SELECT gen_random_uuid()::text, c."projectId", c.period, -c.amount, 'Reversal: invoice raised twice', c.id, c."recordedById",
  c."createdAt" + interval '1 day'
FROM "CostEntry" c WHERE pg_temp.r(hashtext(c.id), 51) < 0.01`,
    },
    {
      table: "Feedback",
      // Logged on weekdays at 10:00 in the trust's time zone, due as FB-2 computes it with the default
      // settings and no holidays; older items are mostly closed, some are still waiting past their
      // due time (overdue safety feedback escalates, FB-5); endorsements are only acknowledged (FB-1).
      sql: `INSERT INTO "Feedback" (id, "projectId", "authorId", kind, severity, body, status, "dueAt", "acknowledgedById", "acknowledgedAt",
  "responseText", "respondedById", "respondedAt", "closedById", closure, "closedAt", "createdAt", "updatedAt")
SELECT pg_temp.bid('f', i), pid, author, kind::"FeedbackKind", severity::"Severity",
  (ARRAY['The new rota leaves the ward short at night.','Patients are confused by the new letters.',
         'The handover form misses allergies.','Could the clinic start earlier?','The pilot has made discharges smoother.',
         'The device alarms are too quiet on the ward.'])[1 + i % 6],
  status::"FeedbackStatus",
  CASE WHEN kind = 'SAFETY' AND severity = 'CRITICAL' THEN created + interval '4 hours'
       WHEN kind = 'SAFETY' AND severity = 'HIGH' THEN ((created AT TIME ZONE 'Europe/London') + interval '24 hours') AT TIME ZONE 'Europe/London'
       ELSE (pg_temp.add_working_days(day, CASE WHEN kind = 'SAFETY' THEN 2 ELSE 5 END) + time '17:00') AT TIME ZONE 'Europe/London' END,
  CASE WHEN status <> 'OPEN' THEN responsible END,
  CASE WHEN status <> 'OPEN' THEN created + interval '2 hours' END,
  CASE WHEN status IN ('RESPONDED', 'CLOSED') AND kind <> 'ENDORSEMENT' THEN 'Thank you: we have changed the plan to address this.' END,
  CASE WHEN status IN ('RESPONDED', 'CLOSED') AND kind <> 'ENDORSEMENT' THEN responsible END,
  CASE WHEN status IN ('RESPONDED', 'CLOSED') AND kind <> 'ENDORSEMENT' THEN created + interval '1 day' END,
  CASE WHEN status = 'CLOSED' THEN CASE WHEN kind = 'ENDORSEMENT' THEN responsible ELSE author END END,
  (CASE WHEN status = 'CLOSED' THEN CASE WHEN kind = 'ENDORSEMENT' THEN 'ENDORSEMENT_ACKNOWLEDGED' ELSE 'ACCEPTED' END END)::"FeedbackClosure",
  CASE WHEN status = 'CLOSED' THEN CASE WHEN kind = 'ENDORSEMENT' THEN created + interval '2 hours' ELSE created + interval '3 days' END END,
  created, now()
FROM (
  SELECT i, pg_temp.bid('p', pi) AS pid, ${pick(b.champions, "i")} AS author, ${responsibleOf("pi")} AS responsible,
    kind, severity, day, created,
    CASE WHEN kind = 'ENDORSEMENT' THEN CASE WHEN age > 30 OR pg_temp.r(i, 64) < 0.5 THEN 'CLOSED' ELSE 'OPEN' END
         WHEN created + interval '3 days' > now() THEN (ARRAY['OPEN','ACKNOWLEDGED','RESPONDED'])[1 + floor(pg_temp.r(i, 64) * 3)::int]
         WHEN age > 60 THEN CASE WHEN pg_temp.r(i, 64) < 0.85 THEN 'CLOSED' WHEN pg_temp.r(i, 64) < 0.93 THEN 'RESPONDED'
                                 WHEN pg_temp.r(i, 64) < 0.96 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END
         ELSE (ARRAY['OPEN','ACKNOWLEDGED','RESPONDED','CLOSED'])[1 + floor(pg_temp.r(i, 64) * 4)::int] END AS status
  FROM (
    SELECT i, pi, kind, day, pg_temp.today() - day AS age,
      (day + time '10:00') AT TIME ZONE 'Europe/London' AS created,
      CASE WHEN kind = 'SAFETY' THEN CASE WHEN pg_temp.r(i, 62) < 0.1 THEN 'CRITICAL' WHEN pg_temp.r(i, 62) < 0.4 THEN 'HIGH'
                                          WHEN pg_temp.r(i, 62) < 0.8 THEN 'MEDIUM' ELSE 'LOW' END
           ELSE CASE WHEN pg_temp.r(i, 62) < 0.6 THEN 'LOW' ELSE 'MEDIUM' END END AS severity
    FROM (
      SELECT i, pi,
        CASE WHEN pg_temp.r(i, 61) < 0.45 THEN 'CONCERN' WHEN pg_temp.r(i, 61) < 0.6 THEN 'SAFETY'
             WHEN pg_temp.r(i, 61) < 0.85 THEN 'SUGGESTION' ELSE 'ENDORSEMENT' END AS kind,
        -- a weekday up to two years back: weekends move to the Friday before
        d - CASE extract(isodow FROM d)::int WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS day
      FROM (
        -- logged while its project was open: a closed or cancelled project's before it stopped
        SELECT i, pi, CASE WHEN p.stage IN ('CLOSED', 'CANCELLED') THEN least(d0, p."stageChangedAt"::date - 1) ELSE d0 END AS d
        FROM (SELECT i, 1 + floor(pg_temp.r(i, 60) ^ 1.3 * ${P})::int AS pi,
                pg_temp.today() - 1 - floor(pg_temp.r(i, 63) ^ 1.5 * 720)::int AS d0
              FROM generate_series(1, ${scale.feedback}) i) g0
        JOIN "Project" p ON p.id = pg_temp.bid('p', g0.pi)
      ) g
    ) k
  ) s
) f ORDER BY i`,
    },
    {
      table: "Risk",
      sql: `INSERT INTO "Risk" (id, "projectId", title, description, likelihood, impact, mitigation, "ownerId", status, "updatedAt")
SELECT pg_temp.bid('r', i), p.id,
  (ARRAY['Supplier may not deliver on time','Clinical staff unavailable for training','Data migration errors',
         'Funding not confirmed for next year','Patient safety incident during go-live','Interface with the EPR fails'])[1 + i % 6],
  NULL, 1 + floor(pg_temp.r(i, 70) * 5)::int, 1 + floor(pg_temp.r(i, 71) * 5)::int, 'Weekly review with the supplier.',
  ${responsibleOf("pi")},
  (CASE WHEN p.stage IN ('CLOSED', 'CANCELLED') THEN 'CLOSED' WHEN pg_temp.r(i, 72) < 0.6 THEN 'OPEN'
        WHEN pg_temp.r(i, 72) < 0.9 THEN 'MITIGATING' ELSE 'CLOSED' END)::"RiskStatus", now()
FROM (SELECT i, 1 + floor(pg_temp.r(i, 73) * ${P})::int AS pi FROM generate_series(1, ${scale.risks}) i) g
JOIN "Project" p ON p.id = pg_temp.bid('p', g.pi)
ORDER BY i`,
    },
    {
      table: "StageGateRequest",
      // Gates waiting for a decision (GATE-1): a tenth of approved projects asking for their pilot,
      // asked by their R.
      sql: `INSERT INTO "StageGateRequest" (id, "projectId", "fromStage", "toStage", reason, "requestedById", "requestedAt")
SELECT pg_temp.bid('g', i), p.id, 'APPROVED', 'PILOT', 'Ready to pilot: the plan, team and measures are in place.',
  ${responsibleOf("i")}, now() - ((1 + i % 20) || ' days')::interval
FROM generate_series(1, ${P}) i JOIN "Project" p ON p.id = pg_temp.bid('p', i)
WHERE p.stage = 'APPROVED' AND pg_temp.r(i, 80) < 0.1`,
    },
    {
      table: "Rebaseline",
      // Rebaselines waiting (REB-1): the values replaced are the baselines as they stand.
      sql: `INSERT INTO "Rebaseline" (id, "projectId", kind, status, reason, "previousEndDate", "proposedEndDate", "requestedById", "requestedAt")
SELECT pg_temp.bid('rb', i), p.id, 'BASELINE', 'REQUESTED', 'The supplier moved the go-live; the end date follows it.',
  p."baselineEndDate", p."baselineEndDate" + 45, ${responsibleOf("i")}, now() - ((1 + i % 15) || ' days')::interval
FROM generate_series(1, ${P}) i JOIN "Project" p ON p.id = pg_temp.bid('p', i)
WHERE p.stage IN ('APPROVED', 'PILOT', 'ROLLOUT') AND pg_temp.r(i, 81) < 0.03`,
    },
    {
      table: "AuditEvent",
      // One ordered INSERT … SELECT: the events arrive oldest first, one statement, so a trigger that
      // chains each row to the one before sees them in order.
      sql: `INSERT INTO "AuditEvent" (at, "actorId", action, "entityType", "entityId", before, after, "requestId")
SELECT now() - ((${scale.auditEvents} - i) * (63072000.0 / ${scale.auditEvents}) || ' seconds')::interval,
  ${pick(b.managers, "i")},
  (ARRAY['milestone.change_forecast','feedback.log','risk.update','cost.record','project.update','metric_value.record'])[1 + i % 6],
  (ARRAY['Milestone','Feedback','Risk','CostEntry','Project','MetricValue'])[1 + i % 6],
  CASE i % 6 WHEN 0 THEN pg_temp.bid('m', 1 + i % ${P * M}) WHEN 1 THEN pg_temp.bid('f', 1 + i % ${scale.feedback})
    WHEN 2 THEN pg_temp.bid('r', 1 + i % ${scale.risks}) ELSE pg_temp.bid('p', 1 + i % ${P}) END,
  jsonb_build_object('version', i % 7), jsonb_build_object('version', i % 7 + 1), 'bench-' || i
FROM generate_series(1, ${scale.auditEvents}) i ORDER BY i`,
    },
  ];
}

/** Fills an empty, migrated database with the bench organisation; returns each table's time. */
export async function seedBenchOrganisation(
  client: pg.Client,
  scale: Scale,
  passwordHash: string,
  log: (line: string) => void = () => {},
): Promise<TableTiming[]> {
  // Timestamps are stored as UTC (Prisma's DateTime): the session must not shift them.
  await client.query("SET TIME ZONE 'UTC'");
  await client.query(HELPERS);
  const timings: TableTiming[] = [];
  for (const step of statements(scale)) {
    const started = performance.now();
    const result = await client.query(step.sql, step.table === "User" ? [passwordHash] : []);
    const timing = { table: step.table, rows: result.rowCount ?? 0, ms: performance.now() - started };
    timings.push(timing);
    log(
      `  ${step.table.padEnd(24)} ${String(timing.rows).padStart(9)} rows  ${(timing.ms / 1000).toFixed(1)} s`,
    );
  }
  const started = performance.now();
  await client.query("ANALYZE");
  timings.push({ table: "(analyze)", rows: 0, ms: performance.now() - started });
  return timings;
}
