// The authorisation matrix (tests/support/authorisation-matrix.ts) through the real operations
// against a real database: for every action and every kind of actor, an allowed call succeeds and
// a refused one comes back FORBIDDEN. Each cell gets a fresh project, so cells cannot interfere.
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computeCurrentPeriodStart } from "@/lib/domain/metrics";
import type { Action } from "@/lib/domain/permissions";
import { alignProject, removeAlignment } from "@/lib/server/operations/alignment";
import { recordCostEntry, reverseCostEntry } from "@/lib/server/operations/costs";
import { recordDecision } from "@/lib/server/operations/decisions";
import {
  acceptFeedbackAnswer,
  acknowledgeFeedback,
  closeFeedback,
  logFeedback,
  reopenFeedback,
  respondToFeedback,
} from "@/lib/server/operations/feedback";
import {
  correctMetricValue,
  defineMetric,
  recordMetricValue,
  updateMetric,
} from "@/lib/server/operations/metrics";
import { approveMilestoneGate } from "@/lib/server/operations/milestone-gates";
import {
  cancelMilestone,
  changeMilestoneForecast,
  completeMilestone,
  createMilestone,
} from "@/lib/server/operations/milestones";
import { createObjective, updateObjective } from "@/lib/server/operations/objectives";
import { changeProjectStage, createProject, updateProject } from "@/lib/server/operations/projects";
import { assignRaci, handOverAccountable, removeRaci } from "@/lib/server/operations/raci";
import { decideRebaseline, requestRebaseline, requestScopeChange } from "@/lib/server/operations/rebaselines";
import { createRisk, updateRisk } from "@/lib/server/operations/risks";
import { addHoliday, removeHoliday, updateOrganisationSettings } from "@/lib/server/operations/settings";
import {
  decideStageGate,
  requestStageGate,
  withdrawStageGate,
} from "@/lib/server/operations/stage-gate-requests";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  resetPassword,
  setSroEligibility,
} from "@/lib/server/operations/users";
import { getOrganisationSettings } from "@/lib/server/organisation";
import * as make from "../server/fixtures";
import { columns, contextOf, rows } from "../support/authorisation-matrix";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf } from "./support";

useMigratedDatabase();

interface Cell {
  actor: Actor;
  /** The actor owns the resource (objective, metric) or wrote it (feedback). */
  owns: boolean;
  projectId: string;
  n: number;
}

let siteId: string;
let sponsor: Actor; // the Accountable wherever the actor is not
let lead: Actor; // a Responsible on every project
let champion: Actor; // writes the feedback the actor answers
let requester: Actor; // requests the rebaselines and stage gates the actor decides
let objectiveId: string;
const actors = new Map<string, Actor>();
let sequence = 0;
const thisMonth = () =>
  computeCurrentPeriodStart("MONTHLY", new Date(), "Europe/London").toISOString().slice(0, 10);

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  siteId = (await make.createSite()).id;
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  lead = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  requester = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  objectiveId = (await make.createObjective({ ownerId: sponsor.id })).id;
  for (const column of columns) {
    const { role } = contextOf(column);
    actors.set(
      column,
      actorOf(
        await make.createUser({
          role,
          discipline: role === "CLINICAL_CHAMPION" ? "CLINICAL" : "OPERATIONAL",
        }),
      ),
    );
  }
});

async function cellFor(column: string): Promise<Cell> {
  const actor = actors.get(column)!;
  const { letter, isOwner } = contextOf(column);
  const raci = [{ userId: lead.id, letter: "R" as const }];
  if (letter === "A") raci.push({ userId: actor.id, letter: "A" as never });
  else {
    raci.push({ userId: sponsor.id, letter: "A" as never });
    if (letter) raci.push({ userId: actor.id, letter: letter as never });
  }
  const project = await make.createProject({
    siteId,
    kind: "OPERATIONAL",
    stage: "PILOT",
    raci,
    alignments: [{ objectiveId }],
  });
  sequence += 1;
  return { actor, owns: isOwner === true, projectId: project.id, n: sequence };
}

type Call = (cell: Cell) => Promise<ActionResult<unknown>>;

const projectVersion = async (id: string) =>
  (await db().project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const accountableIdOf = async (projectId: string) =>
  (await db().raciAssignment.findFirstOrThrow({ where: { projectId, letter: "A" } })).userId;

const today = () => computeLocalDate(new Date(), "Europe/London").toISOString().slice(0, 10);

/** The cell's project back to PROPOSED, where its plan still changes directly (REB-4). */
const proposed = (id: string) => db().project.update({ where: { id }, data: { stage: "PROPOSED" } });
/** A weekday of its own for cell `n` (holidays are weekdays, one per date): a Monday, or the Tuesday after. */
const holidayDate = (n: number, tuesday = false) =>
  new Date(Date.UTC(2031, 0, 6 + 7 * n + (tuesday ? 1 : 0))).toISOString().slice(0, 10);

/**
 * A metric to record against: the project's own (owned by the sponsor), or, where the actor owns
 * it, an objective-level metric, since ownership grants recording only where no project does.
 */
function metricFor({ actor, owns, projectId }: Cell) {
  return make.createMetric({
    ownerId: owns ? actor.id : sponsor.id,
    objectiveId,
    ...(owns ? {} : { projectId }),
  });
}

/** Feedback answered by the lead at `at`, written by the actor where the cell says they own it. */
function answeredFeedback({ actor, owns, projectId }: Pick<Cell, "actor" | "owns" | "projectId">, at: Date) {
  return make.createFeedback({
    projectId,
    authorId: owns ? actor.id : champion.id,
    dueAt: new Date(at.getTime() + 86_400_000),
    createdAt: new Date(at.getTime() - 86_400_000),
    response: { text: "Agreed from next week", byId: lead.id, at },
  });
}

// The first operation under each action, with input that is valid whoever calls it.
const CALLS: Partial<Record<Action, Call>> = {
  "objective.create": ({ actor, n }) =>
    createObjective(actor, {
      code: `AZ-${n}`,
      title: "Reduce avoidable harm",
      description: "Fewer falls with harm.",
      category: "QUALITY_SAFETY",
      startDate: "2026-04-01",
      targetDate: "2027-03-31",
    }),
  "objective.edit": async ({ actor, owns }) => {
    const objective = await make.createObjective({ ownerId: owns ? actor.id : sponsor.id });
    return updateObjective(actor, {
      objectiveId: objective.id,
      version: 0,
      title: "Recognise deterioration early",
      description: "Sepsis antibiotics within the hour.",
      category: "QUALITY_SAFETY",
      startDate: "2025-04-01",
      targetDate: "2027-03-31",
      status: "ACTIVE",
    });
  },
  "project.create": ({ actor, n }) =>
    createProject(actor, {
      code: `AZ-${n}`,
      name: "Discharge lounge",
      summary: "A lounge for patients awaiting transport.",
      kind: "OPERATIONAL",
      siteId,
      startDate: "2026-01-05",
      endDate: "2027-06-30",
      budget: "120000",
      expectedBenefits: "Beds freed earlier in the day.",
      accountableId: sponsor.id,
    }),
  "project.edit": async ({ actor, projectId }) =>
    updateProject(actor, {
      projectId,
      version: await projectVersion(projectId),
      name: "Discharge lounge, phase two",
      summary: "Extended hours.",
      kind: "OPERATIONAL",
      siteId,
      expectedBenefits: "Beds freed earlier in the day.",
      forecastEndDate: "2026-12-31",
    }),
  "project.changeStage": async ({ actor, projectId }) =>
    changeProjectStage(actor, {
      projectId,
      version: await projectVersion(projectId),
      toStage: "ON_HOLD",
      reason: "Ward closed for refurbishment until spring",
    }),
  // The pilot has its evidence (GATE-5), so the gate passes whoever asks for it.
  "stageGate.request": async ({ actor, projectId }) => {
    await make.createPilotEvidence({ projectId, objectiveId, userId: sponsor.id });
    return requestStageGate(actor, {
      projectId,
      version: await projectVersion(projectId),
      toStage: "ROLLOUT",
      reason: "The pilot met its targets on both wards",
    });
  },
  // Asked for by the PMO `requester`, on a project whose R is `lead`: neither is ever the actor.
  "stageGate.decide": async ({ actor, projectId }) => {
    await make.createPilotEvidence({ projectId, objectiveId, userId: sponsor.id });
    const request = await db().stageGateRequest.create({
      data: {
        projectId,
        fromStage: "PILOT",
        toStage: "ROLLOUT",
        reason: "The pilot met its targets on both wards",
        requestedById: requester.id,
      },
    });
    return decideStageGate(actor, {
      requestId: request.id,
      version: 0,
      decision: "APPROVED",
      reason: "Evidence reviewed at the Executive Board",
    });
  },
  "alignment.manage": async ({ actor, projectId }) => {
    const objective = await make.createObjective({ ownerId: sponsor.id });
    return alignProject(actor, {
      projectId,
      objectiveId: objective.id,
      contribution: "SUPPORTING",
      rationale: "Shorter stays free beds for emergency admissions.",
    });
  },
  "raci.manage": async ({ actor, projectId }) => {
    const colleague = await make.createUser();
    return assignRaci(actor, { projectId, userId: colleague.id, letter: "I", currentLetter: "NONE" });
  },
  // Milestones are added and cancelled directly only while the plan is proposed (REB-4).
  "milestone.manage": async ({ actor, projectId }) => {
    await proposed(projectId);
    return createMilestone(actor, { projectId, title: "Lounge open", baselineDate: "2027-01-15" });
  },
  // Owned by the project's R (`lead`), never the actor: the owner does not sign off their own gate.
  "milestone.approveGate": async ({ actor, projectId }) => {
    const milestone = await db().milestone.create({
      data: {
        projectId,
        title: "Pilot evaluation",
        ownerId: lead.id,
        baselineDate: new Date(`${today()}T00:00:00Z`),
        forecastDate: new Date(`${today()}T00:00:00Z`),
        actualDate: new Date(`${today()}T00:00:00Z`),
        status: "DONE",
        isGate: true,
      },
    });
    return approveMilestoneGate(actor, { milestoneId: milestone.id, version: 0 });
  },
  "rebaseline.request": ({ actor, projectId }) =>
    requestRebaseline(actor, {
      projectId,
      proposedEndDate: "2027-03-31",
      reason: "Ward reconfiguration postponed by winter pressures",
    }),
  "rebaseline.decide": async ({ actor, projectId }) => {
    const request = await db().rebaseline.create({
      data: {
        projectId,
        reason: "Supplier delay on the interface build",
        previousEndDate: new Date("2026-12-31T00:00:00Z"),
        proposedEndDate: new Date("2027-02-26T00:00:00Z"),
        requestedById: requester.id,
      },
    });
    return decideRebaseline(actor, {
      rebaselineId: request.id,
      version: 0,
      decision: "REJECTED",
      reason: "The benefits case does not justify the delay",
    });
  },
  "cost.record": ({ actor, projectId }) =>
    recordCostEntry(actor, {
      projectId,
      period: thisMonth().slice(0, 7),
      amount: "1250.50",
      description: "Agency porters",
    }),
  "metric.define": ({ actor, projectId }) =>
    defineMetric(actor, make.metricForm({ ownerId: sponsor.id, objectiveId, projectId })),
  "metricValue.record": async (cell) => {
    const metric = await metricFor(cell);
    // This month has not ended: its value is provisional (docs/governance-rules.md NUM-5).
    return recordMetricValue(cell.actor, {
      metricId: metric.id,
      periodStart: thisMonth(),
      value: "21",
      provisional: true,
    });
  },
  "feedback.log": ({ actor, projectId }) =>
    logFeedback(actor, { projectId, kind: "SUGGESTION", severity: "LOW", body: "Open the lounge at 08:00" }),
  "feedback.answer": async ({ actor, projectId }) => {
    const feedback = await make.createFeedback({
      projectId,
      authorId: champion.id,
      dueAt: new Date(Date.now() + 86_400_000),
    });
    return respondToFeedback(actor, {
      feedbackId: feedback.id,
      version: 0,
      responseText: "Agreed from next week",
    });
  },
  "feedback.accept": async ({ actor, owns, projectId }) => {
    const feedback = await answeredFeedback({ actor, owns, projectId }, new Date());
    return acceptFeedbackAnswer(actor, { feedbackId: feedback.id, version: 0 });
  },
  "feedback.close": async ({ actor, owns, projectId }) => {
    // The team may close only an answer its author has let wait past the acceptance timeout (FB-4).
    await db().organisation.update({ where: { id: 1 }, data: { feedbackAcceptanceTimeoutDays: 1 } });
    const feedback = await answeredFeedback(
      { actor, owns, projectId },
      new Date(Date.now() - 2 * 86_400_000),
    );
    return closeFeedback(actor, { feedbackId: feedback.id, version: 0 });
  },
  "risk.manage": ({ actor, projectId }) =>
    createRisk(actor, {
      projectId,
      title: "Transport delays",
      likelihood: "3",
      impact: "3",
      ownerId: sponsor.id,
    }),
  "decision.record": ({ actor, projectId }) =>
    recordDecision(actor, {
      title: "Extend the pilot",
      detail: "The pilot runs for four more weeks.",
      authority: "Executive Board",
      rationale: "Winter pressures delayed the evaluation.",
      projectId,
    }),
  "user.manage": ({ actor, n }) =>
    createUser(actor, {
      name: "New Starter",
      email: `starter${n}@northbridge.example`,
      password: "a long enough password",
      role: "VIEWER",
      discipline: "OPERATIONAL",
    }),
  "settings.manage": async ({ actor }) =>
    updateOrganisationSettings(actor, {
      version: (await getOrganisationSettings()).version,
      timeZone: "Europe/London",
      rebaselineToleranceDays: "30",
      rebaselineTolerancePercent: "5",
      scheduleAmberPercent: "10",
      scheduleRedPercent: "20",
      safetyCriticalAnswerHours: "4",
      safetyHighAnswerHours: "24",
      safetyOtherAnswerWorkingDays: "2",
      feedbackAnswerWorkingDays: "5",
    }),
};

// The other operations under each action: the matrix holds for every one of them.
const MORE_CALLS: Partial<Record<Action, Record<string, Call>>> = {
  "stageGate.request": {
    // Someone else's request: the requester may always withdraw their own.
    withdrawStageGate: async ({ actor, projectId }) => {
      const request = await db().stageGateRequest.create({
        data: {
          projectId,
          fromStage: "PILOT",
          toStage: "ROLLOUT",
          reason: "The pilot met its targets on both wards",
          requestedById: requester.id,
        },
      });
      return withdrawStageGate(actor, { requestId: request.id, version: 0 });
    },
  },
  "alignment.manage": {
    removeAlignment: async ({ actor, projectId }) => {
      const objective = await make.createObjective({ ownerId: sponsor.id });
      await db().alignment.create({
        data: {
          projectId,
          objectiveId: objective.id,
          contribution: "SUPPORTING",
          rationale: "Also serves flow.",
        },
      });
      return removeAlignment(actor, { projectId, objectiveId: objective.id });
    },
  },
  "raci.manage": {
    removeRaci: async ({ actor, projectId }) => {
      const colleague = await make.createUser();
      await db().raciAssignment.create({ data: { projectId, userId: colleague.id, letter: "I" } });
      return removeRaci(actor, { projectId, userId: colleague.id, currentLetter: "I" });
    },
    handOverAccountable: async ({ actor, projectId }) => {
      const successor = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
      return handOverAccountable(actor, {
        projectId,
        toUserId: successor.id,
        currentAccountableId: await accountableIdOf(projectId),
        previousHolderBecomes: "I",
      });
    },
  },
  "milestone.manage": {
    changeMilestoneForecast: async ({ actor, projectId }) => {
      const milestone = await make.createMilestone({ projectId, baselineDate: "2027-01-15" });
      return changeMilestoneForecast(actor, {
        milestoneId: milestone.id,
        version: 0,
        forecastDate: "2027-02-15",
        reason: "Supplier delay on the interface build",
      });
    },
    completeMilestone: async ({ actor, projectId }) => {
      const milestone = await make.createMilestone({ projectId, baselineDate: today() });
      return completeMilestone(actor, { milestoneId: milestone.id, version: 0, actualDate: today() });
    },
    cancelMilestone: async ({ actor, projectId }) => {
      await proposed(projectId);
      const milestone = await make.createMilestone({ projectId, baselineDate: "2027-01-15" });
      return cancelMilestone(actor, {
        milestoneId: milestone.id,
        version: 0,
        reason: "Scope moved to the phase two rollout",
      });
    },
  },
  "rebaseline.request": {
    requestScopeChange: ({ actor, projectId }) =>
      requestScopeChange(actor, {
        projectId,
        kind: "ADD_MILESTONE",
        proposedMilestoneTitle: "Lounge open",
        proposedMilestoneDate: "2026-11-02",
        reason: "The board asked for an opening checkpoint",
      }),
  },
  // Approving within tolerance (REB-3): the matrix alone decides who may.
  "rebaseline.decide": {
    "decideRebaseline (approve within tolerance)": async ({ actor, projectId }) => {
      const request = await db().rebaseline.create({
        data: {
          projectId,
          reason: "Supplier delay on the interface build",
          previousEndDate: new Date("2026-12-31T00:00:00Z"),
          proposedEndDate: new Date("2027-01-14T00:00:00Z"),
          requestedById: requester.id,
        },
      });
      return decideRebaseline(actor, { rebaselineId: request.id, version: 0, decision: "APPROVED" });
    },
  },
  "cost.record": {
    reverseCostEntry: async ({ actor, projectId }) => {
      const entry = await db().costEntry.create({
        data: {
          projectId,
          period: new Date(`${thisMonth()}T00:00:00Z`),
          amount: "1250.50",
          description: "Agency porters",
          recordedById: lead.id,
        },
      });
      return reverseCostEntry(actor, { costEntryId: entry.id, reason: "Invoice keyed twice by accounts" });
    },
  },
  "metric.define": {
    updateMetric: async (cell) => {
      const metric = await metricFor({ ...cell, owns: false });
      return updateMetric(cell.actor, {
        ...make.metricForm({ ownerId: sponsor.id, objectiveId }),
        metricId: metric.id,
        version: 0,
        name: "Discharges before 11:00",
      });
    },
  },
  "metricValue.record": {
    correctMetricValue: async (cell) => {
      const metric = await metricFor(cell);
      const value = await db().metricValue.create({
        data: {
          metricId: metric.id,
          periodStart: new Date(`${thisMonth()}T00:00:00Z`),
          value: 21,
          recordedById: sponsor.id,
        },
      });
      return correctMetricValue(cell.actor, {
        metricValueId: value.id,
        version: 0,
        value: "23",
        reason: "Late returns from the discharge team",
      });
    },
  },
  "feedback.answer": {
    acknowledgeFeedback: async ({ actor, projectId }) => {
      const feedback = await make.createFeedback({
        projectId,
        authorId: champion.id,
        dueAt: new Date(Date.now() + 86_400_000),
      });
      return acknowledgeFeedback(actor, { feedbackId: feedback.id, version: 0 });
    },
  },
  "feedback.accept": {
    reopenFeedback: async (cell) => {
      const feedback = await answeredFeedback(cell, new Date());
      return reopenFeedback(cell.actor, {
        feedbackId: feedback.id,
        version: 0,
        comment: "The lounge still opens at 09:00",
      });
    },
  },
  "risk.manage": {
    updateRisk: async ({ actor, projectId }) => {
      const risk = await db().risk.create({
        data: { projectId, title: "Transport delays", likelihood: 3, impact: 3, ownerId: sponsor.id },
      });
      return updateRisk(actor, {
        riskId: risk.id,
        version: 0,
        title: "Transport delays",
        likelihood: "4",
        impact: "3",
        ownerId: sponsor.id,
        status: "OPEN",
      });
    },
  },
  "user.manage": {
    changeUserRole: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return changeUserRole(actor, {
        userId: user.id,
        version: 0,
        role: "PROJECT_MANAGER",
        discipline: "DIGITAL",
      });
    },
    deactivateUser: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return deactivateUser(actor, { userId: user.id, version: 0 });
    },
    reactivateUser: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER", active: false });
      return reactivateUser(actor, { userId: user.id, version: 0 });
    },
    resetPassword: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return resetPassword(actor, { userId: user.id, version: 0, password: "another long password" });
    },
    setSroEligibility: async ({ actor }) => {
      const user = await make.createUser({ role: "PROJECT_MANAGER" });
      return setSroEligibility(actor, { userId: user.id, version: 0, sroEligible: "on" });
    },
  },
  "settings.manage": {
    addHoliday: ({ actor, n }) => addHoliday(actor, { date: holidayDate(n), name: "Trust training day" }),
    removeHoliday: async ({ actor, n }) => {
      const date = holidayDate(n, true);
      await db().holiday.create({
        data: { date: new Date(`${date}T00:00:00Z`), name: "Trust training day" },
      });
      return removeHoliday(actor, { date });
    },
  },
};

it("has a call for every action in the matrix", () => {
  expect(rows.map((r) => r.action).filter((action) => !CALLS[action])).toEqual([]);
});

const CASES = rows.flatMap(({ action, cells }) =>
  [
    ["", CALLS[action] ?? (() => Promise.reject(new Error(`no call for ${action}`)))] as const,
    ...Object.entries(MORE_CALLS[action] ?? {}),
  ].map(([operation, call]) => ({
    name: operation ? `${action}: ${operation}` : action,
    call,
    cells,
  })),
);

describe.each(CASES)("$name", ({ call, cells }) => {
  it.each(columns.map((column, i) => ({ column, allowed: cells[i] === "Y" })))(
    "$column → allowed: $allowed",
    async ({ column, allowed }) => {
      const result = await call(await cellFor(column));
      if (allowed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      else expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    },
  );
});
