// Turns the demo catalogues into rows for every table, relative to `now`. Pure: no database, so
// the whole trust can be built (and checked against the governance rules) before one row is
// written, and a failed check never leaves a half-seeded database.
import type { Prisma } from "@/generated/prisma/client";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { computeLocalDate } from "@/lib/domain/milestones";
import type { RaciLetter } from "@/lib/domain/raci";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import {
  addDays,
  addMonths,
  bankHolidays,
  financialYearStart,
  isoDay,
  maxDate,
  minDate,
  toWeekday,
} from "./calendar";
import { DECISIONS, FEEDBACK, REBASELINES, RISKS } from "./demo-activity";
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
import { assertGovernance, type ProjectMetricFact } from "./governance-check";
import { createRandom, type Random, stableId } from "./random";
import { costSeries, projectSeries, trustSeries } from "./series";
import { during, planTimeline, type TimelinePlan } from "./timeline";

export interface SeedPlan {
  organisation: { id: number; name: string; timeZone: string };
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

  const plan: SeedPlan = {
    organisation: { id: 1, name: ORGANISATION.name, timeZone: ORGANISATION.timeZone },
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
      };
    }),
    objectives: [],
    projects: [],
    alignments: [],
    raci: [],
    milestones: [],
    milestoneChanges: [],
    rebaselines: [],
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
    const timeline = planTimeline(spec, {
      today,
      now,
      random,
      owners: responsible.length > 0 ? responsible : [spec.raci.A],
      approver: spec.raci.A,
      mustSlip: REBASELINES.flatMap((r) => (r.project === spec.code && r.milestone ? [r.milestone] : [])),
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
          recordedById: userId(lead),
          recordedAt: value.recordedAt,
        });
      }
      addProjectMetric(spec.code, {
        name: metric.name,
        baseline: metric.baseline,
        target: metric.target,
        values,
        cadence: metric.cadence,
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
        recordedById: userId(metric.owner),
        recordedAt: value.recordedAt,
      });
    }
    if (metric.project) {
      addProjectMetric(metric.project, {
        name: metric.name,
        baseline: metric.baseline,
        target: metric.target,
        values,
        cadence: metric.cadence,
      });
    }
  }

  // ─── Feedback, due by the deadline the app itself computes (FB-2, with the default settings). ───
  const feedbackAnswers = new Map<string, Date>();
  for (const spec of FEEDBACK) {
    const state = stateOf(spec.project);
    const random = root.fork(`feedback:${spec.key}`);
    const createdAt = moment(addDays(today, -spec.daysAgo), random);
    const dueAt = computeFeedbackDueAt({
      kind: spec.kind,
      severity: spec.severity,
      loggedAt: createdAt,
      timeZone: ORGANISATION.timeZone,
      holidays: holidayDates,
      settings: DEFAULT_SETTINGS,
    });
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
    const acknowledged = spec.status !== "OPEN";
    const answered = !endorsement && (spec.status === "RESPONDED" || spec.status === "CLOSED");
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
      closure: closed ? (endorsement ? "ENDORSEMENT_ACKNOWLEDGED" : "ACCEPTED") : null,
      closedById: closed ? userId(endorsement ? responder : spec.author) : null,
      closedAt,
      createdAt,
    });
    if (respondedAt) feedbackAnswers.set(spec.key, respondedAt);
  }

  // ─── Decisions ───
  DECISIONS.forEach((spec, n) => {
    const random = root.fork(`decision:${n}`);
    const rebaseline = spec.rebaseline ? rebaselineIds.get(spec.rebaseline) : undefined;
    const answeredAt = spec.feedback ? feedbackAnswers.get(spec.feedback) : undefined;
    if (spec.rebaseline && !rebaseline?.decidedAt)
      throw new Error(`decision ${spec.title}: rebaseline not decided`);
    if (spec.feedback && !answeredAt) throw new Error(`decision ${spec.title}: feedback not answered`);
    const decidedAt =
      rebaseline?.decidedAt ??
      (answeredAt ? new Date(Math.min(answeredAt.getTime() + 3_600_000, now.getTime() - 60_000)) : null) ??
      moment(addDays(today, -(spec.daysAgo ?? 1)), random);
    plan.decisions.push({
      id: stableId(`decision:${n}`),
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

  assertGovernance(
    [...states.values()].map(({ spec, raci, timeline }) => ({
      spec,
      raci,
      milestones: timeline.milestones,
      closedOn: timeline.cutoff,
      metrics: metricFacts.get(spec.code) ?? [],
    })),
  );
  return plan;
}
