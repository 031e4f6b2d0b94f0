// The demo seed against a real migrated database, judged by the same pure rules the app enforces:
// if a screen would show a governance gap on a project the seed calls healthy, this fails first.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/demo-users";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { buildDemoPlan } from "@/lib/db/seed/plan";
import { AlreadySeededError, isSeeded, seedDemoOrganisation } from "@/lib/db/seed/seed";
import { computeObjectiveCoverage, isLiveProject } from "@/lib/domain/alignment";
import { computeEarliestFinalPeriod } from "@/lib/domain/benefits-review";
import { computeFeedbackDueAt, computeFeedbackSla } from "@/lib/domain/feedback-sla";
import { metricDefinitionViolations, metricValueViolations } from "@/lib/domain/metrics";
import { computeLocalDate } from "@/lib/domain/milestones";
import { type RaciEntry, raciGaps } from "@/lib/domain/raci";
import { forecastEndViolations } from "@/lib/domain/schedule";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { closureGaps, type ProjectFacts, stageMoveGaps } from "@/lib/domain/stage-gates";
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
    const feedback = await db().feedback.findMany();
    expect(new Set(feedback.map((f) => f.kind))).toEqual(
      new Set(["CONCERN", "SAFETY", "SUGGESTION", "ENDORSEMENT"]),
    );
    expect(new Set(feedback.map((f) => f.status))).toEqual(
      new Set(["OPEN", "ACKNOWLEDGED", "RESPONDED", "CLOSED"]),
    );
    for (const item of feedback) {
      expect(item.dueAt).toEqual(
        computeFeedbackDueAt({
          kind: item.kind,
          severity: item.severity,
          loggedAt: item.createdAt,
          timeZone: TIME_ZONE,
          holidays,
          settings: DEFAULT_SETTINGS,
        }),
      );
      // Endorsements are acknowledged, which closes them, never answered (FB-1).
      const answered =
        item.kind !== "ENDORSEMENT" && (item.status === "RESPONDED" || item.status === "CLOSED");
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
