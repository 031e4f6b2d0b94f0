import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import {
  cancelMilestone,
  changeMilestoneForecast,
  completeMilestone,
  createMilestone,
} from "@/lib/server/operations/milestones";
import * as make from "../server/fixtures";
import { countStatements } from "../support/count-statements";
import { inDays, iso } from "../support/operation-calls";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Milestone", "MilestoneChange", "AuditEvent"] as const;
const UNKNOWN_ID = "6f1c1f0e-0000-4000-8000-000000000001";

let pm: Actor; // R on the project
let sponsor: Actor; // A on the project
let pmo: Actor;
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor; // R on the project, but read-only by organisation role
let siteId: string;
let projectId: string;

beforeAll(async () => {
  // Still proposed, so its plan changes directly (docs/governance-rules.md REB-4).
  const team = await createProjectTeam({ stage: "PROPOSED" });
  ({
    responsible: pm,
    accountable: sponsor,
    pmo,
    outsider: otherPm,
    champion,
    viewer,
    siteId,
    projectId,
  } = team);
  // The viewer holds R here: a viewer's role stays read-only whatever their letter.
  await db().raciAssignment.updateMany({ where: { projectId, userId: viewer.id }, data: { letter: "R" } });
});

function projectIn(
  stage: "APPROVED" | "PILOT" | "ROLLOUT" | "ON_HOLD",
  heldFromStage?: "PROPOSED" | "PILOT",
) {
  return make.createProject({
    siteId,
    stage,
    ...(heldFromStage ? { heldFromStage } : {}),
    raci: [
      { userId: pm.id, letter: "R" },
      { userId: sponsor.id, letter: "A" },
    ],
  });
}

/** Projects whose plan is approved: past PROPOSED, or on hold from such a stage. */
const APPROVED_PLANS = [
  ["APPROVED", () => projectIn("APPROVED")],
  ["PILOT", () => projectIn("PILOT")],
  ["ROLLOUT", () => projectIn("ROLLOUT")],
  ["ON_HOLD from PILOT", () => projectIn("ON_HOLD", "PILOT")],
] as const;

async function auditEventsFor(entityId: string) {
  return db().auditEvent.findMany({ where: { entityId } });
}

/** Refused by authority alone: one holds no letter, the other holds R but only a viewer's role. */
const NOT_ALLOWED = [
  ["a project manager with no letter on the project", () => otherPm],
  ["a viewer, even one who is Responsible", () => viewer],
] as const;

describe("createMilestone", () => {
  it("adds the milestone with its forecast on the baseline, audited once", async () => {
    const result = await createMilestone(pm, {
      projectId,
      title: "Go-live on ward 7",
      baselineDate: inDays(30),
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const saved = await db().milestone.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(iso(saved.forecastDate)).toBe(inDays(30));
    const events = await auditEventsFor(saved.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "milestone.create", actorId: pm.id, entityType: "Milestone" });
  });

  it.each([
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project", () => champion],
    ["a viewer, even one who is Responsible", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      createMilestone(who(), { projectId, title: "Not theirs", baselineDate: inDays(10) }),
    );
  });

  it("refuses bad input with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createMilestone(pm, { projectId, title: " ", baselineDate: "31/12/2026" }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["title", "baselineDate"]));
  });

  it("refuses an inactive owner, beside the owner field", async () => {
    const leaver = await make.createUser({ role: "PROJECT_MANAGER", active: false });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createMilestone(pm, {
        projectId,
        title: "Owned by a leaver",
        baselineDate: inDays(15),
        ownerId: leaver.id,
      }),
    );
    expect(refused.fieldErrors?.ownerId?.length).toBeGreaterThan(0);
  });

  it.each(["CLOSED", "CANCELLED"] as const)("refuses a new milestone on a %s project", async (stage) => {
    const finished = await make.createProject({
      siteId,
      stage,
      raci: [
        { userId: pm.id, letter: "R" },
        { userId: sponsor.id, letter: "A" },
      ],
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      createMilestone(pm, { projectId: finished.id, title: "Too late", baselineDate: inDays(10) }),
    );
    expect(refused.message).toMatch(/closed or cancelled/);
  });

  it("refuses an unknown project", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      createMilestone(pmo, { projectId: UNKNOWN_ID, title: "Nowhere", baselineDate: inDays(5) }),
    );
  });

  // docs/governance-rules.md REB-4
  it.each(APPROVED_PLANS)(
    "refuses a direct addition once the plan is approved (%s), pointing to the scope change request",
    async (_stage, arrange) => {
      const live = await arrange();
      const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
        createMilestone(pm, { projectId: live.id, title: "Late addition", baselineDate: inDays(30) }),
      );
      expect(refused.message).toMatch(
        /so its plan is approved and adding a milestone changes its scope: raise a scope change request instead/,
      );
    },
  );

  it("adds directly to a project put on hold while still proposed", async () => {
    const held = await projectIn("ON_HOLD", "PROPOSED");
    expect(
      await createMilestone(pm, {
        projectId: held.id,
        title: "Business case signed",
        baselineDate: inDays(30),
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("changeMilestoneForecast", () => {
  const reason = "Ward reconfiguration postponed by winter pressures";
  let milestoneId: string;
  beforeEach(async () => {
    milestoneId = (await make.createMilestone({ projectId, baselineDate: inDays(20) })).id;
  });

  it("moves the forecast with its reason kept in the history, and bumps the version", async () => {
    const result = await changeMilestoneForecast(sponsor, {
      milestoneId,
      version: 0,
      forecastDate: inDays(34),
      reason: "Supplier delay on the interface build",
    });
    expect(result).toMatchObject({ ok: true, data: { id: milestoneId, version: 1 } });
    const changes = await db().milestoneChange.findMany({ where: { milestoneId } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      reason: "Supplier delay on the interface build",
      changedById: sponsor.id,
    });
    expect(iso(changes[0]!.oldDate)).toBe(inDays(20));
    expect(iso(changes[0]!.newDate)).toBe(inDays(34));
    const events = await auditEventsFor(milestoneId);
    expect(events.map((e) => e.action)).toEqual(["milestone.change_forecast"]);
  });

  it("carries the project's forecast end with a milestone forecast past it, in the one audit event (NUM-1)", async () => {
    const project = await make.createProject({
      siteId,
      baselineEndDate: inDays(50),
      raci: [{ userId: pm.id, letter: "R" }],
    });
    const milestone = await make.createMilestone({ projectId: project.id, baselineDate: inDays(20) });
    const result = await changeMilestoneForecast(pm, {
      milestoneId: milestone.id,
      version: 0,
      forecastDate: inDays(70),
      reason: "Supplier delay on the interface build",
    });
    expect(result).toMatchObject({ ok: true });
    const saved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(iso(saved.forecastEndDate)).toBe(inDays(70));
    expect(iso(saved.baselineEndDate)).toBe(inDays(50));
    // An edit of the project read before this is now stale.
    expect(saved.version).toBe(1);
    const events = await db().auditEvent.findMany({
      where: { entityId: { in: [milestone.id, project.id] } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "milestone.change_forecast",
      before: { projectForecastEndDate: `${inDays(50)}T00:00:00.000Z` },
      after: { projectForecastEndDate: `${inDays(70)}T00:00:00.000Z` },
    });
  });

  it("leaves the project's forecast end and version alone while the milestone still lands by it", async () => {
    const project = await make.createProject({
      siteId,
      baselineEndDate: inDays(50),
      raci: [{ userId: pm.id, letter: "R" }],
    });
    const milestone = await make.createMilestone({ projectId: project.id, baselineDate: inDays(20) });
    const result = await changeMilestoneForecast(pm, {
      milestoneId: milestone.id,
      version: 0,
      forecastDate: inDays(50),
      reason: "Supplier delay on the interface build",
    });
    expect(result).toMatchObject({ ok: true });
    const saved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect([iso(saved.forecastEndDate), saved.version]).toEqual([inDays(50), 0]);
    const [event] = await auditEventsFor(milestone.id);
    expect(event?.after).not.toHaveProperty("projectForecastEndDate");
  });

  it("moves neither the milestone nor the project's forecast end when the change is refused", async () => {
    const project = await make.createProject({
      siteId,
      baselineEndDate: inDays(50),
      raci: [{ userId: pm.id, letter: "R" }],
    });
    const milestone = await make.createMilestone({ projectId: project.id, baselineDate: inDays(20) });
    await expectRefusedWithoutChange([...TABLES, "Project"], "RULE", () =>
      changeMilestoneForecast(pm, {
        milestoneId: milestone.id,
        version: 0,
        forecastDate: inDays(90),
        reason: "",
      }),
    );
  });

  it("refuses a forecast change without a meaningful reason, naming the reason field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changeMilestoneForecast(pm, { milestoneId, version: 0, forecastDate: inDays(40), reason: "see above" }),
    );
    expect(refused.fieldErrors?.reason?.length).toBeGreaterThan(0);
  });

  it("refuses to move the forecast of a milestone that is done", async () => {
    const done = await make.createMilestone({ projectId, baselineDate: inDays(-5), status: "DONE" });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changeMilestoneForecast(pm, { milestoneId: done.id, version: 0, forecastDate: inDays(50), reason }),
    );
    expect(refused.message).toMatch(/milestone is done/);
  });

  it.each(NOT_ALLOWED)("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      changeMilestoneForecast(who(), { milestoneId, version: 0, forecastDate: inDays(40), reason }),
    );
  });

  it("refuses a stale version with CONFLICT", async () => {
    await db().milestone.update({ where: { id: milestoneId }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      changeMilestoneForecast(pm, { milestoneId, version: 0, forecastDate: inDays(40), reason }),
    );
  });

  it("refuses a date that is not a date, beside the forecast field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      changeMilestoneForecast(pm, { milestoneId, version: 0, forecastDate: "next Tuesday", reason }),
    );
    expect(refused.fieldErrors?.forecastDate?.length).toBeGreaterThan(0);
  });

  it("refuses an unknown milestone", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      changeMilestoneForecast(pm, { milestoneId: UNKNOWN_ID, version: 0, forecastDate: inDays(40), reason }),
    );
  });

  it("audits the milestone as read and as saved, dates as ISO instants, beside the reason", async () => {
    const read = await db().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    const result = await changeMilestoneForecast(pm, {
      milestoneId,
      version: 0,
      forecastDate: inDays(30),
      reason,
    });
    expect(result).toMatchObject({ ok: true, data: { id: milestoneId, version: 1 } });
    const saved = await db().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    const [event] = await auditEventsFor(milestoneId);
    expect(event).toMatchObject({ actorId: pm.id, requestId: pm.requestId, entityType: "Milestone" });
    expect(event?.before).toEqual(JSON.parse(JSON.stringify(read)));
    expect(event?.after).toEqual({ ...JSON.parse(JSON.stringify(saved)), reason });
  });

  it("takes a locking read and one write in its transaction, however many milestones the project has", async () => {
    const project = await make.createProject({ siteId, raci: [{ userId: pm.id, letter: "R" }] });
    const first = await make.createMilestone({ projectId: project.id, baselineDate: inDays(20) });
    const counts: number[] = [];
    for (const extra of [0, 20]) {
      for (let i = 0; i < extra; i += 1)
        await make.createMilestone({ projectId: project.id, baselineDate: inDays(10 + i) });
      const { version } = await db().milestone.findUniqueOrThrow({ where: { id: first.id } });
      const { result, statements } = await countStatements(() =>
        changeMilestoneForecast(pm, {
          milestoneId: first.id,
          version,
          forecastDate: inDays(60 + extra),
          reason,
        }),
      );
      expect(result).toMatchObject({ ok: true });
      counts.push(statements.length);
    }
    // The locking read, the one write (milestone, history, project end, audit) and COMMIT; the
    // query log leaves out BEGIN.
    expect(counts).toEqual([3, 3]);
    const project2 = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(iso(project2.forecastEndDate)).toBe(inDays(80));
    expect(await db().milestoneChange.count({ where: { milestoneId: first.id } })).toBe(2);
  });

  it("lets exactly one of two concurrent edits of the same version win; the other gets CONFLICT", async () => {
    const [first, second] = await Promise.all([
      changeMilestoneForecast(pm, {
        milestoneId,
        version: 0,
        forecastDate: inDays(27),
        reason: "Supplier delay on the interface build",
      }),
      changeMilestoneForecast(sponsor, {
        milestoneId,
        version: 0,
        forecastDate: inDays(41),
        reason: "Awaiting DPIA sign-off from information governance",
      }),
    ]);
    const results = [first, second];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const winner = first.ok ? inDays(27) : inDays(41);
    const saved = await db().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect({ forecast: iso(saved.forecastDate), version: saved.version }).toEqual({
      forecast: winner,
      version: 1,
    });
    expect(await db().milestoneChange.count({ where: { milestoneId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: milestoneId } })).toBe(1);
  });
});

describe("completeMilestone", () => {
  let milestoneId: string;
  beforeEach(async () => {
    milestoneId = (await make.createMilestone({ projectId, baselineDate: inDays(20) })).id;
  });

  it("marks the milestone done on a date not in the future, audited once as milestone.complete", async () => {
    const result = await completeMilestone(pmo, { milestoneId, version: 0, actualDate: inDays(0) });
    expect(result).toMatchObject({ ok: true, data: { id: milestoneId, version: 1 } });
    const done = await db().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect(done).toMatchObject({ status: "DONE", version: 1 });
    expect(iso(done.actualDate!)).toBe(inDays(0));
    const events = await auditEventsFor(milestoneId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "milestone.complete",
      actorId: pmo.id,
      entityType: "Milestone",
    });
  });

  it("refuses an actual date in the future", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      completeMilestone(pm, { milestoneId, version: 0, actualDate: inDays(3) }),
    );
    expect(refused.fieldErrors?.actualDate?.length).toBeGreaterThan(0);
  });

  it.each(NOT_ALLOWED)("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      completeMilestone(who(), { milestoneId, version: 0, actualDate: inDays(0) }),
    );
  });

  it("refuses a stale version with CONFLICT", async () => {
    await db().milestone.update({ where: { id: milestoneId }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      completeMilestone(pm, { milestoneId, version: 0, actualDate: inDays(0) }),
    );
  });

  it("refuses a date that is not a date, beside the actual date field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      completeMilestone(pm, { milestoneId, version: 0, actualDate: "yesterday" }),
    );
    expect(refused.fieldErrors?.actualDate?.length).toBeGreaterThan(0);
  });

  it("refuses an unknown milestone", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      completeMilestone(pm, { milestoneId: UNKNOWN_ID, version: 0, actualDate: inDays(0) }),
    );
  });
});

describe("cancelMilestone", () => {
  const reason = "Scope moved to the phase two rollout";
  let milestoneId: string;
  beforeEach(async () => {
    milestoneId = (await make.createMilestone({ projectId, baselineDate: inDays(20) })).id;
  });

  it("cancels with a reason, kept in the audit event", async () => {
    const result = await cancelMilestone(pm, { milestoneId, version: 0, reason });
    expect(result).toMatchObject({ ok: true, data: { id: milestoneId, version: 1 } });
    const events = await auditEventsFor(milestoneId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "milestone.cancel", actorId: pm.id });
    expect(events[0]?.after).toMatchObject({ status: "CANCELLED", reason });
  });

  it("refuses to cancel without a reason", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      cancelMilestone(pm, { milestoneId, version: 0, reason: "" }),
    );
    expect(refused.fieldErrors?.reason?.length).toBeGreaterThan(0);
  });

  it.each(NOT_ALLOWED)("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      cancelMilestone(who(), { milestoneId, version: 0, reason }),
    );
  });

  it("refuses a stale version with CONFLICT", async () => {
    await db().milestone.update({ where: { id: milestoneId }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      cancelMilestone(pm, { milestoneId, version: 0, reason }),
    );
  });

  it("refuses a version that is not a number, beside the version field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      cancelMilestone(pm, { milestoneId, version: "latest", reason }),
    );
    expect(refused.fieldErrors?.version?.length).toBeGreaterThan(0);
  });

  it("refuses an unknown milestone", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      cancelMilestone(pm, { milestoneId: UNKNOWN_ID, version: 0, reason }),
    );
  });

  // docs/governance-rules.md REB-4
  it.each(APPROVED_PLANS)(
    "refuses a direct cancellation once the plan is approved (%s), pointing to the scope change request",
    async (_stage, arrange) => {
      const live = await arrange();
      const milestone = await make.createMilestone({ projectId: live.id, baselineDate: inDays(20) });
      const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
        cancelMilestone(pm, { milestoneId: milestone.id, version: 0, reason }),
      );
      expect(refused.message).toMatch(
        /cancelling a milestone changes its scope: raise a scope change request instead/,
      );
    },
  );

  it.each(["CLOSED", "CANCELLED"] as const)(
    "refuses to cancel a milestone of a %s project",
    async (stage) => {
      const finished = await make.createProject({
        siteId,
        stage,
        raci: [
          { userId: pm.id, letter: "R" },
          { userId: sponsor.id, letter: "A" },
        ],
      });
      const milestone = await make.createMilestone({ projectId: finished.id, baselineDate: inDays(20) });
      const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
        cancelMilestone(pm, { milestoneId: milestone.id, version: 0, reason }),
      );
      expect(refused.message).toMatch(/closed or cancelled/);
    },
  );
});
