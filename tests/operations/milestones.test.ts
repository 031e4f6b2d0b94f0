import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/milestones";
import {
  cancelMilestone,
  changeMilestoneForecast,
  completeMilestone,
  createMilestone,
} from "@/lib/server/operations/milestones";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Milestone", "MilestoneChange", "AuditEvent"] as const;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = () => computeLocalDate(new Date(), "Europe/London");
const inDays = (days: number) => iso(new Date(today().getTime() + days * 86_400_000));

let pm: Actor; // R on the project
let sponsor: Actor; // A on the project
let pmo: Actor;
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor;
let projectId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const site = await make.createSite();
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  otherPm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  const project = await make.createProject({
    siteId: site.id,
    raci: [
      { userId: pm.id, letter: "R" },
      { userId: sponsor.id, letter: "A" },
      { userId: champion.id, letter: "C" },
      { userId: viewer.id, letter: "I" },
    ],
  });
  projectId = project.id;
});

async function auditEventsFor(entityId: string) {
  return db().auditEvent.findMany({ where: { entityId } });
}

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
    ["a viewer, even when informed", () => viewer],
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

  it("refuses an unknown project", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      createMilestone(pmo, {
        projectId: "6f1c1f0e-0000-4000-8000-000000000000",
        title: "Nowhere",
        baselineDate: inDays(5),
      }),
    );
  });
});

describe("changing a forecast, completing and cancelling", () => {
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

  it("refuses a forecast change without a meaningful reason, naming the reason field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changeMilestoneForecast(pm, { milestoneId, version: 0, forecastDate: inDays(40), reason: "see above" }),
    );
    expect(refused.fieldErrors?.reason?.length).toBeGreaterThan(0);
  });

  it("refuses a stale version with CONFLICT", async () => {
    await db().milestone.update({ where: { id: milestoneId }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      changeMilestoneForecast(pm, {
        milestoneId,
        version: 0,
        forecastDate: inDays(40),
        reason: "Ward reconfiguration postponed by winter pressures",
      }),
    );
  });

  it("refuses an unknown milestone and a user who is not R or A", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      completeMilestone(pm, {
        milestoneId: "6f1c1f0e-0000-4000-8000-000000000001",
        version: 0,
        actualDate: inDays(0),
      }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      completeMilestone(otherPm, { milestoneId, version: 0, actualDate: inDays(0) }),
    );
  });

  it("completes on a date not in the future, and then refuses to move the forecast", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      completeMilestone(pm, { milestoneId, version: 0, actualDate: inDays(3) }),
    );
    expect(await completeMilestone(pmo, { milestoneId, version: 0, actualDate: inDays(0) })).toMatchObject({
      ok: true,
    });
    const done = await db().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect(done).toMatchObject({ status: "DONE", version: 1 });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changeMilestoneForecast(pm, {
        milestoneId,
        version: 1,
        forecastDate: inDays(50),
        reason: "Clinical validation took two extra cycles",
      }),
    );
  });

  it("cancels with a reason, kept in the audit event", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      cancelMilestone(pm, { milestoneId, version: 0, reason: "" }),
    );
    const result = await cancelMilestone(pm, {
      milestoneId,
      version: 0,
      reason: "Scope moved to the phase two rollout",
    });
    expect(result).toMatchObject({ ok: true });
    const events = await auditEventsFor(milestoneId);
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({
      status: "CANCELLED",
      reason: "Scope moved to the phase two rollout",
    });
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
