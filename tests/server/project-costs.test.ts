// The costs tab's read: spend to date as the plain sum of the ledger, reversals included
// (docs/governance-rules.md FRAME-8), against the baseline budget; the ledger newest month first a
// page at a time, each reversal naming the entry it cancels and each reversed entry the reversal
// that cancelled it (FRAME-6, FRAME-7).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { COST_PAGE_SIZE, getProjectCosts } from "@/lib/server/project-costs";
import { useMigratedDatabase } from "../support/test-database";
import { createProject, createSite, createUser, day } from "./fixtures";

useMigratedDatabase();

let projectId = "";
let busyId = "";
let licencesId = "";
let reversalId = "";

beforeAll(async () => {
  const site = await createSite();
  const pm = await createUser({ name: "Aisha Okafor" });
  const pmo = await createUser({ name: "Marcus Bell", role: "PORTFOLIO_MANAGER" });
  projectId = (await createProject({ siteId: site.id, stage: "PILOT", baselineBudget: "210000.00" })).id;
  const entry = (
    period: string,
    amount: string,
    description: string,
    createdAt: string,
    recordedById = pm.id,
  ) => ({
    projectId,
    period: day(period),
    amount,
    description,
    recordedById,
    createdAt: new Date(createdAt),
  });
  const licences = await db().costEntry.create({
    data: entry("2026-01-01", "1250.50", "Interface engine licence", "2026-01-20T10:00:00Z"),
  });
  licencesId = licences.id;
  await db().costEntry.create({
    data: entry("2026-01-01", "400.00", "Training room hire", "2026-01-25T10:00:00Z"),
  });
  await db().costEntry.create({
    data: entry("2026-02-01", "125.05", "Printer labels", "2026-02-10T10:00:00Z"),
  });
  // Booked against the wrong project: reversed in March, in the month it belonged to.
  const reversal = await db().costEntry.create({
    data: {
      ...entry(
        "2026-01-01",
        "-1250.50",
        "Reversal: booked to the wrong project",
        "2026-03-02T10:00:00Z",
        pmo.id,
      ),
      reversesId: licences.id,
    },
  });
  reversalId = reversal.id;

  busyId = (await createProject({ siteId: site.id })).id;
  await db().costEntry.createMany({
    data: Array.from({ length: COST_PAGE_SIZE + 2 }, (_, i) => ({
      projectId: busyId,
      period: day(`2025-${String((i % 12) + 1).padStart(2, "0")}-01`),
      amount: "10.00",
      description: `Entry ${i + 1}`,
      recordedById: pm.id,
    })),
  });
});

describe("a project's costs", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectCosts("6f1c1f0e-0000-4000-8000-000000000000", 1)).toBeNull();
  });

  it("totals the ledger with its reversals (FRAME-8), as exact pounds beside the budget", async () => {
    // 1,250.50 + 400.00 + 125.05 − 1,250.50
    expect(await getProjectCosts(projectId, 1)).toMatchObject({
      projectId,
      stage: "PILOT",
      baselineBudget: "210000.00",
      spentToDate: "525.05",
    });
  });

  it("lists the ledger newest month first, the latest booking first within a month", async () => {
    const { ledger } = (await getProjectCosts(projectId, 1))!;
    expect(ledger.rows.map((e) => [e.period, e.amount, e.description])).toEqual([
      ["2026-02-01", "125.05", "Printer labels"],
      ["2026-01-01", "-1250.50", "Reversal: booked to the wrong project"],
      ["2026-01-01", "400.00", "Training room hire"],
      ["2026-01-01", "1250.50", "Interface engine licence"],
    ]);
    expect(ledger).toMatchObject({ page: 1, pageCount: 1, total: 4 });
  });

  it("links a reversal and the entry it cancels both ways (FRAME-6, FRAME-7)", async () => {
    const { ledger } = (await getProjectCosts(projectId, 1))!;
    const reversal = ledger.rows.find((e) => e.id === reversalId);
    const licences = ledger.rows.find((e) => e.id === licencesId);
    expect(reversal).toMatchObject({
      recordedByName: "Marcus Bell",
      recordedAt: "2026-03-02T10:00:00.000Z",
      reverses: {
        id: licencesId,
        period: "2026-01-01",
        description: "Interface engine licence",
        amount: "1250.50",
      },
      reversedBy: null,
    });
    expect(licences).toMatchObject({
      reverses: null,
      reversedBy: { id: reversalId, recordedAt: "2026-03-02T10:00:00.000Z" },
    });
    // Untouched entries are linked to nothing.
    expect(ledger.rows.filter((e) => !e.reverses && !e.reversedBy).map((e) => e.description)).toEqual([
      "Printer labels",
      "Training room hire",
    ]);
  });

  it("pages a long ledger, totalling all of it, and shows the last page for a page past the end", async () => {
    const first = (await getProjectCosts(busyId, 1))!;
    expect(first.spentToDate).toBe(((COST_PAGE_SIZE + 2) * 10).toFixed(2));
    expect(first.ledger).toMatchObject({ page: 1, pageCount: 2, total: COST_PAGE_SIZE + 2 });
    expect(first.ledger.rows).toHaveLength(COST_PAGE_SIZE);
    expect(first.ledger.rows[0]?.period).toBe("2025-12-01");
    const beyond = (await getProjectCosts(busyId, 9))!;
    expect(beyond.ledger.page).toBe(2);
    expect(beyond.ledger.rows.map((e) => e.period)).toEqual(["2025-01-01", "2025-01-01"]);
  });
});
