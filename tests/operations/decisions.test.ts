import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { recordDecision } from "@/lib/server/operations/decisions";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Decision", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let executive: Actor;
let admin: Actor;
let pmo: Actor;
let accountable: Actor; // A on the project, a project manager by role
let champion: Actor;
let viewer: Actor;
let projectId: string;
let otherProjectId: string;
let objectiveId: string;
let feedbackId: string;
let otherFeedbackId: string;
let rebaselineId: string;
let otherRebaselineId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const site = await make.createSite();
  executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  accountable = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  objectiveId = (await make.createObjective({ ownerId: executive.id })).id;
  projectId = (await make.createProject({ siteId: site.id, raci: [{ userId: accountable.id, letter: "A" }] }))
    .id;
  otherProjectId = (await make.createProject({ siteId: site.id })).id;
  const due = new Date(Date.now() + 86_400_000);
  feedbackId = (await make.createFeedback({ projectId, authorId: champion.id, dueAt: due })).id;
  otherFeedbackId = (
    await make.createFeedback({ projectId: otherProjectId, authorId: champion.id, dueAt: due })
  ).id;
  const rebaseline = (project: string) =>
    db().rebaseline.create({
      data: {
        projectId: project,
        reason: "Supplier delay of eight weeks on the interface build",
        requestedById: accountable.id,
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

  it("records an admin's decision with no links at all", async () => {
    const result = await recordDecision(admin, form());
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
    ["the PMO", () => pmo],
    ["the project's Accountable, a project manager", () => accountable],
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
