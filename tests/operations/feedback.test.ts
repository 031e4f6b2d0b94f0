import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computeFeedbackDueAt } from "@/lib/domain/feedback-sla";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import {
  acceptFeedbackAnswer,
  acknowledgeFeedback,
  closeFeedback,
  type FeedbackRef,
  logFeedback,
  reopenFeedback,
  respondToFeedback,
} from "@/lib/server/operations/feedback";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Feedback", "AuditEvent"] as const;
const TIME_ZONE = "Europe/London";
const UNKNOWN_ID = "6f1c1f0e-0000-4000-8000-000000000002";
const RESPONSE = "Threshold raised for night shift after review with the sepsis lead";
const COMMENT = "Still firing every few minutes on ward 7 last night";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let champion: Actor; // C, and the author of the feedback below
let lead: Actor; // R
let sponsor: Actor; // A
let consulted: Actor; // C, a project manager
let viewer: Actor; // R, but read-only by organisation role
let admin: Actor; // an administrator with no letter on the project
let siteId: string;
let projectId: string;

beforeAll(async () => {
  // The team's time zone is the trust's (TIME_ZONE).
  ({ siteId, champion, responsible: lead, accountable: sponsor, viewer, admin } = await createProjectTeam());
  consulted = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
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

/** Feedback by the champion that the lead answered `daysAgo` days ago, as stored (version 0). */
function answeredDaysAgo(daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  return make.createFeedback({
    projectId,
    authorId: champion.id,
    dueAt: new Date(at.getTime() + DAY),
    createdAt: new Date(at.getTime() - DAY),
    response: { text: RESPONSE, byId: lead.id, at },
  });
}

/** Runs `work` with the organisation's settings changed, then puts the defaults back. */
async function withSettings<T>(
  settings: Partial<typeof DEFAULT_SETTINGS>,
  work: () => Promise<T>,
): Promise<T> {
  await db().organisation.update({ where: { id: 1 }, data: settings });
  try {
    return await work();
  } finally {
    const { dutyExecutiveId: _none, ...defaults } = DEFAULT_SETTINGS;
    await db().organisation.update({ where: { id: 1 }, data: defaults });
  }
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
  it("gives HIGH SAFETY feedback a next-day deadline and other kinds a later one, each audited once", async () => {
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
        computeFeedbackDueAt({
          kind: "CONCERN",
          severity: "MEDIUM",
          loggedAt: saved.createdAt,
          timeZone: TIME_ZONE,
          holidays,
          settings: DEFAULT_SETTINGS,
        });
      expect(saved.dueAt).toEqual(dueWith([holiday]));
      expect(saved.dueAt).not.toEqual(dueWith([]));
    } finally {
      await db().holiday.delete({ where: { date: holiday } });
    }
  });

  it("gives CRITICAL safety feedback the organisation's hours on the clock (FB-2)", async () => {
    const critical = () =>
      logFeedback(champion, {
        projectId,
        kind: "SAFETY",
        severity: "CRITICAL",
        body: "Wrong patient's drug chart opened from the ward list",
      });
    const hoursToAnswer = async (f: ActionResult<FeedbackRef>) => {
      if (!f.ok) throw new Error(f.message);
      const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.data.id } });
      return (saved.dueAt.getTime() - saved.createdAt.getTime()) / HOUR;
    };
    expect(await hoursToAnswer(await critical())).toBe(4);
    expect(
      await withSettings({ safetyCriticalAnswerHours: 2 }, async () => hoursToAnswer(await critical())),
    ).toBe(2);
  });

  it("gives other feedback the organisation's working days (FB-2)", async () => {
    const f = await withSettings({ feedbackAnswerWorkingDays: 15 }, logged);
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    const holidays = (await db().holiday.findMany()).map((h) => h.date);
    expect(saved.dueAt).toEqual(
      computeFeedbackDueAt({
        kind: "CONCERN",
        severity: "MEDIUM",
        loggedAt: saved.createdAt,
        timeZone: TIME_ZONE,
        holidays,
        settings: { ...DEFAULT_SETTINGS, feedbackAnswerWorkingDays: 15 },
      }),
    );
    // Fifteen working days are at least three calendar weeks.
    expect(saved.dueAt.getTime() - saved.createdAt.getTime()).toBeGreaterThan(20 * DAY);
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
  it("is acknowledged and answered by an R or A, then accepted by its author, each step audited once", async () => {
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
      await expectAuditedOnce(champion, "feedback.accept", () =>
        acceptFeedbackAnswer(champion, { feedbackId: f.id, version: 2 }),
      ),
    ).toMatchObject({ status: "CLOSED", version: 3 });
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(saved).toMatchObject({
      respondedById: sponsor.id,
      acknowledgedById: lead.id,
      responseText: RESPONSE,
      closure: "ACCEPTED",
      closedById: champion.id,
    });
    expect(saved.closedAt).not.toBeNull();
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
    ["an administrator, who takes no portfolio decisions", () => admin],
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

describe("endorsements (FB-1)", () => {
  async function endorsement(): Promise<FeedbackRef> {
    const result = await logFeedback(champion, {
      projectId,
      kind: "ENDORSEMENT",
      severity: "LOW",
      body: "The night team love the new handover screen",
    });
    if (!result.ok) throw new Error(result.message);
    return result.data;
  }

  it("closes an endorsement when an R or A acknowledges it, audited once", async () => {
    const f = await endorsement();
    const result = await acknowledgeFeedback(lead, { feedbackId: f.id, version: 0 });
    expect(result).toMatchObject({ ok: true, message: "Endorsement acknowledged and closed." });
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(saved).toMatchObject({
      status: "CLOSED",
      closure: "ENDORSEMENT_ACKNOWLEDGED",
      closedById: lead.id,
      acknowledgedById: lead.id,
      responseText: null,
    });
    const events = await db().auditEvent.findMany({
      where: { entityId: f.id, action: "feedback.acknowledge" },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses to answer an endorsement, saying to acknowledge it", async () => {
    const f = await endorsement();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      respondToFeedback(lead, { feedbackId: f.id, version: 0, responseText: RESPONSE }),
    );
    expect(refused.message).toMatch(/acknowledged, not answered/);
  });
});

describe("acceptFeedbackAnswer (FB-3)", () => {
  it("closes an answer its author accepts as ACCEPTED, audited once", async () => {
    const f = await answered();
    expect(
      await expectAuditedOnce(champion, "feedback.accept", () =>
        acceptFeedbackAnswer(champion, { feedbackId: f.id, version: f.version }),
      ),
    ).toMatchObject({ status: "CLOSED" });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      closure: "ACCEPTED",
      closedById: champion.id,
    });
  });

  it.each([
    ["the Responsible who answered it", () => lead],
    ["the Accountable", () => sponsor],
    ["a consulted member who is not its author", () => consulted],
    ["an administrator", () => admin],
  ])("refuses %s", async (_who, who) => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      acceptFeedbackAnswer(who(), { feedbackId: f.id, version: f.version }),
    );
  });

  it("refuses to accept feedback before it is answered", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      acceptFeedbackAnswer(champion, { feedbackId: f.id, version: 0 }),
    );
    expect(refused.message).toMatch(/no answer to accept/);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      acceptFeedbackAnswer(champion, { feedbackId: f.id, version: f.version - 1 }),
    );
  });

  it("refuses unknown feedback", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      acceptFeedbackAnswer(champion, { feedbackId: UNKNOWN_ID, version: 0 }),
    );
  });
});

describe("reopenFeedback (FB-3)", () => {
  it("sends an answer back to the team with the author's comment and a fresh due date, audited once", async () => {
    const f = await answered();
    const before = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(
      await expectAuditedOnce(champion, "feedback.reopen", () =>
        reopenFeedback(champion, { feedbackId: f.id, version: f.version, comment: `  ${COMMENT} ` }),
      ),
    ).toMatchObject({ status: "OPEN", version: f.version + 1 });
    const saved = await db().feedback.findUniqueOrThrow({ where: { id: f.id } });
    expect(saved).toMatchObject({ reopenCount: 1, reopenComment: COMMENT, closure: null });
    expect(saved.reopenedAt).not.toBeNull();
    const holidays = (await db().holiday.findMany()).map((h) => h.date);
    expect(saved.dueAt).toEqual(
      computeFeedbackDueAt({
        kind: "CONCERN",
        severity: "MEDIUM",
        loggedAt: saved.reopenedAt ?? new Date(0),
        timeZone: TIME_ZONE,
        holidays,
        settings: DEFAULT_SETTINGS,
      }),
    );
    expect(saved.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());
  });

  it("can go round again: answered anew, reopened a second time", async () => {
    const f = await answered();
    const first = await reopenFeedback(champion, { feedbackId: f.id, version: f.version, comment: COMMENT });
    if (!first.ok) throw new Error(first.message);
    const again = await respondToFeedback(lead, {
      feedbackId: f.id,
      version: first.data.version,
      responseText: "Ward 7's monitors had the old profile: updated this morning",
    });
    if (!again.ok) throw new Error(again.message);
    expect(
      await reopenFeedback(champion, {
        feedbackId: f.id,
        version: again.data.version,
        comment: "Still firing",
      }),
    ).toMatchObject({ ok: true });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      status: "OPEN",
      reopenCount: 2,
      reopenComment: "Still firing",
    });
  });

  it("refuses a reopening with no comment, beside the comment field", async () => {
    const f = await answered();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reopenFeedback(champion, { feedbackId: f.id, version: f.version, comment: "   " }),
    );
    expect(refused.fieldErrors?.comment).toBeDefined();
  });

  it("refuses a comment longer than 2000 characters, beside the comment field", async () => {
    const f = await answered();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      reopenFeedback(champion, { feedbackId: f.id, version: f.version, comment: "a".repeat(2001) }),
    );
    expect(refused.fieldErrors?.comment).toBeDefined();
  });

  it.each([
    ["the Responsible who answered it", () => lead],
    ["the Accountable", () => sponsor],
  ])("refuses %s", async (_who, who) => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      reopenFeedback(who(), { feedbackId: f.id, version: f.version, comment: COMMENT }),
    );
  });

  it("refuses to reopen feedback that has not been answered", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reopenFeedback(champion, { feedbackId: f.id, version: 0, comment: COMMENT }),
    );
    expect(refused.message).toMatch(/no answer to reopen/);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      reopenFeedback(champion, { feedbackId: f.id, version: f.version - 1, comment: COMMENT }),
    );
  });
});

describe("closeFeedback by the team (FB-4)", () => {
  it("closes an answer that waited longer than the acceptance timeout as ACCEPTANCE_TIMED_OUT, audited once", async () => {
    const f = await answeredDaysAgo(4);
    const closed = await withSettings({ feedbackAcceptanceTimeoutDays: 3 }, () =>
      expectAuditedOnce(sponsor, "feedback.close", () =>
        closeFeedback(sponsor, { feedbackId: f.id, version: 0 }),
      ),
    );
    expect(closed).toMatchObject({ status: "CLOSED", version: 1 });
    expect(await db().feedback.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      closure: "ACCEPTANCE_TIMED_OUT",
      closedById: sponsor.id,
    });
  });

  it("refuses when the organisation sets no acceptance timeout: the author decides", async () => {
    const f = await answeredDaysAgo(60);
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      closeFeedback(lead, { feedbackId: f.id, version: 0 }),
    );
    expect(refused.message).toMatch(/author decides/);
  });

  it("refuses before the acceptance timeout has passed", async () => {
    const f = await answeredDaysAgo(2);
    const refused = await withSettings({ feedbackAcceptanceTimeoutDays: 3 }, () =>
      expectRefusedWithoutChange(TABLES, "RULE", () =>
        closeFeedback(sponsor, { feedbackId: f.id, version: 0 }),
      ),
    );
    expect(refused.message).toMatch(/more than 3 days/);
  });

  it("never closes a concern its author reopened, however long ago it was first answered", async () => {
    const f = await answeredDaysAgo(30);
    const reopened = await reopenFeedback(champion, { feedbackId: f.id, version: 0, comment: COMMENT });
    if (!reopened.ok) throw new Error(reopened.message);
    const refused = await withSettings({ feedbackAcceptanceTimeoutDays: 3 }, () =>
      expectRefusedWithoutChange(TABLES, "RULE", () =>
        closeFeedback(sponsor, { feedbackId: f.id, version: reopened.data.version }),
      ),
    );
    expect(refused.message).toMatch(/not been answered/);
  });

  it.each([
    ["its author, who accepts instead", () => champion],
    ["a consulted member who is not its author", () => consulted],
    ["a viewer, even one who is Responsible", () => viewer],
    ["an administrator", () => admin],
  ])("refuses %s", async (_who, who) => {
    const f = await answeredDaysAgo(10);
    await withSettings({ feedbackAcceptanceTimeoutDays: 3 }, () =>
      expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        closeFeedback(who(), { feedbackId: f.id, version: 0 }),
      ),
    );
  });

  it("refuses to close feedback before it is answered", async () => {
    const f = await logged();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      closeFeedback(lead, { feedbackId: f.id, version: 0 }),
    );
    expect(refused.message).toMatch(/not been answered/);
  });

  it("refuses a stale version with CONFLICT", async () => {
    const f = await answered();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      closeFeedback(lead, { feedbackId: f.id, version: f.version - 1 }),
    );
  });

  it("refuses a version that is not a number, beside the version field", async () => {
    const f = await answered();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      closeFeedback(lead, { feedbackId: f.id, version: "latest" }),
    );
    expect(refused.fieldErrors?.version).toBeDefined();
  });

  it("refuses unknown feedback", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      closeFeedback(lead, { feedbackId: UNKNOWN_ID, version: 0 }),
    );
  });
});
