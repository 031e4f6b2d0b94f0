import { beforeAll, describe, expect, it } from "vitest";
import { clockAt } from "@/lib/server/dates";
import { getMyWork } from "@/lib/server/my-work";
import { useMigratedDatabase } from "../support/test-database";
import { createFeedback, createMilestone, createProject, createSite, createUser } from "./fixtures";

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
      feedback: expect.objectContaining({ rows: [], total: 0, overdueCount: 0, dutyEscalatedCount: 0 }),
    });
  });
});
