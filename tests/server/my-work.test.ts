import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getMyWork } from "@/lib/server/my-work";
import { getOrganisationSettings } from "@/lib/server/organisation";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import {
  createFeedback,
  createMetric,
  createMilestone,
  createObjective,
  createProject,
  createSite,
  createUser,
  day,
} from "./fixtures";

useMigratedDatabase();

// 09:00 on 10 March 2026 in London: "today" is 2026-03-10 and the due-soon horizon is 2026-03-24.
const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");
const HOUR = 3_600_000;
let actorId = "";

beforeAll(async () => {
  const site = await createSite();
  const actor = await createUser({ name: "Aisha Okafor" });
  const colleague = await createUser({ name: "Colleague" });
  const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  actorId = actor.id;

  const responsible = await createProject({
    siteId: site.id,
    code: "MW-01",
    name: "ePMA rollout",
    raci: [
      { userId: actor.id, letter: "R" },
      { userId: colleague.id, letter: "A" },
    ],
  });
  const accountable = await createProject({
    siteId: site.id,
    code: "MW-02",
    name: "Virtual ward",
    raci: [{ userId: actor.id, letter: "A" }],
  });
  const consulted = await createProject({
    siteId: site.id,
    code: "MW-03",
    raci: [
      { userId: actor.id, letter: "C" },
      { userId: colleague.id, letter: "A" },
    ],
  });
  const someoneElses = await createProject({
    siteId: site.id,
    code: "MW-04",
    raci: [{ userId: colleague.id, letter: "A" }],
  });

  // Included: overdue, due today, due at the horizon, at risk.
  await createMilestone({ projectId: responsible.id, title: "Overdue build", baselineDate: "2026-03-02" });
  await createMilestone({
    projectId: responsible.id,
    title: "Slipped go-live",
    baselineDate: "2026-03-12",
    forecastDate: "2026-03-20",
    status: "IN_PROGRESS",
  });
  await createMilestone({ projectId: accountable.id, title: "Due today", baselineDate: "2026-03-10" });
  await createMilestone({
    projectId: accountable.id,
    title: "At the horizon",
    baselineDate: "2026-03-24",
    isGate: true,
  });
  // Excluded: beyond the horizon, finished, or not the actor's to run.
  await createMilestone({
    projectId: accountable.id,
    title: "Beyond the horizon",
    baselineDate: "2026-03-25",
  });
  await createMilestone({
    projectId: accountable.id,
    title: "Done late",
    baselineDate: "2026-03-01",
    status: "DONE",
  });
  await createMilestone({
    projectId: accountable.id,
    title: "Cancelled",
    baselineDate: "2026-03-01",
    status: "CANCELLED",
  });
  await createMilestone({ projectId: consulted.id, title: "Consulted only", baselineDate: "2026-03-05" });
  await createMilestone({ projectId: someoneElses.id, title: "Someone else's", baselineDate: "2026-03-05" });

  const now = CLOCK.now.getTime();
  await createFeedback({
    projectId: responsible.id,
    authorId: champion.id,
    kind: "SAFETY",
    body: "Dose-range check missed a paediatric dose",
    dueAt: new Date(now - 4 * HOUR),
  });
  await createFeedback({
    projectId: accountable.id,
    authorId: champion.id,
    status: "ACKNOWLEDGED",
    body: "Alert fires too often on nights",
    dueAt: new Date(now + 48 * HOUR),
  });
  await createFeedback({
    projectId: responsible.id,
    authorId: champion.id,
    dueAt: new Date(now - 24 * HOUR),
    response: { text: "Tuned the threshold.", byId: actor.id, at: new Date(now - 30 * HOUR) },
  });
  await createFeedback({ projectId: consulted.id, authorId: champion.id, dueAt: new Date(now - HOUR) });
  await createFeedback({ projectId: someoneElses.id, authorId: champion.id, dueAt: new Date(now - HOUR) });
});

describe("my work", () => {
  it("lists only the projects where the actor is Responsible or Accountable, with the letter", async () => {
    const work = await getMyWork(actorId, CLOCK);
    expect(work.projects.map((p) => [p.code, p.letter])).toEqual([
      ["MW-01", "R"],
      ["MW-02", "A"],
    ]);
  });

  it("lists those projects' unfinished milestones that are overdue or due within 14 days, earliest first", async () => {
    const work = await getMyWork(actorId, CLOCK);
    expect(work.milestones.map((m) => [m.title, m.projectCode, m.overdue, m.atRisk])).toEqual([
      ["Overdue build", "MW-01", true, false],
      ["Due today", "MW-02", false, false],
      ["Slipped go-live", "MW-01", false, true],
      ["At the horizon", "MW-02", false, false],
    ]);
    expect(work.milestones[2]).toMatchObject({ baselineDate: "2026-03-12", forecastDate: "2026-03-20" });
    expect(work.milestones[3]?.isGate).toBe(true);
  });

  it("lists feedback on those projects still awaiting an answer, earliest due first, overdue marked", async () => {
    const work = await getMyWork(actorId, CLOCK);
    expect(work.feedback.rows.map((f) => [f.projectCode, f.body, f.overdue, f.escalation])).toEqual([
      ["MW-01", "Dose-range check missed a paediatric dose", true, "ACCOUNTABLE"],
      ["MW-02", "Alert fires too often on nights", false, "NONE"],
    ]);
    expect(work.feedback.rows[0]).toMatchObject({ kind: "SAFETY", status: "OPEN" });
    expect(work.feedback).toMatchObject({ total: 2, overdueCount: 1, dutyEscalatedCount: 0, onDuty: false });
  });

  it("is empty for someone who runs no project", async () => {
    const bystander = await createUser();
    expect(await getMyWork(bystander.id, CLOCK)).toEqual({
      projects: [],
      milestones: [],
      metricValuesDue: [],
      roles: [],
      feedback: expect.objectContaining({ rows: [], total: 0, overdueCount: 0, dutyEscalatedCount: 0 }),
    });
  });
});

describe("my work: every item actionable where it is listed", () => {
  let runnerId = "";

  beforeAll(async () => {
    const site = await createSite();
    const runner = await createUser({ name: "Runner" });
    const other = await createUser();
    const executive = await createUser({ role: "EXECUTIVE" });
    const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    runnerId = runner.id;
    const objective = await createObjective({ ownerId: executive.id });
    const runs = await createProject({
      siteId: site.id,
      code: "MA-01",
      raci: [
        { userId: runner.id, letter: "R" },
        { userId: other.id, letter: "A" },
      ],
    });
    const consulted = await createProject({
      siteId: site.id,
      code: "MA-02",
      raci: [
        { userId: runner.id, letter: "C" },
        { userId: other.id, letter: "A" },
      ],
    });
    const proposal = await createProject({
      siteId: site.id,
      code: "MA-03",
      stage: "PROPOSED",
      raci: [{ userId: runner.id, letter: "A" }],
    });
    await createMilestone({ projectId: runs.id, title: "Go live", baselineDate: "2026-03-12" });

    // Monthly, defined in December: January recorded, February (ended 1 March) due, within its grace.
    const recorded = await createMetric({ ownerId: other.id, objectiveId: objective.id, projectId: runs.id });
    await db().metric.update({
      where: { id: recorded.id },
      data: { name: "A recorded metric", createdAt: new Date("2025-12-15T10:00:00Z") },
    });
    await db().metricValue.create({
      data: { metricId: recorded.id, periodStart: day("2026-01-01"), value: 20, recordedById: other.id },
    });
    // Monthly, defined in November, never recorded: four months missing, the oldest long overdue.
    const never = await createMetric({ ownerId: other.id, objectiveId: objective.id, projectId: runs.id });
    await db().metric.update({
      where: { id: never.id },
      data: { name: "B never recorded", createdAt: new Date("2025-11-15T10:00:00Z") },
    });
    // Owned by the runner on a project they are only consulted on: theirs to record all the same.
    const owned = await createMetric({
      ownerId: runner.id,
      objectiveId: objective.id,
      projectId: consulted.id,
    });
    await db().metric.update({
      where: { id: owned.id },
      data: { name: "C owned by the runner", createdAt: new Date("2026-01-15T10:00:00Z") },
    });
    // Not the runner's: a consulted project's metric owned by someone else, and a proposal's.
    for (const projectId of [consulted.id, proposal.id]) {
      const m = await createMetric({ ownerId: other.id, objectiveId: objective.id, projectId });
      await db().metric.update({
        where: { id: m.id },
        data: { createdAt: new Date("2025-11-15T10:00:00Z") },
      });
    }

    await createFeedback({
      projectId: runs.id,
      authorId: champion.id,
      body: "Open on the runner's project",
      dueAt: new Date(CLOCK.now.getTime() + 48 * HOUR),
    });
  });

  it("lists metric values due on the projects the person runs, by the domain's missing periods", async () => {
    const work = await getMyWork(runnerId, CLOCK);
    expect(work.metricValuesDue.map((m) => [m.projectCode, m.name, m.missingPeriods, m.overdue])).toEqual([
      ["MA-01", "A recorded metric", ["2026-02-01"], false],
      ["MA-01", "B never recorded", ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"], true],
      ["MA-02", "C owned by the runner", ["2026-01-01", "2026-02-01"], true],
    ]);
  });

  it("lists every team the person is on, the delivery letters first", async () => {
    const work = await getMyWork(runnerId, CLOCK);
    expect(work.roles.map((r) => [r.code, r.letter])).toEqual([
      ["MA-03", "A"],
      ["MA-01", "R"],
      ["MA-02", "C"],
    ]);
  });

  it("offers the steps the person may take on each milestone and feedback item, and none without a role", async () => {
    const work = await getMyWork(runnerId, CLOCK, { role: "PROJECT_MANAGER" });
    expect(work.milestones.map((m) => [m.title, m.version, m.mayManage])).toEqual([["Go live", 0, true]]);
    expect(work.feedback.rows.map((f) => [f.body, f.letter, f.steps])).toEqual([
      [
        "Open on the runner's project",
        "R",
        { acknowledge: true, respond: true, accept: false, reopen: false, close: false },
      ],
    ]);
    const readOnly = await getMyWork(runnerId, CLOCK);
    expect(readOnly.milestones[0]?.mayManage).toBe(false);
    expect(Object.values(readOnly.feedback.rows[0]?.steps ?? {})).not.toContain(true);
  });

  it("counts what its lists show", async () => {
    const work = await getMyWork(runnerId, CLOCK, { role: "PROJECT_MANAGER" });
    expect(work.feedback.total).toBe(work.feedback.rows.length);
    expect(work.feedback.overdueCount).toBe(work.feedback.rows.filter((f) => f.overdue).length);
  });
});

describe("my work's reads", () => {
  // The page reads the organisation (its clock and settings), then getMyWork: issue #12 allows 5
  // statements a page request, and the session check takes 1 (tests/auth/sessions.test.ts), so the
  // page's own reads may take 4.
  const PAGE_BUDGET = 4;
  const readPage = (userId: string, page = 1) =>
    countStatements(async () => {
      const settings = await getOrganisationSettings();
      return getMyWork(userId, CLOCK, { role: "PROJECT_MANAGER", feedbackPage: page, settings });
    });

  it("take the same statements, within the budget, for someone who runs nothing, a little and a lot", async () => {
    const nobody = await createUser({ name: "Runs nothing" });
    const empty = await readPage(nobody.id);
    const small = await readPage(actorId);
    expect(empty.result.projects).toEqual([]);
    expect(small.result.projects.length).toBeGreaterThan(0);
    expect(small.result.milestones.length).toBeGreaterThan(0);
    expect(small.result.feedback.rows.length).toBeGreaterThan(0);

    // Someone running many projects, each with milestones due and more feedback than a page holds,
    // and on duty too, so the escalated safety feedback joins their queue.
    const site = await createSite();
    const busy = await createUser({ name: "Runs a lot", role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const champion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    await db().organisation.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Northbridge", dutyExecutiveId: busy.id },
      update: { dutyExecutiveId: busy.id },
    });
    try {
      for (let i = 1; i <= 12; i += 1) {
        const project = await createProject({
          siteId: site.id,
          code: `MB-${String(i).padStart(2, "0")}`,
          raci: [{ userId: busy.id, letter: i % 2 === 0 ? "A" : "R" }],
        });
        await createMilestone({ projectId: project.id, baselineDate: "2026-03-05" });
        await createMilestone({ projectId: project.id, baselineDate: "2026-03-20" });
        for (let k = 0; k < 3; k += 1) {
          await createFeedback({
            projectId: project.id,
            authorId: champion.id,
            kind: k === 0 ? "SAFETY" : "CONCERN",
            dueAt: new Date(CLOCK.now.getTime() - (k + 2) * 24 * HOUR),
          });
        }
      }
      // Safety feedback on a project they are not on, escalated to them as executive on duty.
      const elsewhere = await createProject({ siteId: site.id, code: "MB-99" });
      await createFeedback({
        projectId: elsewhere.id,
        authorId: champion.id,
        kind: "SAFETY",
        dueAt: new Date(CLOCK.now.getTime() - 2 * 24 * HOUR),
      });
      const large = await readPage(busy.id);
      expect(large.result.projects).toHaveLength(12);
      expect(large.result.milestones).toHaveLength(24);
      expect(large.result.feedback).toMatchObject({ pageCount: 2, onDuty: true });
      expect(large.result.feedback.rows).toHaveLength(25);
      expect(large.result.feedback.total).toBe(12 * 3 + 1);
      expect(large.result.feedback.dutyEscalatedCount).toBe(12 + 1);
      // The last page, and the counts that go with every page.
      const last = await readPage(busy.id, 2);
      expect(last.result.feedback.rows).toHaveLength(large.result.feedback.total - 25);
      expect(last.result.feedback.overdueCount).toBe(large.result.feedback.overdueCount);

      for (const read of [small, large, last]) expect(read.statements).toHaveLength(empty.statements.length);
      expect(empty.statements.length).toBeLessThanOrEqual(PAGE_BUDGET);
      // As it stands: the organisation, the person's own lists, and the feedback queue.
      expect(empty.statements).toHaveLength(3);
    } finally {
      await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId: null } });
    }
  });

  it("read one more statement only for a page past the end, to show the last page instead", async () => {
    const stale = await readPage(actorId, 9);
    const first = await readPage(actorId, 1);
    expect(stale.result.feedback.page).toBe(1);
    expect(stale.result.feedback.rows.map((f) => f.id)).toEqual(first.result.feedback.rows.map((f) => f.id));
    expect(stale.statements).toHaveLength(first.statements.length + 1);
  });
});
