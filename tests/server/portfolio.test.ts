import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectKind, ProjectStage } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { listPortfolio, listSites, type PortfolioQuery, parsePortfolioQuery } from "@/lib/server/portfolio";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import { createObjective, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const KINDS: ProjectKind[] = ["CLINICAL", "OPERATIONAL", "DIGITAL", "MIXED"];
const STAGES: ProjectStage[] = ["PROPOSED", "APPROVED", "PILOT", "ROLLOUT", "CLOSED", "ON_HOLD", "CANCELLED"];
const NAMES: Record<number, string> = {
  3: "Electronic prescribing (ePMA) rollout",
  10: "Discharge lounge",
  17: "ePMA paediatric dose checks",
};

// 27 projects: more than one page of 25. Kind, stage and site follow the index so each filter's
// expected rows can be computed from this list.
const SPECS = Array.from({ length: 27 }, (_, i) => {
  const n = i + 1;
  return {
    code: `NB-${String(n).padStart(3, "0")}`,
    name: NAMES[n] ?? `Improvement project ${n}`,
    kind: KINDS[n % 4]!,
    stage: STAGES[n % 7]!,
    site: n % 3 === 0 ? "DGH" : "ACU",
  };
});

const base: PortfolioQuery = parsePortfolioQuery({});

let accountableName = "";

beforeAll(async () => {
  const [acute, district] = await Promise.all([
    createSite({ code: "ACU", name: "Northbridge Royal Infirmary" }),
    createSite({ code: "DGH", name: "Eastfield District General" }),
  ]);
  const owner = await createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
  const accountable = await createUser({ name: "Dr Ruth Adeyemi" });
  const responsible = await createUser({ name: "Sam Porter" });
  accountableName = accountable.name;
  const [so1, so2] = [
    await createObjective({ ownerId: owner.id, code: "SO-01" }),
    await createObjective({ ownerId: owner.id, code: "SO-02" }),
  ];
  // Inserted in reverse so the list's order comes from the sort, not from insertion.
  for (const spec of SPECS.toReversed()) {
    const n = Number(spec.code.slice(3));
    await createProject({
      siteId: spec.site === "DGH" ? district.id : acute.id,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      stage: spec.stage,
      baselineEndDate: "2026-06-30",
      // Every fifth project is forecast 45 days late; the others are on baseline.
      forecastEndDate: n % 5 === 0 ? "2026-08-14" : "2026-06-30",
      // Odd-numbered projects have an Accountable; the others only a Responsible.
      raci:
        n % 2 === 1
          ? [
              { userId: accountable.id, letter: "A" },
              { userId: responsible.id, letter: "R" },
            ]
          : [{ userId: responsible.id, letter: "R" }],
      alignments:
        n === 1
          ? [
              { objectiveId: so2.id, contribution: "SUPPORTING" },
              { objectiveId: so1.id, contribution: "PRIMARY" },
            ]
          : [],
    });
  }
});

describe("portfolio pages", () => {
  it("shows 25 projects on the first page, sorted by code, with the total", async () => {
    const result = await listPortfolio(base);
    expect(result).toMatchObject({ page: 1, pageSize: 25, total: 27, pageCount: 2 });
    expect(result.rows.map((r) => r.code)).toEqual(SPECS.slice(0, 25).map((s) => s.code));
  });

  it("shows the rest on the second page", async () => {
    const result = await listPortfolio({ ...base, page: 2 });
    expect(result).toMatchObject({ page: 2, total: 27, pageCount: 2 });
    expect(result.rows.map((r) => r.code)).toEqual(["NB-026", "NB-027"]);
  });

  it("shows the last page when asked for a page beyond the end", async () => {
    const result = await listPortfolio({ ...base, page: 9 });
    expect(result).toMatchObject({ page: 2, pageCount: 2, total: 27 });
    expect(result.rows).toHaveLength(2);
  });

  it("honours a smaller page size", async () => {
    const result = await listPortfolio({ ...base, page: 3 }, 10);
    expect(result).toMatchObject({ page: 3, pageSize: 10, pageCount: 3 });
    expect(result.rows.map((r) => r.code)).toEqual(SPECS.slice(20).map((s) => s.code));
  });
});

describe("portfolio filters", () => {
  const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

  it.each(STAGES)("filters by stage %s", async (stage) => {
    const result = await listPortfolio({ ...base, stage });
    expect(codes(result.rows)).toEqual(SPECS.filter((s) => s.stage === stage).map((s) => s.code));
    expect(result.total).toBe(result.rows.length);
  });

  it.each(KINDS)("filters by kind %s", async (kind) => {
    const result = await listPortfolio({ ...base, kind });
    expect(codes(result.rows)).toEqual(SPECS.filter((s) => s.kind === kind).map((s) => s.code));
  });

  it("filters by site code", async () => {
    const result = await listPortfolio({ ...base, site: "DGH" });
    expect(codes(result.rows)).toEqual(SPECS.filter((s) => s.site === "DGH").map((s) => s.code));
    expect(result.rows.every((r) => r.site.name === "Eastfield District General")).toBe(true);
  });

  it("combines filters", async () => {
    const result = await listPortfolio({ ...base, site: "ACU", kind: "DIGITAL" });
    expect(codes(result.rows)).toEqual(
      SPECS.filter((s) => s.site === "ACU" && s.kind === "DIGITAL").map((s) => s.code),
    );
  });

  it("finds nothing for an unknown site, on page 1 of 1", async () => {
    const result = await listPortfolio({ ...base, site: "NOPE", page: 4 });
    expect(result).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("portfolio text search", () => {
  it("matches part of a name, whatever the case", async () => {
    const result = await listPortfolio({ ...base, q: "epma" });
    expect(result.rows.map((r) => r.code)).toEqual(["NB-003", "NB-017"]);
  });

  it("matches part of a code", async () => {
    const result = await listPortfolio({ ...base, q: "nb-01" });
    expect(result.rows.map((r) => r.code)).toEqual(SPECS.slice(9, 19).map((s) => s.code));
  });

  it("combines with the other filters", async () => {
    const result = await listPortfolio({ ...base, q: "ePMA", kind: "DIGITAL" });
    expect(result.rows.map((r) => r.code)).toEqual(
      SPECS.filter((s) => s.name.includes("ePMA") && s.kind === "DIGITAL").map((s) => s.code),
    );
  });

  it("treats search text as text, not as a pattern", async () => {
    expect((await listPortfolio({ ...base, q: "%" })).total).toBe(0);
    expect((await listPortfolio({ ...base, q: "NB_0" })).total).toBe(0);
    // A lone backslash would otherwise be an invalid LIKE pattern.
    expect((await listPortfolio({ ...base, q: "\\" })).total).toBe(0);
  });
});

describe("portfolio columns", () => {
  it("shows the Accountable's name, or none when the project has no Accountable", async () => {
    const rows = (await listPortfolio({ ...base, q: "NB-00" })).rows;
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get("NB-001")?.accountable?.name).toBe(accountableName);
    expect(byCode.get("NB-002")?.accountable).toBeNull();
  });

  it("shows the primary objective's code, not a supporting one", async () => {
    const rows = (await listPortfolio({ ...base, q: "NB-00" })).rows;
    expect(rows.find((r) => r.code === "NB-001")?.primaryObjectiveCode).toBe("SO-01");
    expect(rows.find((r) => r.code === "NB-002")?.primaryObjectiveCode).toBeNull();
  });

  it("shows forecast and baseline end dates, the slip, and its RAG against the planned duration (NUM-3)", async () => {
    const rows = (await listPortfolio({ ...base, q: "NB-00" })).rows;
    // Planned from 1 June 2025 to 30 June 2026: 394 days, so 45 days late is 11%, past the
    // default amber line (10%) and short of red (20%).
    expect(rows.find((r) => r.code === "NB-005")).toMatchObject({
      baselineEndDate: "2026-06-30",
      forecastEndDate: "2026-08-14",
      actualEndDate: null,
      slipDays: 45,
      scheduleRag: "AMBER",
    });
    expect(rows.find((r) => r.code === "NB-004")).toMatchObject({ slipDays: 0, scheduleRag: "GREEN" });
  });

  it("grades schedule RAG with the organisation's thresholds (NUM-3)", async () => {
    await db().organisation.create({
      data: { id: 1, name: "Northbridge", scheduleAmberPercent: 5, scheduleRedPercent: 10 },
    });
    try {
      const rows = (await listPortfolio({ ...base, q: "NB-00" })).rows;
      expect(rows.find((r) => r.code === "NB-005")).toMatchObject({ slipDays: 45, scheduleRag: "RED" });
    } finally {
      await db().organisation.delete({ where: { id: 1 } });
    }
  });

  it("measures a closed project's slip from its actual end, not its forecast (NUM-2)", async () => {
    // NB-004 closed on its baseline end; say it really ended three months late.
    await db().project.update({ where: { code: "NB-004" }, data: { actualEndDate: new Date("2026-09-30") } });
    try {
      const rows = (await listPortfolio({ ...base, q: "NB-00" })).rows;
      expect(rows.find((r) => r.code === "NB-004")).toMatchObject({
        stage: "CLOSED",
        forecastEndDate: "2026-06-30",
        actualEndDate: "2026-09-30",
        slipDays: 92,
        scheduleRag: "RED",
      });
    } finally {
      await db().project.update({
        where: { code: "NB-004" },
        data: { actualEndDate: new Date("2026-06-30") },
      });
    }
  });

  it("lists the sites for the filter, by name", async () => {
    expect(await listSites()).toEqual([
      { code: "DGH", name: "Eastfield District General" },
      { code: "ACU", name: "Northbridge Royal Infirmary" },
    ]);
  });
});

describe("reading the portfolio's query string", () => {
  it("reads valid filters", () => {
    expect(
      parsePortfolioQuery({ page: "2", stage: "PILOT", kind: "DIGITAL", site: "ACU", q: "  ePMA " }),
    ).toEqual({
      page: 2,
      stage: "PILOT",
      kind: "DIGITAL",
      site: "ACU",
      q: "ePMA",
    });
  });

  it("falls back to defaults for anything malformed, never throwing", () => {
    const query = parsePortfolioQuery({
      page: "-3",
      stage: "SHIPPED",
      kind: "",
      site: "<script>",
      q: "x".repeat(500),
    });
    expect(query).toEqual({ page: 1, stage: undefined, kind: undefined, site: undefined, q: undefined });
    expect(parsePortfolioQuery({ page: "2.5" }).page).toBe(1);
    expect(parsePortfolioQuery({ page: "abc" }).page).toBe(1);
    expect(parsePortfolioQuery({}).page).toBe(1);
  });

  it("takes the first of repeated parameters and ignores empty search text", () => {
    expect(parsePortfolioQuery({ page: ["3", "4"], q: "   " })).toMatchObject({ page: 3, q: undefined });
  });
});

describe("the portfolio's reads", () => {
  it("take two statements (the settings; the page with its total), for one row or a full page", async () => {
    const one = await countStatements(() => listPortfolio({ ...base, q: "NB-003" }));
    const full = await countStatements(() => listPortfolio(base));
    const last = await countStatements(() => listPortfolio({ ...base, page: 2 }));
    expect(one.result.rows.map((r) => r.code)).toEqual(["NB-003"]);
    expect(full.result.rows).toHaveLength(25);
    expect(last.result.rows.map((r) => r.code)).toEqual(["NB-026", "NB-027"]);
    expect(one.statements).toHaveLength(2);
    expect(full.statements).toHaveLength(2);
    expect(last.statements).toHaveLength(2);
    // Sites for the filter are one more: the page reads three besides the session check.
    expect((await countStatements(() => listSites())).statements).toHaveLength(1);
  });
});
