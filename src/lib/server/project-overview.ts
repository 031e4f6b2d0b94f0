import "server-only";
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { computeMetricStatus, type MetricStatus } from "@/lib/domain/metrics";
import type {
  Cadence,
  Contribution,
  Discipline,
  MetricDirection,
  ProjectKind,
  ProjectStage,
  RaciLetter,
  RiskStatus,
  Role,
  ScorecardCategory,
} from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type FeedbackRow, feedbackRowSelect, toFeedbackRow } from "./feedback-rows";
import { type MilestoneRow, milestoneRowSelect, toMilestoneRow } from "./milestone-rows";
import { getGovernanceSettings } from "./organisation";
import { type ProjectSchedule, projectScheduleSelect, toProjectSchedule } from "./project-schedule";
import { type Rag, riskRag } from "./rag";

export interface ProjectOverview extends ProjectSchedule {
  code: string;
  name: string;
  summary: string;
  expectedBenefits: string;
  kind: ProjectKind;
  stage: ProjectStage;
  stageChangedAt: string;
  site: { code: string; name: string };
  /** Pounds; numeric(14,2) fits a double exactly enough for display. */
  baselineBudget: number;
  spentToDate: number;
  startDate: IsoDate;
  alignments: {
    objectiveCode: string;
    objectiveTitle: string;
    category: ScorecardCategory;
    contribution: Contribution;
    rationale: string;
  }[];
  raci: { letter: RaciLetter; user: { id: string; name: string; role: Role; discipline: Discipline } }[];
  milestones: (MilestoneRow & { ownerName: string | null })[];
  metrics: {
    id: string;
    name: string;
    unit: string;
    direction: MetricDirection;
    cadence: Cadence;
    baselineValue: number;
    targetValue: number;
    targetDate: IsoDate;
    objectiveCode: string;
    /** The latest final value (provisional ones left out, NUM-5), or null before the first. */
    latest: { periodStart: IsoDate; value: number } | null;
    /** A colour from the latest final value while it is recent, else why there is none (NUM-6). */
    status: MetricStatus;
    /** A provisional value newer than `latest`: shown as such, never coloured (NUM-5). */
    provisional: { periodStart: IsoDate; value: number } | null;
  }[];
  openFeedback: (FeedbackRow & { authorName: string; responseText: string | null })[];
  risks: {
    id: string;
    title: string;
    likelihood: number;
    impact: number;
    score: number;
    rag: Rag;
    mitigation: string | null;
    ownerName: string;
    status: RiskStatus;
  }[];
}

const RACI_ORDER: Record<RaciLetter, number> = { A: 0, R: 1, C: 2, I: 3 };

/** Everything the read-only project page shows, in parallel queries (Prisma batches each relation); null when no such code. */
export async function getProjectOverview(code: string, clock: Clock): Promise<ProjectOverview | null> {
  const [project, spent, provisionalValues, settings] = await Promise.all([
    db().project.findUnique({
      where: { code },
      select: {
        id: true,
        code: true,
        name: true,
        summary: true,
        expectedBenefits: true,
        kind: true,
        stage: true,
        stageChangedAt: true,
        baselineBudget: true,
        ...projectScheduleSelect,
        site: { select: { code: true, name: true } },
        alignments: {
          orderBy: [{ contribution: "asc" }, { objective: { code: "asc" } }],
          select: {
            contribution: true,
            rationale: true,
            objective: { select: { code: true, title: true, category: true } },
          },
        },
        raci: {
          select: {
            letter: true,
            user: { select: { id: true, name: true, role: true, discipline: true } },
          },
        },
        milestones: {
          orderBy: [{ baselineDate: "asc" }, { title: "asc" }],
          select: { ...milestoneRowSelect, owner: { select: { name: true } } },
        },
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
            objective: { select: { code: true } },
            values: {
              where: { provisional: false },
              orderBy: { periodStart: "desc" },
              take: 1,
              select: { periodStart: true, value: true },
            },
          },
        },
        feedback: {
          where: { status: { not: "CLOSED" } },
          orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
          select: { ...feedbackRowSelect, responseText: true, author: { select: { name: true } } },
        },
        risks: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            title: true,
            likelihood: true,
            impact: true,
            mitigation: true,
            status: true,
            owner: { select: { name: true } },
          },
        },
      },
    }),
    // Reversals are negative entries, so the plain sum is the spend (docs/governance-rules.md FRAME-8).
    db().costEntry.aggregate({ where: { project: { code } }, _sum: { amount: true } }),
    // Each metric's latest provisional value (DISTINCT ON after the order).
    db().metricValue.findMany({
      where: { provisional: true, metric: { active: true, project: { code } } },
      orderBy: [{ metricId: "asc" }, { periodStart: "desc" }],
      distinct: ["metricId"],
      select: { metricId: true, periodStart: true, value: true },
    }),
    getGovernanceSettings(),
  ]);
  if (!project) return null;

  return {
    code: project.code,
    name: project.name,
    summary: project.summary,
    expectedBenefits: project.expectedBenefits,
    kind: project.kind,
    stage: project.stage,
    stageChangedAt: project.stageChangedAt.toISOString(),
    site: project.site,
    baselineBudget: project.baselineBudget.toNumber(),
    spentToDate: spent._sum.amount?.toNumber() ?? 0,
    startDate: toIsoDate(project.startDate),
    ...toProjectSchedule(project, settings),
    alignments: project.alignments.map((a) => ({
      objectiveCode: a.objective.code,
      objectiveTitle: a.objective.title,
      category: a.objective.category,
      contribution: a.contribution,
      rationale: a.rationale,
    })),
    raci: project.raci
      .toSorted(
        (x, y) => RACI_ORDER[x.letter] - RACI_ORDER[y.letter] || x.user.name.localeCompare(y.user.name),
      )
      .map((r) => ({ letter: r.letter, user: r.user })),
    milestones: project.milestones.map((m) => ({
      ...toMilestoneRow(m, clock.today),
      ownerName: m.owner?.name ?? null,
    })),
    metrics: project.metrics.map((m) => {
      const latest = m.values[0] ?? null;
      const provisional = provisionalValues.find((v) => v.metricId === m.id);
      return {
        id: m.id,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        cadence: m.cadence,
        baselineValue: m.baselineValue,
        targetValue: m.targetValue,
        targetDate: toIsoDate(m.targetDate),
        objectiveCode: m.objective.code,
        latest: latest ? { periodStart: toIsoDate(latest.periodStart), value: latest.value } : null,
        status: computeMetricStatus({ ...m, latestFinal: latest, today: clock.today }),
        provisional:
          provisional && (!latest || provisional.periodStart > latest.periodStart)
            ? { periodStart: toIsoDate(provisional.periodStart), value: provisional.value }
            : null,
      };
    }),
    openFeedback: project.feedback.map((f) => ({
      ...toFeedbackRow(f, clock.now),
      authorName: f.author.name,
      responseText: f.responseText,
    })),
    risks: project.risks
      .map((r) => ({
        id: r.id,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        score: r.likelihood * r.impact,
        rag: riskRag(r.likelihood, r.impact),
        mitigation: r.mitigation,
        ownerName: r.owner.name,
        status: r.status,
      }))
      // Open risks first (enum order OPEN, MITIGATING, CLOSED), then the most severe.
      .toSorted((x, y) => RISK_STATUS_ORDER[x.status] - RISK_STATUS_ORDER[y.status] || y.score - x.score),
  };
}

const RISK_STATUS_ORDER: Record<RiskStatus, number> = { OPEN: 0, MITIGATING: 1, CLOSED: 2 };
