import { beforeAll, describe, expect, it } from "vitest";
import type { RaciLetter, Role } from "@/lib/domain/vocabulary";
import { clockAt } from "@/lib/server/dates";
import { getProjectFeedback } from "@/lib/server/project-feedback";
import { useMigratedDatabase } from "../support/test-database";
import { createFeedback, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date("2026-03-10T09:00:00Z"), "Europe/London");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(CLOCK.now.getTime() + hours * HOUR);

const people: Record<string, { id: string; role: Role; letter: RaciLetter | null }> = {};
let projectId = "";

beforeAll(async () => {
  const site = await createSite();
  const make = async (key: string, role: Role, letter: RaciLetter | null, name?: string) => {
    const user = await createUser({ role, name: name ?? key });
    people[key] = { id: user.id, role, letter };
  };
  await make("accountable", "EXECUTIVE", "A");
  await make("responsible", "PROJECT_MANAGER", "R");
  await make("champion", "CLINICAL_CHAMPION", "C", "Sister Grace Mensah");
  await make("outsider", "CLINICAL_CHAMPION", null, "Another Champion");
  await make("executive", "EXECUTIVE", null);
  await make("pmo", "PORTFOLIO_MANAGER", null);
  await make("viewer", "VIEWER", null);
  await make("admin", "ADMIN", null);
  const team = (["accountable", "responsible", "champion"] as const).map((key) => ({
    userId: people[key]?.id ?? "",
    letter: people[key]?.letter as RaciLetter,
  }));
  projectId = (await createProject({ siteId: site.id, code: "PF-01", raci: team })).id;

  const champion = people.champion?.id ?? "";
  const outsider = people.outsider?.id ?? "";
  const responsible = people.responsible?.id ?? "";
  // Oldest first; the thread shows newest first.
  await createFeedback({
    projectId,
    authorId: champion,
    kind: "ENDORSEMENT",
    status: "CLOSED",
    closure: "ENDORSEMENT_ACKNOWLEDGED",
    body: "The new huddle works",
    createdAt: at(-300),
    dueAt: at(-200),
  });
  await createFeedback({
    projectId,
    authorId: champion,
    kind: "SAFETY",
    severity: "HIGH",
    body: "Pump library missing the paediatric profile",
    createdAt: at(-50),
    dueAt: at(-40),
    response: { text: "Profile added to the pump library", byId: responsible, at: at(-45) },
  });
  await createFeedback({
    projectId,
    authorId: outsider,
    kind: "CONCERN",
    body: "Training slots clash with the night rota",
    createdAt: at(-20),
    dueAt: at(-2),
  });
  await createFeedback({
    projectId,
    authorId: outsider,
    kind: "SAFETY",
    severity: "CRITICAL",
    body: "Wrong patient band printed on bay 2",
    createdAt: at(-1),
    dueAt: at(3),
  });
});

const read = (who: string, options: { filter?: "open" | "all"; page?: number; pageSize?: number } = {}) => {
  const viewer = people[who];
  if (!viewer) throw new Error(`no ${who}`);
  return getProjectFeedback(projectId, viewer, CLOCK, {
    filter: options.filter ?? "open",
    page: options.page ?? 1,
    pageSize: options.pageSize,
  });
};

describe("a project's feedback thread", () => {
  it("lists open feedback newest first, all of it on request, with counts over the whole project", async () => {
    const open = await read("responsible");
    expect(open?.items.rows.map((f) => f.body)).toEqual([
      "Wrong patient band printed on bay 2",
      "Training slots clash with the night rota",
      "Pump library missing the paediatric profile",
    ]);
    expect(open?.counts).toEqual({ awaitingTeam: 2, overdue: 1, awaitingAuthor: 1, closed: 1, total: 4 });
    // Each row says whether it is past its answer time: the concern due two hours ago is; the
    // critical item due in three hours is not yet; an answered item waits on its author, not the team.
    expect(open?.items.rows.map((f) => [f.kind, f.status, f.overdue])).toEqual([
      ["SAFETY", "OPEN", false],
      ["CONCERN", "OPEN", true],
      ["SAFETY", "RESPONDED", false],
    ]);
    const all = await read("responsible", { filter: "all" });
    expect(all?.items.total).toBe(4);
    expect(all?.items.rows.at(-1)).toMatchObject({
      kind: "ENDORSEMENT",
      closure: "ENDORSEMENT_ACKNOWLEDGED",
    });
    const second = await read("responsible", { filter: "all", page: 2, pageSize: 3 });
    expect(second?.items.rows.map((f) => f.body)).toEqual(["The new huddle works"]);
  });

  it("shows names and safety texts to the project's team, executives and the PMO", async () => {
    for (const who of ["responsible", "champion", "executive", "pmo"]) {
      const thread = await read(who);
      expect(thread?.seesDetail, who).toBe(true);
      expect(
        thread?.items.rows.map((f) => [f.authorName, f.body]),
        who,
      ).toEqual([
        ["Another Champion", "Wrong patient band printed on bay 2"],
        ["Another Champion", "Training slots clash with the night rota"],
        ["Sister Grace Mensah", "Pump library missing the paediatric profile"],
      ]);
    }
  });

  it("withholds names, and safety texts with their answers, from everyone else, but not their own items", async () => {
    const outsider = await read("outsider");
    expect(outsider?.seesDetail).toBe(false);
    expect(outsider?.items.rows.map((f) => [f.mine, f.authorName, f.body, f.response?.text ?? null])).toEqual(
      [
        [true, "Another Champion", "Wrong patient band printed on bay 2", null],
        [true, "Another Champion", "Training slots clash with the night rota", null],
        [false, null, null, null],
      ],
    );
    expect(outsider?.items.rows[2]).toMatchObject({
      kind: "SAFETY",
      status: "RESPONDED",
      response: { byName: null },
    });
    for (const who of ["viewer", "admin"]) {
      const thread = await read(who);
      expect(
        thread?.items.rows.map((f) => [f.authorName, f.body]),
        who,
      ).toEqual([
        [null, null],
        [null, "Training slots clash with the night rota"],
        [null, null],
      ]);
      expect(thread?.counts.total, who).toBe(4);
    }
  });

  it("offers each viewer only the steps the matrix and the item's state allow", async () => {
    const steps = async (who: string) =>
      (await read(who))?.items.rows.map((f) =>
        Object.entries(f.steps)
          .filter(([, allowed]) => allowed)
          .map(([step]) => step),
      );
    // The team answers what awaits an answer; nobody but its author closes an answer with no timeout set (FB-4).
    expect(await steps("responsible")).toEqual([["acknowledge", "respond"], ["acknowledge", "respond"], []]);
    expect(await steps("accountable")).toEqual([["acknowledge", "respond"], ["acknowledge", "respond"], []]);
    // The author accepts or reopens the answer (FB-3); a C on the team does not answer (FB-6).
    expect(await steps("champion")).toEqual([[], [], ["accept", "reopen"]]);
    for (const who of ["executive", "pmo", "admin", "viewer", "outsider"]) {
      expect(await steps(who), who).toEqual([[], [], []]);
    }
  });

  it("lets anyone but a viewer log feedback", async () => {
    expect((await read("outsider"))?.mayLog).toBe(true);
    expect((await read("admin"))?.mayLog).toBe(true);
    expect((await read("viewer"))?.mayLog).toBe(false);
  });
});
