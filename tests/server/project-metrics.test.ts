// The metrics tab's read: each active metric with its latest final value and the status the one
// rule gives it (docs/governance-rules.md NUM-6: a stale value shows "no recent data", not a
// colour; NUM-5: a provisional value never colours it nor counts as the latest), its recent values
// newest first, and the periods a value may still be recorded for.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { computeXmR } from "@/lib/domain/spc";
import { clockAt } from "@/lib/server/dates";
import { getProjectMetrics, RECENT_VALUES } from "@/lib/server/project-metrics";
import { useMigratedDatabase } from "../support/test-database";
import { createMilestone, createObjective, createProject, createSite, createUser, day } from "./fixtures";

useMigratedDatabase();

// 10 March 2026: March is under way, February has ended.
const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");
let projectId = "";

/** The first of each month from `from` for `count` months, as calendar days. */
function months(from: string, count: number): Date[] {
  const start = day(from);
  return Array.from(
    { length: count },
    (_, i) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)),
  );
}

beforeAll(async () => {
  const site = await createSite();
  const exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const pm = await createUser({ name: "Aisha Okafor" });
  await createUser({ name: "Tom Whitfield", role: "VIEWER" });
  await createUser({ name: "Left Last Year", active: false });
  const harm = await createObjective({ ownerId: exec.id, code: "SO-01", title: "Reduce avoidable harm" });
  const digital = await createObjective({ ownerId: exec.id, code: "SO-06", title: "Digitally enabled care" });
  await createObjective({ ownerId: exec.id, code: "SO-02", title: "Not this project's" });
  const project = await createProject({
    siteId: site.id,
    stage: "ROLLOUT",
    startDate: "2025-06-01",
    alignments: [{ objectiveId: digital.id }, { objectiveId: harm.id, contribution: "SUPPORTING" }],
  });
  projectId = project.id;

  const metric = (name: string, objectiveId: string, active = true) =>
    db().metric.create({
      data: {
        name,
        category: "QUALITY_SAFETY",
        unit: "per 1,000 doses",
        direction: "LOWER_IS_BETTER",
        baselineValue: 2.4,
        targetValue: 1.5,
        targetDate: day("2027-03-31"),
        amberThreshold: 1.8,
        redThreshold: 2.2,
        ownerId: pm.id,
        cadence: "MONTHLY",
        objectiveId,
        projectId,
        active,
      },
    });
  const values = (metricId: string, rows: { periodStart: Date; value: number; provisional?: boolean }[]) =>
    db().metricValue.createMany({ data: rows.map((r) => ({ metricId, recordedById: pm.id, ...r })) });

  const errors = await metric("Medication administration errors", harm.id);
  await values(errors.id, [
    { periodStart: day("2026-01-01"), value: 2.3 },
    { periodStart: day("2026-02-01"), value: 2.0 },
    // March has not ended on 10 March: provisional, so it neither colours nor replaces February.
    { periodStart: day("2026-03-01"), value: 1.4, provisional: true },
  ]);
  // Last recorded for December: January's figure was due by 10 February (NUM-6).
  const stale = await metric("Missed doses", digital.id);
  await values(stale.id, [{ periodStart: day("2025-12-01"), value: 1.5 }]);
  // Fourteen months of history: the newest twelve show, the two before them are "earlier".
  const history = await metric("Omitted critical medicines", digital.id);
  await values(
    history.id,
    months("2024-12-01", 14).map((periodStart) => ({ periodStart, value: 1.6 })),
  );
  // One value from long before the picker's two-year look-back: still its latest final value.
  const ancient = await metric("Allergy status recorded", digital.id);
  await values(ancient.id, [{ periodStart: day("2023-01-01"), value: 1.7 }]);
  // Go-lives for the SPC charts: only done milestones, within a chart's span, are marked.
  await createMilestone({ projectId, title: "Wards 1-4 live", baselineDate: "2026-02-10", status: "DONE" });
  await createMilestone({ projectId, title: "Before any value", baselineDate: "2024-06-10", status: "DONE" });
  await createMilestone({ projectId, title: "After February", baselineDate: "2026-03-02", status: "DONE" });
  await createMilestone({
    projectId,
    title: "Not done yet",
    baselineDate: "2026-01-20",
    status: "IN_PROGRESS",
  });
  const retired = await metric("A retired measure", harm.id, false);
  await values(retired.id, [{ periodStart: day("2026-02-01"), value: 1.0 }]);
});

const read = async () => (await getProjectMetrics(projectId, CLOCK))!;
const named = async (name: string) => (await read()).metrics.find((m) => m.name === name);

describe("a project's metrics", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectMetrics("6f1c1f0e-0000-4000-8000-000000000000", CLOCK)).toBeNull();
  });

  it("lists active metrics by name with the objective each feeds", async () => {
    const project = await read();
    expect(project.metrics.map((m) => [m.name, m.objective.code])).toEqual([
      ["Allergy status recorded", "SO-06"],
      ["Medication administration errors", "SO-01"],
      ["Missed doses", "SO-06"],
      ["Omitted critical medicines", "SO-06"],
    ]);
    // Only the objectives the project serves may be fed by a new metric (NUM-9), and only people
    // who can act may own one.
    expect(project.alignedObjectives.map((o) => o.code)).toEqual(["SO-01", "SO-06"]);
    expect(project.people.map((p) => p.name)).toEqual(["Aisha Okafor", "Dr Helen Ashworth"]);
  });

  it("colours a metric by its latest final value, never by a newer provisional one (NUM-5)", async () => {
    const errors = await named("Medication administration errors");
    // 2.0 per 1,000 is amber (amber from 1.8, red from 2.2); March's provisional 1.4 would be green.
    expect(errors).toMatchObject({ latest: { periodStart: "2026-02-01", value: 2 }, status: "AMBER" });
    expect(errors?.values.map((v) => [v.periodStart, v.value, v.provisional, v.periodEnded])).toEqual([
      ["2026-03-01", 1.4, true, false],
      ["2026-02-01", 2, false, true],
      ["2026-01-01", 2.3, false, true],
    ]);
    expect(errors?.values[0]).toMatchObject({ recordedByName: "Aisha Okafor", version: 0 });
  });

  it("shows no recent data, not a colour, once the latest final value is past its cadence (NUM-6)", async () => {
    // 1.5 would be green; December's value no longer says anything about March.
    expect(await named("Missed doses")).toMatchObject({
      latest: { periodStart: "2025-12-01", value: 1.5 },
      status: "NO_RECENT_DATA",
      hasValues: true,
    });
    // Its latest final value is found even from before the two-year look-back.
    expect(await named("Allergy status recorded")).toMatchObject({
      latest: { periodStart: "2023-01-01", value: 1.7 },
      status: "NO_RECENT_DATA",
      values: [],
      earlierValues: [],
      hasValues: true,
    });
  });

  it("shows the newest values and keeps the older ones apart", async () => {
    const history = await named("Omitted critical medicines");
    expect(history?.values).toHaveLength(RECENT_VALUES);
    expect(history?.values[0]?.periodStart).toBe("2026-01-01");
    expect(history?.earlierValues.map((v) => v.periodStart)).toEqual(["2025-01-01", "2024-12-01"]);
  });

  it("offers the period under way (provisional) first, then ended periods lacking a value, newest first", async () => {
    const stale = await named("Missed doses");
    expect(stale?.openPeriods.slice(0, 4)).toEqual([
      { periodStart: "2026-03-01", current: true },
      { periodStart: "2026-02-01", current: false },
      { periodStart: "2026-01-01", current: false },
      { periodStart: "2025-11-01", current: false },
    ]);
    // Values are expected from the project's start (June 2025), December being recorded.
    expect(stale?.openPeriods.at(-1)).toEqual({ periodStart: "2025-06-01", current: false });
    expect(stale?.openPeriods).toHaveLength(9);
    // March already has a provisional value: only ended gaps are offered, from the project's start.
    const errors = await named("Medication administration errors");
    expect(errors?.openPeriods.map((p) => p.periodStart)).toEqual(
      months("2025-06-01", 7)
        .reverse()
        .map((d) => d.toISOString().slice(0, 10)),
    );
  });
});

describe("a metric's SPC chart (issue 12, docs/spc.md)", () => {
  it("plots the final values in period order, never a provisional one (NUM-5)", async () => {
    const errors = await named("Medication administration errors");
    expect(errors?.spc.values).toEqual([
      { periodStart: "2026-01-01", value: 2.3 },
      { periodStart: "2026-02-01", value: 2 },
    ]);
    expect(errors?.spc.chart).toEqual(computeXmR([2.3, 2], { direction: "LOWER_IS_BETTER" }));
    // Mean 2.15, limits 2.15 ± 2.66 × 0.3 = 1.352 to 2.948: the target 1.5 lies inside them.
    expect(errors?.spc).toMatchObject({ variation: "COMMON_CAUSE", assurance: "HIT_AND_MISS" });
    // Every final value, even those before the picker's look-back or beyond the recent twelve.
    const history = await named("Omitted critical medicines");
    expect(history?.spc.values.map((v) => v.periodStart)).toEqual(
      months("2024-12-01", 14).map((d) => d.toISOString().slice(0, 10)),
    );
  });

  it("marks done milestones' go-lives within the chart's span, on the period they fell in", async () => {
    const errors = await named("Medication administration errors");
    // January to the end of February: 10 February is in; 2 March (after February), a milestone
    // done before the first value and one not done are not.
    expect(errors?.spc.goLives).toEqual([
      { title: "Wards 1-4 live", date: "2026-02-10", periodStart: "2026-02-01" },
    ]);
    const history = await named("Omitted critical medicines");
    expect(history?.spc.goLives).toEqual([]);
  });

  it("has no chart with fewer values than the maths needs", async () => {
    expect((await named("Missed doses"))?.spc).toMatchObject({
      values: [{ periodStart: "2025-12-01", value: 1.5 }],
      chart: null,
      variation: null,
      assurance: null,
      goLives: [],
    });
  });
});
