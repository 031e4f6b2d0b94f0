// The project overview tab's single statement (issue #12, "Scale and speed"): it shows exactly what
// the three reads it replaces on the page show (key facts, stage panel, editors' data), and it
// stays one statement however much the project holds.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectDetails } from "@/lib/server/project-details";
import { getProjectFacts } from "@/lib/server/project-facts";
import { getProjectOverview } from "@/lib/server/project-overview";
import { getProjectStage } from "@/lib/server/project-stage";
import { createProjectTeam, type ProjectTeam } from "../operations/support";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import * as make from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date(), "Europe/London");
let team: ProjectTeam;
let pilotId = "";
let bareId = "";

async function request(
  projectId: string,
  status: "REQUESTED" | "APPROVED" | "REJECTED",
  at: string,
  fromStage: "APPROVED" | "PILOT" = "APPROVED",
) {
  await db().stageGateRequest.create({
    data: {
      projectId,
      fromStage,
      toStage: fromStage === "APPROVED" ? "PILOT" : "ROLLOUT",
      status,
      reason: `${status} at ${at}`,
      requestedById: team.responsible.id,
      requestedAt: new Date(at),
      ...(status === "REQUESTED"
        ? {}
        : {
            decidedById: team.executive.id,
            decidedAt: new Date(at),
            decisionReason: "Reviewed at the board",
          }),
    },
  });
}

let requested = 0;

/** Grows a project: more milestones, metrics with values, costs, decided requests and alignments. */
async function grow(projectId: string, by: number) {
  for (let i = 0; i < by; i += 1) {
    const objective = await make.createObjective({ ownerId: team.accountable.id });
    await db().alignment.create({
      data: { projectId, objectiveId: objective.id, contribution: "SUPPORTING", rationale: `Serves ${i}` },
    });
    const metric = await make.createMetric({
      ownerId: team.accountable.id,
      objectiveId: objective.id,
      projectId,
    });
    await db().metricValue.createMany({
      data: [
        {
          metricId: metric.id,
          periodStart: make.day("2026-01-05"),
          value: i,
          recordedById: team.responsible.id,
        },
        {
          metricId: metric.id,
          periodStart: make.day("2026-01-12"),
          value: i + 1,
          provisional: true,
          recordedById: team.responsible.id,
        },
      ],
    });
    await make.createMilestone({ projectId, baselineDate: `2027-0${(i % 9) + 1}-10` });
    await db().costEntry.create({
      data: {
        projectId,
        period: make.day("2026-01-01"),
        amount: `${100 + i}.25`,
        description: `Licence ${i}`,
        recordedById: team.responsible.id,
      },
    });
    // Distinct instants, so the history's order is the one order both reads give.
    requested += 1;
    await request(
      projectId,
      i % 2 ? "APPROVED" : "REJECTED",
      new Date(Date.UTC(2026, 0, requested, 10)).toISOString(),
    );
  }
}

beforeAll(async () => {
  team = await createProjectTeam({ stage: "PILOT" });
  const objective = await make.createObjective({ ownerId: team.accountable.id });
  pilotId = (
    await make.createProject({
      siteId: team.siteId,
      raci: team.raci,
      stage: "PILOT",
      alignments: [{ objectiveId: objective.id }],
    })
  ).id;
  await make.createPilotEvidence({
    projectId: pilotId,
    objectiveId: objective.id,
    userId: team.accountable.id,
  });
  await request(pilotId, "APPROVED", "2026-02-05T10:00:00Z");
  await request(pilotId, "REQUESTED", "2026-11-20T10:00:00Z", "PILOT");
  bareId = (await make.createProject({ siteId: team.siteId, stage: "PROPOSED" })).id;
});

async function threeReads(projectId: string, actor: { id: string; letter: "A" | "R" | "C" | "I" | null }) {
  const [facts, stage, details] = await Promise.all([
    getProjectFacts(projectId),
    getProjectStage(projectId, CLOCK, actor),
    getProjectDetails(projectId),
  ]);
  return { facts, stage, details };
}

describe("the project overview read", () => {
  it("shows what the facts, stage and details reads show, for a pilot with evidence and requests", async () => {
    for (const actor of [
      { id: team.responsible.id, letter: "R" as const },
      { id: team.executive.id, letter: null },
    ]) {
      expect(await getProjectOverview(pilotId, CLOCK, actor)).toEqual(await threeReads(pilotId, actor));
    }
    const overview = await getProjectOverview(pilotId, CLOCK, { id: team.executive.id, letter: null });
    expect(overview?.stage.pending).toMatchObject({ status: "REQUESTED", toStage: "ROLLOUT" });
    expect(overview?.stage.actorMayDecidePending).toBe(true);
  });

  it("shows what they show for a proposal with nothing yet, and null for no such project", async () => {
    const actor = { id: team.pmo.id, letter: null };
    expect(await getProjectOverview(bareId, CLOCK, actor)).toEqual(await threeReads(bareId, actor));
    expect(await getProjectOverview("6f1c1f0e-0000-4000-8000-000000000009", CLOCK, actor)).toBeNull();
  });

  it("stays one statement as the project grows, showing the same as the reads it replaces", async () => {
    const project = await make.createProject({ siteId: team.siteId, raci: team.raci, stage: "PILOT" });
    const actor = { id: team.responsible.id, letter: "R" as const };
    const counts: number[] = [];
    for (const by of [1, 12]) {
      await grow(project.id, by);
      const { result, statements } = await countStatements(() =>
        getProjectOverview(project.id, CLOCK, actor),
      );
      counts.push(statements.length);
      expect(result).toEqual(await threeReads(project.id, actor));
    }
    expect(counts).toEqual([1, 1]);
    const grown = await getProjectOverview(project.id, CLOCK, actor);
    expect(grown?.details.alignments).toHaveLength(13);
    expect(grown?.stage.history).toHaveLength(10);
    expect(grown?.stage.historyTotal).toBe(13);
  });
});
