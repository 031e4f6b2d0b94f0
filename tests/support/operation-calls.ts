// One table of valid calls per operation, grouped by the action of the authorisation matrix that
// governs them. Each entry arranges what its operation needs on a project (a milestone, a metric, a
// request) and returns the call, so a test can fingerprint the tables or hold a competing lock
// between the two. Inputs are valid whoever calls: whether the call succeeds is then down to who
// calls (tests/operations/authorisation.test.ts) or the project's stage (closed-projects.test.ts,
// races.test.ts).
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computePeriodStart } from "@/lib/domain/metrics";
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
import { createSite, updateSite } from "@/lib/server/operations/sites";
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
  resetMfa,
  resetPassword,
  setSroEligibility,
} from "@/lib/server/operations/users";
import { getOrganisationSettings } from "@/lib/server/organisation";
import * as make from "../server/fixtures";

const DAY_MS = 86_400_000;
/** A date as a form sends it ("2026-12-01"). */
export const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Today in the organisation's time zone (Europe/London in every operation test). */
export const today = () => computeLocalDate(new Date(), "Europe/London");
/** `days` from today, as a form sends a date. */
export const inDays = (days: number) => iso(new Date(today().getTime() + days * DAY_MS));
/** The first day of last month: a period that has ended, so its values are final. */
export const lastMonth = () => {
  const start = computePeriodStart("MONTHLY", today());
  return iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
};

/** The people and records every call may lean on, made once per test file. */
export interface CallCast {
  siteId: string;
  /** An objective the projects serve (their metrics feed it, docs/governance-rules.md NUM-9). */
  objectiveId: string;
  /** An executive: the Accountable wherever the caller is not, and the owner of what is owned. */
  sponsor: Actor;
  /** A Responsible on the projects: owns their gate milestones, answers their feedback. */
  lead: Actor;
  /** A clinical champion: writes the feedback the caller answers. */
  champion: Actor;
  /** Asks for the rebaselines and stage gates the caller decides or withdraws; never the caller. */
  requester: Actor;
}

export interface CallContext {
  /** Who calls. */
  actor: Actor;
  /** The project the call is about. */
  projectId: string;
  /** The caller owns what the call is about (an objective, a metric) or wrote it (feedback). */
  owns?: boolean;
  /** Unique per call, for codes, emails and holiday dates. */
  n: number;
  cast: CallCast;
}

export type Call = () => Promise<ActionResult<unknown>>;

/** Makes what the operation needs and returns the call. */
export type Arrange = (context: CallContext) => Promise<Call>;

const projectVersion = async (id: string) =>
  (await db().project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const accountableIdOf = async (projectId: string) =>
  (await db().raciAssignment.findFirstOrThrow({ where: { projectId, letter: "A" } })).userId;

/** The project back to PROPOSED, where its plan still changes directly (REB-4). */
const proposed = (id: string) => db().project.update({ where: { id }, data: { stage: "PROPOSED" } });

/** A weekday of its own for call `n` (holidays are weekdays, one per date): a Monday, or the Tuesday after. */
const holidayDate = (n: number, tuesday = false) =>
  iso(new Date(Date.UTC(2031, 0, 6 + 7 * n + (tuesday ? 1 : 0))));

/**
 * A metric to record against: the project's own (owned by the sponsor), or, where the caller owns
 * it, an objective-level metric, since ownership grants recording only where no project does.
 */
function metricFor({ actor, owns, projectId, cast }: CallContext) {
  return make.createMetric({
    ownerId: owns ? actor.id : cast.sponsor.id,
    objectiveId: cast.objectiveId,
    ...(owns ? {} : { projectId }),
  });
}

/** Feedback answered by the lead at `at`, written by the caller where the context says they own it. */
function answeredFeedback({ actor, owns, projectId, cast }: CallContext, at: Date) {
  return make.createFeedback({
    projectId,
    authorId: owns ? actor.id : cast.champion.id,
    dueAt: new Date(at.getTime() + DAY_MS),
    createdAt: new Date(at.getTime() - DAY_MS),
    response: { text: "Agreed from next week", byId: cast.lead.id, at },
  });
}

const riskForm = (cast: CallCast) => ({
  title: "Transport delays",
  likelihood: "4",
  impact: "3",
  ownerId: cast.sponsor.id,
  status: "OPEN",
});

/**
 * Every operation's valid call, under the action that governs it: the first entry of each action
 * is its main operation, the others are the rest of its operations (the matrix holds for each).
 */
export const CALLS: Record<Action, Record<string, Arrange>> = {
  "objective.create": {
    createObjective:
      async ({ actor, n }) =>
      () =>
        createObjective(actor, {
          code: `AZ-${n}`,
          title: "Reduce avoidable harm",
          description: "Fewer falls with harm.",
          category: "QUALITY_SAFETY",
          startDate: "2026-04-01",
          targetDate: "2027-03-31",
        }),
  },
  "objective.edit": {
    updateObjective: async ({ actor, owns, cast }) => {
      const objective = await make.createObjective({ ownerId: owns ? actor.id : cast.sponsor.id });
      return () =>
        updateObjective(actor, {
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
  },
  "project.create": {
    createProject:
      async ({ actor, n, cast }) =>
      () =>
        createProject(actor, {
          code: `AZ-${n}`,
          name: "Discharge lounge",
          summary: "A lounge for patients awaiting transport.",
          kind: "OPERATIONAL",
          siteId: cast.siteId,
          startDate: "2026-01-05",
          endDate: "2027-06-30",
          budget: "120000",
          expectedBenefits: "Beds freed earlier in the day.",
          accountableId: cast.sponsor.id,
        }),
  },
  "project.edit": {
    updateProject:
      async ({ actor, projectId, cast }) =>
      async () =>
        updateProject(actor, {
          projectId,
          version: await projectVersion(projectId),
          name: "Discharge lounge, phase two",
          summary: "Extended hours.",
          kind: "OPERATIONAL",
          siteId: cast.siteId,
          expectedBenefits: "Beds freed earlier in the day.",
          forecastEndDate: "2026-12-31",
        }),
  },
  "project.changeStage": {
    changeProjectStage:
      async ({ actor, projectId }) =>
      async () =>
        changeProjectStage(actor, {
          projectId,
          version: await projectVersion(projectId),
          toStage: "ON_HOLD",
          reason: "Ward closed for refurbishment until spring",
        }),
  },
  "stageGate.request": {
    // The pilot has its evidence (GATE-5), so the gate passes whoever asks for it.
    requestStageGate: async ({ actor, projectId, cast }) => {
      await make.createPilotEvidence({ projectId, objectiveId: cast.objectiveId, userId: cast.sponsor.id });
      return async () =>
        requestStageGate(actor, {
          projectId,
          version: await projectVersion(projectId),
          toStage: "ROLLOUT",
          reason: "The pilot met its targets on both wards",
        });
    },
    // Someone else's request: the requester may always withdraw their own.
    withdrawStageGate: async ({ actor, projectId, cast }) => {
      const request = await db().stageGateRequest.create({
        data: {
          projectId,
          fromStage: "PILOT",
          toStage: "ROLLOUT",
          reason: "The pilot met its targets on both wards",
          requestedById: cast.requester.id,
        },
      });
      return () => withdrawStageGate(actor, { requestId: request.id, version: 0 });
    },
  },
  "stageGate.decide": {
    // Asked for by the `requester`, on a project whose R is the `lead`: neither is ever the caller.
    decideStageGate: async ({ actor, projectId, cast }) => {
      await make.createPilotEvidence({ projectId, objectiveId: cast.objectiveId, userId: cast.sponsor.id });
      const request = await db().stageGateRequest.create({
        data: {
          projectId,
          fromStage: "PILOT",
          toStage: "ROLLOUT",
          reason: "The pilot met its targets on both wards",
          requestedById: cast.requester.id,
        },
      });
      return () =>
        decideStageGate(actor, {
          requestId: request.id,
          version: 0,
          decision: "APPROVED",
          reason: "Evidence reviewed at the Executive Board",
        });
    },
  },
  "alignment.manage": {
    alignProject: async ({ actor, projectId, cast }) => {
      const objective = await make.createObjective({ ownerId: cast.sponsor.id });
      return () =>
        alignProject(actor, {
          projectId,
          objectiveId: objective.id,
          contribution: "SUPPORTING",
          rationale: "Shorter stays free beds for emergency admissions.",
        });
    },
    removeAlignment: async ({ actor, projectId, cast }) => {
      const objective = await make.createObjective({ ownerId: cast.sponsor.id });
      await db().alignment.create({
        data: {
          projectId,
          objectiveId: objective.id,
          contribution: "SUPPORTING",
          rationale: "Also serves flow.",
        },
      });
      return () => removeAlignment(actor, { projectId, objectiveId: objective.id });
    },
  },
  "raci.manage": {
    assignRaci: async ({ actor, projectId }) => {
      const colleague = await make.createUser();
      return () => assignRaci(actor, { projectId, userId: colleague.id, letter: "I", currentLetter: "NONE" });
    },
    removeRaci: async ({ actor, projectId }) => {
      const colleague = await make.createUser();
      await db().raciAssignment.create({ data: { projectId, userId: colleague.id, letter: "I" } });
      return () => removeRaci(actor, { projectId, userId: colleague.id, currentLetter: "I" });
    },
    handOverAccountable: async ({ actor, projectId }) => {
      const successor = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
      const currentAccountableId = await accountableIdOf(projectId);
      return () =>
        handOverAccountable(actor, {
          projectId,
          toUserId: successor.id,
          currentAccountableId,
          previousHolderBecomes: "I",
        });
    },
  },
  "milestone.manage": {
    // Milestones are added and cancelled directly only while the plan is proposed (REB-4).
    createMilestone: async ({ actor, projectId }) => {
      await proposed(projectId);
      return () => createMilestone(actor, { projectId, title: "Lounge open", baselineDate: "2027-01-15" });
    },
    changeMilestoneForecast: async ({ actor, projectId }) => {
      const milestone = await make.createMilestone({ projectId, baselineDate: inDays(20) });
      return () =>
        changeMilestoneForecast(actor, {
          milestoneId: milestone.id,
          version: 0,
          forecastDate: inDays(40),
          reason: "Supplier delay on the interface build",
        });
    },
    completeMilestone: async ({ actor, projectId }) => {
      const milestone = await make.createMilestone({ projectId, baselineDate: inDays(-5) });
      return () =>
        completeMilestone(actor, { milestoneId: milestone.id, version: 0, actualDate: inDays(-1) });
    },
    cancelMilestone: async ({ actor, projectId }) => {
      await proposed(projectId);
      const milestone = await make.createMilestone({ projectId, baselineDate: "2027-01-15" });
      return () =>
        cancelMilestone(actor, {
          milestoneId: milestone.id,
          version: 0,
          reason: "Scope moved to the phase two rollout",
        });
    },
  },
  "milestone.approveGate": {
    // Owned by the project's R (the `lead`), never the caller: the owner does not sign off their own gate.
    approveMilestoneGate: async ({ actor, projectId, cast }) => {
      const day = today();
      const milestone = await db().milestone.create({
        data: {
          projectId,
          title: "Pilot evaluation",
          ownerId: cast.lead.id,
          baselineDate: day,
          forecastDate: day,
          actualDate: day,
          status: "DONE",
          isGate: true,
        },
      });
      return () => approveMilestoneGate(actor, { milestoneId: milestone.id, version: 0 });
    },
  },
  "rebaseline.request": {
    requestRebaseline:
      async ({ actor, projectId }) =>
      () =>
        requestRebaseline(actor, {
          projectId,
          proposedEndDate: "2027-03-31",
          reason: "Ward reconfiguration postponed by winter pressures",
        }),
    "requestScopeChange (add a milestone)":
      async ({ actor, projectId }) =>
      () =>
        requestScopeChange(actor, {
          projectId,
          kind: "ADD_MILESTONE",
          proposedMilestoneTitle: "Lounge open",
          proposedMilestoneDate: inDays(20),
          reason: "The board asked for an opening checkpoint",
        }),
    "requestScopeChange (cancel a milestone)": async ({ actor, projectId }) => {
      const milestone = await make.createMilestone({ projectId, baselineDate: inDays(20) });
      return () =>
        requestScopeChange(actor, {
          projectId,
          kind: "CANCEL_MILESTONE",
          milestoneId: milestone.id,
          reason: "Descoped by the programme board",
        });
    },
  },
  "rebaseline.decide": {
    decideRebaseline: async ({ actor, projectId, cast }) => {
      const request = await db().rebaseline.create({
        data: {
          projectId,
          reason: "Supplier delay on the interface build",
          previousEndDate: make.day("2026-12-31"),
          proposedEndDate: make.day("2027-02-26"),
          requestedById: cast.requester.id,
        },
      });
      return () =>
        decideRebaseline(actor, {
          rebaselineId: request.id,
          version: 0,
          decision: "REJECTED",
          reason: "The benefits case does not justify the delay",
        });
    },
    // Approving within tolerance (REB-3): the matrix alone decides who may.
    "decideRebaseline (approve within tolerance)": async ({ actor, projectId, cast }) => {
      const request = await db().rebaseline.create({
        data: {
          projectId,
          reason: "Supplier delay on the interface build",
          previousEndDate: make.day("2026-12-31"),
          proposedEndDate: make.day("2027-01-14"),
          requestedById: cast.requester.id,
        },
      });
      return () => decideRebaseline(actor, { rebaselineId: request.id, version: 0, decision: "APPROVED" });
    },
  },
  "cost.record": {
    // Invoices arrive after the month: last month's spend is recorded on any project.
    recordCostEntry:
      async ({ actor, projectId }) =>
      () =>
        recordCostEntry(actor, {
          projectId,
          period: lastMonth().slice(0, 7),
          amount: "1250.50",
          description: "Agency porters",
        }),
    reverseCostEntry: async ({ actor, projectId, cast }) => {
      const entry = await db().costEntry.create({
        data: {
          projectId,
          period: make.day(lastMonth()),
          amount: "1250.50",
          description: "Agency porters",
          recordedById: cast.lead.id,
        },
      });
      return () =>
        reverseCostEntry(actor, { costEntryId: entry.id, reason: "Invoice keyed twice by accounts" });
    },
  },
  "metric.define": {
    defineMetric:
      async ({ actor, projectId, cast }) =>
      () =>
        defineMetric(
          actor,
          make.metricForm({ ownerId: cast.sponsor.id, objectiveId: cast.objectiveId, projectId }),
        ),
    updateMetric: async (context) => {
      const { actor, projectId, cast } = context;
      const metric = await metricFor({ ...context, owns: false });
      return () =>
        updateMetric(actor, {
          ...make.metricForm({ ownerId: cast.sponsor.id, objectiveId: cast.objectiveId, projectId }),
          metricId: metric.id,
          version: 0,
          name: "Discharges before 11:00",
        });
    },
  },
  "metricValue.record": {
    recordMetricValue: async (context) => {
      const metric = await metricFor(context);
      return () =>
        recordMetricValue(context.actor, { metricId: metric.id, periodStart: lastMonth(), value: "21" });
    },
    correctMetricValue: async (context) => {
      const metric = await metricFor(context);
      const value = await db().metricValue.create({
        data: {
          metricId: metric.id,
          periodStart: make.day(lastMonth()),
          value: 21,
          recordedById: context.cast.sponsor.id,
        },
      });
      return () =>
        correctMetricValue(context.actor, {
          metricValueId: value.id,
          version: 0,
          value: "23",
          reason: "Late returns from the discharge team",
        });
    },
  },
  "feedback.log": {
    logFeedback:
      async ({ actor, projectId }) =>
      () =>
        logFeedback(actor, {
          projectId,
          kind: "SUGGESTION",
          severity: "LOW",
          body: "Open the lounge at 08:00",
        }),
  },
  "feedback.answer": {
    respondToFeedback: async ({ actor, projectId, cast }) => {
      const feedback = await make.createFeedback({
        projectId,
        authorId: cast.champion.id,
        dueAt: new Date(Date.now() + DAY_MS),
      });
      return () =>
        respondToFeedback(actor, {
          feedbackId: feedback.id,
          version: 0,
          responseText: "Agreed from next week",
        });
    },
    acknowledgeFeedback: async ({ actor, projectId, cast }) => {
      const feedback = await make.createFeedback({
        projectId,
        authorId: cast.champion.id,
        dueAt: new Date(Date.now() + DAY_MS),
      });
      return () => acknowledgeFeedback(actor, { feedbackId: feedback.id, version: 0 });
    },
  },
  "feedback.accept": {
    acceptFeedbackAnswer: async (context) => {
      const feedback = await answeredFeedback(context, new Date());
      return () => acceptFeedbackAnswer(context.actor, { feedbackId: feedback.id, version: 0 });
    },
    reopenFeedback: async (context) => {
      const feedback = await answeredFeedback(context, new Date());
      return () =>
        reopenFeedback(context.actor, {
          feedbackId: feedback.id,
          version: 0,
          comment: "The lounge still opens at 09:00",
        });
    },
  },
  "feedback.close": {
    closeFeedback: async (context) => {
      // The team may close only an answer its author has let wait past the acceptance timeout (FB-4).
      await db().organisation.update({ where: { id: 1 }, data: { feedbackAcceptanceTimeoutDays: 1 } });
      const feedback = await answeredFeedback(context, new Date(Date.now() - 2 * DAY_MS));
      return () => closeFeedback(context.actor, { feedbackId: feedback.id, version: 0 });
    },
  },
  "risk.manage": {
    createRisk:
      async ({ actor, projectId, cast }) =>
      () =>
        createRisk(actor, { projectId, ...riskForm(cast) }),
    updateRisk: async ({ actor, projectId, cast }) => {
      const risk = await db().risk.create({
        data: { projectId, title: "Transport delays", likelihood: 3, impact: 3, ownerId: cast.sponsor.id },
      });
      return () => updateRisk(actor, { riskId: risk.id, version: 0, ...riskForm(cast) });
    },
  },
  "decision.record": {
    recordDecision:
      async ({ actor, projectId }) =>
      () =>
        recordDecision(actor, {
          title: "Extend the pilot",
          detail: "The pilot runs for four more weeks.",
          authority: "Executive Board",
          rationale: "Winter pressures delayed the evaluation.",
          projectId,
        }),
  },
  "user.manage": {
    createUser:
      async ({ actor, n }) =>
      () =>
        createUser(actor, {
          name: "New Starter",
          email: `starter${n}@northbridge.example`,
          password: "a long enough password",
          role: "VIEWER",
          discipline: "OPERATIONAL",
        }),
    changeUserRole: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return () =>
        changeUserRole(actor, {
          userId: user.id,
          version: 0,
          role: "PROJECT_MANAGER",
          discipline: "DIGITAL",
        });
    },
    deactivateUser: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return () => deactivateUser(actor, { userId: user.id, version: 0 });
    },
    reactivateUser: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER", active: false });
      return () => reactivateUser(actor, { userId: user.id, version: 0 });
    },
    resetPassword: async ({ actor }) => {
      const user = await make.createUser({ role: "VIEWER" });
      return () => resetPassword(actor, { userId: user.id, version: 0, password: "another long password" });
    },
    setSroEligibility: async ({ actor }) => {
      const user = await make.createUser({ role: "PROJECT_MANAGER" });
      return () => setSroEligibility(actor, { userId: user.id, version: 0, sroEligible: "on" });
    },
  },
  "user.resetMfa": {
    resetMfa: async ({ actor }) => {
      const user = await make.createUser({ role: "EXECUTIVE" });
      return () => resetMfa(actor, { userId: user.id, version: 0 });
    },
  },
  "settings.manage": {
    updateOrganisationSettings:
      async ({ actor }) =>
      async () =>
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
    addHoliday:
      async ({ actor, n }) =>
      () =>
        addHoliday(actor, { date: holidayDate(n), name: "Trust training day" }),
    removeHoliday: async ({ actor, n }) => {
      const date = holidayDate(n, true);
      await db().holiday.create({ data: { date: make.day(date), name: "Trust training day" } });
      return () => removeHoliday(actor, { date });
    },
    createSite:
      async ({ actor, n }) =>
      () =>
        createSite(actor, { code: `WTC${n}`, name: `Westbridge Treatment Centre ${n}`, kind: "Day surgery" }),
    updateSite: async ({ actor, n }) => {
      const site = await make.createSite({ code: `OTC${n}`, name: `Old Town Clinic ${n}` });
      return () =>
        updateSite(actor, { siteId: site.id, name: `Old Town Health Centre ${n}`, kind: "Clinic" });
    },
  },
};

/** The call named `operation` (a key of CALLS under any action), e.g. "changeMilestoneForecast". */
export function callOf(operation: string): Arrange {
  for (const calls of Object.values(CALLS)) {
    const arrange = calls[operation];
    if (arrange) return arrange;
  }
  throw new Error(`no call for ${operation} in tests/support/operation-calls.ts`);
}
