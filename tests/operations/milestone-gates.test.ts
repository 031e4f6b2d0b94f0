// Signing off gate milestones (docs/governance-rules.md GATE-6) on a real database: the project's
// Accountable or an executive signs off a done go/no-go milestone, never its owner or the
// project's R; a refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { approveMilestoneGate } from "@/lib/server/operations/milestone-gates";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Milestone", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let accountable: Actor; // PROJECT_MANAGER, A on the projects below
let pm: Actor; // R on the projects below
let executive: Actor; // no letter anywhere
let pmo: Actor;
let admin: Actor;
let siteId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  siteId = (await make.createSite()).id;
  accountable = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
});

async function gateMilestone(
  options: {
    status?: MilestoneStatus;
    isGate?: boolean;
    ownerId?: string;
    stage?: "PILOT" | "CANCELLED";
  } = {},
) {
  const project = await make.createProject({
    siteId,
    stage: options.stage ?? "PILOT",
    raci: [
      { userId: accountable.id, letter: "A" },
      { userId: pm.id, letter: "R" },
    ],
  });
  const milestone = await make.createMilestone({
    projectId: project.id,
    title: "Pilot evaluation",
    baselineDate: "2026-01-15",
    status: options.status ?? "DONE",
    isGate: options.isGate ?? true,
  });
  if (options.ownerId) {
    return db().milestone.update({ where: { id: milestone.id }, data: { ownerId: options.ownerId } });
  }
  return milestone;
}

const approve = (who: Actor, milestoneId: string, version = 0) =>
  approveMilestoneGate(who, { milestoneId, version });

describe("approveMilestoneGate (GATE-6)", () => {
  it("lets the project's Accountable sign off a done gate, audited once", async () => {
    const milestone = await gateMilestone({ ownerId: pm.id });
    const result = await approve(accountable, milestone.id);
    expect(result).toMatchObject({ ok: true, data: { version: 1, gateApprovedById: accountable.id } });
    const saved = await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(saved.gateApprovedAt).toBeInstanceOf(Date);
    const events = await db().auditEvent.findMany({ where: { entityId: milestone.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "milestone.approve_gate",
      actorId: accountable.id,
      before: { gateApprovedById: null },
      after: { gateApprovedById: accountable.id, version: 1 },
    });
  });

  it("lets an executive with no letter sign off", async () => {
    const milestone = await gateMilestone();
    expect(await approve(executive, milestone.id)).toMatchObject({ ok: true });
  });

  it("refuses the milestone's owner, even as the Accountable, saying why", async () => {
    const milestone = await gateMilestone({ ownerId: accountable.id });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      approve(accountable, milestone.id),
    );
    expect(refused.message).toMatch(/^You own this milestone, so someone else signs its gate off/);
  });

  it("refuses an executive who is the project's Responsible, saying why", async () => {
    const milestone = await gateMilestone();
    await db().raciAssignment.create({
      data: { projectId: milestone.projectId, userId: executive.id, letter: "R" },
    });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      approve(executive, milestone.id),
    );
    expect(refused.message).toMatch(
      /^You are this project's Responsible, so someone else signs its gate off/,
    );
  });

  it.each([
    ["the project's Responsible", () => pm],
    ["the PMO", () => pmo],
    ["an administrator", () => admin],
  ])("refuses %s", async (_who, who) => {
    const milestone = await gateMilestone();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => approve(who(), milestone.id));
  });

  it("refuses a milestone that is not a gate, not done, or already signed off", async () => {
    const notGate = await gateMilestone({ isGate: false });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(executive, notGate.id));
    expect(refused.message).toMatch(/is not a gate milestone/);
    const open = await gateMilestone({ status: "IN_PROGRESS" });
    const notDone = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(executive, open.id));
    expect(notDone.message).toMatch(/^“Pilot evaluation” is not done/);
    const done = await gateMilestone();
    expect(await approve(executive, done.id)).toMatchObject({ ok: true });
    const twice = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(accountable, done.id, 1));
    expect(twice.message).toMatch(/already signed off/);
  });

  it("refuses a gate on a cancelled project", async () => {
    const milestone = await gateMilestone({ stage: "CANCELLED" });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(executive, milestone.id));
    expect(refused.message).toMatch(/^The project is cancelled/);
  });

  it("refuses a stale version, an unknown milestone and bad input", async () => {
    const milestone = await gateMilestone();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () => approve(executive, milestone.id, 2));
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => approve(executive, UNKNOWN));
    const bad = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      approveMilestoneGate(executive, { milestoneId: "x", version: "v" }),
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["milestoneId", "version"]));
  });
});
