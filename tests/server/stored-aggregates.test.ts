// Stored figures (docs/governance-rules.md, "Stored figures"; issue #12): each project's spend to
// date and count of alignments, each objective's scorecard roll-up per site and each metric's forecast sums and latest final
// value are kept by PostgreSQL triggers in the transaction that writes what they derive from. After
// every governed write that moves one of them (cost entry, reversal, alignment added, changed and
// removed, milestone forecast moving the project's end, stage change, schedule thresholds, metric
// value recorded and corrected), after set-based SQL as the bench seed writes, and after concurrent
// writers, every stored figure equals its live definition computed here from the rows themselves.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { alignProject, removeAlignment } from "@/lib/server/operations/alignment";
import { recordCostEntry, reverseCostEntry } from "@/lib/server/operations/costs";
import { correctMetricValue, recordMetricValue } from "@/lib/server/operations/metrics";
import { changeMilestoneForecast, completeMilestone } from "@/lib/server/operations/milestones";
import { changeProjectStage } from "@/lib/server/operations/projects";
import { decideRebaseline, requestRebaseline } from "@/lib/server/operations/rebaselines";
import { updateOrganisationSettings } from "@/lib/server/operations/settings";
import { createProjectTeam, type ProjectTeam } from "../operations/support";
import { inDays, lastMonth } from "../support/operation-calls";
import { STORED_FIGURE_MISMATCHES } from "../support/stored-figures";
import { useMigratedDatabase } from "../support/test-database";
import * as make from "./fixtures";

useMigratedDatabase();

/** Every stored figure equals its definition: no query finds a row where they differ. */
async function expectStoredEqualsLive() {
  for (const [figure, query] of Object.entries(STORED_FIGURE_MISMATCHES)) {
    expect({ figure, mismatches: await db().$queryRaw<unknown[]>(query) }).toEqual({
      figure,
      mismatches: [],
    });
  }
}

async function storedSpend(projectId: string): Promise<number> {
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  return Number(project.spentToDate);
}

async function rollup(objectiveId: string) {
  const [row] = await db().$queryRaw<
    { aligned: number; delivering: number; live: number; red: number; amber: number; spend: string }[]
  >`SELECT COALESCE(SUM("alignedCount"), 0)::int AS aligned, COALESCE(SUM("deliveringCount"), 0)::int AS delivering,
      COALESCE(SUM("liveCount"), 0)::int AS live, COALESCE(SUM("liveRed"), 0)::int AS red,
      COALESCE(SUM("liveAmber"), 0)::int AS amber, COALESCE(SUM("primarySpend"), 0)::text AS spend
    FROM "ObjectiveSiteRollup" WHERE "objectiveId" = ${objectiveId}`;
  return { ...row, spend: Number(row?.spend) };
}

const RATIONALE = "Cuts the time to antibiotics on the acute wards.";
const REASON = "Supplier delivery slipped by six weeks";

let team: ProjectTeam;
let pm: Actor;
let sponsor: Actor;
let pmo: Actor;
let admin: Actor;
let safety: { id: string };
let access: { id: string };
let projectId: string;

beforeAll(async () => {
  team = await createProjectTeam();
  ({ responsible: pm, accountable: sponsor, pmo, admin, projectId } = team);
  safety = await make.createObjective({ ownerId: sponsor.id, code: "SO-01" });
  access = await make.createObjective({ ownerId: sponsor.id, code: "SO-02" });
});

const cost = (amount: string, onProject = projectId) => ({
  projectId: onProject,
  period: lastMonth().slice(0, 7),
  amount,
  description: "Interface engine licence",
});

describe("stored figures equal their definitions after each governed write", () => {
  it("aligning a project counts it under the objective at its site", async () => {
    expect(
      await alignProject(pm, {
        projectId,
        objectiveId: safety.id,
        contribution: "PRIMARY",
        rationale: RATIONALE,
      }),
    ).toMatchObject({ ok: true });
    expect(await rollup(safety.id)).toMatchObject({ aligned: 1, delivering: 1, live: 1, red: 0, spend: 0 });
    await expectStoredEqualsLive();
  });

  it("a cost entry and its reversal move the project's spend and its primary objective's", async () => {
    expect(await recordCostEntry(pm, cost("1250.50"))).toMatchObject({ ok: true });
    const second = await recordCostEntry(pm, cost("400.00"));
    expect(second).toMatchObject({ ok: true });
    expect(await storedSpend(projectId)).toBe(1650.5);
    expect((await rollup(safety.id)).spend).toBe(1650.5);
    await expectStoredEqualsLive();

    if (!second.ok) return;
    expect(await reverseCostEntry(sponsor, { costEntryId: second.data.id, reason: REASON })).toMatchObject({
      ok: true,
    });
    expect(await storedSpend(projectId)).toBe(1250.5);
    expect((await rollup(safety.id)).spend).toBe(1250.5);
    await expectStoredEqualsLive();
  });

  it("a supporting alignment counts the project but not its spend; removing it takes it out", async () => {
    expect(
      await alignProject(pmo, {
        projectId,
        objectiveId: access.id,
        contribution: "SUPPORTING",
        rationale: RATIONALE,
      }),
    ).toMatchObject({ ok: true });
    expect(await rollup(access.id)).toMatchObject({ aligned: 1, delivering: 0, live: 1, spend: 0 });
    await expectStoredEqualsLive();

    expect(await removeAlignment(pm, { projectId, objectiveId: access.id })).toMatchObject({ ok: true });
    expect(await rollup(access.id)).toMatchObject({ aligned: 0, live: 0 });
    await expectStoredEqualsLive();
  });

  it("a milestone's forecast moving the project's end turns it red (NUM-3)", async () => {
    const milestone = await make.createMilestone({ projectId, baselineDate: inDays(20) });
    // Planned 2025-06-01 to 2026-12-31 (578 days): red past 115.6 days late.
    expect(
      await changeMilestoneForecast(sponsor, {
        milestoneId: milestone.id,
        version: 0,
        forecastDate: inDays(400),
        reason: REASON,
      }),
    ).toMatchObject({ ok: true });
    expect(await rollup(safety.id)).toMatchObject({ live: 1, red: 1 });
    await expectStoredEqualsLive();
  });

  it("completing a milestone late adds it to the project's history of slip", async () => {
    const first = await make.createMilestone({ projectId, baselineDate: inDays(-30) });
    expect(
      await completeMilestone(pmo, { milestoneId: first.id, version: 0, actualDate: inDays(0) }),
    ).toMatchObject({
      ok: true,
    });
    const history = await db().projectMilestoneHistory.findUniqueOrThrow({ where: { projectId } });
    expect(history.doneCount).toBe(1);
    expect(history.averageSlipRatio).toBeGreaterThan(0);
    await expectStoredEqualsLive();
  });

  it("an approved rebaseline's budget moves the Delivery roll-ups of its objective and its site", async () => {
    const siteBudget = async () => {
      const [row] = await db().$queryRaw<{ budget: string }[]>`
        SELECT COALESCE(SUM("liveBudget"), 0)::text AS budget FROM "SiteDeliveryRollup" WHERE "siteId" = ${team.siteId}`;
      return Number(row?.budget);
    };
    const before = await siteBudget();
    const project = await db().project.findUniqueOrThrow({ where: { id: projectId } });
    const request = await requestRebaseline(pm, {
      projectId,
      proposedBudget: String(Number(project.baselineBudget) + 1000),
      reason: REASON,
    });
    if (!request.ok) throw new Error(request.message);
    expect(
      await decideRebaseline(sponsor, { rebaselineId: request.data.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
    expect(await siteBudget()).toBe(before + 1000);
    await expectStoredEqualsLive();
  });

  it("new schedule thresholds recolour every objective's live projects", async () => {
    const form = {
      version: "0",
      timeZone: "Europe/London",
      rebaselineToleranceDays: "30",
      rebaselineTolerancePercent: "5",
      scheduleAmberPercent: "10",
      scheduleRedPercent: "500",
      safetyCriticalAnswerHours: "4",
      safetyHighAnswerHours: "24",
      safetyOtherAnswerWorkingDays: "2",
      feedbackAnswerWorkingDays: "5",
    };
    const version = (await db().organisation.findUniqueOrThrow({ where: { id: 1 } })).version;
    expect(await updateOrganisationSettings(admin, { ...form, version: String(version) })).toMatchObject({
      ok: true,
    });
    expect(await rollup(safety.id)).toMatchObject({ live: 1, red: 0, amber: 1 });
    await expectStoredEqualsLive();
  });

  it("a stage change takes the project out of delivery but keeps it live while on hold (NUM-7, NUM-8)", async () => {
    const version = (await db().project.findUniqueOrThrow({ where: { id: projectId } })).version;
    expect(
      await changeProjectStage(sponsor, { projectId, version, toStage: "ON_HOLD", reason: REASON }),
    ).toMatchObject({ ok: true });
    expect(await rollup(safety.id)).toMatchObject({ aligned: 1, delivering: 0, live: 1 });
    await expectStoredEqualsLive();
  });

  it("recording and correcting a metric's values keeps its forecast sums and latest final value", async () => {
    const metric = await make.createMetric({ ownerId: pm.id, objectiveId: safety.id, projectId });
    const month = (n: number) => {
      const start = new Date(`${lastMonth()}T00:00:00Z`);
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - n, 1))
        .toISOString()
        .slice(0, 10);
    };
    for (const [n, value] of [
      [3, "20"],
      [2, "22.5"],
      [1, "23"],
    ] as const) {
      expect(
        await recordMetricValue(pm, { metricId: metric.id, periodStart: month(n), value }),
      ).toMatchObject({
        ok: true,
      });
    }
    let stats = await db().metricStats.findUniqueOrThrow({ where: { metricId: metric.id } });
    expect(stats).toMatchObject({ finalCount: 3, latestValue: 23, meanY: (20 + 22.5 + 23) / 3 });
    await expectStoredEqualsLive();

    const latest = await db().metricValue.findFirstOrThrow({
      where: { metricId: metric.id, periodStart: new Date(`${month(1)}T00:00:00Z`) },
    });
    expect(
      await correctMetricValue(pmo, {
        metricValueId: latest.id,
        version: String(latest.version),
        value: "26",
        reason: REASON,
      }),
    ).toMatchObject({ ok: true });
    stats = await db().metricStats.findUniqueOrThrow({ where: { metricId: metric.id } });
    expect(stats).toMatchObject({ finalCount: 3, latestValue: 26 });
    await expectStoredEqualsLive();
  });
});

describe("stored figures after set-based SQL and concurrent writers", () => {
  it("follow set-based inserts, as the bench seed writes them", async () => {
    const projects = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        make.createProject({
          siteId: team.siteId,
          stage: i === 3 ? "PROPOSED" : "PILOT",
          forecastEndDate: `2027-0${i + 1}-15`,
        }),
      ),
    );
    const ids = projects.map((x) => x.id);
    await db().$executeRaw`
      INSERT INTO "Alignment" ("id", "projectId", "objectiveId", "contribution", "rationale")
      SELECT gen_random_uuid()::text, pid, ${access.id}, 'PRIMARY', 'Set-based' FROM unnest(${ids}::text[]) pid`;
    await db().$executeRaw`
      INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById")
      SELECT gen_random_uuid()::text, pid, DATE '2026-01-01', 100.25 * k, 'Set-based', ${pm.id}
      FROM unnest(${ids}::text[]) pid CROSS JOIN generate_series(1, 3) k`;
    expect(await rollup(access.id)).toMatchObject({ aligned: 4, delivering: 3, live: 3, spend: 4 * 601.5 });
    await expectStoredEqualsLive();
  });

  it("count every one of concurrent cost entries and alignments", async () => {
    const others = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        make.createProject({ siteId: team.siteId, stage: "APPROVED", raci: team.raci }),
      ),
    );
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => recordCostEntry(pm, cost("10.00"))),
      ...others.map((o) =>
        alignProject(pm, {
          projectId: o.id,
          objectiveId: safety.id,
          contribution: "PRIMARY",
          rationale: RATIONALE,
        }),
      ),
      ...others.map((o) => recordCostEntry(pm, cost("5.00", o.id))),
    ]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await storedSpend(projectId)).toBe(1250.5 + 60);
    expect(await rollup(safety.id)).toMatchObject({ aligned: 6, spend: 1250.5 + 60 + 25 });
    await expectStoredEqualsLive();
  });
});
