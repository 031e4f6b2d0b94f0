// The authorisation matrix, written out by hand so a reviewer can read who may do what, and
// checked against the rules the operations use (src/lib/domain/permissions.ts).
//
// Columns: an organisation role with no letter on the project; then a role holding a RACI letter
// on it (PM = PROJECT_MANAGER, CH = CLINICAL_CHAMPION, EX = EXECUTIVE, VW = VIEWER); then a
// project manager who owns the resource (objective or metric owner, feedback author).
import { describe, expect, it } from "vitest";
import { type Action, AUTHORITY, type AuthorityContext, can, type Role } from "@/lib/domain/permissions";

const MATRIX = `
action              | ADMIN EXEC PMO PM CH VW | PM:R PM:A PM:C PM:I CH:R CH:C EX:A VW:R VW:A | PM:owner
objective.create    |   Y    Y    .   .  .  . |   .    .    .    .    .    .    Y    .    .  |    .
objective.edit      |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .  |    Y
project.create      |   Y    Y    Y   Y  .  . |   Y    Y    Y    Y    .    .    Y    .    .  |    Y
project.edit        |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
project.changeStage |   Y    Y    Y   .  .  . |   .    Y    .    .    .    .    Y    .    .  |    .
alignment.manage    |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
raci.manage         |   Y    .    Y   .  .  . |   .    Y    .    .    .    .    Y    .    .  |    .
milestone.manage    |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
rebaseline.request  |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
rebaseline.decide   |   Y    Y    .   .  .  . |   .    Y    .    .    .    .    Y    .    .  |    .
cost.record         |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
metric.define       |   Y    Y    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
metricValue.record  |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    Y
feedback.log        |   Y    Y    Y   Y  Y  . |   Y    Y    Y    Y    Y    Y    Y    .    .  |    Y
feedback.answer     |   Y    .    .   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
feedback.close      |   Y    .    .   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    Y
risk.manage         |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .  |    .
decision.record     |   Y    Y    .   .  .  . |   .    .    .    .    .    .    Y    .    .  |    .
user.manage         |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .  |    .
`;

const ROLE: Record<string, Role> = {
  ADMIN: "ADMIN",
  EXEC: "EXECUTIVE",
  EX: "EXECUTIVE",
  PMO: "PORTFOLIO_MANAGER",
  PM: "PROJECT_MANAGER",
  CH: "CLINICAL_CHAMPION",
  VW: "VIEWER",
};

function contextOf(column: string): AuthorityContext {
  const [role = "", qualifier] = column.split(":");
  const base = { role: ROLE[role] as Role };
  if (!qualifier) return base;
  if (qualifier === "owner") return { ...base, isOwner: true };
  return { ...base, letter: qualifier as "R" | "A" | "C" | "I" };
}

const lines = MATRIX.trim().split("\n");
const columns = (lines[0] ?? "")
  .split(/[|\s]+/)
  .slice(1)
  .filter(Boolean);
const rows = lines.slice(1).map((line) => {
  const [action = "", ...cells] = line.split(/[|\s]+/).filter(Boolean);
  return { action: action as Action, cells };
});

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
