import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { computeLocalDate } from "@/lib/domain/milestones";
import {
  acknowledgeFeedback,
  closeFeedback,
  type FeedbackRef,
  logFeedback,
  respondToFeedback,
} from "@/lib/server/operations/feedback";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Feedback", "AuditEvent"] as const;
const TIME_ZONE = "Europe/London";
const UNKNOWN_ID = "6f1c1f0e-0000-4000-8000-000000000002";
const RESPONSE = "Threshold raised for night shift after review with the sepsis lead";

let champion: Actor; // C, and the author of the feedback below
let lead: Actor; // R
let sponsor: Actor; // A
let consulted: Actor; // C, a project manager
let viewer: Actor; // R, but read-only by organisation role
let siteId: string;
let projectId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: TIME_ZONE } });
  siteId = (await make.createSite()).id;
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  lead = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  consulted = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  projectId = (
    await make.createProject({
      siteId,
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: lead.id, letter: "R" },
        { userId: consulted.id, letter: "C" },
        { userId: champion.id, letter: "C" },
        { userId: viewer.id, letter: "R" },
      ],
    })
  ).id;
});

/** Runs an allowed call and proves it wrote exactly one audit event: `action`, by `actor`, on its feedback. */
async function expectAuditedOnce(
  actor: Actor,
  action: string,
  call: () => Promise<ActionResult<FeedbackRef>>,
): Promise<FeedbackRef> {
  const before = new Set((await db().auditEvent.findMany({ select: { id: true } })).map((e) => e.id));
  const result = await call();
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  const added = (await db().auditEvent.findMany()).filter((e) => !before.has(e.id));
  expect(added).toEqual([
    expect.objectContaining({ action, actorId: actor.id, entityType: "Feedback", entityId: result.data.id }),
  ]);
  return result.data;
}

async function logged(): Promise<FeedbackRef> {
  const result = await logFeedback(champion, {
    projectId,
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Alert fires too often on the night shift — alarm fatigue",
  });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function answered(): Promise<FeedbackRef> {
  const f = await logged();
  const result = await respondToFeedback(lead, {
    feedbackId: f.id,
    version: f.version,
    responseText: RESPONSE,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

/** The `n`th Monday-to-Friday after `day` (a calendar date at UTC midnight). */
function workingDayAfter(day: Date, n: number): Date {
  let date = day;
  for (let counted = 0; counted < n; ) {
    date = new Date(date.getTime() + 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) counted += 1;
  }
  return date;
}

describe("logFeedback", () => {
  it("gives SAFETY feedback a next-day deadline and other kinds a later one, each audited once", async () => {
    const safety = await expectAuditedOnce(champion, "feedback.log", () =>
      logFeedback(champion, {
        projectId,
        kind: "SAFETY",
        severity: "HIGH",
        body: "Dose-range check missed a paediatric weight-based dose in testing",
      }),
    );
    const suggestion = await expectAuditedOnce(champion, "feedback.log", () =>
      logFeedback(champion, {
        projectId,
        kind: "SUGGESTION",
        severity: "LOW",
        body: "Add a shortcut from the ward list to the drug chart",
      }),
    );
    expect(safety).toMatchObject({ status: "OPEN", version: 0 });
    const [s, g] = await Promise.all([
      db().feedback.findUniqueOrThrow({ where: { id: safety.id } }),
      db().feedback.findUniqueOrThrow({ where: { id: suggestion.id } }),
    ]);
    const hours = (f: typeof s) => (f.dueAt.getTime() - f.createdAt.getTime()) / 3_600_000;
    expect(hours(s)).toBeGreaterThanOrEqual(23);
    expect(hours(s)).toBeLessThanOrEqual(25);
    expect(hours(g)).toBeGreaterThan(5 * 24 - 24); // five working days, never sooner than four calendar days
  });

  it("skips a bank holiday that falls within the five working days when setting the due date", async () => {
    // The second working day from today, not the first: still a working day if midnight passes mid-test.
    const holiday = workingDayAfter(computeLocalDate(new Date(), TIME_ZONE), 2);
    await db().holiday.create({ data: { date: holiday, name: "Test bank holiday" } });
    try {
      const f = await logged();
      const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
      const dueWith = (holidays: Date[]) =>
        computeFeedbackDueAt({ kind: "CONCERN", loggedAt: saved.createdAt, timeZone: TIME_ZONE, holidays });
      expect(saved.dueAt).toEqual(dueWith([holiday]));
      expect(saved.dueAt).not.toEqual(dueWith([]));
    } finally {
      await db().holiday.delete({ where: { date: holiday } });
    }
  });

  it("refuses a viewer", async () => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      logFeedback(viewer, { projectId, kind: "CONCERN", severity: "LOW", body: "Looks slow" }),
    );
  });

  it("refuses empty feedback, beside the body field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      logFeedback(champion, { projectId, kind: "CONCERN", severity: "LOW", body: "  " }),
    );
    expect(refused.fieldErrors?.body).toBeDefined();
  });

  it("refuses an unknown project", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      logFeedback(champion, { projectId: UNKNOWN_ID, kind: "CONCERN", severity: "LOW", body: "Looks slow" }),
    );
  });

  it("refuses a milestone of another project, beside the milestone field", async () => {
    const elsewhere = await make.createProject({ siteId });
    const theirs = await make.createMilestone({ projectId: elsewhere.id, baselineDate: "2026-09-01" });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      logFeedback(champion, {
        projectId,
        milestoneId: theirs.id,
        kind: "CONCERN",
        severity: "LOW",
        body: "Go-live date clashes with the winter escalation period",
      }),
    );
    expect(refused.fieldErrors?.milestoneId).toBeDefined();
  });
});

describe("the feedback lifecycle", () => {
  it("is acknowledged and answered by an R or A, then closed by its author, each step audited once", async () => {
    const f = await logged();
    expect(
      await expectAuditedOnce(lead, "feedback.acknowledge", () =>
        acknowledgeFeedback(lead, { feedbackId: f.id, version: 0 }),
      ),
    ).toMatchObject({ status: "ACKNOWLEDGED", version: 1 });
    expect(
      await expectAuditedOnce(sponsor, "feedback.respond", () =>
        respondToFeedback(sponsor, { feedbackId: f.id, version: 1, responseText: RESPONSE }),
      ),
    ).toMatchObject({ status: "RESPONDED", version: 2 });
    expect(
      await expectAuditedOnce(champion, "feedback.close", () =>
        closeFeedback(champion, { feedbackId: f.id, version: 2 }),
      ),
    ).toMatchObject({ status: "CLOSED", version: 3 });
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(saved).toMatchObject({
      respondedById: sponsor.id,
      acknowledgedById: lead.id,
      responseText: RESPONSE,
    });
  });
});

describe("acknowledgeFeedback", () => {
  it.each([
    ["a consulted member", () => consulted],
    ["a viewer, even one who is Responsible", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const f = await logged();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      acknowledgeFeedback(who(), { feedbackId: f.id, version: 0 }),
    );
  });

  it("refuses to acknowledge twice", async () => {
    const f = await logged();
    expect(await acknowledgeFeedback(lead, { feedbackId: f.id, version: 0 })).toMatchObject({ ok: true });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      acknowledgeFeedback(sponsor, { feedbackId: f.id, version: 1 }),
    );
    expect(refused.message).toMatch(/already acknowledged/);
  });

  it("refuses to acknowledge feedback that has been answered", async () => {
    const f = await answered();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      acknowledgeFeedback(lead, { feedbackId: f.id, version: f.version }),
    );
    expect(refused.message).toMatch(/already been answered/);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await logged();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      acknowledgeFeedback(lead, { feedbackId: f.id, version: 3 }),
    );
  });

  it("refuses an id that is not an id, beside the feedback field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      acknowledgeFeedback(lead, { feedbackId: "FB-12", version: 0 }),
    );
    expect(refused.fieldErrors?.feedbackId).toBeDefined();
  });

  it("refuses unknown feedback", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      acknowledgeFeedback(lead, { feedbackId: UNKNOWN_ID, version: 0 }),
    );
  });
});

describe("respondToFeedback", () => {
  it.each([
    ["someone who is only consulted", () => consulted],
    ["its author, who is only consulted", () => champion],
    ["a viewer, even one who is Responsible", () => viewer],
  ])("refuses an answer from %s", async (_who, who) => {
    const f = await logged();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      respondToFeedback(who(), { feedbackId: f.id, version: 0, responseText: RESPONSE }),
    );
  });

  it("refuses an empty response, beside the response field", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      respondToFeedback(lead, { feedbackId: f.id, version: 0, responseText: "   " }),
    );
    expect(refused.fieldErrors?.responseText).toBeDefined();
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await logged();
    expect(await acknowledgeFeedback(lead, { feedbackId: f.id, version: 0 })).toMatchObject({ ok: true });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      respondToFeedback(sponsor, { feedbackId: f.id, version: 0, responseText: RESPONSE }),
    );
  });

  it("refuses a response longer than 4000 characters, beside the response field", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      respondToFeedback(lead, { feedbackId: f.id, version: 0, responseText: "a".repeat(4001) }),
    );
    expect(refused.fieldErrors?.responseText).toBeDefined();
  });

  it("refuses unknown feedback", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      respondToFeedback(lead, { feedbackId: UNKNOWN_ID, version: 0, responseText: RESPONSE }),
    );
  });
});

describe("closeFeedback", () => {
  it("lets an R or A close feedback they did not write, once answered", async () => {
    const f = await answered();
    expect(
      await expectAuditedOnce(sponsor, "feedback.close", () =>
        closeFeedback(sponsor, { feedbackId: f.id, version: f.version }),
      ),
    ).toMatchObject({ status: "CLOSED" });
  });

  it.each([
    ["a consulted member who is not its author", () => consulted],
    ["a viewer, even one who is Responsible", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      closeFeedback(who(), { feedbackId: f.id, version: f.version }),
    );
  });

  it("refuses to close feedback before it is answered", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      closeFeedback(champion, { feedbackId: f.id, version: 0 }),
    );
    expect(refused.message).toMatch(/not been answered/);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      closeFeedback(champion, { feedbackId: f.id, version: f.version - 1 }),
    );
  });

  it("refuses a version that is not a number, beside the version field", async () => {
    const f = await answered();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      closeFeedback(champion, { feedbackId: f.id, version: "latest" }),
    );
    expect(refused.fieldErrors?.version).toBeDefined();
  });

  it("refuses unknown feedback", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      closeFeedback(champion, { feedbackId: UNKNOWN_ID, version: 0 }),
    );
  });
});
