import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { recordDecision } from "@/lib/server/operations/decisions";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange, fingerprint } from "./support";

useMigratedDatabase();

const TABLES = ["Decision", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let executive: Actor;
let admin: Actor;
let pmo: Actor;
let responsible: Actor; // R on the project, a project manager by role
let champion: Actor;
let viewer: Actor;
let projectId: string;
let pilotProjectId: string;
let otherProjectId: string;
let objectiveId: string;
let feedbackId: string;
let pilotFeedbackId: string;
let otherFeedbackId: string;
let rebaselineId: string;
let otherRebaselineId: string;

beforeAll(async () => {
  const team = await createProjectTeam();
  ({ executive, admin, pmo, responsible, champion, viewer, projectId } = team);
  objectiveId = (await make.createObjective({ ownerId: executive.id })).id;
  pilotProjectId = (await make.createProject({ siteId: team.siteId, stage: "PILOT", raci: team.raci })).id;
  otherProjectId = (await make.createProject({ siteId: team.siteId })).id;
  const due = new Date(Date.now() + 86_400_000);
  feedbackId = (await make.createFeedback({ projectId, authorId: champion.id, dueAt: due })).id;
  pilotFeedbackId = (
    await make.createFeedback({ projectId: pilotProjectId, authorId: champion.id, dueAt: due })
  ).id;
  otherFeedbackId = (
    await make.createFeedback({ projectId: otherProjectId, authorId: champion.id, dueAt: due })
  ).id;
  const rebaseline = (project: string) =>
    db().rebaseline.create({
      data: {
        projectId: project,
        reason: "Supplier delay of eight weeks on the interface build",
        requestedById: team.accountable.id,
        previousEndDate: make.day("2026-12-31"),
        proposedEndDate: make.day("2027-02-26"),
      },
    });
  rebaselineId = (await rebaseline(projectId)).id;
  otherRebaselineId = (await rebaseline(otherProjectId)).id;
});

/** What the decision form submits: the "none" option of each link is "". */
const form = (overrides: Record<string, unknown> = {}) => ({
  title: "Extend the pilot on ward 7 by eight weeks",
  detail: "The pilot continues to the end of February; rollout waits for the interface fix.",
  authority: "Executive Board",
  rationale: "Safety feedback showed alarm fatigue on nights; the fix needs the supplier's next release.",
  projectId: "",
  objectiveId: "",
  feedbackId: "",
  rebaselineId: "",
  ...overrides,
});

describe("recordDecision", () => {
  it("records an executive's decision with its links, audited once", async () => {
    const result = await recordDecision(
      executive,
      form({ projectId, objectiveId, feedbackId, rebaselineId }),
    );
    expect(result).toMatchObject({ ok: true, data: { projectId } });
    if (!result.ok) return;
    const saved = await db().decision.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      authority: "Executive Board",
      decidedById: executive.id,
      projectId,
      objectiveId,
      feedbackId,
      rebaselineId,
    });
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "decision.record",
      entityType: "Decision",
      actorId: executive.id,
    });
  });

  it("records a decision with no links at all", async () => {
    const result = await recordDecision(executive, form());
    expect(result).toMatchObject({ ok: true, data: { projectId: null } });
    if (!result.ok) return;
    const saved = await db().decision.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ projectId: null, objectiveId: null, feedbackId: null, rebaselineId: null });
  });

  it("files a decision under the project of the feedback or rebaseline that prompted it", async () => {
    const fromFeedback = await recordDecision(executive, form({ feedbackId }));
    const fromRebaseline = await recordDecision(executive, form({ rebaselineId: otherRebaselineId }));
    expect(fromFeedback).toMatchObject({ ok: true, data: { projectId } });
    expect(fromRebaseline).toMatchObject({ ok: true, data: { projectId: otherProjectId } });
  });

  it.each([
    ["an admin: admins keep the records, they take no portfolio decisions", () => admin],
    ["the PMO", () => pmo],
    ["the project's Responsible, a project manager", () => responsible],
    ["a clinical champion", () => champion],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => recordDecision(who(), form({ projectId })));
  });

  it("refuses missing fields and malformed links with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, { title: " ", detail: "", rationale: "\n", projectId: "ward-7" }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["title", "detail", "authority", "rationale", "projectId"]),
    );
  });

  it("refuses feedback or a rebaseline from another project, beside its field", async () => {
    const feedback = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, form({ projectId, feedbackId: otherFeedbackId })),
    );
    expect(feedback.fieldErrors?.feedbackId).toBeDefined();
    const rebaseline = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, form({ projectId, rebaselineId: otherRebaselineId })),
    );
    expect(rebaseline.fieldErrors?.rebaselineId).toBeDefined();
    const mismatched = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, form({ feedbackId, rebaselineId: otherRebaselineId })),
    );
    expect(mismatched.fieldErrors?.rebaselineId?.[0]).toMatch(/same project as the feedback/);
  });

  it.each([
    ["project", { projectId: UNKNOWN }],
    ["objective", { objectiveId: UNKNOWN }],
    ["feedback", { feedbackId: UNKNOWN }],
    ["rebaseline", { rebaselineId: UNKNOWN }],
  ])("refuses an unknown %s", async (what, link) => {
    const refused = await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      recordDecision(executive, form(link)),
    );
    expect(refused.message).toContain(what);
  });
});

/** A day `n` days from today in London (negative: before), as a date field submits it. */
function daysFromToday(n: number): string {
  const today = computeLocalDate(new Date(), "Europe/London");
  return new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

describe("recordDecision: the day it was decided (docs/governance-rules.md FRAME-3)", () => {
  it("dates a decision taken today at the moment it is recorded", async () => {
    const before = new Date();
    const result = await recordDecision(executive, form({ projectId }));
    const after = new Date();
    if (!result.ok) throw new Error(result.message);
    const saved = await db().decision.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved.decidedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(saved.decidedAt.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(computeLocalDate(saved.decidedAt, "Europe/London").toISOString().slice(0, 10)).toBe(
      daysFromToday(0),
    );
  });

  it("dates minutes written up later on the day of the meeting, keeping when they were recorded", async () => {
    const meeting = daysFromToday(-9);
    const before = new Date();
    const result = await recordDecision(executive, form({ projectId, decidedOn: meeting }));
    if (!result.ok) throw new Error(result.message);
    const saved = await db().decision.findUniqueOrThrow({ where: { id: result.data.id } });
    // The day reads the same in the trust's time zone and in UTC.
    expect(computeLocalDate(saved.decidedAt, "Europe/London").toISOString().slice(0, 10)).toBe(meeting);
    expect(saved.decidedAt.toISOString().slice(0, 10)).toBe(meeting);
    expect(saved.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ decidedAt: saved.decidedAt.toISOString() });
  });

  it("takes a blank date as today", async () => {
    const result = await recordDecision(executive, form({ decidedOn: "" }));
    if (!result.ok) throw new Error(result.message);
    const saved = await db().decision.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(computeLocalDate(saved.decidedAt, "Europe/London").toISOString().slice(0, 10)).toBe(
      daysFromToday(0),
    );
  });

  it("refuses a day that has not come, beside the date field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordDecision(executive, form({ projectId, decidedOn: daysFromToday(1) })),
    );
    expect(refused.fieldErrors?.decidedOn?.[0]).toMatch(/has not come yet/);
  });

  it("refuses a date that is not a date", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, form({ decidedOn: "last Tuesday" })),
    );
    expect(refused.fieldErrors?.decidedOn).toEqual(["Enter the day it was decided as a date"]);
  });
});

describe("recordDecision: scale decisions (docs/governance-rules.md FRAME-4)", () => {
  it.each(["SCALE", "DO_NOT_SCALE"])("records %s on a project in its pilot", async (kind) => {
    const result = await recordDecision(executive, form({ projectId: pilotProjectId, kind }));
    expect(result).toMatchObject({ ok: true, data: { projectId: pilotProjectId } });
    if (!result.ok) return;
    expect(await db().decision.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({ kind });
    expect(await db().auditEvent.count({ where: { entityId: result.data.id } })).toBe(1);
  });

  it("takes the pilot from the feedback that prompted it", async () => {
    expect(
      await recordDecision(executive, form({ feedbackId: pilotFeedbackId, kind: "SCALE" })),
    ).toMatchObject({
      ok: true,
      data: { projectId: pilotProjectId },
    });
  });

  it("records a general decision when the form leaves the kind out", async () => {
    const result = await recordDecision(executive, form({ projectId }));
    if (!result.ok) throw new Error(result.message);
    expect(await db().decision.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
      kind: "GENERAL",
    });
  });

  it("refuses a scale decision with no project, beside the project field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordDecision(executive, form({ kind: "SCALE" })),
    );
    expect(refused.fieldErrors?.projectId?.[0]).toMatch(/needs the pilot's project/);
  });

  it("refuses a scale decision on a project that is not in its pilot, beside the kind", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordDecision(executive, form({ projectId, kind: "DO_NOT_SCALE" })),
    );
    expect(refused.fieldErrors?.kind?.[0]).toMatch(/Approved stage, not in its pilot/);
  });

  it("refuses a kind it does not know", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordDecision(executive, form({ projectId: pilotProjectId, kind: "SCALE_A_BIT" })),
    );
    expect(refused.fieldErrors?.kind).toEqual(["Choose what kind of decision it is"]);
  });
});

describe("an unexpected database failure (docs/governance-rules.md FRAME-1)", () => {
  it("comes back UNEXPECTED with a logged reference, not as a refusal, and changes nothing", async () => {
    // A rule the database holds and the operation does not know of, as when a migration runs ahead
    // of the code: the write fails inside the transaction on the real database.
    await db().$executeRawUnsafe(
      `ALTER TABLE "Decision" ADD CONSTRAINT "Decision_not_in_corridors_check" CHECK ("authority" <> 'Corridor conversation')`,
    );
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const before = await fingerprint(TABLES);
      const result = await recordDecision(executive, form({ projectId, authority: "Corridor conversation" }));
      expect(result).toMatchObject({
        ok: false,
        code: "UNEXPECTED",
        reference: expect.stringMatching(/^[0-9A-F]{8}$/),
      });
      if (result.ok) return;
      expect(result.message).toMatch(/^Something went wrong and nothing was changed\./);
      expect(result.message).toContain(result.reference);
      expect(JSON.stringify(result)).not.toMatch(/Decision_not_in_corridors_check|constraint/);
      expect(await fingerprint(TABLES)).toBe(before);
      expect(log).toHaveBeenCalledOnce();
      // The log line names the reference the user quotes and the request, as its audit events do.
      expect(String(log.mock.calls[0]?.[0])).toContain(result.reference);
      expect(String(log.mock.calls[0]?.[0])).toContain(executive.requestId);
    } finally {
      log.mockRestore();
      await db().$executeRawUnsafe(
        `ALTER TABLE "Decision" DROP CONSTRAINT "Decision_not_in_corridors_check"`,
      );
    }
  });
});
