import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computeLocalDate } from "@/lib/domain/calendar";
import { computePeriodStart } from "@/lib/domain/metrics";
import { clockAt } from "@/lib/server/dates";
import { recordCostEntry, reverseCostEntry } from "@/lib/server/operations/costs";
import { getProjectCosts } from "@/lib/server/project-costs";
import { getProjectOverview } from "@/lib/server/project-overview";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange, type ProjectTeam } from "./support";

useMigratedDatabase();

const TABLES = ["CostEntry", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const iso = (date: Date) => date.toISOString().slice(0, 10);
/** First day of the month `n` months before this one in London (negative: after). */
function monthsAgo(n: number): string {
  const start = computePeriodStart("MONTHLY", computeLocalDate(new Date(), "Europe/London"));
  return iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - n, 1)));
}

let pm: Actor; // R on the project
let sponsor: Actor; // A on the project
let pmo: Actor;
let admin: Actor;
let executive: Actor; // no letter: executives approve budgets, they do not book spend
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor; // I on the project
let team: ProjectTeam;
let projectId: string;
let closedProjectId: string;

beforeAll(async () => {
  team = await createProjectTeam();
  ({
    responsible: pm,
    accountable: sponsor,
    pmo,
    admin,
    executive,
    outsider: otherPm,
    champion,
    viewer,
    projectId,
    closedProjectId,
  } = team);
});

const entry = (overrides: Record<string, unknown> = {}) => ({
  projectId,
  period: monthsAgo(1).slice(0, 7),
  amount: "£1,250.5",
  description: "Interface engine licence, quarter one",
  ...overrides,
});

describe("recordCostEntry", () => {
  it("records the R's spend for a month as typed, normalised to pounds and pence, audited once", async () => {
    const result = await recordCostEntry(pm, entry());
    expect(result).toMatchObject({ ok: true, data: { amount: "1250.50" } });
    if (!result.ok) return;
    const saved = await db().costEntry.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      projectId,
      recordedById: pm.id,
      description: "Interface engine licence, quarter one",
    });
    expect(saved.amount.toFixed(2)).toBe("1250.50");
    expect(iso(saved.period)).toBe(monthsAgo(1));
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "cost_entry.record", entityType: "CostEntry", actorId: pm.id });
    expect(events[0]?.after).toMatchObject({ amount: "1250.5" });
  });

  it("takes this month from a date field, a number amount, the A and the PMO", async () => {
    expect(await recordCostEntry(sponsor, entry({ period: monthsAgo(0), amount: 99.99 }))).toMatchObject({
      ok: true,
      data: { amount: "99.99" },
    });
    expect(await recordCostEntry(pmo, entry({ amount: "0.5" }))).toMatchObject({
      ok: true,
      data: { amount: "0.50" },
    });
  });

  it("takes costs on a closed project: invoices arrive after the work ends", async () => {
    expect(await recordCostEntry(pm, entry({ projectId: closedProjectId }))).toMatchObject({ ok: true });
  });

  it.each([
    ["an executive with no letter on the project", () => executive],
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project", () => champion],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => recordCostEntry(who(), entry()));
  });

  it("refuses a month that has not begun, beside the period field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordCostEntry(pm, entry({ period: monthsAgo(-1) })),
    );
    expect(refused.fieldErrors?.period?.[0]).toMatch(/has not begun yet/);
  });

  it("refuses a day that is not the first of a month", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      recordCostEntry(pm, entry({ period: `${monthsAgo(2).slice(0, 7)}-15` })),
    );
    expect(refused.fieldErrors?.period?.[0]).toMatch(/first day of a month/);
  });

  it.each([
    ["blank", "", /Enter the amount/],
    ["zero", "0.00", /above zero/],
    ["negative", "-40", /above zero/],
    ["three decimal places", "12.345", /at most two decimal places/],
    ["words", "about a grand", /at most two decimal places/],
    ["badly grouped", "1,25,000", /at most two decimal places/],
    ["beyond Decimal(14, 2)", "1000000000000", /too large/],
    ["a binary fraction", 0.1 + 0.2, /at most two decimal places/],
  ])("refuses an amount that is %s, beside the amount field", async (_what, amount, message) => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordCostEntry(pm, entry({ amount })),
    );
    expect(refused.fieldErrors?.amount?.[0]).toMatch(message);
  });

  it("refuses a missing description and period with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      recordCostEntry(pm, entry({ description: "  ", period: "March" })),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["description", "period"]));
  });

  it("refuses an unknown project", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      recordCostEntry(pmo, entry({ projectId: UNKNOWN })),
    );
  });
});

/** A cost entry recorded through the operation (the ledger as people fill it), on `project`. */
async function recorded(project = projectId, amount = "1250.50") {
  const result = await recordCostEntry(pm, entry({ projectId: project, amount }));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

const REASON = "Invoice keyed twice by accounts payable";

describe("reverseCostEntry (docs/governance-rules.md FRAME-6, FRAME-7)", () => {
  it("cancels an entry with the opposite amount in the same month, naming it, audited once", async () => {
    const costEntryId = await recorded();
    const original = await db().costEntry.findUniqueOrThrow({ where: { id: costEntryId } });
    const result = await reverseCostEntry(sponsor, { costEntryId, reason: `  ${REASON}  ` });
    expect(result).toMatchObject({ ok: true, data: { amount: "-1250.50" } });
    if (!result.ok) return;
    const reversal = await db().costEntry.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(reversal).toMatchObject({
      projectId,
      reversesId: costEntryId,
      recordedById: sponsor.id,
      description: REASON,
    });
    expect(reversal.amount.toFixed(2)).toBe("-1250.50");
    expect(iso(reversal.period)).toBe(iso(original.period));
    // The original stays as it was booked: the ledger is append-only.
    expect(await db().costEntry.findUniqueOrThrow({ where: { id: costEntryId } })).toEqual(original);
    const events = await db().auditEvent.findMany({ where: { entityId: reversal.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "cost_entry.reverse",
      entityType: "CostEntry",
      actorId: sponsor.id,
      requestId: sponsor.requestId,
    });
    expect(events[0]?.after).toMatchObject({ amount: "-1250.5", reversesId: costEntryId });
  });

  it("lets the R, the PMO and an admin reverse, and takes reversals on a closed project", async () => {
    for (const who of [pm, pmo, admin]) {
      expect(await reverseCostEntry(who, { costEntryId: await recorded(), reason: REASON })).toMatchObject({
        ok: true,
      });
    }
    // Costs are not guarded on closed projects (domain/closed-projects.ts), so neither are reversals.
    const closedEntry = await recorded(closedProjectId);
    expect(await reverseCostEntry(pm, { costEntryId: closedEntry, reason: REASON })).toMatchObject({
      ok: true,
    });
  });

  it("keeps the project's spend to date right: the total includes reversals (FRAME-8)", async () => {
    const project = await make.createProject({ siteId: team.siteId, raci: team.raci });
    await recorded(project.id, "400.00");
    const wrong = await recorded(project.id, "1250.50");
    expect(await reverseCostEntry(pm, { costEntryId: wrong, reason: REASON })).toMatchObject({ ok: true });
    await recordCostEntry(pm, entry({ projectId: project.id, amount: "125.05" }));
    // The overview's key facts (the sum stored on the project, FRAME-10) and the costs tab (the
    // ledger summed) show the same spend: the stored figure equals its definition.
    const overview = await getProjectOverview(project.id, clockAt(new Date(), "Europe/London"), {
      id: pm.id,
      letter: "R",
    });
    expect(overview?.facts.spentToDate).toBe(525.05);
    expect((await getProjectCosts(project.id, 1))?.spentToDate).toBe("525.05");
    const ledger = await db().costEntry.aggregate({
      where: { projectId: project.id },
      _sum: { amount: true },
    });
    expect(ledger._sum.amount?.toNumber()).toBe(525.05);
  });

  it.each([
    ["an executive with no letter on the project", () => executive],
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project", () => champion],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const costEntryId = await recorded();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      reverseCostEntry(who(), { costEntryId, reason: REASON }),
    );
  });

  it("refuses reversing an entry twice, naming the entry", async () => {
    const costEntryId = await recorded();
    expect(await reverseCostEntry(pm, { costEntryId, reason: REASON })).toMatchObject({ ok: true });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reverseCostEntry(sponsor, { costEntryId, reason: REASON }),
    );
    expect(refused.message).toMatch(/£1,250\.50 for .* has already been reversed/);
  });

  it("refuses reversing a reversal", async () => {
    const reversed = await reverseCostEntry(pm, { costEntryId: await recorded(), reason: REASON });
    if (!reversed.ok) throw new Error(reversed.message);
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reverseCostEntry(pm, { costEntryId: reversed.data.id, reason: REASON }),
    );
    expect(refused.message).toMatch(/is itself a reversal/);
  });

  it("lets exactly one of two simultaneous reversals of an entry through", async () => {
    const costEntryId = await recorded();
    const results = await Promise.all([
      reverseCostEntry(pm, { costEntryId, reason: REASON }),
      reverseCostEntry(sponsor, { costEntryId, reason: REASON }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [refused] = results.filter((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, code: expect.stringMatching(/^(RULE|CONFLICT)$/) });
    expect(refused?.ok ? "" : refused?.message).not.toMatch(/^Something went wrong/);
    expect(await db().costEntry.count({ where: { reversesId: costEntryId } })).toBe(1);
    const reversal = await db().costEntry.findUniqueOrThrow({ where: { reversesId: costEntryId } });
    expect(await db().auditEvent.count({ where: { entityId: reversal.id } })).toBe(1);
  });

  it("refuses a reason that explains nothing, beside the reason field", async () => {
    const costEntryId = await recorded();
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reverseCostEntry(pm, { costEntryId, reason: "oops" }),
    );
    expect(refused.fieldErrors?.reason?.[0]).toMatch(/reversing this cost/);
  });

  it("refuses a malformed or unknown entry", async () => {
    const invalid = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      reverseCostEntry(pm, { costEntryId: "last month's", reason: REASON }),
    );
    expect(invalid.fieldErrors?.costEntryId).toBeDefined();
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      reverseCostEntry(pmo, { costEntryId: UNKNOWN, reason: REASON }),
    );
  });
});
