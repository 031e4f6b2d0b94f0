// The project overview tab's single statement (issue #12, "Scale and speed"): key facts, stage
// panel and editors' data read together, and one statement however much the project holds. Each
// part's rules are tested beside it: project-overview-facts, -stage and -details.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectOverview } from "@/lib/server/project-overview";
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

const ledgerSum = async (projectId: string) =>
  (
    await db().costEntry.aggregate({ where: { projectId }, _sum: { amount: true } })
  )._sum.amount?.toNumber() ?? 0;

describe("the project overview read", () => {
  it("reads a pilot's facts, stage panel and editors' data together, instants as UTC", async () => {
    const overview = await getProjectOverview(pilotId, CLOCK, { id: team.executive.id, letter: null });
    expect(overview?.facts).toMatchObject({ spentToDate: 0, startDate: "2025-06-01", scheduleRag: "GREEN" });
    expect(overview?.stage).toMatchObject({
      projectId: pilotId,
      stage: "PILOT",
      gates: [{ toStage: "ROLLOUT", gaps: [] }],
      pending: { status: "REQUESTED", toStage: "ROLLOUT", requestedAt: "2026-11-20T10:00:00.000Z" },
      history: [
        {
          status: "APPROVED",
          toStage: "PILOT",
          requestedAt: "2026-02-05T10:00:00.000Z",
          decidedAt: "2026-02-05T10:00:00.000Z",
          decidedBy: { id: team.executive.id, name: team.executive.name },
        },
      ],
      historyTotal: 1,
      actorMayDecidePending: true,
      actorRequestedPending: false,
    });
    expect(overview?.details).toMatchObject({ projectId: pilotId, stage: "PILOT", objectiveChoices: [] });
    expect(overview?.details.alignments.map((a) => [a.contribution, a.feedingMetricCount])).toEqual([
      ["PRIMARY", 1],
    ]);
    // The requester withdraws rather than decides (GATE-2).
    const requester = await getProjectOverview(pilotId, CLOCK, { id: team.responsible.id, letter: "R" });
    expect(requester?.stage).toMatchObject({ actorMayDecidePending: false, actorRequestedPending: true });
  });

  it("reads a proposal with nothing yet, and null for no such project", async () => {
    const actor = { id: team.pmo.id, letter: null };
    const overview = await getProjectOverview(bareId, CLOCK, actor);
    expect(overview?.stage).toMatchObject({ stage: "PROPOSED", pending: null, history: [], historyTotal: 0 });
    expect(overview?.stage.gates.map((g) => g.toStage)).toEqual(["APPROVED"]);
    expect(overview?.stage.gates[0]?.gaps.map((g) => g.code)).toContain("NOT_ALIGNED");
    expect(overview?.details.alignments).toEqual([]);
    expect(overview?.details.objectiveChoices).toHaveLength(1);
    expect(await getProjectOverview("6f1c1f0e-0000-4000-8000-000000000009", CLOCK, actor)).toBeNull();
  });

  it("stays one statement as the project grows, spend as stored equal to the ledger's sum", async () => {
    const project = await make.createProject({ siteId: team.siteId, raci: team.raci, stage: "PILOT" });
    const actor = { id: team.responsible.id, letter: "R" as const };
    const counts: number[] = [];
    for (const by of [1, 12]) {
      await grow(project.id, by);
      const { result, statements } = await countStatements(() =>
        getProjectOverview(project.id, CLOCK, actor),
      );
      counts.push(statements.length);
      expect(result?.facts.spentToDate).toBe(await ledgerSum(project.id));
    }
    expect(counts).toEqual([1, 1]);
    const grown = await getProjectOverview(project.id, CLOCK, actor);
    expect(grown?.details.alignments).toHaveLength(13);
    expect(grown?.details.alignments.every((a) => a.feedingMetricCount === 1)).toBe(true);
    // £100.25 from the first growth, then twelve entries of £100.25 to £111.25.
    expect(grown?.facts.spentToDate).toBe(1_369.25);
    // The newest ten of thirteen decided requests, newest first.
    expect(grown?.stage.history).toHaveLength(10);
    expect(grown?.stage.historyTotal).toBe(13);
    const times = grown?.stage.history.map((r) => r.requestedAt) ?? [];
    expect(times).toEqual([...times].sort().reverse());
    // The pilot began when its latest pilot gate was approved (13 January, the thirteenth request),
    // after every value recorded: no results yet, no gate milestone, no scale decision.
    const gaps = grown?.stage.gates.flatMap((g) => g.gaps) ?? [];
    expect(gaps.map((g) => g.code)).toEqual([
      "PILOT_GATE_NOT_PASSED",
      "PILOT_NO_RESULTS",
      "PILOT_NO_SCALE_DECISION",
    ]);
    expect(gaps[1]?.message).toContain("13 January 2026");
  });
});
