// One objective's page: its owner, parent and children, delivery by the one rule (NUM-7), the
// active metrics feeding it with their latest final value and status (NUM-5, NUM-6), and the
// projects aligned to it, primary first, with their schedule health (NUM-2, NUM-3); plus the
// choices its edit form offers.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getObjectiveChoices, getObjectiveDetail } from "@/lib/server/objective-detail";
import { useMigratedDatabase } from "../support/test-database";
import { createMetric, createObjective, createProject, createSite, createUser, day } from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");

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
      objective.projects.map((p) => [p.code, p.contribution, p.stage, p.scheduleRag, p.slipDays]),
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
    expect(objective.metrics.map((m) => [m.name, m.project?.code, m.latest, m.status])).toEqual([
      ["Discharges before noon", "EPMA-01", { periodStart: "2026-02-01", value: 31 }, "GREEN"],
    ]);
  });

  it("offers active executives and admins as owners, and every objective as a parent", async () => {
    const choices = await getObjectiveChoices();
    expect(choices.owners.map((o) => o.name)).toEqual(["Dr Helen Ashworth", "Priya Natarajan"]);
    expect(choices.objectives.map((o) => o.code)).toEqual(["SO-01", "SO-01.2", "SO-01.2b", "SO-02"]);
  });
});
