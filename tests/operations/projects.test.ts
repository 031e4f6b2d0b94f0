import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { changeProjectStage, createProject, updateProject } from "@/lib/server/operations/projects";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Project", "RaciAssignment", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = () => computeLocalDate(new Date(), "Europe/London");
const inDays = (days: number) => iso(new Date(today().getTime() + days * 86_400_000));

let admin: Actor;
let sponsor: Actor; // A on the projects below
let pm: Actor; // R on the projects below
let pmo: Actor;
let otherPm: Actor; // no letter anywhere
let champion: Actor; // CLINICAL, C on the projects below
let viewer: Actor;
let siteId: string;
let objectiveId: string;

beforeAll(async () => {
  ({
    siteId,
    admin,
    accountable: sponsor,
    pmo,
    outsider: otherPm,
    champion,
    viewer,
  } = await createProjectTeam());
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER", discipline: "DIGITAL" }));
  objectiveId = (await make.createObjective({ ownerId: sponsor.id })).id;
});

let sequence = 0;
function nextCode(): string {
  sequence += 1;
  return `TST-${sequence}`;
}

function proposal(overrides: Record<string, unknown> = {}) {
  return {
    code: nextCode(),
    name: "Electronic observations",
    summary: "Replace paper observation charts on the medical wards.",
    kind: "DIGITAL",
    siteId,
    startDate: "2025-06-01",
    endDate: "2026-12-31",
    budget: "£250,000",
    expectedBenefits: "Earlier recognition of deterioration.",
    accountableId: sponsor.id,
    ...overrides,
  };
}

/** A project with the usual team: sponsor A, pm R, champion C. */
function teamProject(overrides: Partial<Parameters<typeof make.createProject>[0]> = {}) {
  return make.createProject({
    siteId,
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
    ...overrides,
  });
}

async function lettersOf(projectId: string) {
  const rows = await db().raciAssignment.findMany({
    where: { projectId },
    select: { userId: true, letter: true },
  });
  return Object.fromEntries(rows.map((r) => [r.userId, r.letter]));
}

const eventsFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId } });

describe("createProject", () => {
  it("proposes the project with its Accountable, the proposer as Responsible, audited once", async () => {
    const result = await createProject(pm, proposal({ code: "dig-90" }));
    expect(result).toMatchObject({ ok: true, data: { code: "DIG-90", version: 0, stage: "PROPOSED" } });
    if (!result.ok) return;
    const saved = await db().project.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ stage: "PROPOSED", heldFromStage: null });
    expect(saved.baselineBudget.toFixed(2)).toBe("250000.00");
    expect(iso(saved.baselineEndDate)).toBe("2026-12-31");
    expect(iso(saved.forecastEndDate)).toBe("2026-12-31");
    expect(await lettersOf(saved.id)).toEqual({ [sponsor.id]: "A", [pm.id]: "R" });
    const events = await eventsFor(saved.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "project.create", actorId: pm.id, entityType: "Project" });
    expect(events[0]?.after).toMatchObject({ baselineBudget: "250000", raci: expect.any(Array) });
  });

  it("takes a named Responsible, and adds no letter for a proposer who can already edit projects", async () => {
    const result = await createProject(pmo, proposal({ responsibleId: champion.id, budget: "0" }));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(await lettersOf(result.data.id)).toEqual({ [sponsor.id]: "A", [champion.id]: "R" });
    const byAdmin = await createProject(admin, proposal());
    if (!byAdmin.ok) throw new Error(byAdmin.message);
    expect(await lettersOf(byAdmin.data.id)).toEqual({ [sponsor.id]: "A" });
  });

  it.each([
    ["a clinical champion", () => champion],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => createProject(who(), proposal()));
  });

  it("refuses bad input with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createProject(pm, proposal({ code: "no code", budget: "-5", kind: "SPACE", accountableId: undefined })),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["code", "budget", "kind", "accountableId"]),
    );
    const backwards = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createProject(pm, proposal({ endDate: "2025-05-31" })),
    );
    expect(backwards.fieldErrors?.endDate).toHaveLength(1);
  });

  it("refuses an Accountable who is inactive, a viewer or unknown, and an unknown site", async () => {
    const retired = await make.createUser({ role: "EXECUTIVE", active: false });
    for (const accountableId of [retired.id, viewer.id, UNKNOWN]) {
      const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
        createProject(pm, proposal({ accountableId })),
      );
      expect(refused.fieldErrors?.accountableId).toHaveLength(1);
    }
    const noSite = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createProject(pm, proposal({ siteId: UNKNOWN })),
    );
    expect(noSite.fieldErrors?.siteId).toEqual(["Choose a site"]);
  });

  it("refuses an Accountable who is neither an executive nor SRO-eligible, and takes one who is marked (ACC-1)", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createProject(pm, proposal({ accountableId: otherPm.id })),
    );
    expect(refused.fieldErrors?.accountableId?.[0]).toMatch(
      /not an executive and has not been marked SRO-eligible/,
    );
    // An administrator is never Accountable, even if marked (admins take no portfolio decision).
    const markedAdmin = await make.createUser({ role: "ADMIN", sroEligible: true });
    const adminRefused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createProject(pm, proposal({ accountableId: markedAdmin.id })),
    );
    expect(adminRefused.fieldErrors?.accountableId?.[0]).toMatch(/administrator .* cannot be Accountable/);
    const marked = await make.createUser({ role: "PROJECT_MANAGER", sroEligible: true });
    const result = await createProject(pm, proposal({ accountableId: marked.id }));
    if (!result.ok) throw new Error(result.message);
    expect(await lettersOf(result.data.id)).toEqual({ [marked.id]: "A", [pm.id]: "R" });
  });

  it("refuses a proposer naming themselves Accountable unless they are an executive (ACC-2)", async () => {
    const markedPm = actorOf(await make.createUser({ role: "PROJECT_MANAGER", sroEligible: true }));
    for (const proposer of [markedPm, pmo, admin]) {
      const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        createProject(proposer, proposal({ accountableId: proposer.id })),
      );
      expect(refused.message).toMatch(/someone else must be accountable for it/);
      expect(refused.fieldErrors?.accountableId).toHaveLength(1);
    }
    const byExec = await createProject(sponsor, proposal());
    if (!byExec.ok) throw new Error(byExec.message);
    expect(await lettersOf(byExec.data.id)).toEqual({ [sponsor.id]: "A" });
    expect(await eventsFor(byExec.data.id)).toHaveLength(1);
  });

  it("refuses a duplicate code with a clear CONFLICT", async () => {
    const existing = await make.createProject({ siteId, code: "OPS-55", name: "Discharge lounge" });
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      createProject(pm, proposal({ code: "ops-55" })),
    );
    expect(refused.message).toBe(`OPS-55 is already used by “${existing.name}”.`);
    expect(refused.fieldErrors?.code).toHaveLength(1);
  });
});

describe("updateProject", () => {
  function edit(project: { id: string }, overrides: Record<string, unknown> = {}) {
    return {
      projectId: project.id,
      version: 0,
      name: "Electronic observations, phase 2",
      summary: "Extend e-obs to surgery.",
      kind: "DIGITAL",
      siteId,
      expectedBenefits: "Earlier recognition of deterioration.",
      forecastEndDate: "2026-12-31",
      ...overrides,
    };
  }

  it("lets the Responsible edit the description, bumping the version, audited once", async () => {
    const project = await teamProject({ baselineEndDate: "2026-12-31" });
    const result = await updateProject(pm, edit(project));
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    const saved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(saved).toMatchObject({
      name: "Electronic observations, phase 2",
      summary: "Extend e-obs to surgery.",
    });
    const events = await eventsFor(project.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "project.update", actorId: pm.id });
  });

  it("moves the forecast end date with a reason kept in the audit event; the baseline stays", async () => {
    const project = await teamProject({ baselineEndDate: "2026-12-31" });
    const result = await updateProject(
      pmo,
      edit(project, {
        forecastEndDate: "2027-02-26",
        forecastReason: "Supplier  delivery slipped two months",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const saved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(iso(saved.forecastEndDate)).toBe("2027-02-26");
    expect(iso(saved.baselineEndDate)).toBe("2026-12-31");
    const [event] = await eventsFor(project.id);
    expect(event?.after).toMatchObject({ forecastReason: "Supplier delivery slipped two months" });
  });

  it("refuses a forecast end before an open milestone's forecast, naming it, and changes nothing (NUM-1)", async () => {
    const project = await teamProject({ baselineEndDate: inDays(200) });
    await make.createMilestone({
      projectId: project.id,
      title: "Surgical wards live",
      baselineDate: inDays(100),
    });
    await make.createMilestone({
      projectId: project.id,
      title: "Dropped phase",
      baselineDate: inDays(300),
      status: "CANCELLED",
    });
    const reason = "Go-live brought forward by the supplier";
    const refused = await expectRefusedWithoutChange([...TABLES, "Milestone"], "RULE", () =>
      updateProject(pm, edit(project, { forecastEndDate: inDays(90), forecastReason: reason })),
    );
    expect(refused.fieldErrors?.forecastEndDate?.[0]).toContain("“Surgical wards live”");
    expect(refused.message).toContain("cannot end before its open milestones");
    // On the milestone's day is fine; the cancelled one does not hold the project open.
    const result = await updateProject(
      pm,
      edit(project, { forecastEndDate: inDays(100), forecastReason: reason }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(iso((await db().project.findUniqueOrThrow({ where: { id: project.id } })).forecastEndDate)).toBe(
      inDays(100),
    );
    expect(await eventsFor(project.id)).toHaveLength(1);
  });

  it("refuses any attempt to edit the baseline, as a field error", async () => {
    const project = await teamProject();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateProject(pm, edit(project, { baselineBudget: "1", baselineEndDate: "2030-01-01" })),
    );
    expect(refused.fieldErrors?.baselineBudget?.[0]).toMatch(/approved rebaseline/);
    expect(refused.fieldErrors?.baselineEndDate).toHaveLength(1);
  });

  it("refuses a forecast move without a reason, and a change of kind once approved", async () => {
    const project = await teamProject({ baselineEndDate: "2026-12-31" });
    const noReason = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateProject(pm, edit(project, { forecastEndDate: inDays(400) })),
    );
    expect(noReason.fieldErrors?.forecastReason).toHaveLength(1);
    const relabel = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateProject(pm, edit(project, { kind: "OPERATIONAL" })),
    );
    expect(relabel.fieldErrors?.kind).toHaveLength(1);
  });

  it("refuses edits to a closed project", async () => {
    const project = await teamProject({ stage: "CLOSED" });
    await expectRefusedWithoutChange(TABLES, "RULE", () => updateProject(pmo, edit(project)));
  });

  it.each([
    ["a project manager with no letter", () => otherPm],
    ["the clinical champion consulted on it", () => champion],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const project = await teamProject();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => updateProject(who(), edit(project)));
  });

  it("refuses a stale version, an unknown project and bad input", async () => {
    const project = await teamProject();
    await db().project.update({ where: { id: project.id }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () => updateProject(pm, edit(project)));
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => updateProject(pm, edit({ id: UNKNOWN })));
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateProject(pm, edit(project, { version: 1, name: "", forecastEndDate: "soon" })),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["name", "forecastEndDate"]),
    );
  });
});

describe("changeProjectStage: hold, resume, cancel (GATE-4)", () => {
  const STAGE_TABLES = ["Project", "StageGateRequest", "AuditEvent"] as const;
  const REASON = "Ward closed for refurbishment until spring";

  async function measurableMetric(projectId: string) {
    return make.createMetric({ ownerId: pm.id, objectiveId, projectId });
  }

  /** A project that meets rule 1: aligned, A and R, a clinical champion, a measurable metric. */
  async function readyProject(stage: "PROPOSED" | "APPROVED" | "PILOT" | "ROLLOUT" = "PILOT") {
    const project = await teamProject({ stage, alignments: [{ objectiveId }] });
    await measurableMetric(project.id);
    return project;
  }

  it("puts a project on hold with a reason, stamping stageChangedAt, audited once with the reason", async () => {
    const project = await readyProject("ROLLOUT");
    const result = await changeProjectStage(sponsor, {
      projectId: project.id,
      version: 0,
      toStage: "ON_HOLD",
      reason: `  ${REASON}  `,
    });
    expect(result).toMatchObject({ ok: true, data: { stage: "ON_HOLD", version: 1 } });
    const saved = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(saved).toMatchObject({ stage: "ON_HOLD", heldFromStage: "ROLLOUT" });
    expect(saved.stageChangedAt.getTime()).toBeGreaterThan(project.stageChangedAt.getTime());
    const events = await eventsFor(project.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "project.change_stage",
      actorId: sponsor.id,
      before: { stage: "ROLLOUT", heldFromStage: null },
      after: { stage: "ON_HOLD", heldFromStage: "ROLLOUT", reason: REASON },
    });
  });

  it("resumes a held project only into the stage it was held from, re-checking rule 1", async () => {
    const project = await readyProject("ROLLOUT");
    expect(
      await changeProjectStage(sponsor, {
        projectId: project.id,
        version: 0,
        toStage: "ON_HOLD",
        reason: REASON,
      }),
    ).toMatchObject({ ok: true });
    await expectRefusedWithoutChange(STAGE_TABLES, "RULE", () =>
      changeProjectStage(sponsor, { projectId: project.id, version: 1, toStage: "APPROVED", reason: REASON }),
    );
    const resumed = await changeProjectStage(sponsor, {
      projectId: project.id,
      version: 1,
      toStage: "ROLLOUT",
      reason: "Refurbishment finished early",
    });
    expect(resumed).toMatchObject({ ok: true, data: { stage: "ROLLOUT", version: 2 } });
    expect(await db().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      heldFromStage: null,
    });
    expect(await db().auditEvent.count({ where: { entityId: project.id } })).toBe(2);

    const decayed = await teamProject({ stage: "ON_HOLD" }); // held from PILOT, not aligned, no metric
    const refused = await expectRefusedWithoutChange(STAGE_TABLES, "RULE", () =>
      changeProjectStage(sponsor, { projectId: decayed.id, version: 0, toStage: "PILOT", reason: REASON }),
    );
    expect(refused.message).toContain("Not aligned");
  });

  it.each(["APPROVED", "PILOT", "ROLLOUT", "CLOSED"] as const)(
    "refuses a move to %s, saying to request the gate",
    async (toStage) => {
      const from = { APPROVED: "PROPOSED", PILOT: "APPROVED", ROLLOUT: "PILOT", CLOSED: "ROLLOUT" } as const;
      const project = await readyProject(from[toStage]);
      const refused = await expectRefusedWithoutChange(STAGE_TABLES, "RULE", () =>
        changeProjectStage(sponsor, { projectId: project.id, version: 0, toStage, reason: REASON }),
      );
      expect(refused.fieldErrors?.toStage).toEqual([expect.stringMatching(/is a stage gate: request it/)]);
    },
  );

  it("withdraws the pending gate request when the project is held or cancelled, in the same audit event", async () => {
    for (const toStage of ["ON_HOLD", "CANCELLED"] as const) {
      const project = await readyProject("APPROVED");
      const request = await db().stageGateRequest.create({
        data: {
          projectId: project.id,
          fromStage: "APPROVED",
          toStage: "PILOT",
          reason: "Pilot ward agreed with the matron",
          requestedById: pm.id,
        },
      });
      expect(
        await changeProjectStage(sponsor, { projectId: project.id, version: 0, toStage, reason: REASON }),
      ).toMatchObject({ ok: true, data: { stage: toStage } });
      expect(await db().stageGateRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
        status: "WITHDRAWN",
        version: 1,
        decidedById: null,
      });
      const events = await eventsFor(project.id);
      expect(events).toHaveLength(1);
      expect(events[0]?.after).toMatchObject({ stage: toStage, withdrawnGateRequestId: request.id });
      expect(await db().auditEvent.count({ where: { entityId: request.id } })).toBe(0);
    }
  });

  it("needs a reason that explains the move", async () => {
    const project = await readyProject();
    const refused = await expectRefusedWithoutChange(STAGE_TABLES, "RULE", () =>
      changeProjectStage(sponsor, { projectId: project.id, version: 0, toStage: "CANCELLED" }),
    );
    expect(refused.fieldErrors).toEqual({ reason: ["Give a reason for cancelling the project"] });
  });

  it.each([
    ["the Responsible (stopping work is the Accountable's)", () => pm],
    ["the PMO", () => pmo],
    ["an administrator", () => admin],
    ["a project manager with no letter", () => otherPm],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const project = await readyProject();
    await expectRefusedWithoutChange(STAGE_TABLES, "FORBIDDEN", () =>
      changeProjectStage(who(), { projectId: project.id, version: 0, toStage: "ON_HOLD", reason: REASON }),
    );
  });

  it("refuses a stale version, an unknown project and an unknown stage", async () => {
    const project = await readyProject();
    await expectRefusedWithoutChange(STAGE_TABLES, "CONFLICT", () =>
      changeProjectStage(sponsor, { projectId: project.id, version: 3, toStage: "ON_HOLD", reason: REASON }),
    );
    await expectRefusedWithoutChange(STAGE_TABLES, "NOT_FOUND", () =>
      changeProjectStage(sponsor, { projectId: UNKNOWN, version: 0, toStage: "ON_HOLD", reason: REASON }),
    );
    const refused = await expectRefusedWithoutChange(STAGE_TABLES, "INVALID", () =>
      changeProjectStage(sponsor, { projectId: project.id, version: 0, toStage: "DONE", reason: REASON }),
    );
    expect(refused.fieldErrors?.toStage).toHaveLength(1);
  });

  it("lets exactly one of two concurrent moves of the same version win", async () => {
    const project = await readyProject();
    const executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
    const results = await Promise.all([
      changeProjectStage(sponsor, { projectId: project.id, version: 0, toStage: "ON_HOLD", reason: REASON }),
      changeProjectStage(executive, {
        projectId: project.id,
        version: 0,
        toStage: "CANCELLED",
        reason: "The pilot showed no benefit for patients",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await db().auditEvent.count({ where: { entityId: project.id } })).toBe(1);
  });
});
