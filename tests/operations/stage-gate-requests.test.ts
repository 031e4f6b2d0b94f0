// Stage gates as requests (docs/governance-rules.md GATE-1 to GATE-3, GATE-5) on a real database:
// asked for by the project's R or A or the PMO, decided by an executive who neither asked nor is
// the project's R, the gate checked at request and again at approval; a refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computePeriodStart } from "@/lib/domain/metrics";
import {
  decideStageGate,
  requestStageGate,
  withdrawStageGate,
} from "@/lib/server/operations/stage-gate-requests";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Project", "StageGateRequest", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const REASON = "Business case approved by the Executive Board";
const DAY = 86_400_000;
const today = () => computeLocalDate(new Date(), "Europe/London");

let admin: Actor;
let sponsor: Actor; // EXECUTIVE, A on the projects below
let pm: Actor; // R on the projects below
let champion: Actor; // CLINICAL, C on the projects below
let pmo: Actor;
let executive: Actor; // no letter anywhere
let otherExecutive: Actor; // no letter anywhere
let otherPm: Actor; // no letter anywhere
let viewer: Actor;
let siteId: string;
let objectiveId: string;

beforeAll(async () => {
  ({
    siteId,
    admin,
    accountable: sponsor,
    champion,
    pmo,
    executive,
    outsider: otherPm,
    viewer,
  } = await createProjectTeam());
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER", discipline: "DIGITAL" }));
  otherExecutive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  objectiveId = (await make.createObjective({ ownerId: sponsor.id })).id;
});

type Stage = "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT";

/** A digital project that meets rule 1: aligned, sponsor A, pm R, champion C, a measurable metric. */
async function readyProject(
  stage: Stage = "APPROVED",
  overrides: Partial<Parameters<typeof make.createProject>[0]> = {},
) {
  const project = await make.createProject({
    siteId,
    stage,
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
    alignments: [{ objectiveId }],
    ...overrides,
  });
  const metric = await make.createMetric({ ownerId: pm.id, objectiveId, projectId: project.id });
  return { project, metric };
}

/** A request waiting on the project, written directly: the tests below are about deciding it. */
function pendingRequest(
  projectId: string,
  move: { fromStage: Stage; toStage: Stage | "CLOSED" } = { fromStage: "APPROVED", toStage: "PILOT" },
  requestedById = pmo.id,
) {
  return db().stageGateRequest.create({
    data: { projectId, ...move, reason: "Pilot ward agreed with the matron", requestedById },
  });
}

const eventsFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId } });

describe("requestStageGate (GATE-1)", () => {
  it("records the request from the project's R, audited once; the project does not move yet", async () => {
    const { project } = await readyProject("APPROVED");
    const result = await requestStageGate(pm, {
      projectId: project.id,
      version: 0,
      toStage: "PILOT",
      reason: `  ${REASON}  `,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { status: "REQUESTED", version: 0, projectId: project.id },
    });
    if (!result.ok) return;
    expect(await db().stageGateRequest.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
      fromStage: "APPROVED",
      toStage: "PILOT",
      reason: REASON,
      requestedById: pm.id,
      decidedById: null,
    });
    expect(await db().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      stage: "APPROVED",
      version: 0,
    });
    const events = await eventsFor(result.data.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "stage_gate.request",
      actorId: pm.id,
      entityType: "StageGateRequest",
    });
  });

  it("takes requests from the project's A and from the PMO", async () => {
    for (const who of [sponsor, pmo]) {
      const { project } = await readyProject("PROPOSED");
      expect(
        await requestStageGate(who, {
          projectId: project.id,
          version: 0,
          toStage: "APPROVED",
          reason: REASON,
        }),
      ).toMatchObject({ ok: true });
    }
  });

  it.each([
    ["the clinical champion consulted on it", () => champion],
    ["an executive with no letter", () => executive],
    ["an administrator", () => admin],
    ["a project manager with no letter", () => otherPm],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const { project } = await readyProject("APPROVED");
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      requestStageGate(who(), { projectId: project.id, version: 0, toStage: "PILOT", reason: REASON }),
    );
  });

  it("refuses a project with gaps, naming every one of them beside the stage", async () => {
    const project = await make.createProject({
      siteId,
      stage: "PROPOSED",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(pmo, { projectId: project.id, version: 0, toStage: "APPROVED", reason: REASON }),
    );
    expect(refused.fieldErrors?.toStage).toHaveLength(4);
    for (const gap of ["Not aligned", "No Responsible", "No clinical champion", "No metric"]) {
      expect(refused.message).toContain(gap);
    }
  });

  it("does not count a clinical viewer consulted on the project as its clinical champion", async () => {
    const clinicalViewer = await make.createUser({ role: "VIEWER", discipline: "CLINICAL" });
    const { project } = await readyProject("PROPOSED", {
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: pm.id, letter: "R" },
        { userId: clinicalViewer.id, letter: "C" },
      ],
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(pm, { projectId: project.id, version: 0, toStage: "APPROVED", reason: REASON }),
    );
    expect(refused.message).toContain("No clinical champion");
  });

  it("refuses a second request while one waits, naming the one waiting", async () => {
    const { project } = await readyProject("APPROVED");
    expect(
      await requestStageGate(pm, { projectId: project.id, version: 0, toStage: "PILOT", reason: REASON }),
    ).toMatchObject({ ok: true });
    const pmName = (await db().user.findUniqueOrThrow({ where: { id: pm.id } })).name;
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(sponsor, { projectId: project.id, version: 0, toStage: "ROLLOUT", reason: REASON }),
    );
    expect(refused.message).toMatch(
      new RegExp(
        `^A request to move to Pilot \\(asked by ${pmName} on .+\\) is already waiting for a decision`,
      ),
    );
  });

  it("refuses a move that is not a gate, a missing reason, a stale version, an unknown project and bad input", async () => {
    const { project } = await readyProject("APPROVED");
    const notAGate = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(pm, { projectId: project.id, version: 0, toStage: "ON_HOLD", reason: REASON }),
    );
    expect(notAGate.fieldErrors?.toStage).toEqual([expect.stringMatching(/^On hold is not a gate/)]);
    const noReason = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(pm, { projectId: project.id, version: 0, toStage: "PILOT" }),
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["Give a reason for the stage gate"] });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      requestStageGate(pm, { projectId: project.id, version: 2, toStage: "PILOT", reason: REASON }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      requestStageGate(pm, { projectId: UNKNOWN, version: 0, toStage: "PILOT", reason: REASON }),
    );
    const bad = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      requestStageGate(pm, { projectId: "nope", version: 0, toStage: "DONE", reason: REASON }),
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["projectId", "toStage"]));
  });
});

describe("pilot before scale means evidence (GATE-5)", () => {
  const rollout = (projectId: string) =>
    requestStageGate(pm, { projectId, version: 0, toStage: "ROLLOUT", reason: "The pilot met its targets" });

  it("names each missing piece of evidence, and takes the request once all are there", async () => {
    const { project, metric } = await readyProject("PILOT");
    const none = await expectRefusedWithoutChange(TABLES, "RULE", () => rollout(project.id));
    expect(none.message).toContain("No gate milestone for the pilot");
    expect(none.message).toContain("No results from the pilot");
    expect(none.message).toContain("No decision to scale");

    const gate = await make.createMilestone({
      projectId: project.id,
      title: "Pilot evaluation",
      baselineDate: make.day("2026-01-01").toISOString().slice(0, 10),
      status: "DONE",
      isGate: true,
    });
    const unsigned = await expectRefusedWithoutChange(TABLES, "RULE", () => rollout(project.id));
    expect(unsigned.message).toContain("“Pilot evaluation” is done but not signed off");
    await db().milestone.update({
      where: { id: gate.id },
      data: { gateApprovedById: sponsor.id, gateApprovedAt: new Date() },
    });

    // A provisional value is not a result yet.
    const value = await db().metricValue.create({
      data: { metricId: metric.id, periodStart: today(), value: 30, provisional: true, recordedById: pm.id },
    });
    const provisional = await expectRefusedWithoutChange(TABLES, "RULE", () => rollout(project.id));
    expect(provisional.message).toContain("No results from the pilot");
    await db().metricValue.update({ where: { id: value.id }, data: { provisional: false } });

    const decision = {
      title: "Scale the pilot",
      detail: "Roll out to every ward.",
      authority: "Executive Board",
      rationale: "Targets met.",
      decidedById: sponsor.id,
      projectId: project.id,
    };
    await db().decision.create({
      data: { ...decision, kind: "SCALE", decidedAt: new Date(Date.now() - 60_000) },
    });
    await db().decision.create({ data: { ...decision, kind: "DO_NOT_SCALE", title: "Pause the rollout" } });
    const overturned = await expectRefusedWithoutChange(TABLES, "RULE", () => rollout(project.id));
    expect(overturned.message).toContain("“Pause the rollout”, is not to scale");

    await db().decision.create({
      data: { ...decision, kind: "SCALE", decidedAt: new Date(Date.now() + 60_000) },
    });
    expect(await rollout(project.id)).toMatchObject({ ok: true });
  });

  it("dates the pilot from the approval of its gate, else from when the project entered Pilot", async () => {
    const sixtyDaysAgo = new Date(Date.now() - 60 * DAY);
    const thirtyDaysAgo = computeLocalDate(new Date(Date.now() - 30 * DAY), "Europe/London");
    const arrange = async () => {
      const { project, metric } = await readyProject("PILOT");
      await make.createPilotEvidence({ projectId: project.id, objectiveId, userId: sponsor.id });
      // The evidence's own value is moved out of the pilot; the one that matters is thirty days old.
      await db().metricValue.deleteMany({ where: { metric: { projectId: project.id } } });
      await db().metricValue.create({
        data: { metricId: metric.id, periodStart: thirtyDaysAgo, value: 30, recordedById: pm.id },
      });
      return project;
    };
    // Entered Pilot today, with no gate request on record: a value from thirty days ago predates it.
    const recent = await arrange();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => rollout(recent.id));
    expect(refused.message).toContain("No results from the pilot");
    // The PILOT gate was approved sixty days ago: the same value is the pilot's result.
    const gated = await arrange();
    await db().stageGateRequest.create({
      data: {
        projectId: gated.id,
        fromStage: "APPROVED",
        toStage: "PILOT",
        status: "APPROVED",
        reason: "Pilot ward agreed with the matron",
        requestedById: pm.id,
        requestedAt: sixtyDaysAgo,
        decidedById: executive.id,
        decidedAt: sixtyDaysAgo,
      },
    });
    expect(await rollout(gated.id)).toMatchObject({ ok: true });
  });
});

describe("decideStageGate (GATE-2, GATE-3)", () => {
  const approve = (who: Actor, requestId: string, version = 0) =>
    decideStageGate(who, { requestId, version, decision: "APPROVED", reason: "" });

  it("approves, moving the project in the same transaction, audited once on the request", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    const result = await decideStageGate(executive, {
      requestId: request.id,
      version: 0,
      decision: "APPROVED",
      reason: "Evidence reviewed at the board",
    });
    expect(result).toMatchObject({ ok: true, data: { status: "APPROVED", version: 1 } });
    const saved = await db().stageGateRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(saved).toMatchObject({
      status: "APPROVED",
      decidedById: executive.id,
      decisionReason: "Evidence reviewed at the board",
    });
    const moved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(moved).toMatchObject({ stage: "PILOT", version: 1, heldFromStage: null, actualEndDate: null });
    expect(moved.stageChangedAt.getTime()).toBe(saved.decidedAt?.getTime());
    const events = await eventsFor(request.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "stage_gate.approve",
      actorId: executive.id,
      before: { status: "REQUESTED" },
      after: { status: "APPROVED", project: { from: "APPROVED", to: "PILOT", projectVersion: 1 } },
    });
    expect(await eventsFor(project.id)).toHaveLength(0);
  });

  it("lets the project's Accountable decide a request someone else made", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    expect(await approve(sponsor, request.id)).toMatchObject({ ok: true, data: { status: "APPROVED" } });
  });

  it("refuses the requester, saying someone else decides", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id, undefined, sponsor.id);
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => approve(sponsor, request.id));
    expect(refused.message).toMatch(/^You requested this stage gate, so another executive decides it/);
  });

  it("refuses an executive who is the project's Responsible, saying why", async () => {
    const { project } = await readyProject("APPROVED", {
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: executive.id, letter: "R" },
        { userId: champion.id, letter: "C" },
      ],
    });
    const request = await pendingRequest(project.id);
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      approve(executive, request.id),
    );
    expect(refused.message).toMatch(
      /^You are this project's Responsible, so another executive decides its gate/,
    );
  });

  it.each([
    ["the PMO", () => pmo],
    ["an administrator", () => admin],
    ["the project's Responsible", () => pm],
    ["a viewer", () => viewer],
  ])("refuses %s (executives decide gates)", async (_who, who) => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id, undefined, sponsor.id);
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => approve(who(), request.id));
  });

  it("refuses an approval once a gap has opened while the request waited, but still takes a rejection", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    await db().alignment.deleteMany({ where: { projectId: project.id } });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(executive, request.id));
    expect(refused.message).toContain("Not aligned to any strategic objective");

    const noReason = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      decideStageGate(executive, { requestId: request.id, version: 0, decision: "REJECTED" }),
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["Give a reason for rejecting the stage gate"] });
    const rejected = await decideStageGate(executive, {
      requestId: request.id,
      version: 0,
      decision: "REJECTED",
      reason: "Realign the project to an objective and ask again",
    });
    expect(rejected).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    expect(await db().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      stage: "APPROVED",
      version: 0,
    });
    expect(await eventsFor(request.id)).toEqual([expect.objectContaining({ action: "stage_gate.reject" })]);
    // Decided once: a second decision is refused.
    const again = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      approve(otherExecutive, request.id, 1),
    );
    expect(again.message).toMatch(/^This request was already rejected/);
  });

  it("refuses an approval once the project has left the stage it was requested from", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    await db().project.update({ where: { id: project.id }, data: { stage: "ROLLOUT", version: 1 } });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => approve(executive, request.id));
    expect(refused.message).toMatch(/^The project is now Rollout, not Approved as when this was requested/);
  });

  it("closes only after the benefits review, recording the day it ended", async () => {
    const { project, metric } = await readyProject("ROLLOUT");
    await db().metricValue.create({
      data: { metricId: metric.id, periodStart: make.day("2024-01-01"), value: 20, recordedById: pm.id },
    });
    const milestone = await make.createMilestone({
      projectId: project.id,
      title: "Last ward live",
      baselineDate: "2026-01-10",
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      requestStageGate(sponsor, { projectId: project.id, version: 0, toStage: "CLOSED", reason: REASON }),
    );
    expect(refused.message).toContain("“Last ward live”");
    expect(refused.message).toContain(`No final value for “${metric.name}”`);

    await db().milestone.update({
      where: { id: milestone.id },
      data: { status: "DONE", actualDate: make.day("2026-01-08") },
    });
    await db().metricValue.create({
      data: {
        metricId: metric.id,
        periodStart: computePeriodStart("MONTHLY", today()),
        value: 33,
        recordedById: pm.id,
      },
    });
    const requested = await requestStageGate(sponsor, {
      projectId: project.id,
      version: 0,
      toStage: "CLOSED",
      reason: "Every ward is live and the benefits are measured",
    });
    if (!requested.ok) throw new Error(requested.message);
    expect(await approve(executive, requested.data.id)).toMatchObject({ ok: true });
    const closed = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(closed.stage).toBe("CLOSED");
    expect(closed.actualEndDate?.toISOString().slice(0, 10)).toBe(today().toISOString().slice(0, 10));
  });

  it("refuses a stale version, an unknown request and bad input", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () => approve(executive, request.id, 4));
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => approve(executive, UNKNOWN));
    const bad = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      decideStageGate(executive, { requestId: request.id, version: 0, decision: "MAYBE" }),
    );
    expect(bad.fieldErrors?.decision).toHaveLength(1);
  });

  it("lets exactly one of two concurrent decisions win", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id);
    const results = await Promise.all([
      approve(executive, request.id),
      decideStageGate(otherExecutive, {
        requestId: request.id,
        version: 0,
        decision: "REJECTED",
        reason: "The pilot ward is closed for the winter",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await eventsFor(request.id)).toHaveLength(1);
  });
});

describe("withdrawStageGate (GATE-3)", () => {
  it("lets the requester withdraw, audited once, after which a new request can be made", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id, undefined, pmo.id);
    expect(await withdrawStageGate(pmo, { requestId: request.id, version: 0 })).toMatchObject({
      ok: true,
      data: { status: "WITHDRAWN", version: 1 },
    });
    expect(await eventsFor(request.id)).toEqual([
      expect.objectContaining({ action: "stage_gate.withdraw", actorId: pmo.id }),
    ]);
    expect(await db().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ version: 0 });
    const again = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      withdrawStageGate(pmo, { requestId: request.id, version: 1 }),
    );
    expect(again.message).toMatch(/^This request was already withdrawn/);
    expect(
      await requestStageGate(pm, { projectId: project.id, version: 0, toStage: "PILOT", reason: REASON }),
    ).toMatchObject({ ok: true });
  });

  it("lets the project's R or A withdraw someone else's request", async () => {
    for (const who of [pm, sponsor]) {
      const { project } = await readyProject("APPROVED");
      const request = await pendingRequest(project.id, undefined, pmo.id);
      expect(await withdrawStageGate(who, { requestId: request.id, version: 0 })).toMatchObject({ ok: true });
    }
  });

  it("refuses anyone else, a stale version and an unknown request", async () => {
    const { project } = await readyProject("APPROVED");
    const request = await pendingRequest(project.id, undefined, pm.id);
    for (const who of [champion, executive, otherPm, admin, viewer]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        withdrawStageGate(who, { requestId: request.id, version: 0 }),
      );
    }
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      withdrawStageGate(pm, { requestId: request.id, version: 3 }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      withdrawStageGate(pm, { requestId: UNKNOWN, version: 0 }),
    );
  });
});
