// What a closed or cancelled project still takes (domain/closed-projects): its plan, risk register
// and measures are kept as they ended; a closed project still takes metric values and feedback (the
// benefits go on being measured, people go on saying what they think), a cancelled one takes
// neither; feedback already logged is still answered, and costs are still recorded.
import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectStage } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computePeriodStart } from "@/lib/domain/metrics";
import { recordCostEntry } from "@/lib/server/operations/costs";
import { logFeedback, respondToFeedback } from "@/lib/server/operations/feedback";
import {
  correctMetricValue,
  defineMetric,
  recordMetricValue,
  updateMetric,
} from "@/lib/server/operations/metrics";
import { changeMilestoneForecast, completeMilestone } from "@/lib/server/operations/milestones";
import { requestScopeChange } from "@/lib/server/operations/rebaselines";
import { createRisk, updateRisk } from "@/lib/server/operations/risks";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

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

const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = () => computeLocalDate(new Date(), "Europe/London");
const inDays = (days: number) => iso(new Date(today().getTime() + days * 86_400_000));
const lastMonth = () => {
  const start = computePeriodStart("MONTHLY", today());
  return iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
};

let pm: Actor; // R everywhere
let sponsor: Actor; // A everywhere
let champion: Actor; // C everywhere, logs feedback
let siteId: string;
let objectiveId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  siteId = (await make.createSite()).id;
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  objectiveId = (await make.createObjective({ ownerId: sponsor.id })).id;
});

async function projectIn(stage: ProjectStage) {
  return make.createProject({
    siteId,
    stage,
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
    // Serving the objective, so its metrics may feed it (docs/governance-rules.md NUM-9).
    alignments: [{ objectiveId }],
  });
}

const risk = (projectId: string) =>
  db().risk.create({
    data: { projectId, title: "Interface delay", likelihood: 3, impact: 3, ownerId: pm.id },
  });

const riskForm = () => ({
  title: "Interface delay",
  likelihood: "4",
  impact: "3",
  ownerId: pm.id,
  status: "OPEN",
});

type Call = () => Promise<ActionResult<unknown>>;

/** Makes what the change needs on the project (a milestone, a risk, a metric) and returns the change. */
type Arrange = (projectId: string) => Promise<Call>;

/** Every change to a project's plan, risk register or measures. */
const FROZEN: [string, Arrange][] = [
  // Past PROPOSED, milestones are added and cancelled through scope changes (governance-rules REB-4).
  [
    "requesting a new milestone",
    async (projectId) => () =>
      requestScopeChange(pm, {
        projectId,
        kind: "ADD_MILESTONE",
        proposedMilestoneTitle: "Go-live",
        proposedMilestoneDate: inDays(20),
        reason: "The board asked for a go-live checkpoint",
      }),
  ],
  [
    "moving a milestone's forecast",
    async (projectId) => {
      const m = await make.createMilestone({ projectId, baselineDate: inDays(20) });
      return () =>
        changeMilestoneForecast(pm, {
          milestoneId: m.id,
          version: 0,
          forecastDate: inDays(40),
          reason: "Supplier delayed the interface build",
        });
    },
  ],
  [
    "completing a milestone",
    async (projectId) => {
      const m = await make.createMilestone({ projectId, baselineDate: inDays(-5) });
      return () => completeMilestone(pm, { milestoneId: m.id, version: 0, actualDate: inDays(-1) });
    },
  ],
  [
    "requesting a milestone's cancellation",
    async (projectId) => {
      const m = await make.createMilestone({ projectId, baselineDate: inDays(20) });
      return () =>
        requestScopeChange(pm, {
          projectId,
          kind: "CANCEL_MILESTONE",
          milestoneId: m.id,
          reason: "Descoped by the programme board",
        });
    },
  ],
  ["adding a risk", async (projectId) => () => createRisk(pm, { projectId, ...riskForm() })],
  [
    "changing a risk",
    async (projectId) => {
      const r = await risk(projectId);
      return () => updateRisk(pm, { riskId: r.id, version: 0, ...riskForm(), status: "CLOSED" });
    },
  ],
  [
    "defining a metric",
    async (projectId) => () => defineMetric(pm, make.metricForm({ ownerId: pm.id, objectiveId, projectId })),
  ],
  [
    "changing a metric",
    async (projectId) => {
      const m = await make.createMetric({ ownerId: pm.id, objectiveId, projectId });
      return () =>
        updateMetric(pm, {
          ...make.metricForm({ ownerId: pm.id, objectiveId, projectId }),
          metricId: m.id,
          version: 0,
          name: "Renamed",
        });
    },
  ],
];

/** What comes after the work: benefits measured, feedback heard. */
const AFTERCARE: [string, Arrange][] = [
  [
    "recording a metric value",
    async (projectId) => {
      const m = await make.createMetric({ ownerId: pm.id, objectiveId, projectId });
      return () => recordMetricValue(pm, { metricId: m.id, periodStart: lastMonth(), value: "33" });
    },
  ],
  [
    "correcting a metric value",
    async (projectId) => {
      const m = await make.createMetric({ ownerId: pm.id, objectiveId, projectId });
      const value = await db().metricValue.create({
        data: { metricId: m.id, periodStart: make.day(lastMonth()), value: 30, recordedById: pm.id },
      });
      return () =>
        correctMetricValue(pm, {
          metricValueId: value.id,
          version: 0,
          value: "31.5",
          reason: "Late returns from ward 9 were added",
        });
    },
  ],
  [
    "logging feedback",
    async (projectId) => () =>
      logFeedback(champion, {
        projectId,
        kind: "CONCERN",
        severity: "MEDIUM",
        body: "Night staff were not trained",
      }),
  ],
];

/** What every project takes whatever its stage. */
const ALWAYS: [string, Arrange][] = [
  [
    "answering feedback logged before",
    async (projectId) => {
      const feedback = await make.createFeedback({
        projectId,
        authorId: champion.id,
        dueAt: new Date(Date.now() + 86_400_000),
      });
      return () =>
        respondToFeedback(pm, { feedbackId: feedback.id, version: 0, responseText: "Training is booked" });
    },
  ],
  [
    "recording a cost: invoices arrive after the work ends",
    async (projectId) => () =>
      recordCostEntry(pm, {
        projectId,
        period: lastMonth().slice(0, 7),
        amount: "480.00",
        description: "Final invoice",
      }),
  ],
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
