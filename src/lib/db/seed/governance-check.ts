// The seed must itself obey the rules the app enforces: fail loudly before writing anything rather
// than show a demo the app would have refused to build. Judged on the rows about to be written,
// with the domain's own functions (docs/governance-rules.md).

import type { Cadence, MilestoneStatus, RaciLetter, Role } from "@/generated/prisma/enums";
import { metricObjectiveViolations } from "@/lib/domain/alignment-links";
import { hasFinalValue } from "@/lib/domain/benefits-review";
import { computeLocalDate } from "@/lib/domain/calendar";
import { costReversalViolations } from "@/lib/domain/costs";
import { decisionViolations, isScaleDecision } from "@/lib/domain/decisions";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { metricDefinitionViolations } from "@/lib/domain/metrics";
import { isSameAmount, negateMoney } from "@/lib/domain/money";
import { settingsViolations } from "@/lib/domain/organisation-settings";
import { can } from "@/lib/domain/permissions";
import type { RaciEntry } from "@/lib/domain/raci";
import { computeRebaselineTolerance, rebaselineDeciderViolations } from "@/lib/domain/rebaselines";
import { forecastEndViolations } from "@/lib/domain/schedule";
import type { GovernanceSettings } from "@/lib/domain/settings";
import { stageGateDeciderViolations, stageGateRequestViolations } from "@/lib/domain/stage-gate-requests";
import {
  closureGaps,
  computePilotStartedAt,
  type MetricFacts,
  type ProjectFacts,
  type ProjectStage,
  pilotEvidenceGaps,
  readinessGaps,
} from "@/lib/domain/stage-gates";
import { canBeAccountable } from "@/lib/domain/user-accounts";
import type { DecisionKind } from "@/lib/domain/vocabulary";
import type { SeedPlan } from "./plan";

export interface GovernanceContext {
  now: Date;
  timeZone: string;
  holidays: readonly Date[];
  settings: GovernanceSettings;
}

// Prisma's create inputs allow strings and `Prisma.skip` too; the plan only ever builds Dates and
// plain values, so anything else is a bug in the plan.
function at(value: unknown, what: string): Date {
  if (!(value instanceof Date)) throw new Error(`The demo plan has no date for ${what}`);
  return value;
}

function maybe(value: unknown): Date | null {
  return value instanceof Date ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function flag(value: unknown, otherwise: boolean): boolean {
  return typeof value === "boolean" ? value : otherwise;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const money = (value: unknown) => String(value);

export function governanceProblems(plan: SeedPlan, context: GovernanceContext): string[] {
  const { now, timeZone } = context;
  const today = computeLocalDate(now, timeZone);
  const problems: string[] = [];
  const users = new Map(plan.users.map((u) => [u.id as string, u]));
  const userOf = (id: string) => {
    const user = users.get(id);
    if (!user) throw new Error(`The demo plan refers to an unknown user ${id}`);
    return {
      name: user.name,
      role: user.role,
      discipline: user.discipline,
      active: flag(user.active, true),
      sroEligible: flag(user.sroEligible, false),
    };
  };
  const raciBy = groupBy(plan.raci, (r) => r.projectId);
  const alignmentsBy = groupBy(plan.alignments, (a) => a.projectId);
  const milestonesBy = groupBy(plan.milestones, (m) => m.projectId);
  const metricsBy = groupBy(
    plan.metrics.filter((m) => m.projectId),
    (m) => m.projectId as string,
  );
  const valuesBy = groupBy(plan.metricValues, (v) => v.metricId);
  const gatesBy = groupBy(plan.stageGateRequests, (g) => g.projectId);
  const decisionsBy = groupBy(
    plan.decisions.filter((d) => d.projectId),
    (d) => d.projectId as string,
  );
  const letterOf = (projectId: string, id: string): RaciLetter | null =>
    (raciBy.get(projectId) ?? []).find((r) => r.userId === id)?.letter ?? null;

  const raciEntries = (projectId: string): RaciEntry[] =>
    (raciBy.get(projectId) ?? []).map((r) => {
      const who = userOf(r.userId);
      return {
        userId: r.userId,
        name: who.name,
        letter: r.letter,
        role: who.role,
        discipline: who.discipline,
        active: who.active,
      };
    });

  /** The project's facts as the gates read them, counting only what had happened by `asOf`. */
  const factsOf = (projectId: string, stage: ProjectStage, asOf: Date): ProjectFacts => ({
    kind: plan.projects.find((p) => p.id === projectId)?.kind ?? "OPERATIONAL",
    stage,
    alignmentCount: (alignmentsBy.get(projectId) ?? []).length,
    raci: raciEntries(projectId),
    metrics: (metricsBy.get(projectId) ?? []).map((m): MetricFacts => {
      const confirmed = (valuesBy.get(m.id as string) ?? [])
        .filter((v) => !flag(v.provisional, false) && at(v.recordedAt, "a value").getTime() <= asOf.getTime())
        .map((v) => at(v.periodStart, "a period"));
      const latest = confirmed.reduce<Date | null>((a, b) => (a && a >= b ? a : b), null);
      return {
        name: m.name,
        baselineValue: m.baselineValue,
        targetValue: m.targetValue,
        hasFinalValue: false,
        lastConfirmedPeriodStart: latest,
      };
    }),
    milestones: (milestonesBy.get(projectId) ?? []).map((m) => {
      const done = maybe(m.actualDate);
      const signed = maybe(m.gateApprovedAt);
      return {
        title: m.title,
        status: (done && done.getTime() <= asOf.getTime()
          ? "DONE"
          : m.status === "CANCELLED"
            ? "CANCELLED"
            : "NOT_STARTED") as MilestoneStatus,
        isGate: flag(m.isGate, false),
        gateApproved: signed !== null && signed.getTime() <= asOf.getTime(),
      };
    }),
  });

  // The trust's settings are ones an admin could have saved (ACC-5, ACC-7).
  const duty = plan.organisation.dutyExecutiveId ? userOf(plan.organisation.dutyExecutiveId) : null;
  for (const v of settingsViolations({ ...context.settings, timeZone }, duty))
    problems.push(`Organisation settings: ${v.message}`);

  for (const project of plan.projects) {
    const id = project.id as string;
    const code = project.code;
    const stage = project.stage as ProjectStage;
    const raci = raciBy.get(id) ?? [];

    // ACC-1: the Accountable is an active executive or an SRO-eligible colleague.
    for (const a of raci.filter((r) => r.letter === "A")) {
      const who = userOf(a.userId);
      if (!canBeAccountable(who))
        problems.push(
          `${code}: ${who.name} may not be Accountable (ACC-1): neither an executive nor SRO-eligible`,
        );
    }

    // NUM-1: the project ends no earlier than its open milestones.
    const scheduled = (milestonesBy.get(id) ?? []).map((m) => ({
      title: m.title,
      status: (m.status ?? "NOT_STARTED") as MilestoneStatus,
      forecastDate: at(m.forecastDate, `${code} ${m.title}`),
    }));
    for (const v of forecastEndViolations({
      forecastEndDate: at(project.forecastEndDate, code),
      milestones: scheduled,
    }))
      problems.push(`${code}: ${v.message}`);

    // Rules 1 and 4 on every live or closed project; proposals may still have gaps (that is the
    // demo's point) and cancelled work is history.
    if (stage !== "PROPOSED" && stage !== "CANCELLED") {
      const facts = factsOf(id, stage, now);
      const closedOn = maybe(project.actualEndDate) ?? today;
      const withFinal: ProjectFacts = {
        ...facts,
        milestones: scheduled,
        metrics: facts.metrics.map((m) => ({
          ...m,
          hasFinalValue: hasFinalValue(
            {
              cadence: (metricsBy.get(id) ?? []).find((x) => x.name === m.name)?.cadence as Cadence,
              lastValuePeriodStart: m.lastConfirmedPeriodStart ?? null,
            },
            closedOn,
          ),
        })),
      };
      const gaps = [...readinessGaps(withFinal), ...(stage === "CLOSED" ? closureGaps(withFinal) : [])];
      for (const gap of gaps) problems.push(`${code}: ${gap.message}`);
    }

    // The gate history (GATE-1 to GATE-3, GATE-5): a chain of approved requests from PROPOSED to
    // the stage the project is in (or was paused or stopped in), each asked for by someone the
    // matrix lets ask and decided by an executive who neither asked nor is the project's R.
    const requests = [...(gatesBy.get(id) ?? [])].sort(
      (a, b) => at(a.requestedAt, code).getTime() - at(b.requestedAt, code).getTime(),
    );
    const decided = requests.filter((r) => r.status === "APPROVED");
    const pending = requests.filter((r) => r.status === "REQUESTED");
    if (pending.length > 1) problems.push(`${code}: more than one stage gate request waits (GATE-1)`);
    let from: ProjectStage = "PROPOSED";
    let previous = at(project.createdAt, code);
    for (const request of decided) {
      const requestedAt = at(request.requestedAt, code);
      const decidedAt = at(request.decidedAt, code);
      const label = `${code} gate to ${request.toStage}`;
      if (request.fromStage !== from) problems.push(`${label}: asked from ${request.fromStage}, not ${from}`);
      if (requestedAt.getTime() <= previous.getTime() || decidedAt.getTime() <= requestedAt.getTime())
        problems.push(`${label}: requested or decided out of order`);
      const requester = userOf(request.requestedById);
      if (!can("stageGate.request", { role: requester.role, letter: letterOf(id, request.requestedById) }))
        problems.push(`${label}: ${requester.name} may not request a gate`);
      const deciderId = text(request.decidedById) ?? "";
      const decider = userOf(deciderId);
      if (
        !decider.active ||
        !can("stageGate.decide", { role: decider.role, letter: letterOf(id, deciderId) })
      )
        problems.push(`${label}: ${decider.name} may not decide a gate`);
      for (const v of stageGateDeciderViolations({
        requestedById: request.requestedById,
        deciderId,
        deciderLetter: letterOf(id, deciderId),
      }))
        problems.push(`${label}: ${v.message}`);
      if (request.fromStage === "PILOT" && request.toStage === "ROLLOUT") {
        // GATE-5, judged as the request saw it: what was done, signed, measured and decided by then.
        const pilotGate = decided.filter((r) => r.toStage === "PILOT").at(-1);
        const facts: ProjectFacts = {
          ...factsOf(id, "PILOT", requestedAt),
          pilot: {
            startedAt: computePilotStartedAt({
              pilotGateApprovedAt: maybe(pilotGate?.decidedAt),
              stageChangedAt: at(project.stageChangedAt, code),
            }),
            timeZone,
            decisions: (decisionsBy.get(id) ?? []).flatMap((d) => {
              const kind = (d.kind ?? "GENERAL") as DecisionKind;
              const when = at(d.decidedAt, d.title);
              return isScaleDecision(kind) && when.getTime() <= requestedAt.getTime()
                ? [{ kind: kind as "SCALE" | "DO_NOT_SCALE", title: d.title, decidedAt: when }]
                : [];
            }),
          },
        };
        for (const gap of pilotEvidenceGaps(facts)) problems.push(`${label}: ${gap.message}`);
      }
      from = request.toStage as ProjectStage;
      previous = decidedAt;
    }
    const expected = stage === "ON_HOLD" ? project.heldFromStage : stage;
    if (stage !== "CANCELLED" && (expected ?? "PROPOSED") !== from)
      problems.push(`${code}: its approved gates lead to ${from}, but it is ${stage}`);
    const last = decided.at(-1);
    if (last) {
      const lastAt = at(last.decidedAt, code).getTime();
      const changed = at(project.stageChangedAt, code).getTime();
      if (stage === last.toStage ? lastAt !== changed : lastAt >= changed)
        problems.push(`${code}: its last gate is not dated with its stage change`);
    }
    for (const request of pending) {
      const violations = stageGateRequestViolations({
        facts: { ...factsOf(id, stage, now), heldFrom: null },
        toStage: request.toStage as ProjectStage,
        reason: request.reason,
        pending: null,
      });
      for (const v of violations) problems.push(`${code} waiting gate request: ${v.message}`);
    }
  }

  // NUM-4 and NUM-9: numbers that mean something, and project metrics feeding their own objectives.
  const objectives = new Map(plan.objectives.map((o) => [o.id as string, o]));
  for (const metric of plan.metrics) {
    for (const v of metricDefinitionViolations(metric)) problems.push(`${metric.name}: ${v.message}`);
    const objective = objectives.get(metric.objectiveId ?? "");
    if (objective) {
      const served = metric.projectId
        ? (alignmentsBy.get(String(metric.projectId)) ?? []).map((a) => a.objectiveId)
        : null;
      for (const v of metricObjectiveViolations({
        objectiveId: objective.id as string,
        objective: { code: objective.code, title: objective.title },
        projectObjectiveIds: served,
      }))
        problems.push(`${metric.name}: ${v.message}`);
    }
  }

  // FRAME-3 and FRAME-4: decisions taken by executives on days that have come; a scale verdict
  // while its project was in PILOT.
  const projects = new Map(plan.projects.map((p) => [p.id as string, p]));
  for (const decision of plan.decisions) {
    const decider = userOf(decision.decidedById);
    if (!can("decision.record", { role: decider.role }))
      problems.push(`Decision “${decision.title}”: ${decider.name} does not record decisions`);
    const decidedAt = at(decision.decidedAt, decision.title);
    const decisionProject = text(decision.projectId);
    const project = decisionProject ? projects.get(decisionProject) : undefined;
    let stageThen: ProjectStage | null = null;
    if (project) {
      const gates = (gatesBy.get(project.id as string) ?? []).filter(
        (g) => g.status === "APPROVED" && at(g.decidedAt, project.code).getTime() <= decidedAt.getTime(),
      );
      stageThen = (gates.at(-1)?.toStage as ProjectStage | undefined) ?? "PROPOSED";
    }
    for (const v of decisionViolations({
      kind: (decision.kind ?? "GENERAL") as DecisionKind,
      decidedOn: computeLocalDate(decidedAt, timeZone),
      today,
      project: stageThen ? { stage: stageThen } : null,
    }))
      problems.push(`Decision “${decision.title}”: ${v.message}`);
  }

  // REB-2 and REB-3: a decided rebaseline was decided by someone allowed to, within or beyond
  // tolerance as judged against the baselines it replaced.
  for (const r of plan.rebaselines) {
    const deciderId = text(r.decidedById);
    if (r.status === "REQUESTED" || !deciderId) continue;
    const project = projects.get(r.projectId);
    if (!project) continue;
    const milestone = r.milestoneId ? plan.milestones.find((m) => m.id === r.milestoneId) : undefined;
    const tolerance = computeRebaselineTolerance({
      request: {
        kind: r.kind === "ADD_MILESTONE" || r.kind === "CANCEL_MILESTONE" ? r.kind : "BASELINE",
        proposedEndDate: maybe(r.proposedEndDate),
        proposedBudget:
          r.proposedBudget === null || r.proposedBudget === undefined ? null : money(r.proposedBudget),
        proposedMilestoneDate: maybe(r.proposedMilestoneDate),
      },
      project: {
        baselineEndDate: maybe(r.previousEndDate) ?? at(project.baselineEndDate, project.code),
        baselineBudget: money(r.previousBudget ?? project.baselineBudget),
      },
      milestone: milestone
        ? {
            title: milestone.title,
            baselineDate: maybe(r.previousMilestoneDate) ?? at(milestone.baselineDate, milestone.title),
            isGate: flag(milestone.isGate, false),
          }
        : null,
      settings: context.settings,
    });
    const decider = userOf(deciderId);
    const letter = letterOf(r.projectId, deciderId);
    if (!can("rebaseline.decide", { role: decider.role, letter }))
      problems.push(`${project.code} rebaseline: ${decider.name} may not decide it`);
    for (const v of rebaselineDeciderViolations({
      decision: r.status === "APPROVED" ? "APPROVED" : "REJECTED",
      requestedById: r.requestedById,
      decider: { id: deciderId, role: decider.role as Role, letter },
      tolerance,
    }))
      problems.push(`${project.code} rebaseline: ${v.message}`);
  }

  // FRAME-6 and FRAME-7: a reversal cancels one ordinary entry of its project, in its month, with a
  // reason, recorded by someone who may record costs there.
  const entries = new Map(plan.costEntries.map((c) => [c.id as string, c]));
  const reversed = new Set<string>();
  for (const reversal of plan.costEntries.filter((c) => c.reversesId)) {
    const entry = entries.get(reversal.reversesId as string);
    const label = `Cost reversal “${reversal.description}”`;
    if (!entry) {
      problems.push(`${label}: reverses no entry`);
      continue;
    }
    const violations = costReversalViolations({
      entry: {
        amount: money(entry.amount),
        period: at(entry.period, label),
        reversesId: text(entry.reversesId),
      },
      alreadyReversed: reversed.has(entry.id as string),
      reason: reversal.description,
    });
    for (const v of violations) problems.push(`${label}: ${v.message}`);
    reversed.add(entry.id as string);
    if (
      entry.projectId !== reversal.projectId ||
      at(entry.period, label).getTime() !== at(reversal.period, label).getTime() ||
      !isSameAmount(negateMoney(money(reversal.amount)), money(entry.amount)) ||
      at(reversal.createdAt, label).getTime() <= at(entry.createdAt, label).getTime()
    )
      problems.push(`${label}: not the opposite of its entry, in its month, after it`);
    const recorder = userOf(reversal.recordedById);
    if (
      !can("cost.record", {
        role: recorder.role,
        letter: letterOf(reversal.projectId, reversal.recordedById),
      })
    )
      problems.push(`${label}: ${recorder.name} may not record costs on the project`);
  }

  // FB-2 and FB-3: each item is due by the answer time the app gives it, from its logging or its
  // author's last reopening.
  for (const item of plan.feedback) {
    const due = computeFeedbackDueAt({
      kind: item.kind,
      severity: item.severity,
      loggedAt: maybe(item.reopenedAt) ?? at(item.createdAt, item.body),
      timeZone,
      holidays: context.holidays,
      settings: context.settings,
    });
    if (due.getTime() !== at(item.dueAt, item.body).getTime())
      problems.push(`Feedback “${item.body.slice(0, 40)}…”: not due when FB-2 says`);
  }

  return problems;
}

export function assertGovernance(plan: SeedPlan, context: GovernanceContext): void {
  const problems = governanceProblems(plan, context);
  if (problems.length > 0)
    throw new Error(`The demo data breaks the governance rules:\n${problems.join("\n")}`);
}
