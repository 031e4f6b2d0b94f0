// One objective's page: its owner, parent and children, delivery by the one rule (NUM-7), the
// active metrics feeding it with their latest final value and status (NUM-5, NUM-6), and the
// projects aligned to it, primary first, with their schedule health (NUM-2, NUM-3); plus the
// choices its edit form offers.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getObjectiveChoices, getObjectiveDetail as readDetail } from "@/lib/server/objective-detail";
import { getGovernanceSettings } from "@/lib/server/organisation";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import { createMetric, createObjective, createProject, createSite, createUser, day } from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");

async function getObjectiveDetail(
  code: string,
  clock: typeof CLOCK,
  pages: { metricsPage?: number; projectsPage?: number } = {},
) {
  return readDetail(code, clock, await getGovernanceSettings(), pages);
}

beforeAll(async () => {
  const site = await createSite();
  const exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  await createUser({ name: "Priya Natarajan", role: "ADMIN" });
  await createUser({ name: "Former Director", role: "EXECUTIVE", active: false });
  const pm = await createUser({ name: "Aisha Okafor" });
  const parent = await createObjective({ ownerId: exec.id, code: "SO-01", title: "Reduce avoidable harm" });
  const objective = await createObjective({ ownerId: exec.id, code: "SO-01.2", title: "Safer medicines" });
  await db().strategicObjective.update({
    where: { id: objective.id },
    data: { parentId: parent.id, version: 2 },
  });
  await createObjective({
    ownerId: exec.id,
    code: "SO-01.2b",
    title: "Closed-loop dispensing",
    status: "DRAFT",
  });
  await db().strategicObjective.update({
    where: { code: "SO-01.2b" },
    data: { parentId: objective.id },
  });
  await createObjective({ ownerId: exec.id, code: "SO-02", title: "Left alone" });

  const late = await createProject({
    siteId: site.id,
    code: "EPMA-01",
    stage: "ROLLOUT",
    baselineEndDate: "2026-09-30",
    // 100 days late on a plan of 486: over 20%, red.
    forecastEndDate: "2027-01-08",
    alignments: [{ objectiveId: objective.id, contribution: "SUPPORTING" }],
  });
  await createProject({
    siteId: site.id,
    code: "BARC-02",
    stage: "PILOT",
    alignments: [{ objectiveId: objective.id }],
  });
  await createProject({
    siteId: site.id,
    code: "ALRT-03",
    stage: "PROPOSED",
    alignments: [{ objectiveId: objective.id, contribution: "SUPPORTING" }],
  });
  const fed = await createMetric({ ownerId: pm.id, objectiveId: objective.id, projectId: late.id });
  await db().metricValue.createMany({
    data: [
      { metricId: fed.id, periodStart: day("2026-02-01"), value: 31, recordedById: pm.id },
      { metricId: fed.id, periodStart: day("2026-03-01"), value: 12, provisional: true, recordedById: pm.id },
    ],
  });
  const retired = await createMetric({ ownerId: pm.id, objectiveId: objective.id });
  await db().metric.update({ where: { id: retired.id }, data: { active: false, name: "Retired measure" } });
});

describe("an objective's page", () => {
  it("is null for an unknown code", async () => {
    expect(await getObjectiveDetail("SO-99", CLOCK)).toBeNull();
  });

  it("reads its owner, parent, children and the version its edit form sends", async () => {
    expect(await getObjectiveDetail("SO-01.2", CLOCK)).toMatchObject({
      code: "SO-01.2",
      title: "Safer medicines",
      version: 2,
      status: "ACTIVE",
      startDate: "2025-04-01",
      targetDate: "2027-03-31",
      owner: { name: "Dr Helen Ashworth" },
      parent: { code: "SO-01", title: "Reduce avoidable harm" },
      children: [{ code: "SO-01.2b", title: "Closed-loop dispensing", status: "DRAFT" }],
    });
  });

  it("lists aligned projects primary first with schedule health, and counts delivery by the one rule (NUM-7)", async () => {
    const objective = (await getObjectiveDetail("SO-01.2", CLOCK))!;
    expect(
      objective.projects.rows.map((p) => [p.code, p.contribution, p.stage, p.scheduleRag, p.slipDays]),
    ).toEqual([
      ["BARC-02", "PRIMARY", "PILOT", "GREEN", 0],
      ["ALRT-03", "SUPPORTING", "PROPOSED", "GREEN", 0],
      ["EPMA-01", "SUPPORTING", "ROLLOUT", "RED", 100],
    ]);
    // Only the primary project in a live stage delivers it.
    expect(objective).toMatchObject({
      alignedProjectCount: 3,
      deliveringProjectCount: 1,
      beingDelivered: true,
      visionWithoutDelivery: false,
    });
    expect((await getObjectiveDetail("SO-02", CLOCK))?.visionWithoutDelivery).toBe(true);
  });

  it("shows active feeding metrics with their latest final value, not a newer provisional one (NUM-5)", async () => {
    const objective = (await getObjectiveDetail("SO-01.2", CLOCK))!;
    // 31% is green for "discharges before noon" (amber below 30); March's provisional 12% is not counted.
    expect(objective.metrics.rows.map((m) => [m.name, m.project?.code, m.latest, m.status])).toEqual([
      ["Discharges before noon", "EPMA-01", { periodStart: "2026-02-01", value: 31 }, "GREEN"],
    ]);
  });

  it("offers active executives and admins as owners, and every objective as a parent, in one statement", async () => {
    const { result: choices, statements } = await countStatements(() => getObjectiveChoices());
    expect(statements).toHaveLength(1);
    expect(choices.owners.map((o) => o.name)).toEqual(["Dr Helen Ashworth", "Priya Natarajan"]);
    expect(choices.objectives.map((o) => o.code)).toEqual(["SO-01", "SO-01.2", "SO-01.2b", "SO-02"]);
  });
});

describe("an objective's page at scale", () => {
  it("pages its metrics ten at a time and its projects 25 at a time, in three statements whatever their number", async () => {
    const owner = await createUser({ name: "Dr Paging Owner", role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const pm = await createUser({ name: "Paging PM" });
    const site = await createSite();
    const small = await createObjective({ ownerId: owner.id, code: "SO-P1", title: "One of each" });
    const large = await createObjective({ ownerId: owner.id, code: "SO-P2", title: "Many of each" });
    const one = await createProject({
      siteId: site.id,
      code: "PG-000",
      alignments: [{ objectiveId: small.id }],
    });
    await createMetric({ ownerId: pm.id, objectiveId: small.id, projectId: one.id });
    for (let i = 1; i <= 27; i++) {
      const code = `PG-${String(i).padStart(3, "0")}`;
      const project = await createProject({
        siteId: site.id,
        code,
        alignments: [{ objectiveId: large.id, contribution: "SUPPORTING" }],
      });
      if (i <= 12) {
        const metric = await createMetric({ ownerId: pm.id, objectiveId: large.id, projectId: project.id });
        await db().metric.update({
          where: { id: metric.id },
          data: { name: `Measure ${String(i).padStart(2, "0")}` },
        });
        await db().metricValue.createMany({
          data: [1, 2, 3].map((w) => ({
            metricId: metric.id,
            periodStart: day(`2026-0${w}-01`),
            value: 20 + w + i,
            recordedById: pm.id,
          })),
        });
      }
    }
    const settings = await getGovernanceSettings();
    const read = (code: string, pages = {}) =>
      countStatements(() => readDetail(code, CLOCK, settings, pages));

    const smallRead = await read("SO-P1");
    const first = await read("SO-P2");
    const second = await read("SO-P2", { metricsPage: 2, projectsPage: 2 });
    expect(smallRead.statements).toHaveLength(3);
    expect(first.statements).toHaveLength(3);
    expect(second.statements).toHaveLength(3);

    const firstPage = first.result!;
    expect(firstPage.metrics).toMatchObject({ page: 1, pageCount: 2, total: 12 });
    expect(firstPage.metrics.rows.map((m) => m.name)).toEqual(
      Array.from({ length: 10 }, (_, k) => `Measure ${String(k + 1).padStart(2, "0")}`),
    );
    expect(firstPage.metrics.rows[0]).toMatchObject({
      project: { code: "PG-001" },
      latest: { periodStart: "2026-03-01", value: 24 },
    });
    expect(firstPage.metrics.rows[0]?.spc.values.map((v) => v.value)).toEqual([22, 23, 24]);
    expect(firstPage.projects).toMatchObject({ page: 1, pageCount: 2, total: 27 });
    expect(firstPage.projects.rows).toHaveLength(25);
    expect(firstPage).toMatchObject({ alignedProjectCount: 27, deliveringProjectCount: 0 });

    const secondPage = second.result!;
    expect(secondPage.metrics.rows.map((m) => m.name)).toEqual(["Measure 11", "Measure 12"]);
    expect(secondPage.projects.rows.map((p) => p.code)).toEqual(["PG-026", "PG-027"]);

    // A page past the end shows the last one.
    const beyond = (await getObjectiveDetail("SO-P2", CLOCK, { metricsPage: 9, projectsPage: 9 }))!;
    expect(beyond.metrics.page).toBe(2);
    expect(beyond.projects.rows.map((p) => p.code)).toEqual(["PG-026", "PG-027"]);
  });
});
