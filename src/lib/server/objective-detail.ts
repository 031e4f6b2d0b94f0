import "server-only";
// One strategic objective's page: who owns it, when it runs, its status and delivery by the one
// rule (docs/governance-rules.md NUM-7), the metrics that feed it with their latest final values
// and status (NUM-5, NUM-6), and the projects aligned to it with their contribution, stage and
// schedule health (NUM-2, NUM-3); each metric's SPC chart with its project's go-lives (issue 12);
// plus the id and version its edit form sends (rule 8).
// Metrics and projects are paged, so the page stays small however many feed one objective; the
// reads are three statements whatever the numbers (header with delivery counts, a page of metrics
// with their final values and go-lives, a page of projects), aggregated in PostgreSQL.
import { db } from "@/lib/db/client";
import { type IsoDate, parseIsoDate } from "@/lib/domain/calendar";
import { type MetricSpc, toMetricSpc } from "@/lib/domain/metric-spc";
import { computeMetricStatus, type MetricStatus, type Rag } from "@/lib/domain/metrics";
import type { GovernanceSettings } from "@/lib/domain/settings";
import type {
  Cadence,
  Contribution,
  MetricDirection,
  ObjectiveStatus,
  ProjectStage,
  ScorecardCategory,
} from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type ObjectiveDelivery, toObjectiveDelivery } from "./objective-rows";
import { clampPage } from "./paging";
import { toProjectSchedule } from "./project-schedule";

/** Metric charts per page: each carries up to two years of weekly points. */
export const OBJECTIVE_METRICS_PAGE_SIZE = 10;
export const OBJECTIVE_PROJECTS_PAGE_SIZE = 25;

export interface ObjectiveMetric {
  id: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  cadence: Cadence;
  baselineValue: number;
  targetValue: number;
  targetDate: IsoDate;
  project: { code: string; name: string } | null;
  latest: { periodStart: IsoDate; value: number } | null;
  status: MetricStatus;
  /** Its SPC chart; go-lives are its project's done milestones (none for an objective's own metric). */
  spc: MetricSpc;
}

export interface ObjectiveProject {
  code: string;
  name: string;
  stage: ProjectStage;
  contribution: Contribution;
  rationale: string;
  scheduleRag: Rag;
  slipDays: number;
}

export interface PageOf<T> {
  rows: T[];
  page: number;
  pageCount: number;
  total: number;
}

export interface ObjectiveDetail extends ObjectiveDelivery {
  id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  startDate: IsoDate;
  targetDate: IsoDate;
  owner: { id: string; name: string };
  parent: { id: string; code: string; title: string } | null;
  children: { code: string; title: string; status: ObjectiveStatus }[];
  metrics: PageOf<ObjectiveMetric>;
  projects: PageOf<ObjectiveProject>;
}

interface HeaderRow {
  id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  startDate: IsoDate;
  targetDate: IsoDate;
  ownerId: string;
  ownerName: string;
  parentId: string | null;
  parentCode: string | null;
  parentTitle: string | null;
  children: { code: string; title: string; status: ObjectiveStatus }[];
  /** Aligned projects counted by contribution and stage: what the coverage rule needs (NUM-7). */
  coverage: { contribution: Contribution; stage: ProjectStage; count: number }[];
  metricCount: number;
}

interface MetricRow {
  id: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  cadence: Cadence;
  baselineValue: number;
  targetValue: number;
  targetDate: IsoDate;
  amberThreshold: number;
  redThreshold: number;
  projectCode: string | null;
  projectName: string | null;
  /** Final values in period order, as [periodStart, value]. */
  finals: [IsoDate, number][];
  /** The project's done milestones, as [title, actualDate]. */
  goLives: [string, IsoDate][];
}

interface ProjectRow {
  code: string;
  name: string;
  stage: ProjectStage;
  contribution: Contribution;
  rationale: string;
  startDate: IsoDate;
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  actualEndDate: IsoDate | null;
}

export async function getObjectiveDetail(
  code: string,
  clock: Clock,
  settings: Pick<GovernanceSettings, "scheduleAmberPercent" | "scheduleRedPercent">,
  pages: { metricsPage?: number; projectsPage?: number } = {},
): Promise<ObjectiveDetail | null> {
  const [header] = await db().$queryRaw<HeaderRow[]>`
    SELECT o.id, o.version, o.code, o.title, o.description,
      o.category::text AS category, o.status::text AS status,
      o."startDate"::text AS "startDate", o."targetDate"::text AS "targetDate",
      u.id AS "ownerId", u.name AS "ownerName",
      par.id AS "parentId", par.code AS "parentCode", par.title AS "parentTitle",
      COALESCE((
        SELECT json_agg(json_build_object('code', c.code, 'title', c.title, 'status', c.status) ORDER BY c.code)
        FROM "StrategicObjective" c WHERE c."parentId" = o.id
      ), '[]'::json) AS children,
      COALESCE((
        SELECT json_agg(json_build_object('contribution', g.contribution, 'stage', g.stage, 'count', g.n))
        FROM (
          SELECT a.contribution, p.stage, count(*)::int AS n
          FROM "Alignment" a JOIN "Project" p ON p.id = a."projectId"
          WHERE a."objectiveId" = o.id
          GROUP BY a.contribution, p.stage
        ) g
      ), '[]'::json) AS coverage,
      (SELECT count(*)::int FROM "Metric" m WHERE m."objectiveId" = o.id AND m.active) AS "metricCount"
    FROM "StrategicObjective" o
    JOIN "User" u ON u.id = o."ownerId"
    LEFT JOIN "StrategicObjective" par ON par.id = o."parentId"
    WHERE o.code = ${code}`;
  if (!header) return null;

  const delivery = toObjectiveDelivery({
    status: header.status,
    alignments: header.coverage.flatMap((g) =>
      Array.from({ length: g.count }, () => ({ contribution: g.contribution, project: { stage: g.stage } })),
    ),
  });
  const metricsAt = clampPage(pages.metricsPage ?? 1, header.metricCount, OBJECTIVE_METRICS_PAGE_SIZE);
  const projectsAt = clampPage(
    pages.projectsPage ?? 1,
    delivery.alignedProjectCount,
    OBJECTIVE_PROJECTS_PAGE_SIZE,
  );

  const [metricRows, projectRows] = await Promise.all([
    db().$queryRaw<MetricRow[]>`
      SELECT m.id, m.name, m.unit, m.direction::text AS direction, m.cadence::text AS cadence,
        m."baselineValue", m."targetValue", m."targetDate"::text AS "targetDate",
        m."amberThreshold", m."redThreshold",
        p.code AS "projectCode", p.name AS "projectName",
        COALESCE((
          SELECT json_agg(json_build_array(v."periodStart", v.value) ORDER BY v."periodStart")
          FROM "MetricValue" v WHERE v."metricId" = m.id AND NOT v.provisional
        ), '[]'::json) AS finals,
        COALESCE((
          SELECT json_agg(json_build_array(ms.title, ms."actualDate") ORDER BY ms."actualDate")
          FROM "Milestone" ms
          WHERE ms."projectId" = m."projectId" AND ms.status = 'DONE' AND ms."actualDate" IS NOT NULL
        ), '[]'::json) AS "goLives"
      FROM "Metric" m
      LEFT JOIN "Project" p ON p.id = m."projectId"
      WHERE m."objectiveId" = ${header.id} AND m.active
      ORDER BY m.name, m.id
      LIMIT ${OBJECTIVE_METRICS_PAGE_SIZE} OFFSET ${(metricsAt.page - 1) * OBJECTIVE_METRICS_PAGE_SIZE}`,
    db().$queryRaw<ProjectRow[]>`
      SELECT p.code, p.name, p.stage::text AS stage, a.contribution::text AS contribution, a.rationale,
        p."startDate"::text AS "startDate", p."baselineEndDate"::text AS "baselineEndDate",
        p."forecastEndDate"::text AS "forecastEndDate", p."actualEndDate"::text AS "actualEndDate"
      FROM "Alignment" a JOIN "Project" p ON p.id = a."projectId"
      WHERE a."objectiveId" = ${header.id}
      ORDER BY a.contribution, p.code
      LIMIT ${OBJECTIVE_PROJECTS_PAGE_SIZE} OFFSET ${(projectsAt.page - 1) * OBJECTIVE_PROJECTS_PAGE_SIZE}`,
  ]);

  return {
    id: header.id,
    version: header.version,
    code: header.code,
    title: header.title,
    description: header.description,
    category: header.category,
    status: header.status,
    startDate: header.startDate,
    targetDate: header.targetDate,
    owner: { id: header.ownerId, name: header.ownerName },
    parent:
      header.parentId && header.parentCode && header.parentTitle !== null
        ? { id: header.parentId, code: header.parentCode, title: header.parentTitle }
        : null,
    children: header.children,
    ...delivery,
    metrics: {
      ...metricsAt,
      total: header.metricCount,
      rows: metricRows.map((m) => toObjectiveMetric(m, clock)),
    },
    projects: {
      ...projectsAt,
      total: delivery.alignedProjectCount,
      rows: projectRows.map((p) => {
        const schedule = toProjectSchedule(
          {
            startDate: parseIsoDate(p.startDate),
            baselineEndDate: parseIsoDate(p.baselineEndDate),
            forecastEndDate: parseIsoDate(p.forecastEndDate),
            actualEndDate: p.actualEndDate ? parseIsoDate(p.actualEndDate) : null,
          },
          settings,
        );
        return {
          code: p.code,
          name: p.name,
          stage: p.stage,
          contribution: p.contribution,
          rationale: p.rationale,
          scheduleRag: schedule.scheduleRag,
          slipDays: schedule.slipDays,
        };
      }),
    },
  };
}

function toObjectiveMetric(m: MetricRow, clock: Clock): ObjectiveMetric {
  const finals = m.finals.map(([periodStart, value]) => ({ periodStart: parseIsoDate(periodStart), value }));
  const goLives = m.goLives.map(([title, actualDate]) => ({ title, actualDate: parseIsoDate(actualDate) }));
  const latest = finals.at(-1) ?? null;
  const latestIso = m.finals.at(-1)?.[0];
  const definition = { ...m, targetDate: parseIsoDate(m.targetDate) };
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    cadence: m.cadence,
    baselineValue: m.baselineValue,
    targetValue: m.targetValue,
    targetDate: m.targetDate,
    project: m.projectCode && m.projectName !== null ? { code: m.projectCode, name: m.projectName } : null,
    latest: latest && latestIso ? { periodStart: latestIso, value: latest.value } : null,
    status: computeMetricStatus({ ...definition, latestFinal: latest, today: clock.today }),
    spc: toMetricSpc(m, finals, goLives),
  };
}

/**
 * Who may own an objective (an active executive, or an admin), and the objectives a parent may be:
 * both lists in one statement, as the editing form needs them together.
 */
export async function getObjectiveChoices(): Promise<{
  owners: { id: string; name: string }[];
  objectives: { id: string; code: string; title: string }[];
}> {
  const [choices] = await db().$queryRaw<
    [{ owners: { id: string; name: string }[]; objectives: { id: string; code: string; title: string }[] }]
  >`
    SELECT
      COALESCE((
        SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
        FROM "User" u WHERE u.active AND u.role IN ('EXECUTIVE', 'ADMIN')
      ), '[]'::json) AS owners,
      COALESCE((
        SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'title', o.title) ORDER BY o.code)
        FROM "StrategicObjective" o
      ), '[]'::json) AS objectives`;
  return choices;
}
