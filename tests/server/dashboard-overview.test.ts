// The leadership dashboard's Overview tab (issue #12) on a small fixed portfolio: every figure
// equals the count worked out by hand below, under no filter and under the site filter; each
// number's paged list holds the same rows; the SQL's schedule RAG is the domain's
// (computeScheduleRag, NUM-3) at its thresholds; the delivery figures agree with the objectives
// list (NUM-7); and the reads send a fixed number of statements however large the portfolio.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { computeScheduleRag } from "@/lib/domain/schedule";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { getAlignmentMatrix } from "@/lib/server/dashboard/alignment-matrix";
import { getDashboardOverview, type ScorecardObjective } from "@/lib/server/dashboard/overview";
import {
  listDashboardOverdueFeedback,
  listDashboardProjects,
  listDashboardRisks,
  listDashboardWaitingDecisions,
} from "@/lib/server/dashboard/overview-drilldown";
import { scheduleRagSql, scheduleSettingsSql } from "@/lib/server/dashboard/overview-sql";
import { listObjectives } from "@/lib/server/objectives";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import {
  createFeedback,
  createMetric,
  createObjective,
  createProject,
  createSite,
  createUser,
  day,
} from "./fixtures";

useMigratedDatabase();

const NOW = new Date("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;

let ownerId = "";

async function spend(projectId: string, amount: string) {
  await db().costEntry.create({
    data: { projectId, period: day("2026-01-01"), amount, description: "Spend", recordedById: ownerId },
  });
}

async function risk(
  projectId: string,
  likelihood: number,
  impact: number,
  status: "OPEN" | "MITIGATING" | "CLOSED",
) {
  await db().risk.create({
    data: { projectId, title: `Risk ${likelihood}×${impact}`, likelihood, impact, status, ownerId },
  });
}

beforeAll(async () => {
  const north = await createSite({ code: "NGH", name: "Northbridge General" });
  const south = await createSite({ code: "SGH", name: "Southfield General" });
  const exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  ownerId = exec.id;
  const so1 = await createObjective({ ownerId, code: "SO-01", category: "QUALITY_SAFETY" });
  const so2 = await createObjective({ ownerId, code: "SO-02", category: "QUALITY_SAFETY" });
  const so3 = await createObjective({ ownerId, code: "SO-03", category: "FINANCIAL" });
  await createObjective({ ownerId, code: "SO-04", category: "FINANCIAL", status: "DRAFT" });

  // Planned 2025-06-01 to 2026-06-01 (365 days): amber past 36.5 days late, red past 73.
  const plan = { startDate: "2025-06-01", baselineEndDate: "2026-06-01" };
  const p1 = await createProject({
    ...plan,
    code: "P1",
    siteId: north.id,
    stage: "APPROVED",
    forecastEndDate: "2026-07-21", // 50 days late: amber
    alignments: [{ objectiveId: so1.id }],
  });
  const p2 = await createProject({
    ...plan,
    code: "P2",
    siteId: south.id,
    stage: "PILOT",
    forecastEndDate: "2026-09-09", // 100 days late: red
    alignments: [{ objectiveId: so3.id }, { objectiveId: so1.id, contribution: "SUPPORTING" }],
  });
  const p3 = await createProject({ ...plan, code: "P3", siteId: north.id, stage: "ROLLOUT" });
  const p4 = await createProject({
    ...plan,
    code: "P4",
    siteId: south.id,
    stage: "ON_HOLD",
    heldFromStage: "PILOT",
  });
  await createProject({ ...plan, code: "P5", siteId: north.id, stage: "PROPOSED" });
  await createProject({
    ...plan,
    code: "P6",
    siteId: north.id,
    stage: "CLOSED",
    alignments: [{ objectiveId: so2.id }],
  });
  const p7 = await createProject({
    ...plan,
    code: "P7",
    siteId: south.id,
    stage: "PROPOSED",
    alignments: [{ objectiveId: so3.id }],
  });
  // Cancelled: in no figure but "aligned"; here for the schedule thresholds (100 days planned).
  for (const [code, forecast] of [
    ["X10", "2026-01-11"], // 10 days late, exactly 10%: green
    ["X11", "2026-01-12"], // 11 days: amber
    ["X20", "2026-01-21"], // 20 days, exactly 20%: amber
    ["X21", "2026-01-22"], // 21 days: red
    ["X00", "2025-12-01"], // early: green
  ] as const) {
    await createProject({
      code,
      siteId: north.id,
      stage: "CANCELLED",
      startDate: "2025-09-23",
      baselineEndDate: "2026-01-01",
      forecastEndDate: forecast,
    });
  }

  await spend(p1.id, "1000.00");
  await spend(p2.id, "500.00");
  await spend(p3.id, "1500.00");
  await spend(p3.id, "500.00");

  await risk(p1.id, 4, 5, "OPEN");
  await risk(p1.id, 4, 5, "MITIGATING");
  await risk(p2.id, 2, 3, "OPEN");
  await risk(p3.id, 4, 5, "CLOSED");

  await createFeedback({
    projectId: p1.id,
    authorId: champion.id,
    kind: "SAFETY",
    dueAt: new Date(NOW.getTime() - 2 * HOUR),
  });
  await createFeedback({
    projectId: p2.id,
    authorId: champion.id,
    kind: "CONCERN",
    dueAt: new Date(NOW.getTime() - HOUR),
  });
  await createFeedback({
    projectId: p3.id,
    authorId: champion.id,
    kind: "CONCERN",
    dueAt: new Date(NOW.getTime() + HOUR),
  });
  // FB-1: an endorsement is never late, however old.
  await createFeedback({
    projectId: p2.id,
    authorId: champion.id,
    kind: "ENDORSEMENT",
    dueAt: new Date(NOW.getTime() - 100 * HOUR),
  });

  await db().stageGateRequest.create({
    data: {
      projectId: p7.id,
      fromStage: "PROPOSED",
      toStage: "APPROVED",
      reason: "Ready for approval",
      requestedById: exec.id,
    },
  });
  await db().rebaseline.create({
    data: {
      projectId: p1.id,
      reason: "Supplier delay",
      previousEndDate: day("2026-06-01"),
      proposedEndDate: day("2026-08-01"),
      requestedById: exec.id,
    },
  });
  // P4 is on hold, so it does not count as delivering; P4 is live and unaligned.
  void p4;

  // SO-01: a trust-wide metric at 32 (green, 14/17 of the way) and P1's at 20 (red, 2/17); a newer
  // provisional value is never the metric's value (NUM-5). SO-03's metric has no value yet.
  const trustWide = await createMetric({ ownerId, objectiveId: so1.id });
  const onP1 = await createMetric({ ownerId, objectiveId: so1.id, projectId: p1.id });
  await createMetric({ ownerId, objectiveId: so3.id, projectId: p2.id });
  await db().metricValue.createMany({
    data: [
      { metricId: trustWide.id, periodStart: day("2026-02-01"), value: 32, recordedById: exec.id },
      {
        metricId: trustWide.id,
        periodStart: day("2026-03-01"),
        value: 10,
        provisional: true,
        recordedById: exec.id,
      },
      { metricId: onP1.id, periodStart: day("2026-01-01"), value: 34, recordedById: exec.id },
      { metricId: onP1.id, periodStart: day("2026-02-01"), value: 20, recordedById: exec.id },
    ],
  });
});

function objective(
  overview: Awaited<ReturnType<typeof getDashboardOverview>>,
  code: string,
): ScorecardObjective {
  const found = overview.categories.flatMap((c) => c.objectives).find((o) => o.code === code);
  if (!found) throw new Error(`${code} is not on the scorecard`);
  return found;
}

describe("getDashboardOverview across the trust", () => {
  it("counts the alignment failures and the spend on unaligned work", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.visionWithoutDeliveryCount).toBe(1); // SO-02: its only project closed; SO-04 is a draft
    expect(overview.unalignedLive.count).toBe(2); // P3 in rollout, P4 on hold from pilot
    expect(Number(overview.unalignedLive.spend)).toBe(2000);
    expect(overview.unalignedLive.top.map((p) => [p.code, Number(p.spend)])).toEqual([
      ["P3", 2000],
      ["P4", 0],
    ]);
    expect(overview.unalignedProposalCount).toBe(1); // P5
  });

  it("scores each objective: metrics to target, delivery, live projects by schedule, spend", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.categories.map((c) => c.category)).toEqual(["QUALITY_SAFETY", "FINANCIAL"]);
    const so1 = objective(overview, "SO-01");
    expect(so1).toMatchObject({
      alignedCount: 2,
      deliveringCount: 1,
      visionWithoutDelivery: false,
      contributing: { total: 2, RED: 1, AMBER: 1, GREEN: 0 },
    });
    expect(Number(so1.spend)).toBe(1000); // P1's: P2 only supports SO-01
    expect(so1.metrics.rag).toBe("RED");
    expect(so1.metrics.byStatus).toMatchObject({ RED: 1, GREEN: 1, AMBER: 0 });
    expect(so1.metrics.progress).toBeCloseTo((14 / 17 + 2 / 17) / 2, 10);

    const so3 = objective(overview, "SO-03");
    expect(so3).toMatchObject({ alignedCount: 2, deliveringCount: 1, contributing: { total: 1, RED: 1 } });
    expect(Number(so3.spend)).toBe(500);
    expect(so3.metrics).toMatchObject({ rag: "NO_DATA", metricCount: 1, progress: null });

    expect(objective(overview, "SO-02")).toMatchObject({
      alignedCount: 1,
      deliveringCount: 0,
      visionWithoutDelivery: true,
    });
    expect(objective(overview, "SO-04")).toMatchObject({ visionWithoutDelivery: false });
  });

  it("counts open risks by likelihood and impact, and the escalations", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.riskCells.toSorted((a, b) => a.likelihood - b.likelihood)).toEqual([
      { likelihood: 2, impact: 3, count: 1 },
      { likelihood: 4, impact: 5, count: 2 },
    ]);
    expect(overview.openRiskCount).toBe(3);
    expect(overview.overdueSafety.count).toBe(1);
    expect(overview.overdueSafety.oldest.map((f) => f.projectCode)).toEqual(["P1"]);
    expect(overview.overdueAnswers.count).toBe(1);
    expect(overview.overdueAnswers.oldest.map((f) => f.projectCode)).toEqual(["P2"]);
    expect(overview.gatesWaiting).toMatchObject({
      count: 1,
      oldest: [{ projectCode: "P7", toStage: "APPROVED" }],
    });
    expect(overview.rebaselinesWaiting).toMatchObject({
      count: 1,
      oldest: [{ projectCode: "P1", kind: "BASELINE" }],
    });
  });

  it("agrees with the objectives list on every objective's delivery (NUM-7)", async () => {
    const overview = await getDashboardOverview({}, NOW);
    const listed = await listObjectives();
    const scored = overview.categories.flatMap((c) => c.objectives);
    expect(
      scored.map((o) => [o.code, o.alignedCount, o.deliveringCount, o.visionWithoutDelivery]).toSorted(),
    ).toEqual(
      listed
        .map((o) => [o.code, o.alignedProjectCount, o.deliveringProjectCount, o.visionWithoutDelivery])
        .toSorted(),
    );
  });
});

describe("getDashboardOverview filtered", () => {
  it("counts only the site's projects, so objectives delivered elsewhere have nobody delivering them here", async () => {
    const overview = await getDashboardOverview({ site: "NGH" }, NOW);
    expect(overview.visionWithoutDeliveryCount).toBe(2); // SO-02, and SO-03 (delivered by P2 at Southfield)
    expect(objective(overview, "SO-01")).toMatchObject({
      alignedCount: 1,
      deliveringCount: 1,
      contributing: { total: 1, AMBER: 1 },
    });
    // At a site, only its projects' metrics: P1's red one, not the trust-wide green one.
    expect(objective(overview, "SO-01").metrics).toMatchObject({ rag: "RED", metricCount: 1 });
    expect(overview.unalignedLive.count).toBe(1);
    expect(Number(overview.unalignedLive.spend)).toBe(2000);
    expect(overview.unalignedProposalCount).toBe(1);
    expect(overview.openRiskCount).toBe(2);
    expect(overview.overdueSafety.count).toBe(1);
    expect(overview.overdueAnswers.count).toBe(0);
    expect(overview.gatesWaiting.count).toBe(0);
    expect(overview.rebaselinesWaiting.count).toBe(1);
  });

  it("reads one objective and the projects serving it", async () => {
    const overview = await getDashboardOverview({ objective: "SO-03" }, NOW);
    expect(overview.categories.flatMap((c) => c.objectives.map((o) => o.code))).toEqual(["SO-03"]);
    expect(overview.unalignedLive.count).toBe(0); // a project serving SO-03 serves an objective
    expect(overview.openRiskCount).toBe(1); // P2's
    expect(overview.overdueAnswers.count).toBe(1);
    expect(overview.gatesWaiting.count).toBe(1); // P7
    expect(overview.rebaselinesWaiting.count).toBe(0);
  });

  it("matches nothing for an unknown site", async () => {
    const overview = await getDashboardOverview({ site: "NOPE" }, NOW);
    expect(overview.unalignedLive.count).toBe(0);
    expect(overview.openRiskCount).toBe(0);
    expect(objective(overview, "SO-01").alignedCount).toBe(0);
  });
});

describe("the lists behind the numbers", () => {
  it("lists the same projects each figure counts", async () => {
    const codes = async (query: Parameters<typeof listDashboardProjects>[0]) =>
      (await listDashboardProjects(query)).rows.map((p) => p.code);
    expect(await codes({ page: 1, scope: "unaligned" })).toEqual(["P3", "P4"]);
    expect(await codes({ page: 1, scope: "unaligned", site: "NGH" })).toEqual(["P3"]);
    expect(await codes({ page: 1, scope: "unaligned-proposals" })).toEqual(["P5"]);
    expect(await codes({ page: 1, scope: "aligned", objective: "SO-01" })).toEqual(["P1", "P2"]);
    expect(await codes({ page: 1, scope: "contributing", objective: "SO-01", rag: "RED" })).toEqual(["P2"]);
    expect(await codes({ page: 1, scope: "contributing", objective: "SO-01", rag: "AMBER" })).toEqual(["P1"]);
    expect(await codes({ page: 1, scope: "primary", objective: "SO-03" })).toEqual(["P2", "P7"]);
    expect(await codes({ page: 1, scope: "delivering", objective: "SO-03" })).toEqual(["P2"]);
  });

  it("pages, with the total from the same statement, and shows the last page for a page past the end", async () => {
    const first = await listDashboardProjects({ page: 1, scope: "unaligned" }, 1);
    expect(first).toMatchObject({ total: 2, page: 1, pageCount: 2, rows: [{ code: "P3" }] });
    const past = await listDashboardProjects({ page: 9, scope: "unaligned" }, 1);
    expect(past).toMatchObject({ total: 2, page: 2, rows: [{ code: "P4" }] });
  });

  it("lists the open risks of a heat map cell and the overdue feedback", async () => {
    const cell = await listDashboardRisks({ page: 1, likelihood: 4, impact: 5 });
    expect(cell.total).toBe(2);
    expect(cell.rows.map((r) => r.status).toSorted()).toEqual(["MITIGATING", "OPEN"]);
    expect((await listDashboardRisks({ page: 1, likelihood: 4, impact: 5, site: "SGH" })).total).toBe(0);
    const safety = await listDashboardOverdueFeedback({ page: 1, kind: "safety" }, NOW);
    expect(safety.rows.map((f) => f.projectCode)).toEqual(["P1"]);
    const other = await listDashboardOverdueFeedback({ page: 1, kind: "other" }, NOW);
    expect(other.rows.map((f) => f.projectCode)).toEqual(["P2"]);
  });

  it("lists the stage gates and rebaselines waiting for a decision", async () => {
    const gates = await listDashboardWaitingDecisions({ page: 1, kind: "gate" });
    expect(gates.rows.map((d) => [d.projectCode, d.toStage, d.kind])).toEqual([["P7", "APPROVED", null]]);
    const rebaselines = await listDashboardWaitingDecisions({ page: 1, kind: "rebaseline" });
    expect(rebaselines.rows.map((d) => [d.projectCode, d.toStage, d.kind])).toEqual([
      ["P1", null, "BASELINE"],
    ]);
    expect((await listDashboardWaitingDecisions({ page: 1, kind: "gate", site: "NGH" })).total).toBe(0);
  });
});

describe("schedule RAG in SQL (NUM-3)", () => {
  it("gives every project the domain's colour, a slip exactly at a threshold keeping the better one", async () => {
    const rows = await db().$queryRaw<
      {
        code: string;
        startDate: Date;
        baselineEndDate: Date;
        forecastEndDate: Date;
        actualEndDate: Date | null;
        rag: string;
      }[]
    >`SELECT p."code", p."startDate", p."baselineEndDate", p."forecastEndDate", p."actualEndDate",
        ${scheduleRagSql(Prisma.sql`p`)} AS "rag"
      FROM "Project" p CROSS JOIN ${scheduleSettingsSql}`;
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.rag, row.code).toBe(computeScheduleRag(row, DEFAULT_SETTINGS).rag);
    }
    const rag = Object.fromEntries(rows.map((r) => [r.code, r.rag]));
    expect([rag.X00, rag.X10, rag.X11, rag.X20, rag.X21]).toEqual([
      "GREEN",
      "GREEN",
      "AMBER",
      "AMBER",
      "RED",
    ]);
  });
});

describe("the alignment matrix", () => {
  it("pages projects against every objective but retired ones, grouped by category, primary and supporting marked", async () => {
    const matrix = await getAlignmentMatrix({ page: 1 }, 2);
    expect(matrix.categories.map((c) => [c.category, c.objectives.map((o) => o.code)])).toEqual([
      ["QUALITY_SAFETY", ["SO-01", "SO-02"]],
      ["FINANCIAL", ["SO-03", "SO-04"]],
    ]);
    expect(matrix).toMatchObject({ total: 12, pageCount: 6, page: 1 });
    expect(matrix.rows.map((r) => [r.code, r.links])).toEqual([
      ["P1", { "SO-01": "PRIMARY" }],
      ["P2", { "SO-03": "PRIMARY", "SO-01": "SUPPORTING" }],
    ]);
    expect((await getAlignmentMatrix({ page: 2 }, 2)).rows.map((r) => r.code)).toEqual(["P3", "P4"]);
  });

  it("filters by site, objective, stage and search", async () => {
    const codes = async (query: Parameters<typeof getAlignmentMatrix>[0]) =>
      (await getAlignmentMatrix(query)).rows.map((r) => r.code);
    expect(await codes({ page: 1, site: "SGH" })).toEqual(["P2", "P4", "P7"]);
    expect(await codes({ page: 1, objective: "SO-01" })).toEqual(["P1", "P2"]);
    expect(await codes({ page: 1, stage: "PROPOSED" })).toEqual(["P5", "P7"]);
    expect(await codes({ page: 1, q: "x2" })).toEqual(["X20", "X21"]);
    expect(await codes({ page: 1, q: "%" })).toEqual([]);
  });
});

describe("statements per page request", () => {
  async function statements() {
    const overview = await countStatements(() =>
      getDashboardOverview({ site: "NGH", objective: "SO-01" }, NOW),
    );
    const matrix = await countStatements(() => getAlignmentMatrix({ page: 1, q: "P" }));
    const projects = await countStatements(() => listDashboardProjects({ page: 1, scope: "unaligned" }));
    const risks = await countStatements(() => listDashboardRisks({ page: 1, likelihood: 4, impact: 5 }));
    const feedback = await countStatements(() =>
      listDashboardOverdueFeedback({ page: 1, kind: "safety" }, NOW),
    );
    const decisions = await countStatements(() => listDashboardWaitingDecisions({ page: 1, kind: "gate" }));
    return [overview, matrix, projects, risks, feedback, decisions].map((r) => r.statements.length);
  }

  it("stays at most 5 a page, and the same when the portfolio grows tenfold", async () => {
    const small = await statements();
    expect(small).toEqual([4, 2, 1, 1, 1, 1]);

    // Grow it: 120 more projects across both sites, aligned, with spend, risks and feedback.
    const [site] = await db().site.findMany({ take: 1 });
    const objectives = await db().strategicObjective.findMany();
    const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    for (let i = 0; i < 120; i += 1) {
      const target = objectives[i % objectives.length];
      const project = await createProject({
        code: `G${String(i).padStart(3, "0")}`,
        siteId: site?.id ?? "",
        stage: i % 3 === 0 ? "ROLLOUT" : "APPROVED",
        ...(i % 4 === 0 || !target ? {} : { alignments: [{ objectiveId: target.id }] }),
      });
      await spend(project.id, "10.00");
      await risk(project.id, (i % 5) + 1, ((i + 2) % 5) + 1, "OPEN");
      await createFeedback({
        projectId: project.id,
        authorId: champion.id,
        kind: "SAFETY",
        dueAt: new Date(NOW.getTime() - HOUR),
      });
    }
    expect(await statements()).toEqual(small);
  });
});
