// The alignment matrix pages across objectives as it pages down projects (issue #12: usable with
// 50 objectives and more, a page under 300 KB at 500): a dozen columns a page, in scorecard
// category order then by code, so a category's objectives sit together; a category filter; a column
// page past the end shows the last; each project's cells only for the columns shown; and still two
// statements a page.
import { beforeAll, describe, expect, it } from "vitest";
import {
  getAlignmentMatrix,
  MATRIX_COLUMN_PAGE_SIZE,
  parseAlignmentMatrixQuery,
} from "@/lib/server/dashboard/alignment-matrix";
import { countStatements } from "../support/count-statements";
import { useMigratedDatabase } from "../support/test-database";
import { createObjective, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

const code = (n: number) => `SO-${String(n).padStart(2, "0")}`;

beforeAll(async () => {
  const site = await createSite({ code: "NGH" });
  const owner = await createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
  // 30 objectives: 1–10 workforce, 11–20 quality and safety, 21–30 financial; 30 is retired.
  const ids = new Map<string, string>();
  for (let n = 1; n <= 30; n++) {
    const category = n <= 10 ? "WORKFORCE" : n <= 20 ? "QUALITY_SAFETY" : "FINANCIAL";
    const objective = await createObjective({
      ownerId: owner.id,
      code: code(n),
      category,
      status: n === 30 ? "RETIRED" : "ACTIVE",
    });
    ids.set(code(n), objective.id);
  }
  const id = (n: number) => ids.get(code(n)) ?? "";
  await createProject({
    code: "P1",
    siteId: site.id,
    stage: "APPROVED",
    alignments: [{ objectiveId: id(11) }, { objectiveId: id(1), contribution: "SUPPORTING" }],
  });
  await createProject({
    code: "P2",
    siteId: site.id,
    stage: "PROPOSED",
    alignments: [{ objectiveId: id(21) }],
  });
});

describe("the alignment matrix's objective columns", () => {
  it("shows a dozen objectives a page, category by category in the scorecard's order, retired ones left out", async () => {
    expect(MATRIX_COLUMN_PAGE_SIZE).toBe(12);
    const first = await getAlignmentMatrix({ page: 1 });
    expect(first.columns).toEqual({ page: 1, pageCount: 3, pageSize: 12, total: 29 });
    expect(first.categories.map((c) => [c.category, c.objectives.map((o) => o.code)])).toEqual([
      ["QUALITY_SAFETY", [11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map(code)],
      ["FINANCIAL", [21, 22].map(code)],
    ]);
    // Cells only for the columns shown: P1's supporting link to SO-01 (workforce) is on page 2.
    expect(first.rows.map((r) => [r.code, r.links])).toEqual([
      ["P1", { "SO-11": "PRIMARY" }],
      ["P2", { "SO-21": "PRIMARY" }],
    ]);

    const second = await getAlignmentMatrix({ page: 1, columns: 2 });
    expect(second.columns.page).toBe(2);
    expect(second.categories.map((c) => [c.category, c.objectives.map((o) => o.code)])).toEqual([
      ["FINANCIAL", [23, 24, 25, 26, 27, 28, 29].map(code)],
      ["WORKFORCE", [1, 2, 3, 4, 5].map(code)],
    ]);
    expect(second.rows.map((r) => [r.code, r.links])).toEqual([
      ["P1", { "SO-01": "SUPPORTING" }],
      ["P2", {}],
    ]);
  });

  it("shows the last page of columns for a page past the end, and one category's objectives when asked", async () => {
    const past = await getAlignmentMatrix({ page: 1, columns: 40 });
    expect(past.columns.page).toBe(3);
    expect(past.categories.flatMap((c) => c.objectives.map((o) => o.code))).toEqual(
      [6, 7, 8, 9, 10].map(code),
    );

    const financial = await getAlignmentMatrix({ page: 1, category: "FINANCIAL" });
    expect(financial.columns).toEqual({ page: 1, pageCount: 1, pageSize: 12, total: 9 });
    expect(financial.categories.map((c) => c.category)).toEqual(["FINANCIAL"]);

    // The objective filter names one column whatever the category says.
    const one = await getAlignmentMatrix({ page: 1, objective: "SO-05", category: "FINANCIAL" });
    expect(one.categories.flatMap((c) => c.objectives.map((o) => o.code))).toEqual(["SO-05"]);
  });

  it("lists only the projects serving an objective shown across, when asked", async () => {
    const codes = async (query: Parameters<typeof getAlignmentMatrix>[0]) =>
      (await getAlignmentMatrix(query)).rows.map((r) => r.code);
    // Page 1 of columns: SO-11 (P1's primary) and SO-21 (P2's) are both shown.
    expect(await codes({ page: 1, serving: true })).toEqual(["P1", "P2"]);
    // Page 2: SO-23..SO-29 and SO-01..SO-05; only P1 serves one of them (SO-01, supporting).
    expect(await codes({ page: 1, columns: 2, serving: true })).toEqual(["P1"]);
    expect(await codes({ page: 1, category: "FINANCIAL", serving: true })).toEqual(["P2"]);
    expect((await getAlignmentMatrix({ page: 1, columns: 3, serving: true })).total).toBe(0);
  });

  it("reads the column page, category and serving from the URL, dropping what it does not know", () => {
    expect(
      parseAlignmentMatrixQuery({ columns: "2", category: "WORKFORCE", page: "3", serving: "1" }),
    ).toMatchObject({ columns: 2, category: "WORKFORCE", page: 3, serving: true });
    const stale = parseAlignmentMatrixQuery({ columns: "zero", category: "ASTROLOGY", serving: "yes" });
    expect(stale.columns).toBeUndefined();
    expect(stale.category).toBeUndefined();
    expect(stale.serving).toBeUndefined();
  });

  it("reads a page in two statements, whichever page of columns", async () => {
    for (const query of [
      { page: 1, columns: 2 },
      { page: 1, columns: 2, serving: true },
    ]) {
      const { statements } = await countStatements(() => getAlignmentMatrix(query));
      expect(statements).toHaveLength(2);
    }
  });
});
