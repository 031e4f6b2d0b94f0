import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import {
  type CalendarDate,
  computeDaysBetween,
  computeLocalDate,
  type IsoDate,
  parseIsoDate,
  toIsoDate,
} from "@/lib/domain/calendar";
import {
  computeMissingPeriods,
  computeNextPeriodStart,
  DEFAULT_OVERDUE_GRACE_DAYS,
} from "@/lib/domain/metrics";
import { DEFAULT_DUE_SOON_DAYS } from "@/lib/domain/milestones";
import { can } from "@/lib/domain/permissions";
import type { GovernanceSettings } from "@/lib/domain/settings";
import type { Cadence, MilestoneStatus, ProjectStage, RaciLetter, Role } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type FeedbackQueue, listFeedbackQueue } from "./feedback-queue";
import { type MilestoneRow, toMilestoneRow } from "./milestone-rows";
import { getGovernanceSettings } from "./organisation";
import { type ProjectSchedule, toProjectSchedule } from "./project-schedule";

/** How far ahead "due soon" looks: the domain's fortnight, which is also what health grades as due soon. */
export const DUE_SOON_DAYS = DEFAULT_DUE_SOON_DAYS;
const RUNNING_LETTERS = ["R", "A"] as const satisfies readonly RaciLetter[];
const OPEN_MILESTONE = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly MilestoneStatus[];
const DAY_MS = 86_400_000;

export interface MyProject extends ProjectSchedule {
  code: string;
  name: string;
  stage: ProjectStage;
  letter: "R" | "A";
}

export interface MyMilestone extends MilestoneRow {
  projectCode: string;
  projectName: string;
  overdue: boolean;
  /** The forecast is later than the baseline. */
  atRisk: boolean;
  /** For the forecast and completion forms. */
  version: number;
  /** The person may change its forecast or mark it done (matrix `milestone.manage`); false without a role. */
  mayManage: boolean;
}

/** A metric on a project the person runs, or that they own, whose value for an ended period is missing. */
export interface MetricValueDue {
  metricId: string;
  name: string;
  unit: string;
  cadence: Cadence;
  projectCode: string;
  projectName: string;
  /** Ended periods with no value yet, oldest first (NUM-5: values are for periods that have ended). */
  missingPeriods: IsoDate[];
  /** The oldest missing value is past its cadence's grace: an alignment gap, no longer merely due. */
  overdue: boolean;
}

/** Every letter the person holds, R and A first, so they see all the teams they are on. */
export interface MyRole {
  code: string;
  name: string;
  stage: ProjectStage;
  letter: RaciLetter;
}

export interface MyWork {
  projects: MyProject[];
  milestones: MyMilestone[];
  metricValuesDue: MetricValueDue[];
  roles: MyRole[];
  /** One page of the feedback awaiting their answer, with escalations (FB-5). */
  feedback: FeedbackQueue;
}

/**
 * The operations view for one person: the projects they run (R or A), those projects' unfinished
 * milestones that are overdue or due within DUE_SOON_DAYS, and their feedback still awaiting an answer
 * (with, for the executive on duty, the safety feedback escalated to them), `feedbackPage` at a time.
 */
export async function getMyWork(
  actorId: string,
  clock: Clock,
  /**
   * `role`: whose in-place steps to work out; without it, the lists offer none. `settings`: the
   * organisation's, when the page has read them already (with its clock); else they are read here.
   */
  options: { feedbackPage?: number; role?: Role; settings?: GovernanceSettings } = {},
): Promise<MyWork> {
  const horizon = toIsoDate(new Date(clock.today.getTime() + DUE_SOON_DAYS * DAY_MS));
  const { role } = options;
  // The settings first: the feedback queue needs the executive on duty to shape its one statement.
  const settings = options.settings ?? (await getGovernanceSettings());
  // The person's own lists in one statement, each aggregated in PostgreSQL, and the feedback queue
  // in another (issue 12: a fixed number of statements per page whatever the person holds).
  const [[own], feedback] = await Promise.all([
    db().$queryRaw<[OwnWorkRow]>`
      SELECT
        COALESCE((
          SELECT json_agg(json_build_object(
            'letter', r.letter, 'code', p.code, 'name', p.name, 'stage', p.stage,
            'startDate', p."startDate", 'baselineEndDate', p."baselineEndDate",
            'forecastEndDate', p."forecastEndDate", 'actualEndDate', p."actualEndDate") ORDER BY p.code)
          FROM "RaciAssignment" r JOIN "Project" p ON p.id = r."projectId"
          WHERE r."userId" = ${actorId} AND r.letter::text IN (${Prisma.join(RUNNING_LETTERS)})
        ), '[]'::json) AS assignments,
        COALESCE((
          SELECT json_agg(json_build_object(
            'id', m.id, 'title', m.title, 'status', m.status, 'isGate', m."isGate",
            'baselineDate', m."baselineDate", 'forecastDate', m."forecastDate",
            'actualDate', m."actualDate", 'version', m.version,
            'projectCode', p.code, 'projectName', p.name,
            'letter', (SELECT r.letter FROM "RaciAssignment" r
                       WHERE r."projectId" = p.id AND r."userId" = ${actorId} LIMIT 1))
            ORDER BY m."forecastDate", m.title)
          FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
          WHERE m.status::text IN (${Prisma.join(OPEN_MILESTONE)}) AND m."forecastDate" <= ${horizon}::date
            AND EXISTS (SELECT 1 FROM "RaciAssignment" r
                        WHERE r."projectId" = p.id AND r."userId" = ${actorId} AND r.letter::text IN (${Prisma.join(RUNNING_LETTERS)}))
        ), '[]'::json) AS milestones,
        COALESCE((
          SELECT json_agg(json_build_object(
            'id', mt.id, 'name', mt.name, 'unit', mt.unit, 'cadence', mt.cadence,
            'createdAt', to_char(mt."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'projectCode', p.code, 'projectName', p.name,
            'latest', (SELECT max(v."periodStart") FROM "MetricValue" v WHERE v."metricId" = mt.id))
            ORDER BY p.code, mt.name)
          FROM "Metric" mt JOIN "Project" p ON p.id = mt."projectId"
          WHERE mt.active AND p.stage::text IN (${Prisma.join(MEASURED_STAGES)})
            -- Theirs by owner or by project: a union, not an OR, so each side keeps its index and
            -- the read grows with what the person holds, not with every metric in the trust.
            AND mt.id IN (
              SELECT mo.id FROM "Metric" mo WHERE mo."ownerId" = ${actorId}
              UNION
              SELECT mr.id FROM "Metric" mr JOIN "RaciAssignment" r ON r."projectId" = mr."projectId"
              WHERE r."userId" = ${actorId} AND r.letter::text IN (${Prisma.join(RUNNING_LETTERS)}))
        ), '[]'::json) AS metrics,
        COALESCE((
          SELECT json_agg(json_build_object('letter', r.letter, 'code', p.code, 'name', p.name, 'stage', p.stage))
          FROM "RaciAssignment" r JOIN "Project" p ON p.id = r."projectId"
          WHERE r."userId" = ${actorId}
        ), '[]'::json) AS roles`,
    listFeedbackQueue(actorId, { now: clock.now, page: options.feedbackPage ?? 1, role, settings }),
  ]);
  const assignments = own.assignments.map((a) => ({
    letter: a.letter,
    project: {
      code: a.code,
      name: a.name,
      stage: a.stage,
      startDate: parseIsoDate(a.startDate),
      baselineEndDate: parseIsoDate(a.baselineEndDate),
      forecastEndDate: parseIsoDate(a.forecastEndDate),
      actualEndDate: a.actualEndDate ? parseIsoDate(a.actualEndDate) : null,
    },
  }));
  const milestones = own.milestones.map((m) => ({
    ...m,
    baselineDate: parseIsoDate(m.baselineDate),
    forecastDate: parseIsoDate(m.forecastDate),
    actualDate: m.actualDate ? parseIsoDate(m.actualDate) : null,
    project: { code: m.projectCode, name: m.projectName, raci: m.letter ? [{ letter: m.letter }] : [] },
  }));
  const metrics = own.metrics.map((m) => ({
    ...m,
    createdAt: new Date(m.createdAt),
    project: { code: m.projectCode, name: m.projectName },
    values: m.latest ? [{ periodStart: parseIsoDate(m.latest) }] : [],
  }));
  const roles = own.roles.map((r) => ({
    letter: r.letter,
    project: { code: r.code, name: r.name, stage: r.stage },
  }));

  return {
    projects: assignments.map((a) => ({
      code: a.project.code,
      name: a.project.name,
      stage: a.project.stage,
      letter: a.letter === "A" ? "A" : "R",
      ...toProjectSchedule(a.project, settings),
    })),
    milestones: milestones.map((m) => {
      const row = toMilestoneRow(m, clock.today);
      return {
        ...row,
        projectCode: m.project.code,
        projectName: m.project.name,
        overdue: row.health === "OVERDUE",
        // Overdue outranks at-risk in the domain's single health; this page shows both.
        atRisk: row.slipDays > 0,
        version: m.version,
        mayManage: role
          ? can("milestone.manage", { role, letter: m.project.raci[0]?.letter ?? null })
          : false,
      };
    }),
    metricValuesDue: metrics.flatMap((m) => {
      if (!m.project) return [];
      const due = missingValues(
        m.cadence,
        computeLocalDate(m.createdAt, clock.timeZone),
        m.values[0]?.periodStart ?? null,
        clock.today,
      );
      if (due.length === 0) return [];
      return [
        {
          metricId: m.id,
          name: m.name,
          unit: m.unit,
          cadence: m.cadence,
          projectCode: m.project.code,
          projectName: m.project.name,
          missingPeriods: due.map(toIsoDate),
          overdue:
            missingValues(
              m.cadence,
              computeLocalDate(m.createdAt, clock.timeZone),
              m.values[0]?.periodStart ?? null,
              clock.today,
              DEFAULT_OVERDUE_GRACE_DAYS[m.cadence],
            ).length > 0,
        },
      ];
    }),
    roles: roles
      .map((a) => ({ code: a.project.code, name: a.project.name, stage: a.project.stage, letter: a.letter }))
      .sort((a, b) => LETTER_ORDER[a.letter] - LETTER_ORDER[b.letter] || a.code.localeCompare(b.code)),
    feedback,
  };
}

/** The person's own lists as PostgreSQL aggregates them: dates as ISO text. */
interface OwnWorkRow {
  assignments: {
    letter: RaciLetter;
    code: string;
    name: string;
    stage: ProjectStage;
    startDate: IsoDate;
    baselineEndDate: IsoDate;
    forecastEndDate: IsoDate;
    actualEndDate: IsoDate | null;
  }[];
  milestones: {
    id: string;
    title: string;
    status: MilestoneStatus;
    isGate: boolean;
    baselineDate: IsoDate;
    forecastDate: IsoDate;
    actualDate: IsoDate | null;
    version: number;
    projectCode: string;
    projectName: string;
    letter: RaciLetter | null;
  }[];
  metrics: {
    id: string;
    name: string;
    unit: string;
    cadence: Cadence;
    createdAt: string;
    projectCode: string;
    projectName: string;
    latest: IsoDate | null;
  }[];
  roles: { letter: RaciLetter; code: string; name: string; stage: ProjectStage }[];
}

// Values are expected while a project is being delivered and measured; a proposal has none yet,
// and a closed project's benefits review is its own page.
const MEASURED_STAGES = ["APPROVED", "PILOT", "ROLLOUT"] as const satisfies readonly ProjectStage[];
const LETTER_ORDER: Record<RaciLetter, number> = { A: 0, R: 1, C: 2, I: 3 };

/**
 * Ended periods with no value since the latest one recorded (or since the metric was defined), by
 * the same domain function the alignment gaps use; `graceDays` 0 lists values due, the cadence's
 * grace lists values overdue.
 */
function missingValues(
  cadence: Cadence,
  definedOn: CalendarDate,
  latest: CalendarDate | null,
  today: CalendarDate,
  graceDays = 0,
): CalendarDate[] {
  const afterLatest = latest ? computeNextPeriodStart(cadence, latest) : null;
  const from = afterLatest && computeDaysBetween(definedOn, afterLatest) > 0 ? afterLatest : definedOn;
  return computeMissingPeriods({ cadence, from, to: today, recorded: [], graceDays });
}
