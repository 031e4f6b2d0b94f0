// What a closed or cancelled project still takes (domain/closed-projects): its plan, risk register
// and measures are kept as they ended; a closed project still takes metric values and feedback (the
// benefits go on being measured, people go on saying what they think), a cancelled one takes
// neither; feedback already logged is still answered, and costs are still recorded.
import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectStage } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/authenticate";
import * as make from "../server/fixtures";
import { type Call, type CallCast, callOf } from "../support/operation-calls";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange, type ProjectTeam } from "./support";

useMigratedDatabase();

const TABLES = [
  "Milestone",
  "MilestoneChange",
  "Risk",
  "Metric",
  "MetricValue",
  "Feedback",
  "CostEntry",
  "Rebaseline",
  "AuditEvent",
] as const;

let team: ProjectTeam;
let cast: CallCast;
let sequence = 0;

beforeAll(async () => {
  team = await createProjectTeam();
  cast = {
    siteId: team.siteId,
    objectiveId: (await make.createObjective({ ownerId: team.accountable.id })).id,
    sponsor: team.accountable,
    lead: team.responsible,
    champion: team.champion,
    requester: team.pmo,
  };
});

async function projectIn(stage: ProjectStage) {
  return make.createProject({
    siteId: team.siteId,
    stage,
    raci: team.raci,
    // Serving the objective, so its metrics may feed it (docs/governance-rules.md NUM-9).
    alignments: [{ objectiveId: cast.objectiveId }],
  });
}

/**
 * What the change needs on the project, and the change, from the one table of calls
 * (tests/support/operation-calls.ts): by the project's R, or by `who` in the team.
 */
type Arrange = (projectId: string) => Promise<Call>;
const change =
  (operation: string, who?: (team: ProjectTeam) => Actor): Arrange =>
  (projectId) => {
    sequence += 1;
    const actor = who ? who(team) : team.responsible;
    return callOf(operation)({ actor, projectId, n: sequence, cast });
  };

/** Every change to a project's plan, risk register or measures. */
const FROZEN: [string, Arrange][] = [
  // Past PROPOSED, milestones are added and cancelled through scope changes (governance-rules REB-4).
  ["requesting a new milestone", change("requestScopeChange (add a milestone)")],
  ["moving a milestone's forecast", change("changeMilestoneForecast")],
  ["completing a milestone", change("completeMilestone")],
  ["requesting a milestone's cancellation", change("requestScopeChange (cancel a milestone)")],
  ["adding a risk", change("createRisk")],
  ["changing a risk", change("updateRisk")],
  ["defining a metric", change("defineMetric")],
  ["changing a metric", change("updateMetric")],
];

/** What comes after the work: benefits measured, feedback heard. */
const AFTERCARE: [string, Arrange][] = [
  ["recording a metric value", change("recordMetricValue")],
  ["correcting a metric value", change("correctMetricValue")],
  ["logging feedback", change("logFeedback", (t) => t.champion)],
];

/** What every project takes whatever its stage. */
const ALWAYS: [string, Arrange][] = [
  ["answering feedback logged before", change("respondToFeedback")],
  ["recording a cost: invoices arrive after the work ends", change("recordCostEntry")],
];

describe.each(["CLOSED", "CANCELLED"] as const)("on a %s project", (stage) => {
  it.each(FROZEN)("refuses %s, writing nothing", async (_what, arrange) => {
    const call = await arrange((await projectIn(stage)).id);
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", call);
    expect(refused.message).toMatch(
      new RegExp(`The project is ${stage.toLowerCase()}: a closed or cancelled project is kept as it ended`),
    );
  });

  it.each(ALWAYS)("allows %s", async (_what, arrange) => {
    const call = await arrange((await projectIn(stage)).id);
    expect(await call()).toMatchObject({ ok: true });
  });
});

describe("after the work ends", () => {
  it.each(AFTERCARE)("a closed project still takes %s", async (_what, arrange) => {
    const call = await arrange((await projectIn("CLOSED")).id);
    expect(await call()).toMatchObject({ ok: true });
  });

  it.each(AFTERCARE)("a cancelled project refuses %s, writing nothing", async (_what, arrange) => {
    const call = await arrange((await projectIn("CANCELLED")).id);
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", call);
    expect(refused.message).toMatch(/The project is cancelled: nobody is delivering or measuring it/);
  });
});

describe("a live project, even on hold", () => {
  it.each([...FROZEN, ...AFTERCARE])("takes %s", async (_what, arrange) => {
    const call = await arrange((await projectIn("ON_HOLD")).id);
    expect(await call()).toMatchObject({ ok: true });
  });
});
