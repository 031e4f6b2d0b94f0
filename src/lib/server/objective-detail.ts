import "server-only";
// One strategic objective's page: who owns it, when it runs, its status and delivery by the one
// rule (docs/governance-rules.md NUM-7), the metrics that feed it with their latest final values
// and status (NUM-5, NUM-6), and the projects aligned to it with their contribution, stage and
// schedule health (NUM-2, NUM-3); each metric's SPC chart with its project's go-lives (issue 12); plus the id and version its edit form sends (rule 8). A fixed
// number of queries whatever the number of metrics and projects.
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { type MetricSpc, toMetricSpc } from "@/lib/domain/metric-spc";
import { computeMetricStatus, type MetricStatus, type Rag } from "@/lib/domain/metrics";
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
import { getGovernanceSettings } from "./organisation";
import { doneMilestonesSelect } from "./project-metrics";
import { projectScheduleSelect, toProjectSchedule } from "./project-schedule";

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
  metrics: {
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
  }[];
  projects: {
    code: string;
    name: string;
    stage: ProjectStage;
    contribution: Contribution;
    rationale: string;
    scheduleRag: Rag;
    slipDays: number;
  }[];
}

export async function getObjectiveDetail(code: string, clock: Clock): Promise<ObjectiveDetail | null> {
  const [objective, settings] = await Promise.all([
    db().strategicObjective.findUnique({
      where: { code },
      select: {
        id: true,
        version: true,
        code: true,
        title: true,
        description: true,
        category: true,
        status: true,
        startDate: true,
        targetDate: true,
        owner: { select: { id: true, name: true } },
        parent: { select: { id: true, code: true, title: true } },
        children: { orderBy: { code: "asc" }, select: { code: true, title: true, status: true } },
        metrics: {
          where: { active: true },
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            unit: true,
            direction: true,
            cadence: true,
            baselineValue: true,
            targetValue: true,
            targetDate: true,
            amberThreshold: true,
            redThreshold: true,
            project: { select: { code: true, name: true, milestones: doneMilestonesSelect } },
          },
        },
        alignments: {
          orderBy: [{ contribution: "asc" }, { project: { code: "asc" } }],
          select: {
            contribution: true,
            rationale: true,
            project: { select: { code: true, name: true, stage: true, ...projectScheduleSelect } },
          },
        },
      },
    }),
    getGovernanceSettings(),
  ]);
  if (!objective) return null;
  // Every final value in period order: the SPC charts plot them, the latest is judged (NUM-6).
  const finalValues = await db().metricValue.findMany({
    where: { provisional: false, metric: { objectiveId: objective.id, active: true } },
    orderBy: [{ metricId: "asc" }, { periodStart: "asc" }],
    select: { metricId: true, periodStart: true, value: true },
  });

  return {
    id: objective.id,
    version: objective.version,
    code: objective.code,
    title: objective.title,
    description: objective.description,
    category: objective.category,
    status: objective.status,
    startDate: toIsoDate(objective.startDate),
    targetDate: toIsoDate(objective.targetDate),
    owner: objective.owner,
    parent: objective.parent,
    children: objective.children,
    ...toObjectiveDelivery(objective),
    metrics: objective.metrics.map((m) => {
      const finals = finalValues.filter((v) => v.metricId === m.id);
      const latest = finals.at(-1) ?? null;
      return {
        id: m.id,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        cadence: m.cadence,
        baselineValue: m.baselineValue,
        targetValue: m.targetValue,
        targetDate: toIsoDate(m.targetDate),
        project: m.project ? { code: m.project.code, name: m.project.name } : null,
        latest: latest ? { periodStart: toIsoDate(latest.periodStart), value: latest.value } : null,
        status: computeMetricStatus({ ...m, latestFinal: latest, today: clock.today }),
        spc: toMetricSpc(m, finals, m.project?.milestones ?? []),
      };
    }),
    projects: objective.alignments.map((a) => {
      const schedule = toProjectSchedule(a.project, settings);
      return {
        code: a.project.code,
        name: a.project.name,
        stage: a.project.stage,
        contribution: a.contribution,
        rationale: a.rationale,
        scheduleRag: schedule.scheduleRag,
        slipDays: schedule.slipDays,
      };
    }),
  };
}

/** Who may own an objective (an active executive, or an admin), and the objectives a parent may be. */
export async function getObjectiveChoices(): Promise<{
  owners: { id: string; name: string }[];
  objectives: { id: string; code: string; title: string }[];
}> {
  const [owners, objectives] = await Promise.all([
    db().user.findMany({
      where: { active: true, role: { in: ["EXECUTIVE", "ADMIN"] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().strategicObjective.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, title: true },
    }),
  ]);
  return { owners, objectives };
}
