// The demo seed against a real migrated database, judged by the same pure rules the app enforces:
// if a screen would show a governance gap on a project the seed calls healthy, this fails first.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { FeedbackStatus, MilestoneStatus } from "@/generated/prisma/enums";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/demo-users";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { governanceProblems } from "@/lib/db/seed/governance-check";
import { buildDemoPlan, demoSettings, type SeedPlan } from "@/lib/db/seed/plan";
import { AlreadySeededError, isSeeded, seedDemoOrganisation } from "@/lib/db/seed/seed";
import { computeObjectiveCoverage, isLiveProject } from "@/lib/domain/alignment";
import { computeEarliestFinalPeriod } from "@/lib/domain/benefits-review";
import { computeLocalDate } from "@/lib/domain/calendar";
import { costReversalViolations } from "@/lib/domain/costs";
import { computeFeedbackEscalation } from "@/lib/domain/feedback-loop";
import { computeFeedbackDueAt, computeFeedbackSla } from "@/lib/domain/feedback-sla";
import {
  computeCurrentPeriodStart,
  computeMetricStatus,
  metricDefinitionViolations,
  metricValueViolations,
} from "@/lib/domain/metrics";
import { negateMoney } from "@/lib/domain/money";
import { can } from "@/lib/domain/permissions";
import { type RaciEntry, raciGaps } from "@/lib/domain/raci";
import { forecastEndViolations } from "@/lib/domain/schedule";
import { mayDecideStageGate, stageGateRequestViolations } from "@/lib/domain/stage-gate-requests";
import { closureGaps, type ProjectFacts, type ProjectStage, stageMoveGaps } from "@/lib/domain/stage-gates";
import { canBeAccountable } from "@/lib/domain/user-accounts";
import { createTestDatabase, useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const TIME_ZONE = "Europe/London";
// A fixed instant keeps the test reproducible; the plan tests below sweep many other days.
const NOW = new Date("2026-11-23T10:15:00.000Z");
const TODAY = computeLocalDate(NOW, TIME_ZONE);

const day = (date: Date) => date.toISOString().slice(0, 10);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function loadProjects() {
  return db().project.findMany({
    orderBy: { code: "asc" },
    include: {
      site: true,
      alignments: true,
      raci: { include: { user: true } },
      metrics: { include: { values: { orderBy: { periodStart: "asc" } } } },
      milestones: { include: { changes: { orderBy: { changedAt: "asc" } } } },
    },
  });
}

type LoadedProject = Awaited<ReturnType<typeof loadProjects>>[number];

function raciEntries(project: LoadedProject): RaciEntry[] {
  return project.raci.map((r) => ({
    userId: r.userId,
    name: r.user.name,
    letter: r.letter,
    role: r.user.role,
    discipline: r.user.discipline,
    active: r.user.active,
  }));
}

/** A final value is one for the period the project closed in, or the one before it. */
function factsOf(project: LoadedProject): ProjectFacts {
  const closedOn = computeLocalDate(project.stageChangedAt, TIME_ZONE);
  return {
    kind: project.kind,
    stage: project.stage,
    heldFrom: project.heldFromStage as ProjectFacts["heldFrom"],
    alignmentCount: project.alignments.length,
    raci: raciEntries(project),
    metrics: project.metrics.map((m) => ({
      name: m.name,
      baselineValue: m.baselineValue,
      targetValue: m.targetValue,
      hasFinalValue: m.values.some((v) => v.periodStart >= computeEarliestFinalPeriod(m.cadence, closedOn)),
    })),
    milestones: project.milestones.map((m) => ({ title: m.title, status: m.status })),
  };
}

describe("the demo organisation", () => {
  let projects: LoadedProject[];

  beforeAll(async () => {
    expect(await isSeeded(db())).toBe(false);
    await seedDemoOrganisation(db(), { today: NOW });
    projects = await loadProjects();
  });

  it("has the organisation, its three sites and bank holidays for the years it covers", async () => {
    const organisation = await db().organisation.findUniqueOrThrow({ where: { id: 1 } });
    expect(organisation).toMatchObject({ name: "Northbridge University Hospitals", timeZone: TIME_ZONE });
    expect(await db().site.count()).toBe(3);
    expect(new Set(projects.map((p) => p.site.code)).size).toBe(3);
    const holidays = (await db().holiday.findMany()).map((h) => day(h.date));
    expect(holidays).toEqual(
      expect.arrayContaining(["2026-12-25", "2026-12-28", "2027-03-26", "2025-08-25"]),
    );
  });

  it("signs in the six demo users with the demo password and the right roles, all sharing one hash", async () => {
    const users = await db().user.findMany();
    expect(users.length).toBeGreaterThanOrEqual(20);
    expect(users.length).toBeLessThanOrEqual(32);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email);
      expect(user, demo.email).toMatchObject({ role: demo.role, discipline: demo.discipline, active: true });
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(users.filter((u) => u.role === "PROJECT_MANAGER").length).toBeGreaterThanOrEqual(4);
    expect(users.filter((u) => u.role === "CLINICAL_CHAMPION").length).toBeGreaterThanOrEqual(4);
  });

  it("has 8–10 objectives over all five scorecard categories, each owned by an executive", async () => {
    const objectives = await db().strategicObjective.findMany({ include: { owner: true } });
    expect(objectives.length).toBeGreaterThanOrEqual(8);
    expect(objectives.length).toBeLessThanOrEqual(10);
    expect(new Set(objectives.map((o) => o.category)).size).toBe(5);
    for (const objective of objectives) expect(objective.owner.role).toBe("EXECUTIVE");
  });

  it("has about forty projects covering every stage and every kind, each with 3–8 milestones", () => {
    expect(projects.length).toBeGreaterThanOrEqual(35);
    expect(projects.length).toBeLessThanOrEqual(45);
    expect(new Set(projects.map((p) => p.stage))).toEqual(
      new Set(["PROPOSED", "APPROVED", "PILOT", "ROLLOUT", "CLOSED", "ON_HOLD", "CANCELLED"]),
    );
    expect(new Set(projects.map((p) => p.kind))).toEqual(
      new Set(["CLINICAL", "OPERATIONAL", "DIGITAL", "MIXED"]),
    );
    for (const project of projects) {
      expect(project.milestones.length, project.code).toBeGreaterThanOrEqual(3);
      expect(project.milestones.length, project.code).toBeLessThanOrEqual(8);
      expect(project.heldFromStage !== null, project.code).toBe(project.stage === "ON_HOLD");
    }
  });

  it("gives every project exactly one Accountable, an active one", () => {
    for (const project of projects) {
      const codes = raciGaps(raciEntries(project), { requireResponsible: false }).map((g) => g.code);
      expect(codes, project.code).toEqual([]);
      expect(
        project.raci.filter((r) => r.letter === "A"),
        project.code,
      ).toHaveLength(1);
    }
  });

  it("lets every project past PROPOSED (and not cancelled) pass the gate out of PROPOSED", () => {
    const live = projects.filter((p) => p.stage !== "PROPOSED" && p.stage !== "CANCELLED");
    expect(live.length).toBeGreaterThanOrEqual(25);
    for (const project of live) {
      const gaps = stageMoveGaps({ ...factsOf(project), stage: "PROPOSED", heldFrom: null }, "APPROVED");
      expect(gaps, project.code).toEqual([]);
      expect(
        project.metrics.some((m) => Number.isFinite(m.baselineValue) && Number.isFinite(m.targetValue)),
        project.code,
      ).toBe(true);
    }
  });

  it("meets rule 4 on every closed project: milestones done or cancelled, a final value on each metric", () => {
    const closed = projects.filter((p) => p.stage === "CLOSED");
    expect(closed.length).toBeGreaterThanOrEqual(3);
    for (const project of closed) expect(closureGaps(factsOf(project)), project.code).toEqual([]);
  });

  it("shows delivery without vision and vision without delivery", async () => {
    const unaligned = projects.filter((p) => p.alignments.length === 0);
    expect(unaligned.length).toBeGreaterThanOrEqual(2);
    for (const project of unaligned) expect(project.stage).toBe("PROPOSED");
    expect(unaligned.filter((p) => isLiveProject(p.stage, p.heldFromStage))).toEqual([]);
    const objectives = await db().strategicObjective.findMany({
      include: { alignments: { include: { project: true } } },
    });
    // The one definition of delivery every page uses (docs/governance-rules.md NUM-7).
    const withoutDelivery = objectives.filter(
      (o) =>
        computeObjectiveCoverage({
          status: o.status,
          alignedProjects: o.alignments.map((a) => ({
            stage: a.project.stage,
            contribution: a.contribution,
          })),
        }).visionWithoutDelivery,
    );
    expect(withoutDelivery.map((o) => o.code)).toEqual(["SO-09"]);
  });

  it("puts the demo project manager and clinical champion on several projects", () => {
    const roles = (email: string) =>
      projects.flatMap((p) => p.raci.filter((r) => r.user.email === email).map((r) => r.letter));
    expect(
      roles("pm@northbridge.example").filter((l) => l === "R" || l === "A").length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      roles("champion@northbridge.example").filter((l) => l === "R" || l === "C").length,
    ).toBeGreaterThanOrEqual(4);
  });

  it("records a reason for every forecast move, chained from the baseline to today's forecast", async () => {
    const approved = await db().rebaseline.findMany({
      where: { status: "APPROVED", milestoneId: { not: null } },
    });
    const rebaselinedFrom = new Map(approved.map((r) => [r.milestoneId, r.previousMilestoneDate]));
    let slipped = 0;
    for (const project of projects) {
      for (const milestone of project.milestones) {
        const label = `${project.code} ${milestone.title}`;
        const { changes } = milestone;
        if (day(milestone.forecastDate) !== day(milestone.baselineDate)) {
          slipped++;
          expect(changes.length, label).toBeGreaterThanOrEqual(1);
        }
        if (changes.length === 0) continue;
        const origins = [
          day(milestone.baselineDate),
          ...[rebaselinedFrom.get(milestone.id)].flatMap((d) => (d ? [day(d)] : [])),
        ];
        expect(origins, label).toContain(day(changes[0]!.oldDate));
        for (let i = 1; i < changes.length; i++) {
          expect(day(changes[i]!.oldDate), label).toBe(day(changes[i - 1]!.newDate));
        }
        expect(day(changes[changes.length - 1]!.newDate), label).toBe(day(milestone.forecastDate));
        for (const change of changes) {
          expect(change.reason.length, label).toBeGreaterThanOrEqual(10);
          expect(change.changedAt.getTime(), label).toBeLessThanOrEqual(NOW.getTime());
        }
      }
    }
    expect(slipped).toBeGreaterThan(30);
  });

  it("keeps done milestones dated in the past and leaves some open milestones overdue", () => {
    const milestones = projects.flatMap((p) => p.milestones);
    for (const m of milestones) {
      if (m.status === "DONE") expect(m.actualDate!.getTime(), m.title).toBeLessThan(TODAY.getTime());
      else expect(m.actualDate, m.title).toBeNull();
    }
    const overdue = milestones.filter(
      (m) => (m.status === "NOT_STARTED" || m.status === "IN_PROGRESS") && m.forecastDate < TODAY,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  it("has 25+ metrics with no value for a future period and one value per period at most", async () => {
    const metrics = await db().metric.findMany({ include: { values: true } });
    expect(metrics.length).toBeGreaterThanOrEqual(25);
    for (const metric of metrics) {
      for (const value of metric.values) {
        const check = metricValueViolations({
          cadence: metric.cadence,
          periodStart: value.periodStart,
          now: NOW,
          timeZone: TIME_ZONE,
          provisional: value.provisional,
        });
        expect(check, `${metric.name} ${day(value.periodStart)}`).toEqual([]);
        expect(value.recordedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
      const periods = metric.values.map((v) => day(v.periodStart));
      expect(new Set(periods).size, metric.name).toBe(periods.length);
    }
    const trustWide = metrics.filter((m) => m.projectId === null);
    expect(trustWide.length).toBeGreaterThanOrEqual(20);
    // Two years of history on the scorecard.
    for (const metric of trustWide) {
      const expected = metric.cadence === "WEEKLY" ? 95 : metric.cadence === "MONTHLY" ? 21 : 6;
      expect(metric.values.length, metric.name).toBeGreaterThanOrEqual(expected);
    }
  });

  it("has feedback of every kind and status, due by FB-2, answered by an R or A, with some overdue", async () => {
    const holidays = (await db().holiday.findMany()).map((h) => h.date);
    const organisation = await db().organisation.findUniqueOrThrow({ where: { id: 1 } });
    const feedback = await db().feedback.findMany();
    expect(new Set(feedback.map((f) => f.kind))).toEqual(
      new Set(["CONCERN", "SAFETY", "SUGGESTION", "ENDORSEMENT"]),
    );
    expect(new Set(feedback.map((f) => f.status))).toEqual(
      new Set(["OPEN", "ACKNOWLEDGED", "RESPONDED", "CLOSED"]),
    );
    for (const item of feedback) {
      // Due from its logging, or from its author's reopening (FB-2, FB-3), by the trust's settings.
      expect(item.dueAt).toEqual(
        computeFeedbackDueAt({
          kind: item.kind,
          severity: item.severity,
          loggedAt: item.reopenedAt ?? item.createdAt,
          timeZone: TIME_ZONE,
          holidays,
          settings: organisation,
        }),
      );
      // Endorsements are acknowledged, which closes them, never answered (FB-1); a reopened
      // answer is kept beside the author's comment (FB-3).
      const answered =
        item.kind !== "ENDORSEMENT" &&
        (item.status === "RESPONDED" || item.status === "CLOSED" || item.reopenCount > 0);
      expect(item.closure, item.body).toBe(
        item.status !== "CLOSED"
          ? null
          : item.kind === "ENDORSEMENT"
            ? "ENDORSEMENT_ACKNOWLEDGED"
            : "ACCEPTED",
      );
      expect(item.respondedAt !== null && item.responseText !== null, item.body).toBe(answered);
      if (item.respondedById) {
        const project = projects.find((p) => p.id === item.projectId)!;
        const letter = project.raci.find((r) => r.userId === item.respondedById)?.letter;
        expect(["R", "A"], item.body).toContain(letter);
      }
    }
    const overdue = feedback.filter((f) => computeFeedbackSla(f, NOW).overdue);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.some((f) => f.kind === "SAFETY")).toBe(true);
  });

  it("has rebaselines in every status; approved ones moved the baseline and kept the previous values", async () => {
    const rebaselines = await db().rebaseline.findMany({ include: { project: true, milestone: true } });
    expect(new Set(rebaselines.map((r) => r.status))).toEqual(new Set(["REQUESTED", "APPROVED", "REJECTED"]));
    for (const r of rebaselines) {
      expect(r.decidedAt === null, r.reason).toBe(r.status === "REQUESTED");
      if (r.milestone) {
        expect(r.previousMilestoneDate, r.reason).not.toBeNull();
        if (r.status === "APPROVED")
          expect(day(r.milestone.baselineDate)).toBe(day(r.proposedMilestoneDate!));
        else expect(day(r.milestone.baselineDate)).toBe(day(r.previousMilestoneDate!));
      } else {
        expect(r.previousEndDate, r.reason).not.toBeNull();
        const current = r.status === "APPROVED" ? r.proposedEndDate : r.previousEndDate;
        expect(day(r.project.baselineEndDate), r.reason).toBe(day(current!));
        const budget = r.status === "APPROVED" ? r.proposedBudget : r.previousBudget;
        expect(r.project.baselineBudget.toString(), r.reason).toBe(budget!.toString());
      }
    }
  });

  it("has risks scored 1–5, decisions, and monthly costs on every project past PROPOSED", async () => {
    const risks = await db().risk.findMany();
    expect(risks.length).toBeGreaterThanOrEqual(40);
    for (const risk of risks) {
      expect(risk.likelihood).toBeGreaterThanOrEqual(1);
      expect(risk.impact).toBeLessThanOrEqual(5);
    }
    expect(await db().decision.count()).toBeGreaterThanOrEqual(8);
    const costs = await db().costEntry.findMany();
    for (const project of projects.filter((p) => p.stage !== "PROPOSED")) {
      expect(
        costs.some((c) => c.projectId === project.id),
        project.code,
      ).toBe(true);
    }
    for (const cost of costs) expect(cost.period.getUTCDate()).toBe(1);
  });

  it("writes the trust's settings and the stage gates: each project's history, one request waiting", async () => {
    const organisation = await db().organisation.findUniqueOrThrow({
      where: { id: 1 },
      include: { dutyExecutive: true },
    });
    expect(organisation.dutyExecutive?.email).toBe("executive@northbridge.example");
    expect(organisation.feedbackAcceptanceTimeoutDays).toBe(14);
    const requests = await db().stageGateRequest.findMany({ include: { project: true, requestedBy: true } });
    expect(
      requests.filter((r) => r.status === "REQUESTED").map((r) => [r.project.code, r.requestedBy.email]),
    ).toEqual([["DIG-10", "pm@northbridge.example"]]);
    for (const project of projects.filter((p) => p.stage !== "PROPOSED" && p.stage !== "CANCELLED")) {
      const approved = requests.filter((r) => r.projectId === project.id && r.status === "APPROVED");
      if (project.stage === "ON_HOLD" && project.heldFromStage === "PROPOSED") expect(approved).toEqual([]);
      else expect(approved.length, project.code).toBeGreaterThanOrEqual(1);
    }
    const users = await db().user.findMany({ where: { sroEligible: true } });
    expect(users.map((u) => u.role)).not.toContain("EXECUTIVE");
    expect(users.length).toBeGreaterThanOrEqual(1);
    expect(await db().costEntry.count({ where: { reversesId: { not: null } } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses to seed a second time and changes nothing", async () => {
    const before = await db().project.count();
    expect(await isSeeded(db())).toBe(true);
    await expect(seedDemoOrganisation(db(), { today: NOW })).rejects.toBeInstanceOf(AlreadySeededError);
    expect(await db().project.count()).toBe(before);
  });
});

describe("a seed that fails part-way", () => {
  let client: PrismaClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    await migrate({ url: database.url });
    client = createPrismaClient(database.url, 2);
    // A site already holding the acute hospital's code makes the seed collide after it has begun.
    await client.site.create({ data: { code: "NGH", name: "Somewhere else", kind: "Acute hospital" } });
  });

  afterAll(async () => {
    await client?.$disconnect();
    await drop?.();
  });

  it("leaves nothing half-written", async () => {
    await expect(seedDemoOrganisation(client, { today: NOW })).rejects.toThrow();
    expect(await client.user.count()).toBe(0);
    expect(await client.holiday.count()).toBe(0);
    expect(await client.organisation.count()).toBe(0);
  });
});

describe("the demo plan on any day", () => {
  // Days that stress calendars: year and financial-year ends, clock changes, a leap day, holidays.
  const instants = [
    "2025-01-01T00:30:00Z",
    "2025-03-30T01:30:00Z",
    "2025-03-31T23:30:00Z",
    "2025-10-26T00:30:00Z",
    "2025-12-25T12:00:00Z",
    "2026-04-01T08:00:00Z",
    "2026-06-30T23:59:00Z",
    "2027-08-30T12:00:00Z",
    "2028-02-29T12:00:00Z",
  ];

  it.each(instants)("on %s obeys the rules and records nothing in the future", (instant) => {
    const now = new Date(instant);
    const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
    const today = computeLocalDate(now, TIME_ZONE);
    const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
    for (const value of plan.metricValues) {
      const metric = metrics.get(value.metricId)!;
      const check = metricValueViolations({
        cadence: metric.cadence,
        periodStart: value.periodStart as Date,
        now,
        timeZone: TIME_ZONE,
        provisional: value.provisional === true,
      });
      expect(check).toEqual([]);
    }
    const stamps: unknown[] = [
      ...plan.metricValues.map((v) => v.recordedAt),
      ...plan.milestoneChanges.map((c) => c.changedAt),
      ...plan.feedback.flatMap((f) => [f.createdAt, f.acknowledgedAt, f.respondedAt, f.closedAt]),
      ...plan.rebaselines.flatMap((r) => [r.requestedAt, r.decidedAt]),
      ...plan.decisions.map((d) => d.decidedAt),
      ...plan.costEntries.map((c) => c.createdAt),
      ...plan.projects.map((p) => p.stageChangedAt),
    ];
    for (const stamp of stamps)
      if (stamp instanceof Date) expect(stamp.getTime()).toBeLessThanOrEqual(now.getTime());
    for (const milestone of plan.milestones) {
      if (milestone.actualDate)
        expect((milestone.actualDate as Date).getTime()).toBeLessThan(today.getTime());
    }
    const byMilestone = groupBy(plan.milestoneChanges, (c) => c.milestoneId);
    for (const milestone of plan.milestones) {
      const changes = byMilestone.get(milestone.id as string) ?? [];
      const moved = day(milestone.forecastDate as Date) !== day(milestone.baselineDate as Date);
      if (moved) expect(changes.length).toBeGreaterThan(0);
      const last = changes[changes.length - 1];
      if (last) expect(day(last.newDate as Date)).toBe(day(milestone.forecastDate as Date));
    }
    const accountable = groupBy(
      plan.raci.filter((r) => r.letter === "A"),
      (r) => r.projectId,
    );
    for (const project of plan.projects) expect(accountable.get(project.id as string)).toHaveLength(1);
  });

  it.each(instants)("on %s defines metrics the numbers rules accept (NUM-4, NUM-9)", (instant) => {
    const plan = buildDemoPlan({ now: new Date(instant), passwordHash: "not-a-real-hash" });
    const problems: string[] = [];
    for (const metric of plan.metrics) {
      for (const v of metricDefinitionViolations(metric)) problems.push(`${metric.name}: ${v.message}`);
      if (metric.projectId) {
        const serves = plan.alignments.some(
          (a) => a.projectId === metric.projectId && a.objectiveId === metric.objectiveId,
        );
        if (!serves) problems.push(`${metric.name}: feeds an objective its project is not aligned to`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(instants)("on %s ends no project before its open milestones (NUM-1)", (instant) => {
    const plan = buildDemoPlan({ now: new Date(instant), passwordHash: "not-a-real-hash" });
    const problems: string[] = [];
    const milestones = groupBy(plan.milestones, (m) => m.projectId);
    for (const project of plan.projects) {
      const forecastEnd = project.forecastEndDate as Date;
      const own = (milestones.get(project.id as string) ?? []).map((m) => ({
        title: m.title,
        status: (m.status ?? "NOT_STARTED") as MilestoneStatus,
        forecastDate: m.forecastDate as Date,
      }));
      for (const v of forecastEndViolations({ forecastEndDate: forecastEnd, milestones: own }))
        problems.push(`${project.code}: ${v.message}`);
    }
    expect(problems).toEqual([]);
  });
});

/** A project's gate facts as the plan would write them (rule 1). */
function planFacts(plan: SeedPlan, projectId: string): ProjectFacts {
  const project = plan.projects.find((p) => p.id === projectId)!;
  const users = new Map(plan.users.map((u) => [u.id as string, u]));
  return {
    kind: project.kind,
    stage: project.stage as ProjectStage,
    heldFrom: null,
    alignmentCount: plan.alignments.filter((a) => a.projectId === projectId).length,
    raci: plan.raci
      .filter((r) => r.projectId === projectId)
      .map((r) => {
        const user = users.get(r.userId)!;
        return {
          userId: r.userId,
          name: user.name,
          letter: r.letter,
          role: user.role,
          discipline: user.discipline,
          active: user.active !== false,
        };
      }),
    metrics: plan.metrics
      .filter((m) => m.projectId === projectId)
      .map((m) => ({
        name: m.name,
        baselineValue: m.baselineValue,
        targetValue: m.targetValue,
        hasFinalValue: false,
      })),
    milestones: plan.milestones
      .filter((m) => m.projectId === projectId)
      .map((m) => ({ title: m.title, status: (m.status ?? "NOT_STARTED") as MilestoneStatus })),
  };
}

const time = (value: unknown) => (value as Date).getTime();

describe("the demo plan's governance states", () => {
  const instants = [
    "2025-01-01T00:30:00Z",
    "2025-03-30T01:30:00Z",
    "2025-10-26T00:30:00Z",
    "2026-04-01T08:00:00Z",
    "2026-06-30T23:59:00Z",
    "2026-11-23T10:15:00Z",
    "2028-02-29T12:00:00Z",
  ];

  it.each(instants)(
    "on %s has a gate request waiting that the demo executive can approve (GATE-1, GATE-2)",
    (instant) => {
      const now = new Date(instant);
      const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
      const helen = plan.users.find((u) => u.email === "executive@northbridge.example")!;
      const aisha = plan.users.find((u) => u.email === "pm@northbridge.example")!;
      const dig10 = plan.projects.find((p) => p.code === "DIG-10")!;
      const letterOf = (userId: unknown) =>
        plan.raci.find((r) => r.projectId === dig10.id && r.userId === userId)?.letter ?? null;
      const waiting = plan.stageGateRequests.filter((r) => r.status === "REQUESTED");
      expect(waiting.map((r) => [r.projectId, r.requestedById, r.fromStage, r.toStage])).toEqual([
        [dig10.id, aisha.id, "PROPOSED", "APPROVED"],
      ]);
      const request = waiting[0]!;
      expect(letterOf(aisha.id)).toBe("R");
      const age = now.getTime() - time(request.requestedAt);
      expect(age).toBeGreaterThan(86_400_000);
      expect(age).toBeLessThan(7 * 86_400_000);
      const facts = planFacts(plan, dig10.id as string);
      expect(
        stageGateRequestViolations({ facts, toStage: "APPROVED", reason: request.reason, pending: null }),
      ).toEqual([]);
      expect(can("stageGate.decide", { role: helen.role, letter: letterOf(helen.id) })).toBe(true);
      expect(
        mayDecideStageGate({
          requestedById: request.requestedById,
          deciderId: helen.id as string,
          deciderLetter: letterOf(helen.id),
        }),
      ).toBe(true);
    },
  );

  it.each(instants)(
    "on %s reaches every stage through approved gates, decided by another executive (GATE-2, GATE-5)",
    (instant) => {
      const now = new Date(instant);
      const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
      const users = new Map(plan.users.map((u) => [u.id as string, u]));
      let scaled = 0;
      for (const project of plan.projects) {
        const approved = plan.stageGateRequests
          .filter((r) => r.projectId === project.id && r.status === "APPROVED")
          .sort((a, b) => time(a.decidedAt) - time(b.decidedAt));
        const reached = project.stage === "ON_HOLD" ? project.heldFromStage : project.stage;
        if (project.stage !== "CANCELLED")
          expect(approved.at(-1)?.toStage ?? "PROPOSED", project.code).toBe(reached);
        const last = approved.at(-1);
        if (last && last.toStage === project.stage)
          expect(last.decidedAt, project.code).toEqual(project.stageChangedAt);
        let from = "PROPOSED";
        for (const request of approved) {
          expect(request.fromStage, project.code).toBe(from);
          expect(time(request.requestedAt), project.code).toBeLessThan(time(request.decidedAt));
          expect(time(request.decidedAt), project.code).toBeLessThanOrEqual(now.getTime());
          const decider = users.get(request.decidedById as string)!;
          expect(decider.role, project.code).toBe("EXECUTIVE");
          const letter =
            plan.raci.find((r) => r.projectId === project.id && r.userId === decider.id)?.letter ?? null;
          expect(
            mayDecideStageGate({
              requestedById: request.requestedById,
              deciderId: decider.id as string,
              deciderLetter: letter,
            }),
            project.code,
          ).toBe(true);
          if (request.fromStage === "PILOT" && request.toStage === "ROLLOUT") {
            // The pilot's verdict came between its start and the request to roll out (GATE-5).
            const pilot = approved.find((r) => r.toStage === "PILOT")!;
            const firstDay = computeLocalDate(pilot.decidedAt as Date, TIME_ZONE).getTime();
            const verdicts = plan.decisions.filter(
              (d) =>
                d.projectId === project.id &&
                d.kind === "SCALE" &&
                computeLocalDate(d.decidedAt as Date, TIME_ZONE).getTime() >= firstDay &&
                time(d.decidedAt) < time(request.requestedAt),
            );
            expect(verdicts.length, project.code).toBeGreaterThanOrEqual(1);
            scaled++;
          }
          from = request.toStage;
        }
      }
      expect(scaled).toBeGreaterThanOrEqual(8);
      expect(plan.decisions.find((d) => d.title === "ePMA to proceed from pilot to rollout")?.kind).toBe(
        "SCALE",
      );
    },
  );

  it.each(instants)(
    "on %s closes the feedback loop: escalated, disputed and awaiting acceptance (FB-3 to FB-5)",
    (instant) => {
      const now = new Date(instant);
      const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
      const helen = plan.users.find((u) => u.email === "executive@northbridge.example")!;
      expect(plan.organisation.dutyExecutiveId).toBe(helen.id);
      expect(plan.organisation.feedbackAcceptanceTimeoutDays).toBe(14);
      const escalated = plan.feedback.filter(
        (f) =>
          f.kind === "SAFETY" &&
          computeFeedbackEscalation(
            {
              kind: f.kind,
              status: (f.status ?? "OPEN") as FeedbackStatus,
              dueAt: f.dueAt as Date,
              createdAt: f.createdAt as Date,
              reopenedAt: (f.reopenedAt as Date | null) ?? null,
            },
            now,
          ) === "DUTY_EXECUTIVE",
      );
      expect(escalated.length).toBeGreaterThanOrEqual(1);
      const disputed = plan.feedback.filter((f) => f.reopenCount === 1);
      expect(disputed.length).toBeGreaterThanOrEqual(1);
      const holidays = plan.holidays.map((h) => h.date as Date);
      for (const item of disputed) {
        expect(item.status).toBe("OPEN");
        expect(String(item.reopenComment).length).toBeGreaterThanOrEqual(20);
        expect(item.responseText).not.toBeNull();
        expect(time(item.respondedAt)).toBeLessThan(time(item.reopenedAt));
        expect(time(item.reopenedAt)).toBeLessThanOrEqual(now.getTime());
        // A fresh answer window from the reopening (FB-3).
        expect(item.dueAt).toEqual(
          computeFeedbackDueAt({
            kind: item.kind,
            severity: item.severity,
            loggedAt: item.reopenedAt as Date,
            timeZone: TIME_ZONE,
            holidays,
            settings: demoSettings(),
          }),
        );
      }
      expect(plan.feedback.some((f) => f.status === "RESPONDED" && f.kind !== "ENDORSEMENT")).toBe(true);
    },
  );

  it.each(instants)(
    "on %s shows stale and provisional figures for what they are (NUM-5, NUM-6)",
    (instant) => {
      const now = new Date(instant);
      const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
      const today = computeLocalDate(now, TIME_ZONE);
      const values = groupBy(plan.metricValues, (v) => v.metricId);
      const statuses = plan.metrics.map((m) => {
        const finals = (values.get(m.id as string) ?? []).filter((v) => !v.provisional);
        const latest = finals.sort((a, b) => time(b.periodStart) - time(a.periodStart))[0];
        return computeMetricStatus({
          direction: m.direction,
          amberThreshold: m.amberThreshold,
          redThreshold: m.redThreshold,
          cadence: m.cadence,
          latestFinal: latest ? { periodStart: latest.periodStart as Date, value: latest.value } : null,
          today,
        });
      });
      expect(statuses).toContain("NO_RECENT_DATA");
      const metrics = new Map(plan.metrics.map((m) => [m.id as string, m]));
      const current = plan.metricValues.filter((v) => {
        const metric = metrics.get(v.metricId)!;
        return (
          v.provisional === true &&
          time(v.periodStart) === computeCurrentPeriodStart(metric.cadence, now, TIME_ZONE).getTime()
        );
      });
      expect(current.length).toBeGreaterThanOrEqual(1);
      for (const value of current) {
        const input = {
          cadence: metrics.get(value.metricId)!.cadence,
          periodStart: value.periodStart as Date,
          now,
          timeZone: TIME_ZONE,
        };
        expect(metricValueViolations({ ...input, provisional: true })).toEqual([]);
        expect(metricValueViolations(input)).not.toEqual([]);
        expect(computeLocalDate(value.recordedAt as Date, TIME_ZONE)).toEqual(today);
      }
    },
  );

  it.each(instants)(
    "on %s has an SRO-eligible Accountable and a corrected invoice (ACC-1, FRAME-6)",
    (instant) => {
      const plan = buildDemoPlan({ now: new Date(instant), passwordHash: "not-a-real-hash" });
      const users = new Map(plan.users.map((u) => [u.id as string, u]));
      const accountables = plan.raci.filter((r) => r.letter === "A").map((r) => users.get(r.userId)!);
      const candidate = (u: (typeof accountables)[number]) => ({
        role: u.role,
        active: u.active !== false,
        sroEligible: u.sroEligible === true,
      });
      for (const user of accountables) expect(canBeAccountable(candidate(user)), user.name).toBe(true);
      expect(accountables.some((u) => u.role !== "EXECUTIVE" && u.sroEligible === true)).toBe(true);
      const aisha = plan.users.find((u) => u.email === "pm@northbridge.example")!;
      expect(plan.raci.filter((r) => r.userId === aisha.id).map((r) => r.letter)).not.toContain("A");

      const reversals = plan.costEntries.filter((c) => c.reversesId);
      expect(reversals.length).toBeGreaterThanOrEqual(1);
      for (const reversal of reversals) {
        const entry = plan.costEntries.find((c) => c.id === reversal.reversesId)!;
        expect(reversal.amount).toBe(negateMoney(String(entry.amount)));
        expect(reversal.period).toEqual(entry.period);
        expect(reversal.projectId).toBe(entry.projectId);
        expect(
          costReversalViolations({
            entry: { amount: String(entry.amount), period: entry.period as Date, reversesId: null },
            alreadyReversed: false,
            reason: reversal.description,
          }),
        ).toEqual([]);
      }
    },
  );
});

describe("the seed's governance check", () => {
  const now = NOW;
  const plan = buildDemoPlan({ now, passwordHash: "not-a-real-hash" });
  const context = {
    now,
    timeZone: TIME_ZONE,
    holidays: plan.holidays.map((h) => h.date as Date),
    settings: demoSettings(),
  };
  const problems = (changed: Partial<SeedPlan>) => governanceProblems({ ...plan, ...changed }, context);

  it("passes the demo as built", () => {
    expect(governanceProblems(plan, context)).toEqual([]);
  });

  it("names a rollout without a decision to scale (GATE-5) and a gate passed by its requester (GATE-2)", () => {
    expect(problems({ decisions: plan.decisions.filter((d) => d.kind !== "SCALE") })).toContainEqual(
      expect.stringContaining("No decision to scale"),
    );
    expect(
      problems({
        stageGateRequests: plan.stageGateRequests.map((g) => ({ ...g, decidedById: g.requestedById })),
      }),
    ).toContainEqual(expect.stringContaining("You requested this stage gate"));
  });

  it("names an ineligible Accountable (ACC-1) and a project ending before its milestones (NUM-1)", () => {
    expect(problems({ users: plan.users.map((u) => ({ ...u, sroEligible: false })) })).toContainEqual(
      expect.stringContaining("may not be Accountable (ACC-1)"),
    );
    const live = plan.projects.find((p) => p.stage === "ROLLOUT")!;
    expect(
      problems({
        projects: plan.projects.map((p) => (p.id === live.id ? { ...p, forecastEndDate: p.startDate } : p)),
      }),
    ).toContainEqual(expect.stringContaining("the project cannot end before its open milestones"));
  });

  it("names a rebaseline decided by its requester (REB-2) and a reversal of the wrong amount (FRAME-6)", () => {
    expect(
      problems({
        rebaselines: plan.rebaselines.map((r) =>
          r.decidedById ? { ...r, decidedById: r.requestedById } : r,
        ),
      }),
    ).toContainEqual(expect.stringContaining("You requested this rebaseline"));
    expect(
      problems({ costEntries: plan.costEntries.map((c) => (c.reversesId ? { ...c, amount: "-1.00" } : c)) }),
    ).toContainEqual(expect.stringContaining("not the opposite of its entry"));
  });
});
