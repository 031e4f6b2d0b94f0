// The authorisation matrix (tests/support/authorisation-matrix.ts) against the pure rules.
import { describe, expect, it } from "vitest";
import { type Action, AUTHORITY, can } from "@/lib/domain/permissions";
import { columns, contextOf, rows } from "../support/authorisation-matrix";

describe("the authorisation matrix", () => {
  it("covers every action the rules know, once", () => {
    expect(rows.map((r) => r.action).sort()).toEqual(Object.keys(AUTHORITY).sort());
    for (const row of rows) expect(row.cells).toHaveLength(columns.length);
  });

  for (const row of rows) {
    it(`${row.action}`, () => {
      const actual = columns.map((column) => (can(row.action, contextOf(column)) ? "Y" : "."));
      expect(Object.fromEntries(columns.map((c, i) => [c, actual[i]]))).toEqual(
        Object.fromEntries(columns.map((c, i) => [c, row.cells[i]])),
      );
    });
  }

  it("fails closed for an action it does not know", () => {
    expect(can("project.delete" as Action, { role: "ADMIN" })).toBe(false);
  });
});
