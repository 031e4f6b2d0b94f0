// The decisions tab's read: a project's decision log newest first, a page at a time, each with its
// authority, rationale, who took it and the day it was taken in the organisation's time zone
// (docs/governance-rules.md FRAME-3), and no other project's decisions.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { DECISION_PAGE_SIZE, getProjectDecisions } from "@/lib/server/project-decisions";
import { useMigratedDatabase } from "../support/test-database";
import { createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const LONDON = clockAt(new Date("2026-04-10T09:00:00Z"), "Europe/London");
let projectId = "";
let busyId = "";

beforeAll(async () => {
  const site = await createSite();
  const exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  projectId = (await createProject({ siteId: site.id, stage: "PILOT" })).id;
  const other = await createProject({ siteId: site.id });
  busyId = (await createProject({ siteId: site.id })).id;
  const decision = (
    onProject: string,
    title: string,
    decidedAt: string,
    kind: "GENERAL" | "SCALE" | "DO_NOT_SCALE" = "GENERAL",
  ) => ({
    projectId: onProject,
    kind,
    title,
    detail: `${title}: what was decided`,
    authority: "Executive Board",
    rationale: `${title}: why`,
    decidedById: exec.id,
    decidedAt: new Date(decidedAt),
    createdAt: new Date(decidedAt),
  });
  await db().decision.createMany({
    data: [
      decision(projectId, "Start the pilot on ward 7", "2026-01-12T15:00:00Z"),
      // 23:30 on Sunday 29 March UTC is already Monday 30 March in London (summer time from 29 March).
      decision(projectId, "Scale to every ward", "2026-03-29T23:30:00Z", "SCALE"),
      // 23:30 UTC in winter is still the same day in London.
      decision(projectId, "Keep paper charts as fallback", "2026-02-16T23:30:00Z"),
      decision(other.id, "Another project's decision", "2026-04-01T10:00:00Z"),
      ...Array.from({ length: DECISION_PAGE_SIZE + 1 }, (_, i) =>
        decision(busyId, `Decision ${i + 1}`, `2025-${String(i + 1).padStart(2, "0")}-10T10:00:00Z`),
      ),
    ],
  });
});

describe("a project's decision log", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectDecisions("6f1c1f0e-0000-4000-8000-000000000000", 1, LONDON)).toBeNull();
  });

  it("lists the project's decisions newest first, with no other project's", async () => {
    const log = (await getProjectDecisions(projectId, 1, LONDON))!;
    expect(log).toMatchObject({ projectId, stage: "PILOT" });
    expect(log.decisions.rows.map((d) => [d.title, d.kind])).toEqual([
      ["Scale to every ward", "SCALE"],
      ["Keep paper charts as fallback", "GENERAL"],
      ["Start the pilot on ward 7", "GENERAL"],
    ]);
    expect(log.decisions.rows[0]).toMatchObject({
      detail: "Scale to every ward: what was decided",
      authority: "Executive Board",
      rationale: "Scale to every ward: why",
      decidedByName: "Dr Helen Ashworth",
      recordedAt: "2026-03-29T23:30:00.000Z",
    });
  });

  it("dates each decision by the organisation's calendar, not UTC's (FRAME-3)", async () => {
    const days = async (clock: typeof LONDON) =>
      (await getProjectDecisions(projectId, 1, clock))?.decisions.rows.map((d) => d.decidedOn);
    expect(await days(LONDON)).toEqual(["2026-03-30", "2026-02-16", "2026-01-12"]);
    // The same instants for a trust in New York fall a day earlier for the late ones.
    expect(await days(clockAt(LONDON.now, "America/New_York"))).toEqual([
      "2026-03-29",
      "2026-02-16",
      "2026-01-12",
    ]);
  });

  it("pages a long log and shows the last page for a page past the end", async () => {
    const first = (await getProjectDecisions(busyId, 1, LONDON))!;
    expect(first.decisions).toMatchObject({ page: 1, pageCount: 2, total: DECISION_PAGE_SIZE + 1 });
    expect(first.decisions.rows[0]?.title).toBe(`Decision ${DECISION_PAGE_SIZE + 1}`);
    const beyond = (await getProjectDecisions(busyId, 5, LONDON))!;
    expect(beyond.decisions.page).toBe(2);
    expect(beyond.decisions.rows.map((d) => d.title)).toEqual(["Decision 1"]);
  });
});
