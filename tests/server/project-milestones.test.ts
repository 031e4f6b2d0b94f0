// The milestones tab's read: the plan in baseline order with baseline, forecast and actual dates,
// health by the domain's rule as of the organisation's today, the version each form sends back,
// who signed a gate off and why a forecast last moved; the R and A who may own a milestone;
// waiting rebaselines oldest first and the latest decided ones (the rest are in the history).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { DECIDED_REQUESTS_SHOWN, getProjectPlan } from "@/lib/server/project-milestones";
import { useMigratedDatabase } from "../support/test-database";
import { createMilestone, createProject, createSite, createUser, day } from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");
let projectId = "";
let proposalId = "";

beforeAll(async () => {
  const site = await createSite();
  const sponsor = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const pm = await createUser({ name: "Aisha Okafor" });
  const gone = await createUser({ name: "Former Lead", active: false });
  const champion = await createUser({ name: "Sister Grace Mensah", role: "CLINICAL_CHAMPION" });
  const project = await createProject({
    siteId: site.id,
    stage: "ROLLOUT",
    baselineBudget: "210000.00",
    baselineEndDate: "2026-09-30",
    forecastEndDate: "2026-10-21",
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: gone.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
  });
  projectId = project.id;
  proposalId = (await createProject({ siteId: site.id, stage: "PROPOSED" })).id;

  const pilot = await createMilestone({
    projectId,
    title: "Pilot ward live",
    baselineDate: "2026-01-15",
    status: "DONE",
    isGate: true,
  });
  await db().milestone.update({
    where: { id: pilot.id },
    data: {
      ownerId: pm.id,
      gateApprovedById: sponsor.id,
      gateApprovedAt: new Date("2026-01-20T14:00:00Z"),
      version: 3,
    },
  });
  const allWards = await createMilestone({
    projectId,
    title: "All wards live",
    baselineDate: "2026-09-01",
    forecastDate: "2026-09-29",
  });
  await db().milestoneChange.createMany({
    data: [
      {
        milestoneId: allWards.id,
        oldDate: day("2026-09-01"),
        newDate: day("2026-09-15"),
        reason: "Interface testing took longer",
        changedById: pm.id,
        changedAt: new Date("2026-02-01T10:00:00Z"),
      },
      {
        milestoneId: allWards.id,
        oldDate: day("2026-09-15"),
        newDate: day("2026-09-29"),
        reason: "Supplier delivery slipped two weeks",
        changedById: pm.id,
        changedAt: new Date("2026-03-01T10:00:00Z"),
      },
    ],
  });
  // Forecast for a week ago and not done: overdue.
  await createMilestone({ projectId, title: "Training complete", baselineDate: "2026-03-03" });
  // Same baseline day: by title.
  await createMilestone({
    projectId,
    title: "Audit booked",
    baselineDate: "2026-03-03",
    status: "CANCELLED",
  });

  const request = (n: number, status: "REQUESTED" | "APPROVED" | "REJECTED", at: string) => ({
    projectId,
    status,
    reason: `Request ${n}`,
    previousEndDate: day("2026-09-30"),
    proposedEndDate: day("2026-10-21"),
    requestedById: pm.id,
    requestedAt: new Date(`${at}T09:00:00Z`),
    ...(status === "REQUESTED"
      ? {}
      : {
          decidedById: sponsor.id,
          decidedAt: new Date(`${at}T12:00:00Z`),
          decisionReason: status === "REJECTED" ? "Not justified" : null,
        }),
  });
  await db().rebaseline.createMany({
    data: [
      request(1, "APPROVED", "2025-10-01"),
      request(2, "REJECTED", "2025-11-01"),
      request(3, "APPROVED", "2025-12-01"),
      request(4, "APPROVED", "2026-01-01"),
      request(5, "REJECTED", "2026-01-15"),
      request(6, "APPROVED", "2026-02-01"),
      request(7, "REQUESTED", "2026-03-02"),
      request(8, "REQUESTED", "2026-02-20"),
    ],
  });
});

describe("a project's plan", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectPlan("6f1c1f0e-0000-4000-8000-000000000000", CLOCK)).toBeNull();
  });

  it("shows milestones by baseline with baseline, forecast, health and slip as of today", async () => {
    const plan = (await getProjectPlan(projectId, CLOCK))!;
    expect(
      plan.milestones.map((m) => [m.title, m.baselineDate, m.forecastDate, m.health, m.slipDays]),
    ).toEqual([
      ["Pilot ward live", "2026-01-15", "2026-01-15", "DONE_ON_TIME", 0],
      ["Audit booked", "2026-03-03", "2026-03-03", "CANCELLED", 0],
      ["Training complete", "2026-03-03", "2026-03-03", "OVERDUE", 0],
      ["All wards live", "2026-09-01", "2026-09-29", "AT_RISK", 28],
    ]);
  });

  it("gives each milestone its version, owner, gate sign-off and the reason its forecast last moved", async () => {
    const plan = (await getProjectPlan(projectId, CLOCK))!;
    const [pilot, , training, allWards] = plan.milestones;
    expect(pilot).toMatchObject({
      version: 3,
      isGate: true,
      actualDate: "2026-01-15",
      ownerName: "Aisha Okafor",
      gateSignedOff: { byName: "Dr Helen Ashworth", at: "2026-01-20T14:00:00.000Z" },
      lastChange: null,
    });
    expect(training).toMatchObject({ version: 0, ownerId: null, ownerName: null, gateSignedOff: null });
    expect(allWards?.lastChange).toEqual({
      reason: "Supplier delivery slipped two weeks",
      byName: "Aisha Okafor",
      at: "2026-03-01T10:00:00.000Z",
    });
  });

  it("offers the active R and A as owners, and reads the project's baselines and the tolerance", async () => {
    const plan = (await getProjectPlan(projectId, CLOCK))!;
    expect(plan.team.map((t) => [t.name, t.letter])).toEqual([
      ["Aisha Okafor", "R"],
      ["Dr Helen Ashworth", "A"],
    ]);
    expect(plan).toMatchObject({
      stage: "ROLLOUT",
      baselineEndDate: "2026-09-30",
      forecastEndDate: "2026-10-21",
      baselineBudget: "210000.00",
      scopeGoverned: true,
      final: false,
      tolerance: { days: 30, percent: 5 },
    });
    // A proposal's milestones are its own to shape: no scope change needed yet (REB-4).
    expect((await getProjectPlan(proposalId, CLOCK))?.scopeGoverned).toBe(false);
  });

  it("lists waiting rebaselines oldest first, then the latest decided ones, counting all of them", async () => {
    const plan = (await getProjectPlan(projectId, CLOCK))!;
    expect(plan.waiting.map((r) => r.reason)).toEqual(["Request 8", "Request 7"]);
    expect(plan.decided).toHaveLength(DECIDED_REQUESTS_SHOWN);
    expect(plan.decided.map((r) => [r.reason, r.status])).toEqual([
      ["Request 6", "APPROVED"],
      ["Request 5", "REJECTED"],
      ["Request 4", "APPROVED"],
      ["Request 3", "APPROVED"],
      ["Request 2", "REJECTED"],
    ]);
    expect(plan.decidedTotal).toBe(6);
    expect(plan.decided[1]).toMatchObject({
      previousEndDate: "2026-09-30",
      proposedEndDate: "2026-10-21",
      requestedByName: "Aisha Okafor",
      decidedByName: "Dr Helen Ashworth",
      decisionReason: "Not justified",
    });
  });
});
