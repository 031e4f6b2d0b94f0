import "server-only";
// The metrics tab of a project: each active metric with its definition (ids and versions for the
// edit form), its status by the one rule (docs/governance-rules.md NUM-6), its recent values, and
// the periods a value may be recorded for (rule 7, NUM-5); plus the objectives the project serves
// (the only ones a new metric may feed, NUM-9) and the people who may own a metric; and each
// metric's SPC chart (issue 12) with its project's go-lives. Five queries whatever the number of
// metrics: Prisma batches each nested relation.
import { db } from "@/lib/db/client";
import { computeLocalDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { type MetricSpc, toMetricSpc } from "@/lib/domain/metric-spc";
import {
  computeCurrentPeriodStart,
  computeMetricStatus,
  computeMissingPeriods,
  computePeriodStart,
  type MetricStatus,
} from "@/lib/domain/metrics";
import type {
  Cadence,
  MetricDirection,
  MetricFocus,
  ProjectStage,
  ScorecardCategory,
} from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";

/** Values shown per metric, newest first: a year of monthly figures, a quarter of weekly ones. */
export const RECENT_VALUES = 12;
/** How far back the period picker looks for a missing value, and how many it offers at most. */
const OPEN_PERIOD_MONTHS = 24;
const OPEN_PERIODS_OFFERED = 12;

export interface MetricValueRow {
  id: string;
  version: number;
  periodStart: IsoDate;
  value: number;
  note: string | null;
  provisional: boolean;
  /** The period is over, so a provisional value may be made final (NUM-5). */
  periodEnded: boolean;
  recordedByName: string;
  recordedAt: string;
}

export interface OpenPeriod {
  periodStart: IsoDate;
  /** The period under way: its value can only be provisional (NUM-5). */
  current: boolean;
}

/** Selects a project's done milestones for go-live markers (toMetricSpc). */
export const doneMilestonesSelect = {
  where: { status: "DONE", actualDate: { not: null } },
  orderBy: { actualDate: "asc" },
  select: { title: true, actualDate: true },
} as const;

export interface ProjectMetric {
  id: string;
  version: number;
  name: string;
  description: string | null;
  category: ScorecardCategory;
  unit: string;
  direction: MetricDirection;
  cadence: Cadence;
  focus: MetricFocus;
  baselineValue: number;
  targetValue: number;
  targetDate: IsoDate;
  amberThreshold: number;
  redThreshold: number;
  owner: { id: string; name: string };
  objective: { id: string; code: string; title: string };
  status: MetricStatus;
  latest: { periodStart: IsoDate; value: number } | null;
  /** Newest first, at most RECENT_VALUES. */
  values: MetricValueRow[];
  /** Older values within the picker's look-back, newest first (a back-filled history shows here). */
  earlierValues: MetricValueRow[];
  /** The current period if it has no value, then ended periods lacking one, newest first. */
  openPeriods: OpenPeriod[];
  /** Whether any value is recorded: the cadence is then fixed (domain/metric-changes.ts). */
  hasValues: boolean;
  spc: MetricSpc;
}

export interface ProjectMetrics {
  projectId: string;
  stage: ProjectStage;
  metrics: ProjectMetric[];
  /** The objectives the project is aligned to: a project metric feeds only one of these (NUM-9). */
  alignedObjectives: { id: string; code: string; title: string }[];
  /** Active people who may own a metric, by name. */
  people: { id: string; name: string }[];
}

const monthsBefore = (day: Date, months: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, 1));

export async function getProjectMetrics(projectId: string, clock: Clock): Promise<ProjectMetrics | null> {
  const lookBack = monthsBefore(clock.today, OPEN_PERIOD_MONTHS);
  const [project, people] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        stage: true,
        startDate: true,
        milestones: doneMilestonesSelect,
        alignments: {
          orderBy: { objective: { code: "asc" } },
          select: { objective: { select: { id: true, code: true, title: true } } },
        },
        metrics: {
          where: { active: true },
          orderBy: { name: "asc" },
          select: {
            id: true,
            version: true,
            name: true,
            description: true,
            category: true,
            unit: true,
            direction: true,
            cadence: true,
            focus: true,
            baselineValue: true,
            targetValue: true,
            targetDate: true,
            amberThreshold: true,
            redThreshold: true,
            createdAt: true,
            owner: { select: { id: true, name: true } },
            objective: { select: { id: true, code: true, title: true } },
            // Every period recorded within the look-back, for the picker; the newest are shown.
            values: {
              where: { periodStart: { gte: lookBack } },
              orderBy: { periodStart: "desc" },
              select: {
                id: true,
                version: true,
                periodStart: true,
                value: true,
                note: true,
                provisional: true,
                recordedAt: true,
                recordedBy: { select: { name: true } },
              },
            },
            _count: { select: { values: true } },
          },
        },
      },
    }),
    db().user.findMany({
      where: { active: true, role: { not: "VIEWER" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  if (!project) return null;
  // Every final value of each metric in period order, even those older than the look-back: the
  // SPC chart plots them (issue 12) and the latest is the one NUM-6 judges.
  const finalValues = await db().metricValue.findMany({
    where: { provisional: false, metric: { projectId, active: true } },
    orderBy: [{ metricId: "asc" }, { periodStart: "asc" }],
    select: { metricId: true, periodStart: true, value: true },
  });

  return {
    projectId: project.id,
    stage: project.stage,
    alignedObjectives: project.alignments.map((a) => a.objective),
    people,
    metrics: project.metrics.map((m) => {
      const finals = finalValues.filter((v) => v.metricId === m.id);
      const latest = finals.at(-1) ?? null;
      const current = computeCurrentPeriodStart(m.cadence, clock.now, clock.timeZone);
      // Values are expected from when the metric was set up or the project started, whichever came
      // first (a baseline is often measured before the work begins), within the look-back.
      const createdOn = computeLocalDate(m.createdAt, clock.timeZone);
      const expectedFrom = new Date(
        Math.max(Math.min(createdOn.getTime(), project.startDate.getTime()), lookBack.getTime()),
      );
      const recorded = m.values.map((v) => v.periodStart);
      const ended = computeMissingPeriods({
        cadence: m.cadence,
        from: expectedFrom,
        to: clock.today,
        recorded,
      })
        .reverse()
        .slice(0, OPEN_PERIODS_OFFERED)
        .map((day) => ({ periodStart: toIsoDate(day), current: false }));
      const currentTaken = recorded.some((day) => day.getTime() === current.getTime());
      const toRow = (v: (typeof m.values)[number]): MetricValueRow => ({
        id: v.id,
        version: v.version,
        periodStart: toIsoDate(v.periodStart),
        value: v.value,
        note: v.note,
        provisional: v.provisional,
        periodEnded: computePeriodStart(m.cadence, v.periodStart).getTime() < current.getTime(),
        recordedByName: v.recordedBy.name,
        recordedAt: v.recordedAt.toISOString(),
      });
      return {
        id: m.id,
        version: m.version,
        name: m.name,
        description: m.description,
        category: m.category,
        unit: m.unit,
        direction: m.direction,
        cadence: m.cadence,
        focus: m.focus,
        baselineValue: m.baselineValue,
        targetValue: m.targetValue,
        targetDate: toIsoDate(m.targetDate),
        amberThreshold: m.amberThreshold,
        redThreshold: m.redThreshold,
        owner: m.owner,
        objective: m.objective,
        status: computeMetricStatus({ ...m, latestFinal: latest, today: clock.today }),
        latest: latest ? { periodStart: toIsoDate(latest.periodStart), value: latest.value } : null,
        values: m.values.slice(0, RECENT_VALUES).map(toRow),
        earlierValues: m.values.slice(RECENT_VALUES).map(toRow),
        // Newest first: the period under way (if it has no value yet), then the ended ones.
        openPeriods: currentTaken ? ended : [{ periodStart: toIsoDate(current), current: true }, ...ended],
        hasValues: m._count.values > 0,
        spc: toMetricSpc(m, finals, project.milestones),
      };
    }),
  };
}
