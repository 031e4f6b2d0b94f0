import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import {
  acknowledgeFeedback,
  closeFeedback,
  logFeedback,
  respondToFeedback,
} from "@/lib/server/operations/feedback";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Feedback", "AuditEvent"] as const;

let champion: Actor;
let lead: Actor; // R
let sponsor: Actor; // A
let consulted: Actor; // C, a project manager
let viewer: Actor;
let projectId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const site = await make.createSite();
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  lead = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  consulted = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  projectId = (
    await make.createProject({
      siteId: site.id,
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: lead.id, letter: "R" },
        { userId: consulted.id, letter: "C" },
        { userId: champion.id, letter: "C" },
      ],
    })
  ).id;
});

describe("logging feedback", () => {
  it("gives SAFETY feedback a next-day deadline and other kinds a later one, audited", async () => {
    const safety = await logFeedback(champion, {
      projectId,
      kind: "SAFETY",
      severity: "HIGH",
      body: "Dose-range check missed a paediatric weight-based dose in testing",
    });
    const suggestion = await logFeedback(champion, {
      projectId,
      kind: "SUGGESTION",
      severity: "LOW",
      body: "Add a shortcut from the ward list to the drug chart",
    });
    expect(safety).toMatchObject({ ok: true, data: { status: "OPEN" } });
    expect(suggestion).toMatchObject({ ok: true });
    if (!safety.ok || !suggestion.ok) return;
    const [s, g] = await Promise.all([
      db().feedback.findUniqueOrThrow({ where: { id: safety.data.id } }),
      db().feedback.findUniqueOrThrow({ where: { id: suggestion.data.id } }),
    ]);
    const hours = (f: typeof s) => (f.dueAt.getTime() - f.createdAt.getTime()) / 3_600_000;
    expect(hours(s)).toBeGreaterThanOrEqual(23);
    expect(hours(s)).toBeLessThanOrEqual(25);
    expect(hours(g)).toBeGreaterThan(5 * 24 - 24); // five working days, never sooner than four calendar days
    expect(await db().auditEvent.count({ where: { entityId: s.id, action: "feedback.log" } })).toBe(1);
  });

  it("refuses a viewer, and empty feedback with a field error", async () => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      logFeedback(viewer, { projectId, kind: "CONCERN", severity: "LOW", body: "Looks slow" }),
    );
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      logFeedback(champion, { projectId, kind: "CONCERN", severity: "LOW", body: "  " }),
    );
    expect(refused.fieldErrors?.body).toBeDefined();
  });
});

describe("answering feedback", () => {
  async function logged() {
    const result = await logFeedback(champion, {
      projectId,
      kind: "CONCERN",
      severity: "MEDIUM",
      body: "Alert fires too often on the night shift — alarm fatigue",
    });
    if (!result.ok) throw new Error(result.message);
    return result.data;
  }

  it("is answered by an R or A, then closed by its author", async () => {
    const f = await logged();
    expect(await acknowledgeFeedback(lead, { feedbackId: f.id, version: 0 })).toMatchObject({
      ok: true,
      data: { status: "ACKNOWLEDGED", version: 1 },
    });
    expect(
      await respondToFeedback(sponsor, {
        feedbackId: f.id,
        version: 1,
        responseText: "Threshold raised for night shift after review with the sepsis lead",
      }),
    ).toMatchObject({ ok: true, data: { status: "RESPONDED" } });
    expect(await closeFeedback(champion, { feedbackId: f.id, version: 2 })).toMatchObject({
      ok: true,
      data: { status: "CLOSED" },
    });
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(saved).toMatchObject({ respondedById: sponsor.id, acknowledgedById: lead.id });
    expect(await db().auditEvent.count({ where: { entityId: f.id } })).toBe(4);
  });

  it("refuses an answer from someone who is only consulted, or from the author", async () => {
    const f = await logged();
    const answer = { feedbackId: f.id, version: 0, responseText: "Noted" };
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => respondToFeedback(consulted, answer));
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => respondToFeedback(champion, answer));
  });

  it("refuses an empty response, closing before an answer, and a stale version", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      respondToFeedback(lead, { feedbackId: f.id, version: 0, responseText: "   " }),
    );
    expect(refused.fieldErrors?.responseText).toBeDefined();
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      closeFeedback(champion, { feedbackId: f.id, version: 0 }),
    );
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      acknowledgeFeedback(lead, { feedbackId: f.id, version: 3 }),
    );
  });
});
