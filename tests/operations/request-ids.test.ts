// Every audit event names the request that wrote it (docs/governance-rules.md FRAME-2), so an
// auditor can gather what one click changed and match it to the server's log. Actors here come from
// the real session re-check (loadActor), which gives each request an id of its own.
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { type Actor, authorizeCredentials, loadActor, requestIdFrom } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { db } from "@/lib/db/client";
import { computeCurrentPeriodStart } from "@/lib/domain/metrics";
import { recordCostEntry, reverseCostEntry } from "@/lib/server/operations/costs";
import { recordDecision } from "@/lib/server/operations/decisions";
import { logFeedback } from "@/lib/server/operations/feedback";
import { createMilestone } from "@/lib/server/operations/milestones";
import { changeProjectStage } from "@/lib/server/operations/projects";
import { createRisk, updateRisk } from "@/lib/server/operations/risks";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, type ProjectTeam } from "./support";

useMigratedDatabase();

let team: ProjectTeam;
const thisMonth = () =>
  computeCurrentPeriodStart("MONTHLY", new Date(), "Europe/London").toISOString().slice(0, 10);

beforeAll(async () => {
  team = await createProjectTeam();
  // Executives sign in with a second factor (docs/security-mfa.md); these have set theirs up, so
  // the session re-check lets them act. Signing in with it is tested in tests/auth.
  await db().user.updateMany({ where: { role: "EXECUTIVE" }, data: { mfaEnabledAt: new Date() } });
});

/** The person as the session re-check sees them at the start of a new request. */
async function newRequest(who: { id: string }): Promise<Actor> {
  const actor = await loadActor(db(), who.id, 0);
  if (!actor) throw new Error("the test user could not act");
  return actor;
}

/** Runs `call` in a new request of `who`, and returns that request's actor and the events written. */
async function audited(who: { id: string }, call: (actor: Actor) => Promise<ActionResult<unknown>>) {
  const actor = await newRequest(who);
  const { _max } = await db().auditEvent.aggregate({ _max: { id: true } });
  const result = await call(actor);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  const events = await db().auditEvent.findMany({ where: { id: { gt: _max.id ?? 0n } } });
  return { actor, events };
}

/** A cost entry to reverse, written directly: its own audit event would not be the request's. */
async function costEntryId(): Promise<string> {
  const entry = await db().costEntry.create({
    data: {
      projectId: team.projectId,
      period: new Date(`${thisMonth()}T00:00:00Z`),
      amount: "980.00",
      description: "Agency porters",
      recordedById: team.responsible.id,
    },
  });
  return entry.id;
}

const OPERATIONS: [string, () => { id: string }, (actor: Actor) => Promise<ActionResult<unknown>>][] = [
  [
    "recordCostEntry",
    () => team.responsible,
    (actor) =>
      recordCostEntry(actor, {
        projectId: team.projectId,
        period: thisMonth(),
        amount: "1250.50",
        description: "Interface engine licence",
      }),
  ],
  [
    "reverseCostEntry",
    () => team.accountable,
    async (actor) =>
      reverseCostEntry(actor, {
        costEntryId: await costEntryId(),
        reason: "Invoice keyed twice by accounts",
      }),
  ],
  [
    "recordDecision",
    () => team.executive,
    (actor) =>
      recordDecision(actor, {
        title: "Extend the pilot",
        detail: "The pilot runs for four more weeks.",
        authority: "Executive Board",
        rationale: "Winter pressures delayed the evaluation.",
        projectId: team.projectId,
      }),
  ],
  [
    "createRisk",
    () => team.pmo,
    (actor) =>
      createRisk(actor, {
        projectId: team.projectId,
        title: "Transport delays",
        likelihood: "3",
        impact: "3",
        ownerId: team.responsible.id,
      }),
  ],
  [
    "updateRisk",
    () => team.responsible,
    async (actor) => {
      const risk = await db().risk.create({
        data: {
          projectId: team.projectId,
          title: "Transport delays",
          likelihood: 3,
          impact: 3,
          ownerId: team.responsible.id,
        },
      });
      return updateRisk(actor, {
        riskId: risk.id,
        version: 0,
        title: "Transport delays",
        likelihood: "4",
        impact: "3",
        ownerId: team.responsible.id,
        status: "OPEN",
      });
    },
  ],
  [
    "createMilestone",
    () => team.responsible,
    // A proposal's plan changes directly (REB-4).
    async (actor) => {
      const project = await make.createProject({ siteId: team.siteId, stage: "PROPOSED", raci: team.raci });
      return createMilestone(actor, {
        projectId: project.id,
        title: "Lounge open",
        baselineDate: "2027-01-15",
      });
    },
  ],
  [
    "logFeedback",
    () => team.champion,
    (actor) =>
      logFeedback(actor, {
        projectId: team.projectId,
        kind: "SUGGESTION",
        severity: "LOW",
        body: "Open the lounge at 08:00",
      }),
  ],
  [
    "changeProjectStage",
    () => team.accountable,
    async (actor) => {
      const project = await make.createProject({ siteId: team.siteId, raci: team.raci });
      return changeProjectStage(actor, {
        projectId: project.id,
        version: 0,
        toStage: "ON_HOLD",
        reason: "Paused while the ward is decanted for refurbishment",
      });
    },
  ],
];

describe("audit events carry the request id", () => {
  it.each(OPERATIONS)("%s: every event it writes names the actor's request", async (_name, who, call) => {
    const { actor, events } = await audited(who(), call);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.requestId)).toEqual(events.map(() => actor.requestId));
    expect(events.every((e) => e.actorId === actor.id)).toBe(true);
  });

  it("gives two requests of the same person different ids, and keeps their events apart", async () => {
    const [first, second] = [OPERATIONS[0], OPERATIONS[3]];
    if (!first || !second) throw new Error("operations missing");
    const one = await audited(team.pmo, first[2]);
    const two = await audited(team.pmo, second[2]);
    expect(one.actor.requestId).not.toBe(two.actor.requestId);
    expect(one.events.map((e) => e.requestId)).toEqual([one.actor.requestId]);
    expect(two.events.map((e) => e.requestId)).toEqual([two.actor.requestId]);
  });

  it("keeps a proxy's request id when it is sensible, and makes its own otherwise", () => {
    expect(requestIdFrom("lb-7f3a:0001")).toBe("lb-7f3a:0001");
    for (const forwarded of [null, undefined, "", "has spaces; DROP TABLE", "x".repeat(101)]) {
      expect(requestIdFrom(forwarded)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("the sign-in's audit event carries a request id", () => {
  const PASSWORD = "correct horse battery staple";
  let email: string;

  beforeAll(async () => {
    const user = await db().user.create({
      data: {
        email: "sign.in@northbridge.example",
        name: "Sign In",
        passwordHash: await hashPassword(PASSWORD),
        role: "PROJECT_MANAGER",
        discipline: "OPERATIONAL",
      },
    });
    email = user.email;
  });

  const signInEvents = () =>
    db().auditEvent.findMany({ where: { action: "auth.sign_in" }, orderBy: { id: "asc" } });

  it("makes one for each sign-in, different each time", async () => {
    expect(await authorizeCredentials(db, { email, password: PASSWORD })).toMatchObject({
      status: "signed_in",
    });
    expect(await authorizeCredentials(db, { email, password: PASSWORD })).toMatchObject({
      status: "signed_in",
    });
    const [first, second] = await signInEvents();
    expect(first?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.requestId).not.toBe(second?.requestId);
  });

  it("uses the request id it is given (a proxy's)", async () => {
    expect(
      await authorizeCredentials(
        db,
        { email, password: PASSWORD },
        { requestId: "lb-7f3a:0002", client: UNKNOWN_CLIENT },
      ),
    ).toMatchObject({ status: "signed_in" });
    expect((await signInEvents()).at(-1)?.requestId).toBe("lb-7f3a:0002");
  });
});
