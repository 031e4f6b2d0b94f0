// The overview's data for its editors: the describing fields with the version the form sends back, the
// project's alignments primary first then by objective code, how many of its metrics feed each
// objective (docs/governance-rules.md NUM-9), and only active objectives it is not yet aligned to.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectOverview } from "@/lib/server/project-overview";
import { useMigratedDatabase } from "../support/test-database";
import { createMetric, createObjective, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date(), "Europe/London");
let projectId = "";
let siteId = "";
let execId = "";

/** The editors' data as the overview reads it for an executive with no letter on the project. */
const getProjectDetails = async (id: string) =>
  (await getProjectOverview(id, CLOCK, { id: execId, letter: null }))?.details ?? null;

beforeAll(async () => {
  const site = await createSite({ code: "NRI", name: "Northbridge Royal Infirmary" });
  siteId = site.id;
  await createSite({ code: "ACH", name: "Ashby Community Hospital" });
  const exec = await createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
  execId = exec.id;
  const pm = await createUser();
  const harm = await createObjective({ ownerId: exec.id, code: "SO-01", title: "Reduce avoidable harm" });
  const flow = await createObjective({ ownerId: exec.id, code: "SO-03", title: "Improve patient flow" });
  const digital = await createObjective({ ownerId: exec.id, code: "SO-06", title: "Digitally enabled care" });
  await createObjective({ ownerId: exec.id, code: "SO-02", title: "Workforce wellbeing" });
  await createObjective({ ownerId: exec.id, code: "SO-09", title: "A retired aim", status: "RETIRED" });
  const project = await createProject({
    siteId: site.id,
    name: "ePMA rollout",
    forecastEndDate: "2026-10-21",
    alignments: [
      { objectiveId: harm.id, contribution: "SUPPORTING" },
      { objectiveId: flow.id, contribution: "SUPPORTING" },
      { objectiveId: digital.id },
    ],
  });
  projectId = project.id;
  // Two metrics feed SO-01, one of them retired: a retired metric still counts (NUM-9).
  const first = await createMetric({ ownerId: pm.id, objectiveId: harm.id, projectId });
  await createMetric({ ownerId: pm.id, objectiveId: harm.id, projectId });
  await db().metric.update({ where: { id: first.id }, data: { active: false } });
  await db().project.update({ where: { id: projectId }, data: { version: { increment: 1 } } });
});

describe("a project's details for its editors", () => {
  it("reads the describing fields with the version the form sends back", async () => {
    expect(await getProjectDetails(projectId)).toMatchObject({
      projectId,
      version: 1,
      stage: "APPROVED",
      name: "ePMA rollout",
      kind: "DIGITAL",
      siteId,
      forecastEndDate: "2026-10-21",
      sites: [
        { id: expect.any(String), name: "Ashby Community Hospital" },
        { id: siteId, name: "Northbridge Royal Infirmary" },
      ],
    });
  });

  it("lists the primary alignment first, then the supporting ones by objective code, with their feeding metrics", async () => {
    const details = (await getProjectDetails(projectId))!;
    expect(
      details.alignments.map((a) => [a.objectiveCode, a.contribution, a.category, a.feedingMetricCount]),
    ).toEqual([
      ["SO-06", "PRIMARY", "QUALITY_SAFETY", 0],
      ["SO-01", "SUPPORTING", "QUALITY_SAFETY", 2],
      ["SO-03", "SUPPORTING", "QUALITY_SAFETY", 0],
    ]);
    expect(details.alignments[0]).toMatchObject({
      objectiveTitle: "Digitally enabled care",
      rationale: "Aligned for a test.",
    });
  });

  it("offers only active objectives the project is not yet aligned to", async () => {
    const details = (await getProjectDetails(projectId))!;
    expect(details.objectiveChoices.map((o) => [o.code, o.title])).toEqual([
      ["SO-02", "Workforce wellbeing"],
    ]);
  });
});
