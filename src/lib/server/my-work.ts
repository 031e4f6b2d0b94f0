import "server-only";
import { db } from "@/lib/db/client";
import {
  type CalendarDate,
  computeDaysBetween,
  computeLocalDate,
  type IsoDate,
  toIsoDate,
} from "@/lib/domain/calendar";
import {
  computeMissingPeriods,
  computeNextPeriodStart,
  DEFAULT_OVERDUE_GRACE_DAYS,
} from "@/lib/domain/metrics";
import { DEFAULT_DUE_SOON_DAYS } from "@/lib/domain/milestones";
import { can } from "@/lib/domain/permissions";
import type { Cadence, MilestoneStatus, ProjectStage, RaciLetter, Role } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type FeedbackQueue, listFeedbackQueue } from "./feedback-queue";
import { type MilestoneRow, milestoneRowSelect, toMilestoneRow } from "./milestone-rows";
import { getGovernanceSettings } from "./organisation";
import { type ProjectSchedule, projectScheduleSelect, toProjectSchedule } from "./project-schedule";

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
  /** `role`: whose in-place steps to work out; without it, the lists offer none. */
  options: { feedbackPage?: number; role?: Role } = {},
): Promise<MyWork> {
  const mine = { raci: { some: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } } } };
  const horizon = new Date(clock.today.getTime() + DUE_SOON_DAYS * DAY_MS);
  const settings = await getGovernanceSettings();
  const { role } = options;
  const [assignments, milestones, feedback, metrics, roles] = await Promise.all([
    db().raciAssignment.findMany({
      where: { userId: actorId, letter: { in: [...RUNNING_LETTERS] } },
      orderBy: { project: { code: "asc" } },
      select: {
        letter: true,
        project: {
          select: { code: true, name: true, stage: true, ...projectScheduleSelect },
        },
      },
    }),
    db().milestone.findMany({
      where: { project: mine, status: { in: [...OPEN_MILESTONE] }, forecastDate: { lte: horizon } },
      orderBy: [{ forecastDate: "asc" }, { title: "asc" }],
      select: {
        ...milestoneRowSelect,
        version: true,
        project: {
          select: { code: true, name: true, raci: { where: { userId: actorId }, select: { letter: true } } },
        },
      },
    }),
    listFeedbackQueue(actorId, { now: clock.now, page: options.feedbackPage ?? 1, role }),
    db().metric.findMany({
      where: {
        active: true,
        project: { stage: { in: [...MEASURED_STAGES] } },
        OR: [{ project: mine }, { ownerId: actorId }],
      },
      orderBy: [{ project: { code: "asc" } }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        unit: true,
        cadence: true,
        createdAt: true,
        project: { select: { code: true, name: true } },
        values: { orderBy: { periodStart: "desc" }, take: 1, select: { periodStart: true } },
      },
    }),
    db().raciAssignment.findMany({
      where: { userId: actorId },
      select: { letter: true, project: { select: { code: true, name: true, stage: true } } },
    }),
  ]);

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
