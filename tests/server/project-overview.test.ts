import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectOverview } from "@/lib/server/project-overview";
import { useMigratedDatabase } from "../support/test-database";
import {
  createFeedback,
  createMilestone,
  createObjective,
  createProject,
  createSite,
  createUser,
  day,
} from "./fixtures";

useMigratedDatabase();

const NOW = new Date("2026-03-10T09:00:00Z");
const CLOCK = clockAt(NOW, "Europe/London");

beforeAll(async () => {
  const site = await createSite({ code: "NRI", name: "Northbridge Royal Infirmary" });
  const exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const pm = await createUser({ name: "Aisha Okafor", discipline: "DIGITAL" });
  const champion = await createUser({
    name: "Sister Grace Mensah",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  });
  const harm = await createObjective({ ownerId: exec.id, code: "SO-01", title: "Reduce avoidable harm" });
  const digital = await createObjective({ ownerId: exec.id, code: "SO-06", title: "Digitally enabled care" });

  const project = await createProject({
    siteId: site.id,
    code: "EPMA-01",
    name: "ePMA rollout",
    stage: "ROLLOUT",
    baselineBudget: "1250000.50",
    baselineEndDate: "2026-09-30",
    forecastEndDate: "2026-10-21",
    raci: [
      { userId: champion.id, letter: "C" },
      { userId: pm.id, letter: "R" },
      { userId: exec.id, letter: "A" },
    ],
    alignments: [{ objectiveId: harm.id, contribution: "SUPPORTING" }, { objectiveId: digital.id }],
  });
  await createMilestone({
    projectId: project.id,
    title: "Pilot ward live",
    baselineDate: "2026-01-15",
    status: "DONE",
  });
  await createMilestone({
    projectId: project.id,
    title: "All wards live",
    baselineDate: "2026-09-01",
    forecastDate: "2026-09-29",
    isGate: true,
  });
  const metric = await db().metric.create({
    data: {
      name: "Medication administration errors",
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
      objectiveId: harm.id,
      projectId: project.id,
    },
  });
  await db().metricValue.createMany({
    data: [
      { metricId: metric.id, periodStart: day("2026-01-01"), value: 2.3, recordedById: pm.id },
      { metricId: metric.id, periodStart: day("2026-02-01"), value: 2.0, recordedById: pm.id },
      // March has not ended on 10 March: provisional, so it neither colours nor replaces February.
      {
        metricId: metric.id,
        periodStart: day("2026-03-01"),
        value: 1.4,
        provisional: true,
        recordedById: pm.id,
      },
    ],
  });
  // Last recorded for December: January's figure was due by 10 February (NUM-6).
  const stale = await db().metric.create({
    data: {
      name: "Missed doses",
      category: "QUALITY_SAFETY",
      unit: "%",
      direction: "LOWER_IS_BETTER",
      baselineValue: 6,
      targetValue: 2,
      targetDate: day("2027-03-31"),
      amberThreshold: 3,
      redThreshold: 5,
      ownerId: pm.id,
      cadence: "MONTHLY",
      objectiveId: digital.id,
      projectId: project.id,
    },
  });
  await db().metricValue.create({
    data: { metricId: stale.id, periodStart: day("2025-12-01"), value: 1.5, recordedById: pm.id },
  });
  await db().costEntry.createMany({
    data: [
      {
        projectId: project.id,
        period: day("2026-01-01"),
        amount: "100000.25",
        description: "Licences",
        recordedById: pm.id,
      },
      {
        projectId: project.id,
        period: day("2026-02-01"),
        amount: "50000.25",
        description: "Training",
        recordedById: pm.id,
      },
    ],
  });
  await db().risk.createMany({
    data: [
      {
        projectId: project.id,
        title: "Interface supplier capacity",
        likelihood: 4,
        impact: 4,
        ownerId: pm.id,
      },
      { projectId: project.id, title: "Night-shift engagement", likelihood: 2, impact: 3, ownerId: pm.id },
      {
        projectId: project.id,
        title: "Closed risk",
        likelihood: 5,
        impact: 5,
        ownerId: pm.id,
        status: "CLOSED",
      },
    ],
  });
  await createFeedback({
    projectId: project.id,
    authorId: champion.id,
    kind: "SAFETY",
    body: "Dose-range check missed a paediatric dose",
    dueAt: new Date(NOW.getTime() - 3_600_000),
  });
  await createFeedback({
    projectId: project.id,
    authorId: champion.id,
    status: "CLOSED",
    dueAt: NOW,
    body: "Closed one",
  });
});

describe("the project overview", () => {
  it("is null for an unknown code", async () => {
    expect(await getProjectOverview("NOPE-99", CLOCK)).toBeNull();
  });

  it("reads the facts, with money as numbers and dates as calendar days", async () => {
    const project = await getProjectOverview("EPMA-01", CLOCK);
    expect(project).toMatchObject({
      code: "EPMA-01",
      name: "ePMA rollout",
      stage: "ROLLOUT",
      site: { code: "NRI", name: "Northbridge Royal Infirmary" },
      baselineBudget: 1_250_000.5,
      spentToDate: 150_000.5,
      baselineEndDate: "2026-09-30",
      forecastEndDate: "2026-10-21",
      actualEndDate: null,
      slipDays: 21,
      // 21 days on a plan of 486 (1 June 2025 to 30 September 2026) is 4%: within the default 10%.
      scheduleRag: "GREEN",
    });
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(project))).toEqual(project);
  });

  it("lists the primary alignment first and the RACI from Accountable down", async () => {
    const project = (await getProjectOverview("EPMA-01", CLOCK))!;
    expect(project.alignments.map((a) => [a.objectiveCode, a.contribution])).toEqual([
      ["SO-06", "PRIMARY"],
      ["SO-01", "SUPPORTING"],
    ]);
    expect(project.raci.map((r) => [r.letter, r.user.name])).toEqual([
      ["A", "Dr Helen Ashworth"],
      ["R", "Aisha Okafor"],
      ["C", "Sister Grace Mensah"],
    ]);
  });

  it("shows milestones with baseline, forecast and at-risk, and metrics with their latest value", async () => {
    const project = (await getProjectOverview("EPMA-01", CLOCK))!;
    expect(project.milestones.map((m) => [m.title, m.health, m.slipDays, m.isGate])).toEqual([
      ["Pilot ward live", "DONE_ON_TIME", 0, false],
      ["All wards live", "AT_RISK", 28, true],
    ]);
    const errors = project.metrics.find((m) => m.name === "Medication administration errors");
    expect(errors).toMatchObject({
      latest: { periodStart: "2026-02-01", value: 2 },
      status: "AMBER",
      provisional: { periodStart: "2026-03-01", value: 1.4 },
    });
  });

  it("shows no recent data, not a colour, for a metric whose latest final value is past its cadence (NUM-6)", async () => {
    const project = (await getProjectOverview("EPMA-01", CLOCK))!;
    // 1.5 would be green; December's value no longer says anything about March.
    expect(project.metrics.find((m) => m.name === "Missed doses")).toMatchObject({
      latest: { periodStart: "2025-12-01", value: 1.5 },
      status: "NO_RECENT_DATA",
      provisional: null,
    });
  });

  it("shows feedback that is not closed, and risks open first then by score", async () => {
    const project = (await getProjectOverview("EPMA-01", CLOCK))!;
    expect(project.openFeedback.map((f) => [f.body, f.overdue])).toEqual([
      ["Dose-range check missed a paediatric dose", true],
    ]);
    expect(project.risks.map((r) => [r.title, r.score, r.rag])).toEqual([
      ["Interface supplier capacity", 16, "RED"],
      ["Night-shift engagement", 6, "GREEN"],
      ["Closed risk", 25, "RED"],
    ]);
  });
});
