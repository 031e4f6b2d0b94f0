import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { cancelMilestone, createMilestone } from "@/lib/server/operations/milestones";
import { decideRebaseline, requestRebaseline, requestScopeChange } from "@/lib/server/operations/rebaselines";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Rebaseline", "Project", "Milestone", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const REASON = "Supplier delivery slipped by six weeks";
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

let sponsor: Actor; // EXECUTIVE, A on the project
let pm: Actor; // R on the project
let pmLead: Actor; // a PROJECT_MANAGER who is A on the projects `ledBy` makes
let execR: Actor; // an EXECUTIVE who is R on the projects `ledBy` makes
let pmo: Actor;
let otherPm: Actor;
let otherExec: Actor; // EXECUTIVE with no letter
let admin: Actor;
let viewer: Actor;
let siteId: string;

beforeAll(async () => {
  ({
    siteId,
    accountable: sponsor,
    responsible: pm,
    pmo,
    outsider: otherPm,
    executive: otherExec,
    admin,
    viewer,
  } = await createProjectTeam());
  pmLead = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  execR = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
});

function project(stage: "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT" | "ON_HOLD" | "CLOSED" = "PILOT") {
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
      decideRebaseline(otherExec, { rebaselineId: request.id, version: 0, decision: "REJECTED" }),
    );
    expect(refused.fieldErrors?.reason).toHaveLength(1);
    const result = await decideRebaseline(otherExec, {
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
      decideRebaseline(otherExec, { rebaselineId: request.id, version: 1, decision: "APPROVED" }),
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
    ["an admin (admins take no portfolio decisions)", () => admin],
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

/** A project whose A is a project manager (so tolerance decides) and whose R is an executive. */
function ledBy(overrides: { baselineEndDate?: string; baselineBudget?: string } = {}) {
  return make.createProject({
    siteId,
    stage: "PILOT",
    baselineEndDate: overrides.baselineEndDate ?? "2026-12-31",
    baselineBudget: overrides.baselineBudget ?? "250000.00",
    raci: [
      { userId: pmLead.id, letter: "A" },
      { userId: execR.id, letter: "R" },
      { userId: pm.id, letter: "R" },
    ],
  });
}

const auditCount = () => db().auditEvent.count();
const setTolerance = (days: number, percent: number) =>
  db().organisation.update({
    where: { id: 1 },
    data: { rebaselineToleranceDays: days, rebaselineTolerancePercent: percent },
  });

// docs/governance-rules.md REB-2 and REB-3
describe("decideRebaseline: tolerance and who decides", () => {
  it("within tolerance the Accountable (not an executive) approves; the decision is audited once, with the tolerance", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { endDate: "2027-01-30", budget: "262500.00" }); // +30 days, +5%
    const events = await auditCount();
    expect(
      await decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    const after = await db().project.findUniqueOrThrow({ where: { id } });
    expect({ end: iso(after.baselineEndDate), budget: after.baselineBudget.toFixed(2) }).toEqual({
      end: "2027-01-30",
      budget: "262500.00",
    });
    expect(await auditCount()).toBe(events + 1);
    const [event] = await db().auditEvent.findMany({ where: { entityId: request.id } });
    expect(event?.after).toMatchObject({ tolerance: { within: true, breaches: [] } });
  });

  it("beyond tolerance refuses the Accountable who is not an executive, naming the threshold; an executive approves", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { endDate: "2027-02-14" }); // +45 days
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toBe(
      "Beyond tolerance (end date 45 days later; tolerance 30 days): an executive decides this.",
    );
    expect(
      await decideRebaseline(otherExec, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
    const [event] = await db().auditEvent.findMany({ where: { entityId: request.id } });
    expect(event?.after).toMatchObject({ tolerance: { within: false } });
  });

  it("beyond tolerance on the budget refuses the Accountable, with the percentage", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { budget: "280000.00" });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(
      /^Beyond tolerance \(budget 12% higher .*tolerance 5%\): an executive decides this/,
    );
  });

  it("beyond tolerance refuses an executive who is the project's R, who may still reject", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { endDate: "2027-06-30" });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(execR, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/an executive who is not the project's Responsible decides this/);
    expect(
      await decideRebaseline(execR, {
        rebaselineId: request.id,
        version: 0,
        decision: "REJECTED",
        reason: "Six months is not a rebaseline, it is a new business case",
      }),
    ).toMatchObject({ ok: true, data: { status: "REJECTED" } });
  });

  it("the Accountable may reject beyond tolerance: saying no keeps the baseline", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { endDate: "2027-06-30" });
    expect(
      await decideRebaseline(pmLead, {
        rebaselineId: request.id,
        version: 0,
        decision: "REJECTED",
        reason: "Six months is not a rebaseline, it is a new business case",
      }),
    ).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    const unchanged = await db().project.findUniqueOrThrow({ where: { id } });
    expect(iso(unchanged.baselineEndDate)).toBe("2026-12-31");
  });

  it("judges tolerance at decision time, against the settings then in force", async () => {
    const { id } = await ledBy();
    const request = await pending(id, pm.id, { endDate: "2027-01-20" }); // +20 days: within 30
    await setTolerance(10, 5);
    try {
      const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
      );
      expect(refused.message).toMatch(/end date 20 days later; tolerance 10 days/);
    } finally {
      await setTolerance(30, 5);
    }
    expect(
      await decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
  });
});

async function liveMilestone(projectId: string, overrides: { isGate?: boolean; baselineDate?: string } = {}) {
  return make.createMilestone({
    projectId,
    title: "Go-live ward 7",
    baselineDate: overrides.baselineDate ?? "2026-06-01",
    isGate: overrides.isGate ?? false,
  });
}

const ADD = {
  kind: "ADD_MILESTONE",
  proposedMilestoneTitle: "Evaluation report",
  proposedMilestoneDate: "2026-10-01",
  reason: "The board asked for an interim evaluation before rollout",
} as const;
const CANCEL_REASON = "Ward 7 merges with ward 8, so its go-live is folded into ward 8's";

// docs/governance-rules.md REB-5
describe("requestScopeChange", () => {
  it("records an added milestone as a request; nothing is created until it is approved; audited once", async () => {
    const { id } = await project("PILOT");
    const events = await auditCount();
    const result = await requestScopeChange(pm, { ...ADD, projectId: id, proposedMilestoneIsGate: "on" });
    expect(result).toMatchObject({
      ok: true,
      data: { kind: "ADD_MILESTONE", status: "REQUESTED", version: 0 },
    });
    if (!result.ok) return;
    const saved = await db().rebaseline.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      kind: "ADD_MILESTONE",
      proposedMilestoneTitle: "Evaluation report",
      proposedMilestoneIsGate: true,
      milestoneId: null,
      requestedById: pm.id,
    });
    expect(iso(saved.proposedMilestoneDate)).toBe("2026-10-01");
    expect(await db().milestone.count({ where: { projectId: id } })).toBe(0);
    expect(await auditCount()).toBe(events + 1);
    expect(await db().auditEvent.findFirst({ where: { entityId: saved.id } })).toMatchObject({
      action: "rebaseline.request",
    });
  });

  it("records a cancellation with the milestone's baseline; the milestone stays open until approved", async () => {
    const { id } = await project("ON_HOLD"); // held from PILOT
    const milestone = await liveMilestone(id);
    const result = await requestScopeChange(pmo, {
      projectId: id,
      kind: "CANCEL_MILESTONE",
      milestoneId: milestone.id,
      reason: CANCEL_REASON,
    });
    if (!result.ok) throw new Error(result.message);
    const saved = await db().rebaseline.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ kind: "CANCEL_MILESTONE", milestoneId: milestone.id });
    expect(iso(saved.previousMilestoneDate)).toBe("2026-06-01");
    expect(await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      status: "NOT_STARTED",
      version: 0,
    });
  });

  it("refuses a proposed project (it plans directly) and a closed one", async () => {
    const proposed = await project("PROPOSED");
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestScopeChange(pm, { ...ADD, projectId: proposed.id }),
    );
    expect(refused.message).toMatch(/plan is not approved yet, so add the milestone directly/);
    const closed = await project("CLOSED");
    const final = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestScopeChange(pm, { ...ADD, projectId: closed.id }),
    );
    expect(final.message).toMatch(/The project is closed/);
  });

  it("refuses a finished milestone, one of another project, a date before the start, and no reason", async () => {
    const { id } = await project();
    const done = await make.createMilestone({ projectId: id, baselineDate: "2026-01-10", status: "DONE" });
    const finished = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestScopeChange(pm, {
        projectId: id,
        kind: "CANCEL_MILESTONE",
        milestoneId: done.id,
        reason: CANCEL_REASON,
      }),
    );
    expect(finished.fieldErrors?.milestoneId).toHaveLength(1);
    const elsewhere = await liveMilestone((await project()).id);
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestScopeChange(pm, {
        projectId: id,
        kind: "CANCEL_MILESTONE",
        milestoneId: elsewhere.id,
        reason: CANCEL_REASON,
      }),
    );
    const early = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestScopeChange(pm, { ...ADD, projectId: id, proposedMilestoneDate: "2025-05-01", reason: "tbc" }),
    );
    expect(Object.keys(early.fieldErrors ?? {}).sort()).toEqual(["proposedMilestoneDate", "reason"]);
  });

  it("refuses bad input field by field, and an unknown project", async () => {
    const { id } = await project();
    const noKind = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestScopeChange(pm, { projectId: id, reason: CANCEL_REASON }),
    );
    expect(noKind.fieldErrors?.kind).toEqual(["Choose whether to add a milestone or cancel one"]);
    const bad = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestScopeChange(pm, {
        ...ADD,
        projectId: id,
        proposedMilestoneTitle: " ",
        proposedMilestoneDate: "soon",
      }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "proposedMilestoneDate",
      "proposedMilestoneTitle",
    ]);
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      requestScopeChange(pm, { ...ADD, projectId: UNKNOWN }),
    );
  });

  it.each([
    ["a project manager with no letter", () => otherPm],
    ["an executive with no letter", () => otherExec],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const { id } = await project();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      requestScopeChange(who(), { ...ADD, projectId: id }),
    );
  });
});

/** A pending scope change written directly, as requestScopeChange would leave it. */
function pendingScope(
  projectId: string,
  requestedById: string,
  change:
    | { add: { title: string; date: string; isGate?: boolean } }
    | { cancel: { id: string; baselineDate: string } },
) {
  return db().rebaseline.create({
    data: {
      projectId,
      requestedById,
      reason: REASON,
      ...("add" in change
        ? {
            kind: "ADD_MILESTONE",
            proposedMilestoneTitle: change.add.title,
            proposedMilestoneDate: make.day(change.add.date),
            proposedMilestoneIsGate: change.add.isGate ?? false,
          }
        : {
            kind: "CANCEL_MILESTONE",
            milestoneId: change.cancel.id,
            previousMilestoneDate: make.day(change.cancel.baselineDate),
          }),
    },
  });
}

// docs/governance-rules.md REB-5 and REB-6
describe("decideRebaseline: scope changes", () => {
  it("approving an added milestone creates it on its baseline in the decision's transaction, audited once", async () => {
    const { id } = await ledBy();
    const request = await pendingScope(id, pm.id, {
      add: { title: "Evaluation report", date: "2026-10-01", isGate: true },
    });
    const events = await auditCount();
    const result = await decideRebaseline(pmLead, {
      rebaselineId: request.id,
      version: 0,
      decision: "APPROVED",
    });
    expect(result).toMatchObject({
      ok: true,
      data: { kind: "ADD_MILESTONE", status: "APPROVED" },
      message: "Scope change approved: the milestone has been added.",
    });
    const [added, ...others] = await db().milestone.findMany({ where: { projectId: id } });
    expect(others).toEqual([]);
    expect(added).toMatchObject({
      title: "Evaluation report",
      isGate: true,
      status: "NOT_STARTED",
      version: 0,
    });
    expect({ baseline: iso(added!.baselineDate), forecast: iso(added!.forecastDate) }).toEqual({
      baseline: "2026-10-01",
      forecast: "2026-10-01",
    });
    expect(await db().rebaseline.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      milestoneId: added!.id,
    });
    expect(await auditCount()).toBe(events + 1);
    expect(await db().auditEvent.findFirst({ where: { entityId: request.id } })).toMatchObject({
      action: "rebaseline.approve",
      after: { applied: { milestoneAdded: { to: { id: added!.id } } } },
    });
  });

  it("approving a cancellation cancels the milestone; rejecting an addition creates nothing", async () => {
    const { id } = await ledBy();
    const milestone = await liveMilestone(id);
    const cancel = await pendingScope(id, pm.id, {
      cancel: { id: milestone.id, baselineDate: "2026-06-01" },
    });
    expect(
      await decideRebaseline(pmLead, { rebaselineId: cancel.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true, message: "Scope change approved: the milestone is cancelled." });
    expect(await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      status: "CANCELLED",
      version: 1,
    });
    const add = await pendingScope(id, pm.id, { add: { title: "Evaluation report", date: "2026-10-01" } });
    expect(
      await decideRebaseline(pmLead, {
        rebaselineId: add.id,
        version: 0,
        decision: "REJECTED",
        reason: "The evaluation belongs to the rollout business case",
      }),
    ).toMatchObject({ ok: true, message: "Scope change rejected." });
    expect(await db().milestone.count({ where: { projectId: id } })).toBe(1);
  });

  it("an added milestone landing more than N days after the baseline end is beyond tolerance: an executive decides", async () => {
    const { id } = await ledBy();
    const request = await pendingScope(id, pm.id, { add: { title: "Benefits review", date: "2027-03-01" } });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toBe(
      "Beyond tolerance (“Benefits review” lands 60 days after the project's baseline end; tolerance 30 days): an executive decides this.",
    );
    expect(
      await decideRebaseline(otherExec, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
    expect(await db().milestone.count({ where: { projectId: id, title: "Benefits review" } })).toBe(1);
  });

  it("cancelling a gate milestone is beyond tolerance: an executive decides", async () => {
    const { id } = await ledBy();
    const gate = await liveMilestone(id, { isGate: true });
    const request = await pendingScope(id, pm.id, { cancel: { id: gate.id, baselineDate: "2026-06-01" } });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/cancels the gate milestone “Go-live ward 7”/);
  });

  it("refuses to approve cancelling a milestone that is already cancelled or done", async () => {
    const { id } = await ledBy();
    const milestone = await liveMilestone(id);
    const request = await pendingScope(id, pm.id, {
      cancel: { id: milestone.id, baselineDate: "2026-06-01" },
    });
    await db().milestone.update({ where: { id: milestone.id }, data: { status: "CANCELLED" } });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      decideRebaseline(pmLead, { rebaselineId: request.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/is cancelled: its baseline is history/);
  });

  it("cancel and re-create cannot move a baseline without an approval, nor past tolerance without an executive", async () => {
    const { id } = await ledBy();
    const milestone = await liveMilestone(id, { baselineDate: "2026-06-01" });
    // Directly, neither half is allowed once the plan is approved.
    const direct = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      cancelMilestone(pm, { milestoneId: milestone.id, version: 0, reason: CANCEL_REASON }),
    );
    expect(direct.message).toMatch(/raise a scope change request instead/);
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      createMilestone(pm, { projectId: id, title: "Go-live ward 7", baselineDate: "2026-09-01" }),
    );
    // As requests, both halves wait for a decision, and the baseline has not moved.
    const cancel = await requestScopeChange(pm, {
      projectId: id,
      kind: "CANCEL_MILESTONE",
      milestoneId: milestone.id,
      reason: CANCEL_REASON,
    });
    const recreate = await requestScopeChange(pm, {
      ...ADD,
      projectId: id,
      proposedMilestoneTitle: "Go-live ward 7",
      proposedMilestoneDate: "2026-09-01",
    });
    if (!cancel.ok || !recreate.ok) throw new Error("requests refused");
    const open = () =>
      db().milestone.findMany({
        where: { projectId: id, status: { not: "CANCELLED" } },
        select: { baselineDate: true },
      });
    expect((await open()).map((m) => iso(m.baselineDate))).toEqual(["2026-06-01"]);
    // The Accountable may approve the cancellation (an ordinary milestone, within tolerance)...
    expect(
      await decideRebaseline(pmLead, { rebaselineId: cancel.data.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
    // ...but re-creating it three months later is a baseline move beyond tolerance.
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      decideRebaseline(pmLead, { rebaselineId: recreate.data.id, version: 0, decision: "APPROVED" }),
    );
    expect(refused.message).toMatch(/re-creates “Go-live ward 7” 92 days after its baseline/);
    expect(await open()).toEqual([]);
    expect(
      await decideRebaseline(otherExec, { rebaselineId: recreate.data.id, version: 0, decision: "APPROVED" }),
    ).toMatchObject({ ok: true });
    expect((await open()).map((m) => iso(m.baselineDate))).toEqual(["2026-09-01"]);
  });
});
