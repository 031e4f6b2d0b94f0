// Turns the demo catalogues into rows for every table, relative to `now`. Pure: no database, so
// the whole trust can be built (and checked against the governance rules) before one row is
// written, and a failed check never leaves a half-seeded database.

import type { Prisma } from "@/generated/prisma/client";
import type { Cadence } from "@/generated/prisma/enums";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computeDecidedAt } from "@/lib/domain/decisions";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { computeCurrentPeriodStart } from "@/lib/domain/metrics";
import { formatMoney, negateMoney } from "@/lib/domain/money";
import type { RaciLetter } from "@/lib/domain/raci";
import { DEFAULT_SETTINGS, type GovernanceSettings } from "@/lib/domain/settings";
import type { ProjectStage } from "@/lib/domain/stage-gates";
import {
  addDays,
  addMonths,
  bankHolidays,
  financialYearStart,
  isoDay,
  maxDate,
  minDate,
  startOfMonth,
  toWeekday,
} from "./calendar";
import {
  COST_CORRECTIONS,
  DECISIONS,
  FEEDBACK,
  GATE_REASONS,
  PENDING_GATES,
  REBASELINES,
  RISKS,
  SCALE_AUTHORITY,
} from "./demo-activity";
import {
  OBJECTIVES,
  type ObjectiveCode,
  ORGANISATION,
  PEOPLE,
  type PersonKey,
  type PersonSpec,
  SITES,
  TRUST_METRICS,
} from "./demo-organisation";
import { PROJECTS, type ProjectSpec } from "./demo-projects";
import { assertGovernance } from "./governance-check";
import { createRandom, type Random, stableId } from "./random";
import { costSeries, pilotResultsBy, projectSeries, trustSeries, type ValuePlan } from "./series";
import { during, planTimeline, type TimelinePlan } from "./timeline";

export interface SeedPlan {
  organisation: {
    id: number;
    name: string;
    timeZone: string;
    feedbackAcceptanceTimeoutDays: number | null;
    /** Written once the users exist (it refers to one). */
    dutyExecutiveId: string | null;
  };
  holidays: Prisma.HolidayCreateManyInput[];
  sites: Prisma.SiteCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  objectives: Prisma.StrategicObjectiveCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  alignments: Prisma.AlignmentCreateManyInput[];
  raci: Prisma.RaciAssignmentCreateManyInput[];
  milestones: Prisma.MilestoneCreateManyInput[];
  milestoneChanges: Prisma.MilestoneChangeCreateManyInput[];
  rebaselines: Prisma.RebaselineCreateManyInput[];
  stageGateRequests: Prisma.StageGateRequestCreateManyInput[];
  costEntries: Prisma.CostEntryCreateManyInput[];
  metrics: Prisma.MetricCreateManyInput[];
  metricValues: Prisma.MetricValueCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
  risks: Prisma.RiskCreateManyInput[];
  decisions: Prisma.DecisionCreateManyInput[];
}

export interface PlanOptions {
  now: Date;
  /** One argon2id hash of DEMO_PASSWORD, shared by every demo user (hashing is slow on purpose). */
  passwordHash: string;
}

const userId = (key: PersonKey) => stableId(`user:${PEOPLE[key].email}`);
const projectId = (code: string) => stableId(`project:${code}`);
const objectiveId = (code: ObjectiveCode) => stableId(`objective:${code}`);
const money = (pounds: number) => pounds.toFixed(2);

/** The trust's governance settings: the defaults, an acceptance timeout and the executive on duty. */
export function demoSettings(): GovernanceSettings {
  return {
    ...DEFAULT_SETTINGS,
    feedbackAcceptanceTimeoutDays: ORGANISATION.feedbackAcceptanceTimeoutDays,
    dutyExecutiveId: userId(ORGANISATION.dutyExecutive),
  };
}

const withUnit = (value: number, unit: string) =>
  unit === "%" ? `${value}%` : unit === "count" ? String(value) : `${value} ${unit}`;

/** A project metric's history, as the gates and the scale decisions read it. */
interface ProjectMetricFact {
  name: string;
  unit: string;
  baseline: number;
  values: readonly ValuePlan[];
}

interface ProjectState {
  spec: ProjectSpec;
  random: Random;
  raci: { person: PersonKey; letter: RaciLetter }[];
  accountable: PersonKey;
  responsible: PersonKey[];
  timeline: TimelinePlan;
}

function raciOf(spec: ProjectSpec): { person: PersonKey; letter: RaciLetter }[] {
  const entries = [
    { person: spec.raci.A, letter: "A" as const },
    ...(spec.raci.R ?? []).map((person) => ({ person, letter: "R" as const })),
    ...(spec.raci.C ?? []).map((person) => ({ person, letter: "C" as const })),
    ...(spec.raci.I ?? []).map((person) => ({ person, letter: "I" as const })),
  ];
  const seen = new Set<PersonKey>();
  for (const entry of entries) {
    if (seen.has(entry.person)) throw new Error(`${spec.code}: ${entry.person} holds two RACI letters`);
    seen.add(entry.person);
  }
  return entries;
}

/**
 * RAG bands as shares of the way from baseline to target. Scorecard metrics are green from 80% of
 * the way; project metrics, judged against a target the project has not finished delivering, from
 * 70%, and red only while still near their baseline.
 */
function thresholds(
  baseline: number,
  target: number,
  bands: { amber: number; red: number },
): { amberThreshold: number; redThreshold: number } {
  const at = (share: number) => Math.round((baseline + (target - baseline) * share) * 1000) / 1000;
  return { amberThreshold: at(bands.amber), redThreshold: at(bands.red) };
}

const TRUST_BANDS = { amber: 0.8, red: 0.35 };
const PROJECT_BANDS = { amber: 0.7, red: 0.2 };

export function buildDemoPlan(options: PlanOptions): SeedPlan {
  const { now, passwordHash } = options;
  const today = computeLocalDate(now, ORGANISATION.timeZone);
  // A fixed seed: the trust looks the same every day, only shifted along the calendar.
  const root = createRandom("northbridge-university-hospitals");
  const moment = (day: Date, random: Random) => during(day, random, now);
  const settings = demoSettings();

  const plan: SeedPlan = {
    organisation: {
      id: 1,
      name: ORGANISATION.name,
      timeZone: ORGANISATION.timeZone,
      feedbackAcceptanceTimeoutDays: settings.feedbackAcceptanceTimeoutDays,
      dutyExecutiveId: settings.dutyExecutiveId,
    },
    holidays: [],
    sites: SITES.map((s) => ({ id: stableId(`site:${s.code}`), code: s.code, name: s.name, kind: s.kind })),
    users: (Object.keys(PEOPLE) as PersonKey[]).map((key) => {
      const person: PersonSpec = PEOPLE[key];
      return {
        id: userId(key),
        email: person.email,
        name: person.name,
        jobTitle: person.jobTitle,
        passwordHash,
        role: person.role,
        discipline: person.discipline,
        active: person.active ?? true,
        sroEligible: person.sroEligible ?? false,
      };
    }),
    objectives: [],
    projects: [],
    alignments: [],
    raci: [],
    milestones: [],
    milestoneChanges: [],
    rebaselines: [],
    stageGateRequests: [],
    costEntries: [],
    metrics: [],
    metricValues: [],
    feedback: [],
    risks: [],
    decisions: [],
  };

  // Bank holidays for every year the data and its due dates can touch.
  for (let year = today.getUTCFullYear() - 3; year <= today.getUTCFullYear() + 3; year++) {
    for (const holiday of bankHolidays(year)) plan.holidays.push({ date: holiday.date, name: holiday.name });
  }
  const holidayDates = plan.holidays.map((h) => h.date as Date);

  const yearStart = financialYearStart(today);
  const objectiveTargets = new Map<ObjectiveCode, Date>();
  for (const objective of OBJECTIVES) {
    const targetDate = addDays(addMonths(yearStart, 12 * objective.targetYears), -1);
    objectiveTargets.set(objective.code, targetDate);
    plan.objectives.push({
      id: objectiveId(objective.code),
      code: objective.code,
      title: objective.title,
      description: objective.description,
      category: objective.category,
      ownerId: userId(objective.owner),
      startDate: addMonths(yearStart, -12),
      targetDate,
      status: "ACTIVE",
    });
  }
  const categories = new Map(OBJECTIVES.map((o) => [o.code, o.category]));
  const categoryOf = (code: ObjectiveCode) => {
    const category = categories.get(code);
    if (!category) throw new Error(`demo data refers to unknown objective ${code}`);
    return category;
  };

  // ─── Project timelines first: rebaselines adjust them before any row is made. ───
  const states = new Map<string, ProjectState>();
  for (const spec of PROJECTS) {
    const random = root.fork(`project:${spec.code}`);
    const raci = raciOf(spec);
    const responsible = raci.filter((e) => e.letter === "R").map((e) => e.person);
    const cadence: Cadence | undefined =
      spec.metric?.cadence ?? TRUST_METRICS.find((m) => m.project === spec.code)?.cadence;
    const timeline = planTimeline(spec, {
      today,
      now,
      random,
      owners: responsible.length > 0 ? responsible : [spec.raci.A],
      approver: spec.raci.A,
      mustSlip: REBASELINES.flatMap((r) => (r.project === spec.code && r.milestone ? [r.milestone] : [])),
      pilotResultsBy: cadence ? (day) => pilotResultsBy(cadence, day) : undefined,
      gateRandom: root.fork(`gates:${spec.code}`),
    });
    states.set(spec.code, {
      spec,
      random,
      raci,
      accountable: spec.raci.A,
      responsible,
      timeline,
    });
  }
  const stateOf = (code: string): ProjectState => {
    const state = states.get(code);
    if (!state) throw new Error(`demo data refers to unknown project ${code}`);
    return state;
  };

  // ─── Rebaselines ───
  const rebaselineIds = new Map<string, { id: string; decidedAt: Date | null }>();
  for (const spec of REBASELINES) {
    const state = stateOf(spec.project);
    const random = root.fork(`rebaseline:${spec.key}`);
    const id = stableId(`rebaseline:${spec.key}`);
    const base = {
      id,
      projectId: projectId(spec.project),
      status: spec.status,
      reason: spec.reason,
      requestedById: userId(spec.requestedBy),
    };
    let requestedAt: Date;
    let row: Prisma.RebaselineCreateManyInput;
    if (spec.scope === "MILESTONE") {
      const index = state.timeline.milestones.findIndex((m) => m.title.includes(spec.milestone ?? "?"));
      const milestone = state.timeline.milestones[index];
      const open = milestone?.status === "NOT_STARTED" || milestone?.status === "IN_PROGRESS";
      // A pending or refused request is about a date still ahead; an approved one may be history.
      if (!milestone || (spec.status !== "APPROVED" && !open)) {
        throw new Error(
          `${spec.key}: ${spec.project} has no open milestone “${spec.milestone}” to rebaseline`,
        );
      }
      const lastChange = milestone.changes.reduce(
        (latest, c) => maxDate(latest, c.changedAt),
        state.timeline.start,
      );
      requestedAt = moment(minDate(addDays(lastChange, random.int(1, 4)), today), random);
      row = {
        ...base,
        milestoneId: stableId(`milestone:${spec.project}:${index}`),
        previousMilestoneDate: milestone.baselineDate,
        proposedMilestoneDate: milestone.forecastDate,
        requestedAt,
      };
      if (spec.status === "APPROVED") {
        // Approval is what moves a baseline (rule 5); the project's end follows its last milestone.
        milestone.baselineDate = milestone.forecastDate;
        if (index === state.timeline.milestones.length - 1)
          state.timeline.baselineEnd = milestone.baselineDate;
      }
    } else {
      const end = state.timeline.baselineEnd;
      const months = spec.endMonths ?? 0;
      const change = spec.budgetChange ?? 0;
      requestedAt = moment(addDays(today, -(spec.daysAgo ?? 10)), random);
      row =
        spec.status === "APPROVED"
          ? {
              ...base,
              previousEndDate: toWeekday(addMonths(end, -months)),
              proposedEndDate: end,
              previousBudget: money(state.spec.budget - change),
              proposedBudget: money(state.spec.budget),
              requestedAt,
            }
          : {
              ...base,
              previousEndDate: end,
              proposedEndDate: maxDate(toWeekday(addMonths(end, months)), state.timeline.forecastEnd),
              previousBudget: money(state.spec.budget),
              proposedBudget: money(state.spec.budget + change),
              requestedAt,
            };
    }
    let decidedAt: Date | null = null;
    if (spec.status !== "REQUESTED") {
      if (!spec.decidedBy || !spec.decisionReason)
        throw new Error(`${spec.key}: a decided rebaseline needs who and why`);
      decidedAt = moment(minDate(addDays(requestedAt, random.int(2, 9)), today), random);
      if (decidedAt.getTime() <= requestedAt.getTime())
        decidedAt = new Date(requestedAt.getTime() + 3_600_000);
      row = { ...row, decidedById: userId(spec.decidedBy), decidedAt, decisionReason: spec.decisionReason };
    }
    plan.rebaselines.push(row);
    rebaselineIds.set(spec.key, { id, decidedAt });
  }

  // ─── Projects and everything that hangs off them ───
  const metricFacts = new Map<string, ProjectMetricFact[]>();
  const addProjectMetric = (code: string, fact: ProjectMetricFact) => {
    metricFacts.set(code, [...(metricFacts.get(code) ?? []), fact]);
  };

  for (const state of states.values()) {
    const { spec, random, timeline } = state;
    const id = projectId(spec.code);
    const closedOn = spec.stage === "CLOSED" ? timeline.cutoff : null;
    plan.projects.push({
      id,
      code: spec.code,
      name: spec.name,
      summary: spec.summary,
      kind: spec.kind,
      siteId: stableId(`site:${spec.site}`),
      stage: spec.stage,
      heldFromStage: spec.stage === "ON_HOLD" ? (spec.hold?.from ?? null) : null,
      startDate: timeline.start,
      baselineBudget: money(spec.budget),
      baselineEndDate: timeline.baselineEnd,
      forecastEndDate: timeline.forecastEnd,
      actualEndDate: closedOn,
      expectedBenefits: spec.benefits,
      stageChangedAt: timeline.stageChangedAt,
      createdAt: timeline.createdAt,
    });

    for (const alignment of spec.alignments) {
      plan.alignments.push({
        id: stableId(`alignment:${spec.code}:${alignment.objective}`),
        projectId: id,
        objectiveId: objectiveId(alignment.objective),
        contribution: alignment.contribution,
        rationale: alignment.rationale,
        createdAt: timeline.createdAt,
      });
    }
    for (const entry of state.raci) {
      plan.raci.push({
        id: stableId(`raci:${spec.code}:${entry.person}`),
        projectId: id,
        userId: userId(entry.person),
        letter: entry.letter,
        createdAt: timeline.createdAt,
      });
    }

    timeline.milestones.forEach((m, index) => {
      const milestoneId = stableId(`milestone:${spec.code}:${index}`);
      plan.milestones.push({
        id: milestoneId,
        projectId: id,
        title: m.title,
        ownerId: userId(m.owner),
        baselineDate: m.baselineDate,
        forecastDate: m.forecastDate,
        actualDate: m.actualDate,
        status: m.status,
        isGate: m.isGate,
        gateApprovedById: m.gateApproval ? userId(m.gateApproval.by) : null,
        gateApprovedAt: m.gateApproval?.at ?? null,
        createdAt: timeline.createdAt,
      });
      m.changes.forEach((change, n) => {
        plan.milestoneChanges.push({
          id: stableId(`milestone-change:${spec.code}:${index}:${n}`),
          milestoneId,
          oldDate: change.oldDate,
          newDate: change.newDate,
          reason: change.reason,
          changedById: userId(change.by),
          changedAt: change.changedAt,
        });
      });
    });

    const alignment = spec.alignments.find((a) => a.contribution === "PRIMARY") ?? spec.alignments[0];
    const lead = state.responsible[0] ?? state.accountable;
    if (spec.metric && alignment) {
      const metric = spec.metric;
      const metricId = stableId(`metric:${spec.code}`);
      plan.metrics.push({
        id: metricId,
        name: metric.name,
        category: categoryOf(alignment.objective),
        unit: metric.unit,
        direction: metric.direction,
        baselineValue: metric.baseline,
        targetValue: metric.target,
        targetDate: addMonths(timeline.baselineEnd, 3),
        ...thresholds(metric.baseline, metric.target, PROJECT_BANDS),
        ownerId: userId(lead),
        cadence: metric.cadence,
        objectiveId: objectiveId(alignment.objective),
        projectId: id,
        focus: "OPERATIONS",
        active: spec.stage !== "CLOSED" && spec.stage !== "CANCELLED",
        createdAt: timeline.createdAt,
      });
      const values =
        spec.stage === "PROPOSED"
          ? []
          : projectSeries(
              metric,
              {
                start: timeline.start,
                plannedEnd: timeline.baselineEnd,
                cutoff: timeline.cutoff,
                achieved:
                  spec.stage === "CLOSED"
                    ? random.between(0.85, 1.1)
                    : spec.stage === "ON_HOLD" || spec.stage === "CANCELLED"
                      ? random.between(0.1, 0.4)
                      : random.between(0.6, 1),
                closed: spec.stage === "CLOSED",
                missingRecent: spec.stage !== "CLOSED" && random.chance(0.2) ? 1 : 0,
                notAfter: closedOn ? new Date(timeline.stageChangedAt.getTime() - 3_600_000) : now,
              },
              today,
              random,
            );
      for (const value of values) {
        plan.metricValues.push({
          id: stableId(`value:${metricId}:${isoDay(value.periodStart)}`),
          metricId,
          periodStart: value.periodStart,
          value: value.value,
          note: value.note,
          provisional: value.provisional,
          recordedById: userId(lead),
          recordedAt: value.recordedAt,
        });
      }
      addProjectMetric(spec.code, {
        name: metric.name,
        unit: metric.unit,
        baseline: metric.baseline,
        values,
      });
    }

    if (spec.stage !== "PROPOSED") {
      for (const [n, cost] of costSeries(
        {
          budget: spec.budget,
          start: timeline.start,
          plannedEnd: timeline.baselineEnd,
          cutoff: timeline.cutoff,
          closed: spec.stage === "CLOSED",
          spendFactor:
            spec.spend ?? (spec.stage === "CLOSED" ? random.between(0.92, 1.08) : random.between(0.85, 1.12)),
          template: spec.template,
          now,
        },
        random,
      ).entries()) {
        plan.costEntries.push({
          id: stableId(`cost:${spec.code}:${n}`),
          projectId: id,
          period: cost.period,
          amount: money(cost.amount),
          description: cost.description,
          recordedById: userId(lead),
          createdAt: cost.createdAt,
        });
      }
      const correction = COST_CORRECTIONS.find((c) => c.project === spec.code);
      if (correction) {
        // A mis-keyed invoice, cancelled by a reversing entry and keyed again (FRAME-6): the
        // ledger keeps all three, and its total is what was really spent (FRAME-8).
        const period = startOfMonth(addMonths(today, -correction.monthsAgo));
        const entry = plan.costEntries.find(
          (c) => c.projectId === id && (c.period as Date).getTime() === period.getTime(),
        );
        if (!entry) throw new Error(`${spec.code}: no cost in ${isoDay(period)} to correct`);
        const right = String(entry.amount);
        const wrong = money(Number(right) * correction.keyedAs);
        entry.amount = wrong;
        entry.description = correction.invoice;
        const fix = root.fork(`cost-correction:${spec.code}`);
        const keyedAt = entry.createdAt as Date;
        let reversedAt = moment(minDate(addDays(keyedAt, correction.foundAfterDays), today), fix);
        if (reversedAt.getTime() <= keyedAt.getTime()) reversedAt = new Date(keyedAt.getTime() + 3_600_000);
        plan.costEntries.push({
          id: stableId(`cost:${spec.code}:reversal`),
          projectId: id,
          period,
          amount: negateMoney(wrong),
          description: `Keyed in error: ${correction.invoice} was for ${formatMoney(right)}, entered as ${formatMoney(wrong)}; re-entered at the invoiced amount`,
          reversesId: entry.id,
          recordedById: userId(lead),
          createdAt: reversedAt,
        });
        plan.costEntries.push({
          id: stableId(`cost:${spec.code}:re-entered`),
          projectId: id,
          period,
          amount: right,
          description: correction.invoice,
          recordedById: userId(lead),
          createdAt: new Date(Math.min(reversedAt.getTime() + 300_000, now.getTime())),
        });
      }
    }

    const finished = spec.stage === "CLOSED" || spec.stage === "CANCELLED";
    const riskCount = spec.stage === "PROPOSED" ? 1 : finished ? random.int(1, 2) : random.int(2, 3);
    const bank = [...RISKS[spec.template]];
    for (let n = 0; n < riskCount && bank.length > 0; n++) {
      const [risk] = bank.splice(random.int(0, bank.length - 1), 1);
      if (!risk) break;
      const roll = random.next();
      plan.risks.push({
        id: stableId(`risk:${spec.code}:${n}`),
        projectId: id,
        title: risk.title,
        description: risk.description,
        likelihood: random.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]),
        impact: random.pick([2, 3, 3, 4, 4, 4, 5, 5]),
        mitigation: risk.mitigation,
        ownerId: userId(n === 0 ? lead : state.accountable),
        status: finished ? "CLOSED" : roll < 0.55 ? "OPEN" : roll < 0.95 ? "MITIGATING" : "CLOSED",
        // Risks are logged early in a project, but no earlier than the data's two-year window.
        createdAt: moment(
          minDate(
            maxDate(addDays(timeline.start, random.int(0, 60)), addDays(today, -730)),
            addDays(today, -1),
          ),
          random,
        ),
      });
    }
  }

  // ─── The trust scorecard ───
  for (const metric of TRUST_METRICS) {
    const random = root.fork(`metric:${metric.name}`);
    const id = stableId(`metric:${metric.name}`);
    const values = trustSeries(metric, metric.shape, today, now, random);
    const last = values[values.length - 1];
    if (metric.shape.provisionalNow && last) {
      // The current period's figure so far: shown, marked provisional, never a colour (NUM-5).
      const recorded = moment(today, random);
      const gap = Math.abs(metric.target - metric.baseline);
      const factor = 10 ** metric.shape.decimals;
      let value = Math.max(0, last.value + random.normal() * metric.shape.noise * gap);
      if (metric.shape.max !== undefined) value = Math.min(metric.shape.max, value);
      values.push({
        periodStart: computeCurrentPeriodStart(metric.cadence, now, ORGANISATION.timeZone),
        value: Math.round(value * factor) / factor,
        note: metric.shape.provisionalNow,
        // Today in the trust's own time, even in the first minutes after its midnight.
        recordedAt:
          computeLocalDate(recorded, ORGANISATION.timeZone).getTime() === today.getTime() ? recorded : now,
        provisional: true,
      });
    }
    plan.metrics.push({
      id,
      name: metric.name,
      description: metric.description ?? null,
      category: categoryOf(metric.objective),
      unit: metric.unit,
      direction: metric.direction,
      baselineValue: metric.baseline,
      targetValue: metric.target,
      targetDate: objectiveTargets.get(metric.objective) ?? addMonths(yearStart, 12),
      ...thresholds(metric.baseline, metric.target, metric.project ? PROJECT_BANDS : TRUST_BANDS),
      ownerId: userId(metric.owner),
      cadence: metric.cadence,
      objectiveId: objectiveId(metric.objective),
      projectId: metric.project ? projectId(stateOf(metric.project).spec.code) : null,
      focus: metric.focus,
    });
    for (const value of values) {
      plan.metricValues.push({
        id: stableId(`value:${id}:${isoDay(value.periodStart)}`),
        metricId: id,
        periodStart: value.periodStart,
        value: value.value,
        note: value.note,
        provisional: value.provisional,
        recordedById: userId(metric.owner),
        recordedAt: value.recordedAt,
      });
    }
    if (metric.project) {
      addProjectMetric(metric.project, {
        name: metric.name,
        unit: metric.unit,
        baseline: metric.baseline,
        values,
      });
    }
  }

  // ─── Feedback, due by the deadline the app itself computes (FB-2, with the trust's settings). ───
  const feedbackAnswers = new Map<string, Date>();
  for (const spec of FEEDBACK) {
    const state = stateOf(spec.project);
    const random = root.fork(`feedback:${spec.key}`);
    const createdAt = moment(addDays(today, -spec.daysAgo), random);
    // Answers come from the project's R (not the author) or else its A.
    const responder = state.responsible.find((p) => p !== spec.author) ?? state.accountable;
    const milestoneIndex = spec.milestone
      ? state.timeline.milestones.findIndex((m) => m.title.includes(spec.milestone ?? ""))
      : -1;
    const later = (from: Date, hours: number) => {
      const at = new Date(from.getTime() + hours * 3_600_000);
      return at.getTime() < now.getTime() ? at : new Date(now.getTime() - 60_000);
    };
    // An endorsement is acknowledged, which closes it, and never answered (FB-1).
    const endorsement = spec.kind === "ENDORSEMENT";
    // Reopened by its author with a comment (FB-3): open again, the answer it disputes kept.
    const reopened = spec.reopened ?? null;
    if (reopened && (spec.status !== "OPEN" || endorsement))
      throw new Error(`${spec.key}: reopened feedback is open again, and never an endorsement`);
    const acknowledged = spec.status !== "OPEN" || reopened !== null;
    const answered =
      !endorsement && (spec.status === "RESPONDED" || spec.status === "CLOSED" || reopened !== null);
    if (answered && !spec.response) throw new Error(`${spec.key}: answered feedback needs a response`);
    if (endorsement && (spec.response || spec.status === "RESPONDED" || spec.status === "ACKNOWLEDGED"))
      throw new Error(`${spec.key}: an endorsement is acknowledged and closed, not answered`);
    const respondedAt = answered
      ? later(createdAt, 24 * (spec.answeredAfterDays ?? 1) + random.int(-3, 3))
      : null;
    const acknowledgedAt = endorsement
      ? acknowledged
        ? later(createdAt, 24 * (spec.answeredAfterDays ?? 1) + random.int(-3, 3))
        : null
      : acknowledged
        ? later(
            createdAt,
            Math.min(
              random.int(2, 20),
              respondedAt ? (respondedAt.getTime() - createdAt.getTime()) / 3_600_000 : 20,
            ),
          )
        : null;
    // Closed answers were accepted by their author (FB-3); endorsements closed on acknowledgement.
    const closed = spec.status === "CLOSED";
    const closedAt = !closed
      ? null
      : endorsement
        ? acknowledgedAt
        : respondedAt
          ? later(respondedAt, random.int(20, 72))
          : null;
    const reopenedAt =
      reopened && respondedAt ? later(respondedAt, 24 * reopened.afterDays + random.int(-3, 3)) : null;
    // Due by the deadline the app computes (FB-2), from the author's reopening when there is one.
    const dueAt = computeFeedbackDueAt({
      kind: spec.kind,
      severity: spec.severity,
      loggedAt: reopenedAt ?? createdAt,
      timeZone: ORGANISATION.timeZone,
      holidays: holidayDates,
      settings,
    });
    const id = stableId(`feedback:${spec.key}`);
    plan.feedback.push({
      id,
      projectId: projectId(spec.project),
      milestoneId: milestoneIndex >= 0 ? stableId(`milestone:${spec.project}:${milestoneIndex}`) : null,
      authorId: userId(spec.author),
      kind: spec.kind,
      severity: spec.severity,
      body: spec.body,
      status: spec.status,
      dueAt,
      acknowledgedById: acknowledged ? userId(responder) : null,
      acknowledgedAt,
      responseText: answered ? (spec.response ?? null) : null,
      respondedById: answered ? userId(responder) : null,
      respondedAt,
      reopenCount: reopened ? 1 : 0,
      reopenComment: reopened?.comment ?? null,
      reopenedAt,
      closure: closed ? (endorsement ? "ENDORSEMENT_ACKNOWLEDGED" : "ACCEPTED") : null,
      closedById: closed ? userId(endorsement ? responder : spec.author) : null,
      closedAt,
      createdAt,
    });
    if (respondedAt) feedbackAnswers.set(spec.key, respondedAt);
  }

  // ─── Stage gates: the approved requests behind every project, and one waiting (GATE-1 to GATE-3) ───
  const executives = (Object.keys(PEOPLE) as PersonKey[]).filter(
    (key) => PEOPLE[key].role === "EXECUTIVE" && ((PEOPLE[key] as PersonSpec).active ?? true),
  );
  const objectiveOwners = new Map<ObjectiveCode, PersonKey>(OBJECTIVES.map((o) => [o.code, o.owner]));
  // GATE-2: an executive who neither asked nor is the project's R; its Accountable when they are
  // one, else the owner of the objective it mainly serves.
  const deciderFor = (state: ProjectState, requester: PersonKey): PersonKey => {
    const primary =
      state.spec.alignments.find((a) => a.contribution === "PRIMARY") ?? state.spec.alignments[0];
    const owner = primary ? objectiveOwners.get(primary.objective) : undefined;
    const decider = [state.accountable, ...(owner ? [owner] : []), ...executives].find(
      (p) => PEOPLE[p].role === "EXECUTIVE" && p !== requester && !state.responsible.includes(p),
    );
    if (!decider) throw new Error(`${state.spec.code}: no executive can decide its gates`);
    return decider;
  };
  const pilotVerdicts = new Map<string, { on: Date; by: PersonKey; pilotStartedAt: Date }>();
  for (const state of states.values()) {
    const { spec, timeline } = state;
    const requester = state.responsible[0] ?? state.accountable;
    let from: ProjectStage = "PROPOSED";
    let previous = timeline.createdAt;
    timeline.gates.forEach((gate, n) => {
      const random = root.fork(`gate:${spec.code}:${n}`);
      const day = computeLocalDate(gate.at, ORGANISATION.timeZone);
      const scaling = from === "PILOT" && gate.stage === "ROLLOUT";
      // Asked for a few days before it was decided; a rollout the day after the decision to scale.
      let requestedAt = moment(addDays(day, scaling ? -1 : -random.int(2, 8)), random);
      if (requestedAt.getTime() <= previous.getTime() || requestedAt.getTime() >= gate.at.getTime())
        requestedAt = new Date((previous.getTime() + gate.at.getTime()) / 2);
      const decider = deciderFor(state, requester);
      const reasons = GATE_REASONS[gate.stage];
      plan.stageGateRequests.push({
        id: stableId(`stage-gate:${spec.code}:${n}`),
        projectId: projectId(spec.code),
        fromStage: from,
        toStage: gate.stage,
        status: "APPROVED",
        reason: reasons.request,
        requestedById: userId(requester),
        requestedAt,
        decidedById: userId(decider),
        decidedAt: gate.at,
        decisionReason: reasons.decision,
      });
      if (scaling) {
        const pilot = timeline.gates.find((g) => g.stage === "PILOT");
        if (pilot)
          pilotVerdicts.set(spec.code, { on: addDays(day, -2), by: decider, pilotStartedAt: pilot.at });
      }
      from = gate.stage;
      previous = gate.at;
    });
  }
  for (const spec of PENDING_GATES) {
    const state = stateOf(spec.project);
    const random = root.fork(`stage-gate:${spec.project}:pending`);
    plan.stageGateRequests.push({
      id: stableId(`stage-gate:${spec.project}:pending`),
      projectId: projectId(spec.project),
      fromStage: state.spec.stage,
      toStage: spec.toStage,
      status: "REQUESTED",
      reason: spec.reason,
      requestedById: userId(spec.requestedBy),
      requestedAt: moment(addDays(today, -spec.daysAgo), random),
    });
  }

  // ─── Decisions ───
  const decidedOn = (day: Date) =>
    computeDecidedAt({ decidedOn: day, today, now, timeZone: ORGANISATION.timeZone });
  DECISIONS.forEach((spec, n) => {
    const random = root.fork(`decision:${n}`);
    const rebaseline = spec.rebaseline ? rebaselineIds.get(spec.rebaseline) : undefined;
    const answeredAt = spec.feedback ? feedbackAnswers.get(spec.feedback) : undefined;
    if (spec.rebaseline && !rebaseline?.decidedAt)
      throw new Error(`decision ${spec.title}: rebaseline not decided`);
    if (spec.feedback && !answeredAt) throw new Error(`decision ${spec.title}: feedback not answered`);
    // A pilot's verdict is taken on its evidence, just before the rollout gate (GATE-5, FRAME-4).
    const verdict = spec.kind === "SCALE" && spec.project ? pilotVerdicts.get(spec.project) : undefined;
    if (spec.kind === "SCALE" && !verdict) throw new Error(`decision ${spec.title}: no pilot to scale`);
    const decidedAt =
      (verdict ? decidedOn(verdict.on) : null) ??
      rebaseline?.decidedAt ??
      (answeredAt ? new Date(Math.min(answeredAt.getTime() + 3_600_000, now.getTime() - 60_000)) : null) ??
      moment(addDays(today, -(spec.daysAgo ?? 1)), random);
    plan.decisions.push({
      id: stableId(`decision:${n}`),
      kind: spec.kind ?? "GENERAL",
      title: spec.title,
      detail: spec.detail,
      authority: spec.authority,
      rationale: spec.rationale,
      decidedById: userId(spec.decidedBy),
      decidedAt,
      projectId: spec.project ? projectId(spec.project) : null,
      objectiveId: spec.objective ? objectiveId(spec.objective) : null,
      feedbackId: spec.feedback ? stableId(`feedback:${spec.feedback}`) : null,
      rebaselineId: rebaseline?.id ?? null,
      createdAt: decidedAt,
    });
  });
  // Every other pilot that scaled has its verdict too, citing the result it was taken on.
  for (const [code, verdict] of pilotVerdicts) {
    if (DECISIONS.some((d) => d.kind === "SCALE" && d.project === code)) continue;
    const state = stateOf(code);
    const decidedAt = decidedOn(verdict.on);
    const firstDay = computeLocalDate(verdict.pilotStartedAt, ORGANISATION.timeZone);
    const evidence = (metricFacts.get(code) ?? [])
      .flatMap((m) =>
        m.values
          .filter(
            (v) =>
              !v.provisional &&
              v.periodStart.getTime() >= firstDay.getTime() &&
              v.recordedAt.getTime() < decidedAt.getTime(),
          )
          .map((v) => ({ metric: m, value: v })),
      )
      .sort((a, b) => b.value.periodStart.getTime() - a.value.periodStart.getTime())[0];
    const gate = state.timeline.milestones.find((m) => m.isGate && m.phase === "PILOT");
    plan.decisions.push({
      id: stableId(`decision:scale:${code}`),
      kind: "SCALE",
      title: `${state.spec.name}: scale beyond the pilot`,
      detail: `Pilot evidence reviewed${gate ? ` and “${gate.title}” signed off` : ""}; rollout to begin.`,
      authority: SCALE_AUTHORITY[state.spec.template],
      rationale: evidence
        ? `${evidence.metric.name} reached ${withUnit(evidence.value.value, evidence.metric.unit)} in the pilot, against a baseline of ${withUnit(evidence.metric.baseline, evidence.metric.unit)}.`
        : "The pilot's results were reviewed.",
      decidedById: userId(verdict.by),
      decidedAt,
      projectId: projectId(code),
      createdAt: decidedAt,
    });
  }

  assertGovernance(plan, { now, timeZone: ORGANISATION.timeZone, holidays: holidayDates, settings });
  return plan;
}
