// The reads behind the plan pages: a project's history finds the events of the project and its
// records (deleted team letters included) and nothing of another project's; the approvals inbox
// lists what each person may decide, counts what it lists, and says why an Accountable may only
// reject a rebaseline beyond tolerance (docs/governance-rules.md REB-2, REB-3).
import { beforeAll, describe, expect, it } from "vitest";
import { getApprovals } from "@/lib/server/approvals";
import { clockAt } from "@/lib/server/dates";
import { changeMilestoneForecast } from "@/lib/server/operations/milestones";
import { assignRaci, removeRaci } from "@/lib/server/operations/raci";
import { requestRebaseline } from "@/lib/server/operations/rebaselines";
import { getProjectHistory } from "@/lib/server/project-history";
import { actorOf, createProjectTeam, type ProjectTeam } from "../operations/support";
import { useMigratedDatabase } from "../support/test-database";
import * as make from "./fixtures";

useMigratedDatabase();

const CLOCK = clockAt(new Date(), "Europe/London");
let team: ProjectTeam;
let otherProjectId = "";

beforeAll(async () => {
  team = await createProjectTeam();
  // Far enough ahead that the dates stay in the future whenever the suite runs.
  const milestone = await make.createMilestone({
    projectId: team.projectId,
    title: "Go live",
    baselineDate: "2030-03-01",
  });
  const other = await make.createProject({ siteId: team.siteId, raci: team.raci });
  otherProjectId = other.id;
  const otherMilestone = await make.createMilestone({ projectId: other.id, baselineDate: "2030-03-01" });

  const moved = await changeMilestoneForecast(team.responsible, {
    milestoneId: milestone.id,
    version: 0,
    forecastDate: "2030-03-15",
    reason: "Supplier delivery slipped two weeks",
  });
  expect(moved.ok).toBe(true);
  await changeMilestoneForecast(team.responsible, {
    milestoneId: otherMilestone.id,
    version: 0,
    forecastDate: "2030-04-15",
    reason: "Another project's slip entirely",
  });
  for (const call of [
    () =>
      assignRaci(team.pmo, {
        projectId: team.projectId,
        userId: team.outsider.id,
        letter: "I",
        currentLetter: "NONE",
      }),
    () => removeRaci(team.pmo, { projectId: team.projectId, userId: team.outsider.id, currentLetter: "I" }),
  ]) {
    expect((await call()).ok).toBe(true);
  }
  // Beyond tolerance: the end date 45 days later than its baseline of 31 December 2026.
  const requested = await requestRebaseline(team.responsible, {
    projectId: team.projectId,
    proposedEndDate: "2027-02-14",
    reason: "A second build team is needed for the interfaces",
  });
  expect(requested.ok).toBe(true);
});

describe("getProjectHistory", () => {
  it("tells the project's events newest first, removed team letters included, and no other project's", async () => {
    const history = await getProjectHistory(team.projectId, 1);
    expect(history.total).toBe(4);
    expect(history.rows.map((r) => r.sentence)).toEqual([
      `${team.responsible.name} asked to move the end date from 31 Dec 2026 to 14 Feb 2027: A second build team is needed for the interfaces`,
      `${team.pmo.name} removed ${team.outsider.name} (Informed) from the team`,
      `${team.pmo.name} made ${team.outsider.name} Informed`,
      `${team.responsible.name} moved the forecast of “Go live” from 1 Mar 2030 to 15 Mar 2030: Supplier delivery slipped two weeks (the project's forecast end moved to 15 Mar 2030)`,
    ]);
    const other = await getProjectHistory(otherProjectId, 1);
    expect(other.total).toBe(1);
    expect(other.rows[0]?.sentence).toContain(": Another project's slip entirely");
  });
});

describe("getApprovals", () => {
  it("shows the Accountable a rebaseline beyond tolerance to reject only, saying why, and counts what it lists", async () => {
    const accountable = await getApprovals(team.accountable, CLOCK, { view: "decide", page: 1 });
    expect(accountable.decideCount).toBe(1);
    expect(accountable.items.total).toBe(accountable.items.rows.length);
    // The A here is an executive, so beyond tolerance they may approve.
    expect(accountable.items.rows[0]).toMatchObject({
      type: "REBASELINE",
      mayApprove: true,
      mayReject: true,
    });

    const manager = actorOf(await make.createUser({ role: "PROJECT_MANAGER", sroEligible: true }));
    const project = await make.createProject({
      siteId: team.siteId,
      raci: [
        { userId: team.responsible.id, letter: "R" },
        { userId: manager.id, letter: "A" },
      ],
    });
    const asked = await requestRebaseline(team.responsible, {
      projectId: project.id,
      proposedEndDate: "2027-02-14",
      reason: "A second build team is needed for the interfaces",
    });
    expect(asked.ok).toBe(true);
    const inbox = await getApprovals(manager, CLOCK, { view: "decide", page: 1 });
    expect(inbox.decideCount).toBe(1);
    expect(inbox.items.rows[0]).toMatchObject({
      type: "REBASELINE",
      tolerance: { within: false, breaches: ["end date 45 days later; tolerance 30 days"] },
      mayApprove: false,
      mayReject: true,
      why: "Beyond tolerance (end date 45 days later; tolerance 30 days): an executive decides this",
    });

    const requester = await getApprovals(team.responsible, CLOCK, { view: "mine", page: 1 });
    expect(requester.decideCount).toBe(0);
    expect(requester.mineCount).toBe(2);
    expect(requester.items.rows.map((r) => r.type)).toEqual(["REBASELINE", "REBASELINE"]);
    expect(requester.items.rows.every((r) => r.type === "REBASELINE" && !r.mayApprove && !r.mayReject)).toBe(
      true,
    );

    const executive = await getApprovals(team.executive, CLOCK, { view: "decide", page: 1 });
    expect(executive.decideCount).toBe(2);
    expect(executive.items.rows).toHaveLength(2);
  });
});
