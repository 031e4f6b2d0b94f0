// The overview tab's key facts: money, dates, schedule, stage since and expected benefits, read in
// the overview's one statement with spend to date as stored on the project (FRAME-10), however much
// else the project holds (its feedback and risks are each read by their own tab, tested beside it).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectOverview } from "@/lib/server/project-overview";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import {
  createFeedback,
  createMetric,
  createMilestone,
  createObjective,
  createProject,
  createSite,
  createUser,
  day,
} from "./fixtures";

useMigratedDatabase();

const STAGE_CHANGED_AT = new Date("2026-02-02T10:30:00Z");
const CLOCK = clockAt(new Date(), "Europe/London");
let projectId = "";
let execId = "";

/** The key facts as the overview reads them for an executive with no letter on the project. */
const getProjectFacts = async (id: string) =>
  (await getProjectOverview(id, CLOCK, { id: execId, letter: null }))?.facts ?? null;

beforeAll(async () => {
  const site = await createSite();
  const exec = await createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
  execId = exec.id;
  const pm = await createUser();
  const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  const objective = await createObjective({ ownerId: exec.id });
  const project = await createProject({
    siteId: site.id,
    stage: "ROLLOUT",
    stageChangedAt: STAGE_CHANGED_AT,
    baselineBudget: "1250000.50",
    baselineEndDate: "2026-09-30",
    forecastEndDate: "2026-10-21",
    raci: [
      { userId: exec.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
    alignments: [{ objectiveId: objective.id }],
  });
  projectId = project.id;
  const licences = await db().costEntry.create({
    data: {
      projectId,
      period: day("2026-01-01"),
      amount: "100000.25",
      description: "Licences",
      recordedById: pm.id,
    },
  });
  await db().costEntry.createMany({
    data: [
      {
        projectId,
        period: day("2026-02-01"),
        amount: "50000.25",
        description: "Training",
        recordedById: pm.id,
      },
      // Booked twice by mistake and reversed: the reversal is a negative entry (FRAME-6, FRAME-8).
      {
        projectId,
        period: day("2026-01-01"),
        amount: "-100000.25",
        description: "Reversal: licences booked twice",
        reversesId: licences.id,
        recordedById: pm.id,
      },
      {
        projectId,
        period: day("2026-01-01"),
        amount: "100000.25",
        description: "Licences",
        recordedById: pm.id,
      },
    ],
  });
  // Another project's spend is not this one's.
  const other = await createProject({ siteId: site.id });
  await db().costEntry.create({
    data: {
      projectId: other.id,
      period: day("2026-01-01"),
      amount: "999.99",
      description: "x",
      recordedById: pm.id,
    },
  });
  // Plenty the key facts do not show: none of it may cost a statement.
  for (const baselineDate of ["2026-01-15", "2026-05-01", "2026-09-01"]) {
    await createMilestone({ projectId, baselineDate });
  }
  await createMetric({ ownerId: pm.id, objectiveId: objective.id, projectId });
  await db().risk.create({
    data: { projectId, title: "Supplier capacity", likelihood: 4, impact: 4, ownerId: pm.id },
  });
  await createFeedback({
    projectId,
    authorId: champion.id,
    kind: "SAFETY",
    body: "Dose-range check missed a paediatric dose",
    dueAt: new Date("2026-03-10T08:00:00Z"),
  });
});

describe("a project's key facts", () => {
  it("reads money as numbers, spend to date including reversals (FRAME-8), and dates as calendar days", async () => {
    const facts = await getProjectFacts(projectId);
    expect(facts).toEqual({
      expectedBenefits: "Benefits for a test.",
      stageChangedAt: "2026-02-02T10:30:00.000Z",
      baselineBudget: 1_250_000.5,
      // 100,000.25 + 50,000.25 − 100,000.25 + 100,000.25: the duplicate and its reversal cancel out.
      spentToDate: 150_000.5,
      startDate: "2025-06-01",
      baselineEndDate: "2026-09-30",
      forecastEndDate: "2026-10-21",
      actualEndDate: null,
      slipDays: 21,
      // 21 days on a plan of 486 (1 June 2025 to 30 September 2026) is 4%: within the default 10%.
      slipPercent: expect.closeTo(4.3, 1),
      scheduleRag: "GREEN",
    });
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it("says nothing is spent on a project with an empty ledger", async () => {
    const site = await createSite();
    const empty = await createProject({ siteId: site.id, baselineBudget: "0.00" });
    expect(await getProjectFacts(empty.id)).toMatchObject({ baselineBudget: 0, spentToDate: 0 });
  });

  it("carries no feedback or risk, and sums no ledger: one statement whatever the project holds", async () => {
    const { result, statements } = await countStatements(() => getProjectFacts(projectId));
    expect(JSON.stringify(result)).not.toContain("paediatric");
    // The old facts read issued three (the project, the ledger's sum, the thresholds); the overview
    // before it eighteen, one per relation it loaded.
    expect(statements).toHaveLength(1);
    expect(statements.filter((sql) => /"(Feedback|Risk|CostEntry)"/.test(sql))).toEqual([]);
  });
});
