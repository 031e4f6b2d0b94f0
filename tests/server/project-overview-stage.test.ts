// The overview's stage panel: each gate the stage machine allows next with every gap the gate
// check names now (the same check the gate operations run, so "ready" is never shown where a
// request would be refused), the direct moves (hold, resume, cancel, GATE-4), the request waiting,
// and whether this actor may decide it under separation of duties (docs/governance-rules.md GATE-2).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clockAt } from "@/lib/server/dates";
import { getProjectOverview } from "@/lib/server/project-overview";
import { createProjectTeam, type ProjectTeam } from "../operations/support";
import { useMigratedDatabase } from "../support/test-database";
import * as make from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date(), "Europe/London");
let team: ProjectTeam;
let readyId = "";
let heldId = "";

beforeAll(async () => {
  // team.projectId: a pilot with nothing to show yet.
  team = await createProjectTeam({ stage: "PILOT" });
  const objective = await make.createObjective({ ownerId: team.accountable.id });
  const ready = await make.createProject({
    siteId: team.siteId,
    raci: team.raci,
    stage: "PILOT",
    alignments: [{ objectiveId: objective.id }],
  });
  readyId = ready.id;
  await make.createPilotEvidence({
    projectId: readyId,
    objectiveId: objective.id,
    userId: team.accountable.id,
  });
  heldId = (await make.createProject({ siteId: team.siteId, raci: team.raci, stage: "ON_HOLD" })).id;

  // The ready pilot's R asked to roll out; two earlier requests were decided.
  const request = (
    status: "REQUESTED" | "APPROVED" | "REJECTED",
    fromStage: "APPROVED" | "PILOT",
    at: string,
  ) => ({
    projectId: readyId,
    fromStage,
    toStage: fromStage === "APPROVED" ? ("PILOT" as const) : ("ROLLOUT" as const),
    status,
    reason: `${status} at ${at}`,
    requestedById: team.responsible.id,
    requestedAt: new Date(at),
    ...(status === "REQUESTED"
      ? {}
      : { decidedById: team.executive.id, decidedAt: new Date(at), decisionReason: "Reviewed at the board" }),
  });
  await db().stageGateRequest.createMany({
    data: [
      request("REJECTED", "APPROVED", "2026-01-05T10:00:00Z"),
      request("APPROVED", "APPROVED", "2026-02-05T10:00:00Z"),
      request("REQUESTED", "PILOT", "2026-11-20T10:00:00Z"),
    ],
  });
});

/** The stage panel as the overview reads it for this person with this letter on the project. */
async function view(projectId: string, who: { id: string }, letter: "A" | "R" | "C" | "I" | null) {
  const overview = await getProjectOverview(projectId, CLOCK, { id: who.id, letter });
  if (!overview) throw new Error(`no project ${projectId}`);
  return overview.stage;
}

describe("a project's stage panel", () => {
  it("names every gap between a pilot and its rollout gate, and the moves it may make directly", async () => {
    const stage = await view(team.projectId, team.responsible, "R");
    expect(stage).toMatchObject({ stage: "PILOT", heldFromStage: null, pending: null, historyTotal: 0 });
    expect(stage.gates.map((g) => [g.toStage, g.gaps.map((gap) => gap.code)])).toEqual([
      [
        "ROLLOUT",
        [
          "NOT_ALIGNED",
          "NO_MEASURABLE_METRIC",
          "PILOT_GATE_NOT_PASSED",
          "PILOT_NO_RESULTS",
          "PILOT_NO_SCALE_DECISION",
        ],
      ],
    ]);
    // Each gap is worded for the person who can close it.
    expect(stage.gates[0]?.gaps[0]?.message).toMatch(/link it to the objective it serves/);
    expect(stage.directMoves).toEqual(["ON_HOLD", "CANCELLED"]);
  });

  it("shows the rollout gate clear once the pilot's evidence is in (GATE-5)", async () => {
    const stage = await view(readyId, team.responsible, "R");
    expect(stage.gates).toEqual([{ toStage: "ROLLOUT", gaps: [] }]);
  });

  it("shows the waiting request and the decided ones newest first", async () => {
    const stage = await view(readyId, team.responsible, "R");
    expect(stage.pending).toMatchObject({
      fromStage: "PILOT",
      toStage: "ROLLOUT",
      status: "REQUESTED",
      version: 0,
      requestedAt: "2026-11-20T10:00:00.000Z",
      requestedBy: { id: team.responsible.id, name: team.responsible.name },
      decidedBy: null,
    });
    expect(stage.history.map((r) => [r.status, r.decidedBy?.id, r.decisionReason])).toEqual([
      ["APPROVED", team.executive.id, "Reviewed at the board"],
      ["REJECTED", team.executive.id, "Reviewed at the board"],
    ]);
    expect(stage.historyTotal).toBe(2);
  });

  it("lets an executive who neither asked nor is the R decide, and the requester withdraw (GATE-2)", async () => {
    const requester = await view(readyId, team.responsible, "R");
    expect(requester).toMatchObject({ actorMayDecidePending: false, actorRequestedPending: true });
    const executive = await view(readyId, team.executive, null);
    expect(executive).toMatchObject({ actorMayDecidePending: true, actorRequestedPending: false });
    const sponsor = await view(readyId, team.accountable, "A");
    expect(sponsor).toMatchObject({ actorMayDecidePending: true, actorRequestedPending: false });
  });

  it("offers no gate to a project on hold, only resuming where it was held or cancelling", async () => {
    const stage = await view(heldId, team.responsible, "R");
    expect(stage).toMatchObject({ stage: "ON_HOLD", heldFromStage: "PILOT", gates: [] });
    expect(stage.directMoves).toEqual(["PILOT", "CANCELLED"]);
  });
});
