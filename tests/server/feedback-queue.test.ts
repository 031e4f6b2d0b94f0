// Escalation of unanswered feedback as the reads show it (docs/governance-rules.md FB-5): the
// Accountable's queue, the executive on duty's queue and the leadership overview, with counts
// computed in SQL that match the rows the domain's computeFeedbackEscalation flags.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { computeFeedbackEscalation } from "@/lib/domain/feedback-loop";
import { getDashboardOverview } from "@/lib/server/dashboard/overview";
import { listDutyEscalatedFeedbackIds, listFeedbackQueue } from "@/lib/server/feedback-queue";
import { useMigratedDatabase } from "../support/test-database";
import { createFeedback, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const NOW = new Date("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

let accountableId = "";
let dutyExecutiveId = "";

beforeAll(async () => {
  const site = await createSite();
  const accountable = await createUser({ name: "Accountable" });
  const lead = await createUser({ name: "Lead" });
  const other = await createUser({ name: "Other Accountable" });
  const duty = await createUser({ name: "Duty Executive", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const author = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  accountableId = accountable.id;
  dutyExecutiveId = duty.id;
  await db().organisation.create({ data: { id: 1, name: "Northbridge", dutyExecutiveId: duty.id } });

  const mine = await createProject({
    siteId: site.id,
    code: "FQ-01",
    raci: [
      { userId: accountable.id, letter: "A" },
      { userId: lead.id, letter: "R" },
    ],
  });
  const theirs = await createProject({
    siteId: site.id,
    code: "FQ-02",
    raci: [{ userId: other.id, letter: "A" }],
  });
  const item = (
    projectId: string,
    body: string,
    kind: "SAFETY" | "CONCERN" | "ENDORSEMENT",
    createdAt: number,
    dueAt: number,
    extra: { reopenedAt?: number; answered?: boolean } = {},
  ) =>
    createFeedback({
      projectId,
      authorId: author.id,
      kind,
      body,
      createdAt: at(createdAt),
      dueAt: at(dueAt),
      ...(extra.reopenedAt === undefined ? {} : { reopenedAt: at(extra.reopenedAt) }),
      ...(extra.answered ? { response: { text: "Fixed", byId: lead.id, at: at(-1) } } : {}),
    });

  // A 4-hour window, 6 hours overdue: past as long again, so the executive on duty sees it.
  await item(mine.id, "Critical, long overdue", "SAFETY", -10, -6);
  // A 24-hour window, 6 hours overdue: the Accountable's.
  await item(mine.id, "High, just overdue", "SAFETY", -30, -6);
  // Reopened 30 hours ago with a fresh 24-hour window: counted from the reopening, the Accountable's.
  await item(mine.id, "Reopened safety", "SAFETY", -100, -6, { reopenedAt: -30 });
  // Other kinds stay with the Accountable however late.
  await item(mine.id, "Concern, very late", "CONCERN", -300, -100);
  // Never overdue, never escalated, but waiting for an acknowledgement.
  await item(mine.id, "Endorsement", "ENDORSEMENT", -300, -200);
  await item(mine.id, "Concern, not due yet", "CONCERN", -1, 50);
  await item(mine.id, "Answered safety", "SAFETY", -100, -90, { answered: true });
  // On a project the executive on duty is not on.
  await item(theirs.id, "Elsewhere, critical, long overdue", "SAFETY", -20, -16);
  // Overdue by exactly its own window: not yet past it.
  await item(theirs.id, "Elsewhere, exactly as long again", "SAFETY", -8, -4);
});

describe("listFeedbackQueue", () => {
  it("shows the Accountable everything awaiting an answer on their projects, overdue items flagged to them", async () => {
    const queue = await listFeedbackQueue(accountableId, { now: NOW });
    expect(queue.rows.map((f) => [f.body, f.overdue, f.escalation])).toEqual([
      ["Endorsement", false, "NONE"],
      ["Concern, very late", true, "ACCOUNTABLE"],
      // Due at the same time: the earliest logged first.
      ["Reopened safety", true, "ACCOUNTABLE"],
      ["High, just overdue", true, "ACCOUNTABLE"],
      ["Critical, long overdue", true, "DUTY_EXECUTIVE"],
      ["Concern, not due yet", false, "NONE"],
    ]);
    expect(queue).toMatchObject({ total: 6, overdueCount: 4, dutyEscalatedCount: 1, onDuty: false });
    expect(queue.rows.find((f) => f.body === "Reopened safety")).toMatchObject({
      reopenCount: 1,
      reopenComment: "Not resolved yet",
    });
  });

  it("shows the executive on duty the safety feedback escalated to them from any project", async () => {
    const queue = await listFeedbackQueue(dutyExecutiveId, { now: NOW });
    expect(queue.rows.map((f) => [f.body, f.projectCode, f.escalation])).toEqual([
      ["Elsewhere, critical, long overdue", "FQ-02", "DUTY_EXECUTIVE"],
      ["Critical, long overdue", "FQ-01", "DUTY_EXECUTIVE"],
    ]);
    expect(queue).toMatchObject({ total: 2, overdueCount: 2, dutyEscalatedCount: 2, onDuty: true });
  });

  it("shows someone else nothing escalated once they are no longer on duty", async () => {
    await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId: null } });
    try {
      expect(await listFeedbackQueue(dutyExecutiveId, { now: NOW })).toMatchObject({
        rows: [],
        total: 0,
        onDuty: false,
      });
    } finally {
      await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId } });
    }
  });

  it("counts in SQL what the rows show, on every page", async () => {
    for (const actorId of [accountableId, dutyExecutiveId]) {
      const whole = await listFeedbackQueue(actorId, { now: NOW, pageSize: 100 });
      expect(whole.overdueCount).toBe(whole.rows.filter((f) => f.overdue).length);
      expect(whole.dutyEscalatedCount).toBe(
        whole.rows.filter((f) => f.escalation === "DUTY_EXECUTIVE").length,
      );
      const pages = [];
      for (let page = 1; page <= Math.ceil(whole.total / 2); page += 1) {
        const paged = await listFeedbackQueue(actorId, { now: NOW, page, pageSize: 2 });
        expect(paged).toMatchObject({ total: whole.total, overdueCount: whole.overdueCount });
        pages.push(...paged.rows);
      }
      expect(pages.map((f) => f.id)).toEqual(whole.rows.map((f) => f.id));
    }
  });

  it("escalates in SQL exactly what the domain escalates", async () => {
    const all = await db().feedback.findMany();
    const escalated = all
      .filter((f) => computeFeedbackEscalation(f, NOW) === "DUTY_EXECUTIVE")
      .map((f) => f.id);
    expect((await listDutyEscalatedFeedbackIds(NOW)).sort()).toEqual(escalated.sort());
    expect(escalated).toHaveLength(2);
  });
});

describe("the leadership overview: overdue safety feedback", () => {
  it("lists overdue safety feedback most overdue first, and counts what has reached the executive on duty", async () => {
    const overview = await getDashboardOverview({}, NOW);
    expect(overview.overdueSafety.count).toBe(5);
    expect(overview.overdueSafety.escalatedCount).toBe(2);
    expect(overview.overdueSafety.oldest.map((f) => f.body)).toEqual([
      "Elsewhere, critical, long overdue",
      "Critical, long overdue",
      "High, just overdue",
      "Reopened safety",
      "Elsewhere, exactly as long again",
    ]);
    // The count is the domain's: the items computeFeedbackEscalation sends to the executive on duty.
    expect(overview.overdueSafety.escalatedCount).toBe((await listDutyEscalatedFeedbackIds(NOW)).length);
  });

  it("names the executive on duty, and says when nobody is, so an escalation is never sent to no one unseen", async () => {
    const duty = await db().user.findUniqueOrThrow({ where: { id: dutyExecutiveId } });
    expect((await getDashboardOverview({}, NOW)).dutyExecutiveName).toBe(duty.name);
    await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId: null } });
    try {
      const overview = await getDashboardOverview({}, NOW);
      expect(overview.dutyExecutiveName).toBeNull();
      expect(overview.overdueSafety.escalatedCount).toBe(2);
    } finally {
      await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId } });
    }
  });
});
