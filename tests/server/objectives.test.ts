import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDashboardOverview } from "@/lib/server/dashboard/overview";
import { listObjectivePage, listObjectives } from "@/lib/server/objectives";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import { createFeedback, createObjective, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const NOW = new Date("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  const site = await createSite();
  const ceo = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const cfo = await createUser({ name: "Ian Murray", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const pm = await createUser();
  const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });

  const harm = await createObjective({
    ownerId: ceo.id,
    code: "SO-01",
    title: "Reduce avoidable harm",
    category: "QUALITY_SAFETY",
    targetDate: "2027-03-31",
  });
  const ed = await createObjective({
    ownerId: ceo.id,
    code: "SO-03",
    title: "Timely emergency care",
    category: "PATIENT_ACCESS_EXPERIENCE",
  });
  const agency = await createObjective({
    ownerId: cfo.id,
    code: "SO-08",
    title: "Live within our means",
    category: "FINANCIAL",
  });
  await createObjective({ ownerId: cfo.id, code: "SO-09", category: "FINANCIAL", status: "RETIRED" });
  const staffing = await createObjective({
    ownerId: cfo.id,
    code: "SO-10",
    title: "Safe staffing",
    category: "WORKFORCE",
  });

  // SO-01: delivered by one piloting project (its primary); a rolling-out project supports it, and
  // a proposed and a closed one are aligned to it. SO-10 only has the pilot's support (NUM-7).
  await createProject({
    siteId: site.id,
    code: "P-01",
    stage: "PILOT",
    alignments: [{ objectiveId: harm.id }, { objectiveId: staffing.id, contribution: "SUPPORTING" }],
  });
  await createProject({
    siteId: site.id,
    code: "P-02",
    stage: "ROLLOUT",
    alignments: [{ objectiveId: harm.id, contribution: "SUPPORTING" }, { objectiveId: agency.id }],
  });
  await createProject({
    siteId: site.id,
    code: "P-03",
    stage: "PROPOSED",
    alignments: [{ objectiveId: ed.id }],
  });
  await createProject({
    siteId: site.id,
    code: "P-04",
    stage: "CLOSED",
    alignments: [{ objectiveId: harm.id }],
  });
  // Not aligned to anything: two open (delivery without vision), one cancelled, one closed.
  const unaligned = await createProject({
    siteId: site.id,
    code: "P-05",
    name: "Bed management system",
    stage: "APPROVED",
  });
  await createProject({ siteId: site.id, code: "P-06", stage: "ON_HOLD", heldFromStage: "PILOT" });
  await createProject({ siteId: site.id, code: "P-07", stage: "CANCELLED" });
  await createProject({ siteId: site.id, code: "P-08", stage: "CLOSED" });
  // Proposals not aligned yet, one of them paused: not delivery (NUM-8).
  await createProject({ siteId: site.id, code: "P-09", stage: "PROPOSED" });
  await createProject({ siteId: site.id, code: "P-10", stage: "ON_HOLD", heldFromStage: "PROPOSED" });

  // Safety feedback: two overdue and unanswered; one answered; one not yet due; one overdue concern.
  const feedbackOn = { projectId: unaligned.id, authorId: champion.id };
  await createFeedback({
    ...feedbackOn,
    kind: "SAFETY",
    severity: "HIGH",
    dueAt: new Date(NOW.getTime() - 2 * HOUR),
  });
  await createFeedback({
    ...feedbackOn,
    kind: "SAFETY",
    status: "ACKNOWLEDGED",
    dueAt: new Date(NOW.getTime() - 30 * HOUR),
  });
  await createFeedback({
    ...feedbackOn,
    kind: "SAFETY",
    dueAt: new Date(NOW.getTime() - 5 * HOUR),
    response: { text: "Fixed in release 4.2.", byId: pm.id, at: new Date(NOW.getTime() - 6 * HOUR) },
  });
  await createFeedback({ ...feedbackOn, kind: "SAFETY", dueAt: new Date(NOW.getTime() + 3 * HOUR) });
  await createFeedback({ ...feedbackOn, kind: "CONCERN", dueAt: new Date(NOW.getTime() - 48 * HOUR) });

  await db().rebaseline.createMany({
    data: [
      { projectId: unaligned.id, reason: "Supplier delay", requestedById: pm.id, status: "REQUESTED" },
      { projectId: unaligned.id, reason: "Winter pressures", requestedById: pm.id, status: "REQUESTED" },
      {
        projectId: unaligned.id,
        reason: "Scope change",
        requestedById: pm.id,
        status: "APPROVED",
        decidedById: ceo.id,
        decidedAt: NOW,
        decisionReason: "Agreed at board",
      },
    ],
  });
});

describe("the objectives list", () => {
  it("lists every objective by code with its owner, status, target date and aligned project count", async () => {
    const objectives = await listObjectives();
    expect(objectives.map((o) => [o.code, o.alignedProjectCount])).toEqual([
      ["SO-01", 3],
      ["SO-03", 1],
      ["SO-08", 1],
      ["SO-09", 0],
      ["SO-10", 1],
    ]);
    expect(objectives[0]).toMatchObject({
      title: "Reduce avoidable harm",
      category: "QUALITY_SAFETY",
      status: "ACTIVE",
      targetDate: "2027-03-31",
      owner: { name: "Dr Helen Ashworth" },
    });
    expect(objectives[3]?.status).toBe("RETIRED");
  });

  it("shows delivery by the one rule: a primary-aligned project approved, in pilot or in rollout (NUM-7)", async () => {
    const objectives = await listObjectives();
    expect(
      objectives.map((o) => [o.code, o.deliveringProjectCount, o.beingDelivered, o.visionWithoutDelivery]),
    ).toEqual([
      ["SO-01", 1, true, false],
      ["SO-03", 0, false, true],
      ["SO-08", 1, true, false],
      ["SO-09", 0, false, false],
      ["SO-10", 0, false, true],
    ]);
  });

  it("agrees with the leadership overview on every objective (NUM-7)", async () => {
    const listed = await listObjectives();
    const overview = await getDashboardOverview({}, NOW);
    const onLeadership = overview.categories.flatMap((c) => c.objectives);
    expect(
      onLeadership
        .map((o) => [o.code, o.alignedCount, o.deliveringCount, o.visionWithoutDelivery])
        .toSorted(),
    ).toEqual(
      listed
        .map((o) => [o.code, o.alignedProjectCount, o.deliveringProjectCount, o.visionWithoutDelivery])
        .toSorted(),
    );
  });
});

describe("the leadership overview", () => {
  it("groups objectives by scorecard category and counts only primary projects approved, in pilot or in rollout", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(
      overview.categories.map((c) => [c.category, c.objectives.map((o) => [o.code, o.deliveringCount])]),
    ).toEqual([
      ["QUALITY_SAFETY", [["SO-01", 1]]],
      ["PATIENT_ACCESS_EXPERIENCE", [["SO-03", 0]]],
      [
        "FINANCIAL",
        [
          ["SO-08", 1],
          ["SO-09", 0],
        ],
      ],
      ["WORKFORCE", [["SO-10", 0]]],
    ]);
  });

  it("flags active objectives no live primary project delivers as vision without delivery", async () => {
    const overview = await getDashboardOverview({}, NOW);
    const flagged = overview.categories.flatMap((c) => c.objectives).filter((o) => o.visionWithoutDelivery);
    // SO-03 has only a proposed project, SO-10 only a supporting one; the retired SO-09 is not
    // expected to have delivery.
    expect(flagged.map((o) => o.code)).toEqual(["SO-03", "SO-10"]);
    expect(overview.visionWithoutDeliveryCount).toBe(2);
  });

  it("lists live projects with no alignment as delivery without vision, and counts proposals apart (NUM-8)", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.unalignedLive.count).toBe(2);
    expect(overview.unalignedLive.top.map((p) => [p.code, p.stage])).toEqual([
      ["P-05", "APPROVED"],
      ["P-06", "ON_HOLD"],
    ]);
    expect(overview.unalignedLive.top[0]?.name).toBe("Bed management system");
    // P-09 (proposed) and P-10 (paused while proposed).
    expect(overview.unalignedProposalCount).toBe(2);
  });

  it("counts safety feedback past its due time and still unanswered, most overdue first", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.overdueSafety.count).toBe(2);
    expect(overview.overdueSafety.oldest.map((f) => f.dueAt)).toEqual([
      new Date(NOW.getTime() - 30 * HOUR).toISOString(),
      new Date(NOW.getTime() - 2 * HOUR).toISOString(),
    ]);
    expect(overview.overdueSafety.oldest[0]?.projectCode).toBe("P-05");
  });

  it("counts rebaselines awaiting a decision", async () => {
    expect((await getDashboardOverview({}, NOW)).rebaselinesWaiting.count).toBe(2);
  });
});

describe("the objectives list, paged", () => {
  it("reads a page and its total in one statement, the same rows and delivery as the full list", async () => {
    const all = await listObjectives();
    const first = await countStatements(() => listObjectivePage(1, 2));
    const last = await countStatements(() => listObjectivePage(99, 2));
    const whole = await countStatements(() => listObjectivePage(1));
    expect(first.statements).toHaveLength(1);
    expect(last.statements).toHaveLength(1);
    expect(whole.statements).toHaveLength(1);
    expect(first.result).toMatchObject({ page: 1, total: all.length, pageCount: Math.ceil(all.length / 2) });
    expect(first.result.rows).toEqual(all.slice(0, 2));
    expect(last.result.page).toBe(Math.ceil(all.length / 2));
    expect(last.result.rows).toEqual(all.slice((last.result.page - 1) * 2));
    expect(whole.result.rows).toEqual(all);
  });
});
