// The authorisation matrix, written out by hand so a reviewer can read who may do what. Both the
// pure rule test (tests/domain/permissions.test.ts) and the test through the real operations
// (tests/operations/authorisation.test.ts) check against this one table.
//
// Columns: an organisation role with no letter on the project; then a role holding a RACI letter
// on it (PM = PROJECT_MANAGER, CH = CLINICAL_CHAMPION, EX = EXECUTIVE, VW = VIEWER); then a
// project manager, then an executive, who owns the resource (objective or metric owner, feedback
// author): ownership of an objective counts only for an executive.
import type { Action, AuthorityContext } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";

const MATRIX = `
action                | ADMIN EXEC PMO PM CH VW | PM:R PM:A PM:C PM:I CH:R CH:C EX:A VW:R VW:A CH:A CH:I PMO:R VW:C VW:I | PM:owner EX:owner
objective.create      |   Y    Y    .   .  .  . |   .    .    .    .    .    .    Y    .    .    .    .    .    .    .  |    .        Y
objective.edit        |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .    .    .    .    .    .  |    .        Y
project.create        |   Y    Y    Y   Y  .  . |   Y    Y    Y    Y    .    .    Y    .    .    .    .    Y    .    .  |    Y        Y
project.edit          |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
project.changeStage   |   .    Y    .   .  .  . |   .    Y    .    .    .    .    Y    .    .    Y    .    .    .    .  |    .        Y
stageGate.request     |   .    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
stageGate.decide      |   .    Y    .   .  .  . |   .    .    .    .    .    .    Y    .    .    .    .    .    .    .  |    .        Y
alignment.manage      |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
raci.manage           |   Y    .    Y   .  .  . |   .    Y    .    .    .    .    Y    .    .    Y    .    Y    .    .  |    .        .
milestone.manage      |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
milestone.approveGate |   .    Y    .   .  .  . |   .    Y    .    .    .    .    Y    .    .    Y    .    .    .    .  |    .        Y
rebaseline.request    |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
rebaseline.decide     |   .    Y    .   .  .  . |   .    Y    .    .    .    .    Y    .    .    Y    .    .    .    .  |    .        Y
cost.record           |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
metric.define         |   Y    Y    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        Y
metricValue.record    |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    Y        Y
feedback.log          |   Y    Y    Y   Y  Y  . |   Y    Y    Y    Y    Y    Y    Y    .    .    Y    Y    Y    .    .  |    Y        Y
feedback.answer       |   .    .    .   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
feedback.accept       |   .    .    .   .  .  . |   .    .    .    .    .    .    .    .    .    .    .    .    .    .  |    Y        Y
feedback.close        |   .    .    .   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
risk.manage           |   Y    .    Y   .  .  . |   Y    Y    .    .    Y    .    Y    .    .    Y    .    Y    .    .  |    .        .
decision.record       |   .    Y    .   .  .  . |   .    .    .    .    .    .    Y    .    .    .    .    .    .    .  |    .        Y
user.manage           |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .    .    .    .    .    .  |    .        .
user.resetMfa         |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .    .    .    .    .    .  |    .        .
settings.manage       |   Y    .    .   .  .  . |   .    .    .    .    .    .    .    .    .    .    .    .    .    .  |    .        .
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

export function contextOf(column: string): AuthorityContext {
  const [role = "", qualifier] = column.split(":");
  const base = { role: ROLE[role] as Role };
  if (!qualifier) return base;
  if (qualifier === "owner") return { ...base, isOwner: true };
  return { ...base, letter: qualifier as "R" | "A" | "C" | "I" };
}

const lines = MATRIX.trim().split("\n");
export const columns = (lines[0] ?? "")
  .split(/[|\s]+/)
  .slice(1)
  .filter(Boolean);
export const rows = lines.slice(1).map((line) => {
  const [action = "", ...cells] = line.split(/[|\s]+/).filter(Boolean);
  return { action: action as Action, cells };
});
