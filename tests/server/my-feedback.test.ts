import { beforeAll, describe, expect, it } from "vitest";
import { listLoggableProjects, listMyFeedback, listRaciProjects } from "@/lib/server/my-feedback";
import { useMigratedDatabase } from "../support/test-database";
import { createFeedback, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const NOW = new Date("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;
let championId = "";

beforeAll(async () => {
  const site = await createSite({ name: "Northbridge Royal Infirmary" });
  const champion = await createUser({
    name: "Sister Grace Mensah",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  });
  const otherChampion = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  const pm = await createUser({ name: "Aisha Okafor" });
  championId = champion.id;

  const epma = await createProject({
    siteId: site.id,
    code: "CF-01",
    name: "ePMA rollout",
    raci: [
      { userId: pm.id, letter: "A" },
      { userId: champion.id, letter: "C" },
    ],
  });
  const falls = await createProject({
    siteId: site.id,
    code: "CF-02",
    stage: "PILOT",
    raci: [
      { userId: pm.id, letter: "A" },
      { userId: champion.id, letter: "R" },
    ],
  });
  await createProject({ siteId: site.id, code: "CF-03", raci: [{ userId: pm.id, letter: "A" }] });

  const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
  await createFeedback({
    projectId: epma.id,
    authorId: champion.id,
    kind: "CONCERN",
    body: "Alert fires too often on the night shift",
    createdAt: at(-100),
    dueAt: at(-10),
    response: { text: "Threshold tuned; please re-test.", byId: pm.id, at: at(-20) },
  });
  await createFeedback({
    projectId: falls.id,
    authorId: champion.id,
    kind: "SAFETY",
    body: "Sensor mat missing on bay 4",
    createdAt: at(-30),
    dueAt: at(-6),
  });
  await createFeedback({
    projectId: epma.id,
    authorId: champion.id,
    kind: "SUGGESTION",
    body: "Add a shortcut to the drug chart",
    createdAt: at(-2),
    dueAt: at(100),
  });
  await createFeedback({
    projectId: falls.id,
    authorId: champion.id,
    kind: "ENDORSEMENT",
    body: "Night staff love the new mats",
    createdAt: at(-300),
    dueAt: at(-200),
  });
  await createFeedback({
    projectId: falls.id,
    authorId: champion.id,
    kind: "CONCERN",
    status: "CLOSED",
    closure: "ACCEPTANCE_TIMED_OUT",
    body: "Mats arrive late",
    createdAt: at(-400),
    dueAt: at(-350),
    response: { text: "Ordered from a second supplier.", byId: pm.id, at: at(-360) },
  });
  await createFeedback({
    projectId: epma.id,
    authorId: otherChampion.id,
    body: "Someone else's",
    dueAt: at(10),
  });
});

describe("my feedback", () => {
  it("lists only the feedback the actor logged, newest first, with status and the response", async () => {
    const result = await listMyFeedback(championId, { page: 1, now: NOW, role: "CLINICAL_CHAMPION" });
    expect(result).toMatchObject({ total: 5, page: 1, pageCount: 1 });
    expect(result.rows.map((f) => [f.body, f.status, f.overdue])).toEqual([
      ["Add a shortcut to the drug chart", "OPEN", false],
      ["Sensor mat missing on bay 4", "OPEN", true],
      ["Alert fires too often on the night shift", "RESPONDED", false],
      // An endorsement waits for an acknowledgement, never an answer: never overdue (FB-1).
      ["Night staff love the new mats", "OPEN", false],
      ["Mats arrive late", "CLOSED", false],
    ]);
    expect(result.rows[2]).toMatchObject({
      projectCode: "CF-01",
      projectName: "ePMA rollout",
      kind: "CONCERN",
      response: { text: "Threshold tuned; please re-test.", byName: "Aisha Okafor" },
    });
    expect(result.rows[0]?.response).toBeNull();
  });

  it("says which answers wait for the author's word and how closed items closed (FB-3, FB-4)", async () => {
    const { rows } = await listMyFeedback(championId, { page: 1, now: NOW, role: "CLINICAL_CHAMPION" });
    expect(rows.map((f) => [f.body, f.awaitingAuthor, f.closure])).toEqual([
      ["Add a shortcut to the drug chart", false, null],
      ["Sensor mat missing on bay 4", false, null],
      ["Alert fires too often on the night shift", true, null],
      ["Night staff love the new mats", false, null],
      ["Mats arrive late", false, "ACCEPTANCE_TIMED_OUT"],
    ]);
    expect(rows[2]).toMatchObject({ version: 0, reopenCount: 0, reopenComment: null });
    expect(allowedSteps(rows)).toEqual([[], [], ["accept", "reopen"], [], []]);
    expect(rows.map((f) => f.awaitingAuthor)).toEqual(rows.map((f) => f.steps.accept));
  });

  it("counts the answers waiting for the author on every page", async () => {
    const page = await listMyFeedback(championId, {
      page: 3,
      now: NOW,
      pageSize: 2,
      role: "CLINICAL_CHAMPION",
    });
    expect(page.awaitingAuthorCount).toBe(1);
  });

  it("offers a viewer no step, even on feedback they logged before they became one", async () => {
    const { rows } = await listMyFeedback(championId, { page: 1, now: NOW, role: "VIEWER" });
    expect(allowedSteps(rows)).toEqual([[], [], [], [], []]);
  });

  it("offers every project that takes feedback, the actor's own first with their open milestones", async () => {
    const projects = (await listLoggableProjects(championId)).filter((p) => p.code.startsWith("CF-"));
    expect(projects.map((p) => [p.code, p.letter])).toEqual([
      ["CF-01", "C"],
      ["CF-02", "R"],
      ["CF-03", null],
    ]);
  });

  it("pages through the actor's feedback", async () => {
    const second = await listMyFeedback(championId, {
      page: 2,
      now: NOW,
      pageSize: 2,
      role: "CLINICAL_CHAMPION",
    });
    expect(second).toMatchObject({ total: 5, page: 2, pageCount: 3 });
    expect(second.rows.map((f) => f.body)).toEqual([
      "Alert fires too often on the night shift",
      "Night staff love the new mats",
    ]);
  });

  it("lists the projects the actor sits on with their RACI letter", async () => {
    expect((await listRaciProjects(championId)).map((p) => [p.code, p.letter, p.siteName])).toEqual([
      ["CF-01", "C", "Northbridge Royal Infirmary"],
      ["CF-02", "R", "Northbridge Royal Infirmary"],
    ]);
  });

  it("is empty for someone who has logged nothing", async () => {
    const newcomer = await createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    expect(await listMyFeedback(newcomer.id, { page: 1, now: NOW, role: "CLINICAL_CHAMPION" })).toMatchObject(
      {
        rows: [],
        total: 0,
        page: 1,
        pageCount: 1,
      },
    );
    expect(await listRaciProjects(newcomer.id)).toEqual([]);
  });
});

function allowedSteps(rows: { steps: Record<string, boolean> }[]): string[][] {
  return rows.map((f) =>
    Object.entries(f.steps)
      .filter(([, allowed]) => allowed)
      .map(([step]) => step),
  );
}
