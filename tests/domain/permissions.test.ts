// The authorisation matrix (tests/support/authorisation-matrix.ts) against the pure rules.
import { describe, expect, it } from "vitest";
import { type Action, AUTHORITY, abilitiesIn, can } from "@/lib/domain/permissions";
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

describe("abilitiesIn", () => {
  it("answers for every action exactly as can() does, for every column of the matrix", () => {
    for (const column of columns) {
      const context = contextOf(column);
      const abilities = abilitiesIn(context);
      expect(Object.keys(abilities).sort()).toEqual(Object.keys(AUTHORITY).sort());
      for (const action of Object.keys(AUTHORITY) as Action[]) {
        expect(abilities[action], `${column} ${action}`).toBe(can(action, context));
      }
    }
  });
});
