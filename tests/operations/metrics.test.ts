import { beforeAll, describe, expect, it } from "vitest";
import type { Cadence } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computeNextPeriodStart, computePeriodStart } from "@/lib/domain/metrics";
import {
  correctMetricValue,
  defineMetric,
  recordMetricValue,
  updateMetric,
} from "@/lib/server/operations/metrics";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Metric", "MetricValue", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const iso = (date: Date) => date.toISOString().slice(0, 10);
const thisMonth = () => computePeriodStart("MONTHLY", computeLocalDate(new Date(), "Europe/London"));
/** First day of the month `n` months before this one (negative: after). */
function monthsAgo(n: number): string {
  const start = thisMonth();
  return iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - n, 1)));
}

let pm: Actor; // R on the project
let sponsor: Actor; // A on the project, a project manager by role
let pmo: Actor;
let executive: Actor; // owns the objective, no letter on the project
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor; // I on the project
let ownerChampion: Actor; // a clinical champion with no letter, named owner of some metrics
let inactiveUserId: string;
let projectId: string;
let closedProjectId: string;
let objectiveId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const site = await make.createSite();
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  otherPm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  ownerChampion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  inactiveUserId = (await make.createUser({ active: false })).id;
  objectiveId = (await make.createObjective({ ownerId: executive.id })).id;
  const raci = [
    { userId: pm.id, letter: "R" as const },
    { userId: sponsor.id, letter: "A" as const },
    { userId: champion.id, letter: "C" as const },
    { userId: viewer.id, letter: "I" as const },
  ];
  // Both serve the objective, so their metrics may feed it (NUM-9).
  const alignments = [{ objectiveId }];
  projectId = (await make.createProject({ siteId: site.id, raci, alignments })).id;
  closedProjectId = (await make.createProject({ siteId: site.id, stage: "CLOSED", raci, alignments })).id;
});

/** What a metric form submits: every value a string. */
function form(overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    objectiveId,
    name: "Sepsis screening within one hour",
    description: "",
    category: "QUALITY_SAFETY",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    baselineValue: "72",
    targetValue: "95",
    targetDate: "2027-03-31",
    amberThreshold: "90",
    redThreshold: "80",
    ownerId: pm.id,
    cadence: "MONTHLY",
    focus: "OPERATIONS",
    ...overrides,
  };
}

async function metricRow(
  overrides: Partial<{ projectId: string | null; ownerId: string; cadence: Cadence; active: boolean }> = {},
) {
  return db().metric.create({
    data: {
      name: "Discharges before noon",
      category: "OPERATIONAL_EFFICIENCY",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      baselineValue: 18,
      targetValue: 35,
      targetDate: make.day("2027-03-31"),
      amberThreshold: 30,
      redThreshold: 22,
      ownerId: overrides.ownerId ?? pm.id,
      cadence: overrides.cadence ?? "MONTHLY",
      objectiveId,
      projectId: overrides.projectId === undefined ? projectId : overrides.projectId,
      active: overrides.active ?? true,
    },
  });
}

async function valueRow(metricId: string, periodStart: string, value = 24.5) {
  return db().metricValue.create({
    data: {
      metricId,
      periodStart: make.day(periodStart),
      value,
      recordedById: pm.id,
      recordedAt: new Date("2025-01-06T09:30:00.000Z"),
    },
  });
}

const auditEventsFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId } });

describe("defineMetric", () => {
  it("lets the project's R define a metric from form strings, audited once", async () => {
    const result = await defineMetric(pm, form());
    expect(result).toMatchObject({ ok: true, data: { version: 0 } });
    if (!result.ok) return;
    const saved = await db().metric.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      projectId,
      objectiveId,
      baselineValue: 72,
      targetValue: 95,
      amberThreshold: 90,
      redThreshold: 80,
      description: null,
      focus: "OPERATIONS",
      cadence: "MONTHLY",
    });
    expect(iso(saved.targetDate)).toBe("2027-03-31");
    const events = await auditEventsFor(saved.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "metric.define", entityType: "Metric", actorId: pm.id });
  });

  it("lets an executive define an objective-level metric (the form's empty project)", async () => {
    const result = await defineMetric(
      executive,
      form({ projectId: "", ownerId: executive.id, focus: undefined }),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const saved = await db().metric.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ projectId: null, focus: "LEADERSHIP" });
    expect(await auditEventsFor(saved.id)).toHaveLength(1);
  });

  it.each([
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project", () => champion],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => defineMetric(who(), form()));
  });

  it("refuses an objective-level metric from a project manager: no project, no letter to lean on", async () => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => defineMetric(pm, form({ projectId: "" })));
  });

  it("refuses a target that is no improvement on the baseline, beside the target (NUM-4)", async () => {
    for (const targetValue of ["60", "72"]) {
      const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
        defineMetric(pm, form({ targetValue })),
      );
      expect(refused.fieldErrors?.targetValue?.[0]).toMatch(/must be above the baseline \(72\)/);
    }
  });

  it("refuses thresholds inconsistent with the baseline and target, beside the threshold to fix (NUM-4)", async () => {
    const backwards = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(pm, form({ amberThreshold: "85", redThreshold: "90" })),
    );
    expect(backwards.fieldErrors?.redThreshold?.[0]).toMatch(/wrong way round/);
    const greenAtBaseline = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(pm, form({ amberThreshold: "70", redThreshold: "60" })),
    );
    expect(greenAtBaseline.fieldErrors?.amberThreshold?.[0]).toMatch(
      /At the baseline \(72\) the metric would already be green/,
    );
    const notGreenAtTarget = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(pm, form({ amberThreshold: "96" })),
    );
    expect(notGreenAtTarget.fieldErrors?.amberThreshold?.[0]).toMatch(
      /Meeting the target \(95\) would still show amber or red/,
    );
    const lowerIsBetter = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(
        pm,
        form({
          direction: "LOWER_IS_BETTER",
          baselineValue: "9",
          targetValue: "7",
          amberThreshold: "9.5",
          redThreshold: "10",
        }),
      ),
    );
    expect(lowerIsBetter.fieldErrors?.amberThreshold?.[0]).toMatch(/below the baseline/);
  });

  it("refuses a project metric feeding an objective the project does not serve, beside the objective (NUM-9)", async () => {
    const other = await make.createObjective({ ownerId: executive.id, code: "SO-NUM9", title: "Cut waits" });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(pm, form({ objectiveId: other.id })),
    );
    expect(refused.fieldErrors?.objectiveId).toEqual([
      "The project is not aligned to SO-NUM9 “Cut waits”: choose an objective the project serves, or align the project to this one first",
    ]);
    // An objective-level metric may feed any objective.
    expect(
      await defineMetric(executive, form({ projectId: "", ownerId: executive.id, objectiveId: other.id })),
    ).toMatchObject({ ok: true });
  });

  it("refuses bad input with field errors: blank is not zero, and words are not numbers", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      defineMetric(pm, form({ name: " ", baselineValue: "", targetValue: "ninety", cadence: "DAILY" })),
    );
    expect(refused.fieldErrors?.baselineValue).toEqual(["Enter the baseline"]);
    expect(refused.fieldErrors?.targetValue?.[0]).toMatch(/as a number/);
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["name", "baselineValue", "targetValue", "cadence"]),
    );
  });

  it("refuses an inactive owner beside the owner field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      defineMetric(pm, form({ ownerId: inactiveUserId })),
    );
    expect(refused.fieldErrors?.ownerId).toBeDefined();
  });

  it("refuses an unknown project or objective", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      defineMetric(pmo, form({ projectId: UNKNOWN })),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      defineMetric(pmo, form({ objectiveId: UNKNOWN })),
    );
  });

  it("refuses a new metric on a closed project", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      defineMetric(pm, form({ projectId: closedProjectId })),
    );
  });
});

describe("updateMetric", () => {
  it("saves the whole form against the version it was read at, audited with before and after", async () => {
    const metric = await metricRow();
    const result = await updateMetric(sponsor, {
      ...form({
        name: "Discharges before 11:00",
        baselineValue: "18",
        targetValue: "40",
        amberThreshold: "30",
        redThreshold: "22",
      }),
      metricId: metric.id,
      version: "0",
    });
    expect(result).toMatchObject({ ok: true, data: { id: metric.id, version: 1 } });
    const saved = await db().metric.findUniqueOrThrow({ where: { id: metric.id } });
    expect(saved).toMatchObject({ name: "Discharges before 11:00", targetValue: 40, projectId, version: 1 });
    const events = await auditEventsFor(metric.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "metric.update", actorId: sponsor.id });
    expect(events[0]?.before).toMatchObject({ name: "Discharges before noon", version: 0 });
    expect(events[0]?.after).toMatchObject({ name: "Discharges before 11:00", version: 1 });
  });

  it("refuses someone who is not R or A, and a viewer", async () => {
    const metric = await metricRow();
    for (const who of [otherPm, viewer, champion]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        updateMetric(who, { ...form(), metricId: metric.id, version: 0 }),
      );
    }
  });

  it("refuses a stale version with CONFLICT", async () => {
    const metric = await metricRow();
    await db().metric.update({ where: { id: metric.id }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      updateMetric(pm, { ...form(), metricId: metric.id, version: 0 }),
    );
  });

  it("refuses a cadence change once values are in, and an unsound definition", async () => {
    const metric = await metricRow();
    await valueRow(metric.id, monthsAgo(2));
    const locked = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateMetric(pm, { ...form({ cadence: "WEEKLY" }), metricId: metric.id, version: 0 }),
    );
    expect(locked.fieldErrors?.cadence?.[0]).toMatch(/cadence can no longer change/);
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateMetric(pm, { ...form({ direction: "LOWER_IS_BETTER" }), metricId: metric.id, version: 0 }),
    );
  });

  it("refuses moving a project metric to an objective the project does not serve (NUM-9)", async () => {
    const metric = await metricRow();
    const other = await make.createObjective({ ownerId: executive.id });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateMetric(pm, { ...form({ objectiveId: other.id }), metricId: metric.id, version: 0 }),
    );
    expect(refused.fieldErrors?.objectiveId?.[0]).toMatch(/The project is not aligned to/);
  });

  it("refuses an edit that leaves the metric green at its baseline, beside the amber threshold (NUM-4)", async () => {
    const metric = await metricRow();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateMetric(pm, {
        ...form({ amberThreshold: "72", redThreshold: "60" }),
        metricId: metric.id,
        version: 0,
      }),
    );
    expect(refused.fieldErrors?.amberThreshold).toBeDefined();
  });

  it("refuses a form with a field left out rather than resetting it", async () => {
    const metric = await metricRow();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateMetric(pm, { ...form({ focus: undefined }), metricId: metric.id, version: 0 }),
    );
    expect(refused.fieldErrors?.focus).toBeDefined();
  });

  it("refuses an unknown metric", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      updateMetric(pmo, { ...form(), metricId: UNKNOWN, version: 0 }),
    );
  });
});

describe("recordMetricValue", () => {
  it("records last period's value for the R, keeping who recorded it, audited once", async () => {
    const metric = await metricRow();
    const result = await recordMetricValue(pm, {
      metricId: metric.id,
      periodStart: monthsAgo(1),
      value: "27.5",
      note: "Includes the new discharge lounge",
    });
    expect(result).toMatchObject({ ok: true, data: { version: 0 } });
    if (!result.ok) return;
    const saved = await db().metricValue.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      value: 27.5,
      recordedById: pm.id,
      note: "Includes the new discharge lounge",
      provisional: false,
    });
    expect(iso(saved.periodStart)).toBe(monthsAgo(1));
    const events = await auditEventsFor(saved.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "metric_value.record", entityType: "MetricValue" });
  });

  it("lets the named owner of an objective-level metric record without a letter: no project, no R or A", async () => {
    const objectiveMetric = await metricRow({ ownerId: ownerChampion.id, projectId: null });
    const result = await recordMetricValue(ownerChampion, {
      metricId: objectiveMetric.id,
      periodStart: monthsAgo(1),
      value: "31",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await db().metricValue.count({ where: { recordedById: ownerChampion.id } })).toBe(1);
  });

  it("refuses a project metric's named owner who is not R or A of the project (rule 3)", async () => {
    const projectMetric = await metricRow({ ownerId: ownerChampion.id });
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      recordMetricValue(ownerChampion, {
        metricId: projectMetric.id,
        periodStart: monthsAgo(1),
        value: "31",
      }),
    );
    const value = await valueRow(projectMetric.id, monthsAgo(2));
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      correctMetricValue(ownerChampion, {
        metricValueId: value.id,
        version: 0,
        value: "26",
        reason: "The ward census was entered twice",
      }),
    );
  });

  it("lets the PMO record on any metric", async () => {
    const metric = await metricRow({ projectId: null });
    expect(
      await recordMetricValue(pmo, { metricId: metric.id, periodStart: monthsAgo(3), value: 20 }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project but not its owner", () => champion],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const metric = await metricRow();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      recordMetricValue(who(), { metricId: metric.id, periodStart: monthsAgo(1), value: "25" }),
    );
  });

  it("refuses a project manager on an objective-level metric they do not own", async () => {
    const metric = await metricRow({ projectId: null, ownerId: executive.id });
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      recordMetricValue(pm, { metricId: metric.id, periodStart: monthsAgo(1), value: "25" }),
    );
  });

  it("refuses a period that has not begun, and a day that does not start a period (rule 7)", async () => {
    const metric = await metricRow();
    const future = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(pm, { metricId: metric.id, periodStart: monthsAgo(-1), value: "25" }),
    );
    expect(future.fieldErrors?.periodStart?.[0]).toMatch(/has not begun yet/);
    const midMonth = iso(new Date(make.day(monthsAgo(1)).getTime() + 14 * 86_400_000));
    const misaligned = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(pm, { metricId: metric.id, periodStart: midMonth, value: "25" }),
    );
    expect(misaligned.fieldErrors?.periodStart?.[0]).toMatch(/first day of a month/);
  });

  it("takes this week's value only as provisional, and next week's not at all (NUM-5)", async () => {
    const metric = await metricRow({ cadence: "WEEKLY" });
    const week = computePeriodStart("WEEKLY", computeLocalDate(new Date(), "Europe/London"));
    const nextWeek = computeNextPeriodStart("WEEKLY", week);
    const notEnded = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(pm, { metricId: metric.id, periodStart: iso(week), value: "19" }),
    );
    expect(notEnded.fieldErrors?.periodStart?.[0]).toMatch(/has not ended yet.*mark the value provisional/);
    const result = await recordMetricValue(pm, {
      metricId: metric.id,
      periodStart: iso(week),
      value: "19",
      provisional: "on",
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(await db().metricValue.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
      provisional: true,
      value: 19,
    });
    expect(await auditEventsFor(result.data.id)).toHaveLength(1);
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(pm, {
        metricId: metric.id,
        periodStart: iso(nextWeek),
        value: "19",
        provisional: "on",
      }),
    );
  });

  it("refuses a second value for the same period with a readable RULE, pointing to correction", async () => {
    const metric = await metricRow();
    await valueRow(metric.id, monthsAgo(1));
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(sponsor, { metricId: metric.id, periodStart: monthsAgo(1), value: "26" }),
    );
    expect(refused.message).toMatch(/already recorded: correct that value/);
    expect(refused.fieldErrors?.periodStart).toBeDefined();
  });

  it("lets exactly one of two concurrent recordings of one period in; the other gets the same RULE", async () => {
    const metric = await metricRow();
    const results = await Promise.all([
      recordMetricValue(pm, { metricId: metric.id, periodStart: monthsAgo(4), value: "21" }),
      recordMetricValue(sponsor, { metricId: metric.id, periodStart: monthsAgo(4), value: "22" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ code: "RULE", message: expect.stringMatching(/already recorded/) }),
    ]);
    expect(await db().metricValue.count({ where: { metricId: metric.id } })).toBe(1);
    const saved = await db().metricValue.findFirstOrThrow({ where: { metricId: metric.id } });
    expect(
      await db().auditEvent.count({ where: { action: "metric_value.record", entityId: saved.id } }),
    ).toBe(1);
  });

  it("refuses bad input with field errors", async () => {
    const metric = await metricRow();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordMetricValue(pm, { metricId: metric.id, periodStart: "01/03/2025", value: "" }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["periodStart", "value"]));
  });

  it("refuses an unknown metric and a retired one", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      recordMetricValue(pmo, { metricId: UNKNOWN, periodStart: monthsAgo(1), value: "1" }),
    );
    const retired = await metricRow({ active: false });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordMetricValue(pm, { metricId: retired.id, periodStart: monthsAgo(1), value: "1" }),
    );
  });
});

describe("correctMetricValue", () => {
  const reason = "Source report re-run after late ward returns";

  it("corrects the figure, keeps who recorded it and when, and audits before, after and why", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(2), 24.5);
    const result = await correctMetricValue(pmo, {
      metricValueId: value.id,
      version: "0",
      value: "26.1",
      note: "Late returns from ward 9",
      reason,
    });
    expect(result).toMatchObject({ ok: true, data: { id: value.id, version: 1 } });
    const saved = await db().metricValue.findUniqueOrThrow({ where: { id: value.id } });
    expect(saved).toMatchObject({
      value: 26.1,
      note: "Late returns from ward 9",
      recordedById: pm.id,
      version: 1,
    });
    expect(saved.recordedAt.toISOString()).toBe(value.recordedAt.toISOString());
    const events = await auditEventsFor(value.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "metric_value.correct", actorId: pmo.id });
    expect(events[0]?.before).toMatchObject({ value: 24.5, version: 0 });
    expect(events[0]?.after).toMatchObject({ value: 26.1, version: 1, reason });
  });

  it("refuses someone who may not record values for the metric", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(2));
    for (const who of [otherPm, champion, viewer]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        correctMetricValue(who, { metricValueId: value.id, version: 0, value: "30", reason }),
      );
    }
  });

  it("refuses a stale version with CONFLICT", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(2));
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      correctMetricValue(pm, { metricValueId: value.id, version: 3, value: "30", reason }),
    );
  });

  it("refuses a correction without a meaningful reason, or one that changes nothing", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(2), 24.5);
    const noReason = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      correctMetricValue(pm, { metricValueId: value.id, version: 0, value: "30", reason: "" }),
    );
    expect(noReason.fieldErrors?.reason).toBeDefined();
    const unchanged = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      correctMetricValue(pm, { metricValueId: value.id, version: 0, value: "24.5", reason }),
    );
    expect(unchanged.fieldErrors?.value).toBeDefined();
  });

  it("makes a provisional value final once its period has ended, audited once (NUM-5)", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(1), 24.5);
    await db().metricValue.update({ where: { id: value.id }, data: { provisional: true } });
    const result = await correctMetricValue(pm, {
      metricValueId: value.id,
      version: 0,
      value: "24.5",
      final: "on",
      reason: "Month-end data complete and checked",
    });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await db().metricValue.findUniqueOrThrow({ where: { id: value.id } })).toMatchObject({
      provisional: false,
      value: 24.5,
    });
    const events = await auditEventsFor(value.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toMatchObject({ provisional: true });
    expect(events[0]?.after).toMatchObject({ provisional: false });
  });

  it("refuses to make a value final before its period has ended, beside the final box (NUM-5)", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(0), 24.5);
    await db().metricValue.update({ where: { id: value.id }, data: { provisional: true } });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      correctMetricValue(pm, {
        metricValueId: value.id,
        version: 0,
        value: "25",
        final: true,
        reason: "Month-end data complete and checked",
      }),
    );
    expect(refused.fieldErrors?.final?.[0]).toMatch(/has not ended yet: the value stays provisional/);
  });

  it("refuses bad input with field errors, and an unknown value", async () => {
    const metric = await metricRow();
    const value = await valueRow(metric.id, monthsAgo(2));
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      correctMetricValue(pm, { metricValueId: value.id, version: 0, value: "about 30", reason }),
    );
    expect(refused.fieldErrors?.value).toBeDefined();
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      correctMetricValue(pm, { metricValueId: UNKNOWN, version: 0, value: "30", reason }),
    );
  });
});
