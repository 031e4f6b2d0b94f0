import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { decideRebaseline, requestRebaseline } from "@/lib/server/operations/rebaselines";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Rebaseline", "Project", "Milestone", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const REASON = "Supplier delivery slipped by six weeks";
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

let sponsor: Actor; // EXECUTIVE, A on the project
let pm: Actor; // R on the project
let pmo: Actor;
let otherPm: Actor;
let otherExec: Actor; // EXECUTIVE with no letter
let admin: Actor;
let viewer: Actor;
let siteId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  siteId = (await make.createSite()).id;
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  otherPm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  otherExec = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
});

function project(stage: "PILOT" | "CLOSED" = "PILOT") {
  return make.createProject({
    siteId,
    stage,
    baselineEndDate: "2026-12-31",
    baselineBudget: "250000.00",
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: viewer.id, letter: "I" },
    ],
  });
}

/** A pending request written directly, as requestRebaseline would leave it. */
function pending(
  projectId: string,
  requestedById: string,
  values: { endDate?: string; budget?: string; milestone?: { id: string; from: string; to: string } } = {},
) {
  return db().rebaseline.create({
    data: {
      projectId,
      requestedById,
      reason: REASON,
      previousEndDate: values.endDate ? make.day("2026-12-31") : null,
      proposedEndDate: values.endDate ? make.day(values.endDate) : null,
      previousBudget: values.budget ? "250000.00" : null,
      proposedBudget: values.budget ?? null,
      ...(values.milestone
        ? {
            milestoneId: values.milestone.id,
            previousMilestoneDate: make.day(values.milestone.from),
            proposedMilestoneDate: make.day(values.milestone.to),
          }
        : {}),
    },
  });
}

describe("requestRebaseline", () => {
  it("records the request with the values it would replace, audited once; nothing moves yet", async () => {
    const { id } = await project();
    const result = await requestRebaseline(pm, {
      projectId: id,
      proposedEndDate: "2027-03-31",
      proposedBudget: "275,000",
      reason: `  ${REASON}  `,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "REQUESTED", version: 0 } });
    if (!result.ok) return;
    const saved = await db().rebaseline.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ requestedById: pm.id, reason: REASON, milestoneId: null });
    expect(iso(saved.previousEndDate)).toBe("2026-12-31");
    expect(iso(saved.proposedEndDate)).toBe("2027-03-31");
    expect(saved.previousBudget?.toFixed(2)).toBe("250000.00");
    expect(saved.proposedBudget?.toFixed(2)).toBe("275000.00");
    expect(saved.previousMilestoneDate).toBeNull();
    const unchanged = await db().project.findUniqueOrThrow({ where: { id } });
    expect(iso(unchanged.baselineEndDate)).toBe("2026-12-31");
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "rebaseline.request",
      actorId: pm.id,
      entityType: "Rebaseline",
    });
  });

  it("captures a milestone's current baseline date", async () => {
    const { id } = await project();
    const milestone = await make.createMilestone({ projectId: id, baselineDate: "2026-03-01" });
    const result = await requestRebaseline(pmo, {
      projectId: id,
      milestoneId: milestone.id,
      proposedMilestoneDate: "2026-04-15",
      reason: REASON,
    });
    if (!result.ok) throw new Error(result.message);
    const saved = await db().rebaseline.findUniqueOrThrow({ where: { id: result.data.id } });
    expect({ from: iso(saved.previousMilestoneDate), to: iso(saved.proposedMilestoneDate) }).toEqual({
      from: "2026-03-01",
      to: "2026-04-15",
    });
    expect(saved.previousEndDate).toBeNull();
  });

  it("refuses a request that moves nothing, repeats the baseline or gives no reason, field by field", async () => {
    const { id } = await project();
    const nothing = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestRebaseline(pm, { projectId: id, reason: REASON }),
    );
    expect(nothing.fieldErrors?.proposedEndDate).toHaveLength(1);
    const same = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestRebaseline(pm, {
        projectId: id,
        proposedBudget: "250000",
        proposedEndDate: "2026-12-31",
        reason: "",
      }),
    );
    expect(Object.keys(same.fieldErrors ?? {}).sort()).toEqual([
      "proposedBudget",
      "proposedEndDate",
      "reason",
    ]);
  });

  it("refuses a milestone of another project, and any request on a closed project", async () => {
    const { id } = await project();
    const elsewhere = await make.createMilestone({
      projectId: (await project()).id,
      baselineDate: "2026-03-01",
    });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestRebaseline(pm, {
        projectId: id,
        milestoneId: elsewhere.id,
        proposedMilestoneDate: "2026-05-01",
        reason: REASON,
      }),
    );
    expect(refused.fieldErrors?.milestoneId).toEqual(["Choose a milestone of this project"]);
    const closed = await project("CLOSED");
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestRebaseline(pmo, { projectId: closed.id, proposedEndDate: "2027-06-30", reason: REASON }),
    );
  });

  it.each([
    ["a project manager with no letter", () => otherPm],
    ["an executive with no letter (executives decide, the team requests)", () => otherExec],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const { id } = await project();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      requestRebaseline(who(), { projectId: id, proposedEndDate: "2027-03-31", reason: REASON }),
    );
  });

  it("refuses an unknown project and bad input", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      requestRebaseline(pm, { projectId: UNKNOWN, proposedEndDate: "2027-03-31", reason: REASON }),
    );
    const { id } = await project();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestRebaseline(pm, {
        projectId: id,
        proposedEndDate: "next spring",
        proposedBudget: "-1",
        reason: REASON,
      }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["proposedEndDate", "proposedBudget"]),
    );
  });
});

describe("decideRebaseline", () => {
  it("approval by the Accountable moves the project's baselines in the same transaction, audited once", async () => {
    const before = await project();
    const request = await pending(before.id, pm.id, { endDate: "2027-03-31", budget: "280000.00" });
    const result = await decideRebaseline(sponsor, {
      rebaselineId: request.id,
      version: 0,
      decision: "APPROVED",
    });
    expect(result).toMatchObject({ ok: true, data: { status: "APPROVED", version: 1 } });
    const after = await db().project.findUniqueOrThrow({ where: { id: before.id } });
    expect(iso(after.baselineEndDate)).toBe("2027-03-31");
    expect(after.baselineBudget.toFixed(2)).toBe("280000.00");
    expect(iso(after.forecastEndDate)).toBe(iso(before.forecastEndDate));
    expect(after.version).toBe(before.version + 1);
    expect(await db().rebaseline.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: sponsor.id,
      decisionReason: null,
    });
    const events = await db().auditEvent.findMany({ where: { actorId: sponsor.id, entityId: request.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "rebaseline.approve", after: { applied: expect.any(Object) } });
    expect(await db().auditEvent.count({ where: { entityId: before.id } })).toBe(0);
  });

  it("approval by an executive with no letter moves a milestone's baseline", async () => {
    const { id } = await project();
    const milestone = await make.createMilestone({ projectId: id, baselineDate: "2026-03-01" });
    const request = await pending(id, pm.id, {
      milestone: { id: milestone.id, from: "2026-03-01", to: "2026-04-15" },
    });
    expect(
      await decideRebaseline(otherExec, {
        rebaselineId: request.id,
        version: 0,
        decision: "APPROVED",
        reason: "Agreed at the November board",
      }),
    ).toMatchObject({ ok: true });
    const moved = await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect({ baseline: iso(moved.baselineDate), version: moved.version }).toEqual({
      baseline: "2026-04-15",
      version: 1,
    });
  });

  it("rejects with a reason, leaving the baseline where it was; a rejection without one is refused", async () => {
    const { id } = await project();
    const request = await pending(id, pm.id, { budget: "400000.00" });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      decideRebaseline(admin, { rebaselineId: request.id, version: 0, decision: "REJECTED" }),
    );
    expect(refused.fieldErrors?.reason).toHaveLength(1);
    const result = await decideRebaseline(admin, {
      rebaselineId: request.id,
      version: 0,
      decision: "REJECTED",
      reason: "The benefits case does not cover the extra spend",
    });
    expect(result).toMatchObject({ ok: true, data: { status: "REJECTED" }, message: "Rebaseline rejected." });
    const unchanged = await db().project.findUniqueOrThrow({ where: { id } });
    expect(unchanged.baselineBudget.toFixed(2)).toBe("250000.00");
    const events = await db().auditEvent.findMany({ where: { entityId: request.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "rebaseline.reject",
      after: { status: "REJECTED", decisionReason: "The benefits case does not cover the extra spend" },
    });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      decideRebaseline(admin, { rebaselineId: request.id, version: 1, decision: "APPROVED" }),
    );
  });

  it("refuses the requester, even when they are the Accountable", async () => {
    const { id } = await project();
    const own = await pending(id, sponsor.id, { endDate: "2027-01-31" });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(sponsor, { rebaselineId: own.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/You requested this rebaseline/);
  });

  it.each([
    ["the Responsible", () => pm],
    ["the PMO", () => pmo],
    ["a project manager with no letter", () => otherPm],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const { id } = await project();
    const request = await pending(id, admin.id, { endDate: "2027-01-31" });
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(who(), { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
  });

  it("refuses to approve over a baseline another approval has moved since", async () => {
    const { id } = await project();
    const first = await pending(id, pm.id, { endDate: "2027-01-31" });
    const second = await pending(id, pm.id, { endDate: "2027-06-30" });
    expect(
      await decideRebaseline(sponsor, { rebaselineId: first.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({
      ok: true,
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      decideRebaseline(sponsor, { rebaselineId: second.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/baseline has moved since this was requested/);
  });

  it("refuses a stale version, an unknown rebaseline and bad input", async () => {
    const { id } = await project();
    const request = await pending(id, pm.id, { endDate: "2027-01-31" });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      decideRebaseline(sponsor, { rebaselineId: request.id, version: 2, decision: "APPROVED" }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      decideRebaseline(sponsor, { rebaselineId: UNKNOWN, version: 0, decision: "APPROVED" }),
    );
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      decideRebaseline(sponsor, { rebaselineId: request.id, version: "x", decision: "MAYBE" }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["version", "decision"]));
  });
});
