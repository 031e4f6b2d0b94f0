import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { computePeriodStart } from "@/lib/domain/metrics";
import { computeLocalDate } from "@/lib/domain/milestones";
import { recordCostEntry } from "@/lib/server/operations/costs";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

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
let executive: Actor; // no letter: executives approve budgets, they do not book spend
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor; // I on the project
let projectId: string;
let closedProjectId: string;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const site = await make.createSite();
  pm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  otherPm = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  const raci = [
    { userId: pm.id, letter: "R" as const },
    { userId: sponsor.id, letter: "A" as const },
    { userId: champion.id, letter: "C" as const },
    { userId: viewer.id, letter: "I" as const },
  ];
  projectId = (await make.createProject({ siteId: site.id, raci })).id;
  closedProjectId = (await make.createProject({ siteId: site.id, stage: "CLOSED", raci })).id;
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
