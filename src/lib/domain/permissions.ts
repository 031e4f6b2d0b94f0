// Who may do what (DESIGN.md "Who uses it" and rule 3). Pure and table-driven, so the table below
// is the authorisation matrix a reviewer reads, and every operation asks the same question.
//
// Authority comes from three places: the organisation role (org-wide rights), the actor's RACI
// letter on the project concerned (per-project rights), and ownership of the resource (the
// objective's owner, the feedback's author, the metric's owner). VIEWER is read-only everywhere,
// whatever letter they hold. Checks fail closed: an action missing from the table is refused.
import type { RaciLetter } from "./raci";

export type Role =
  | "ADMIN"
  | "EXECUTIVE"
  | "PORTFOLIO_MANAGER"
  | "PROJECT_MANAGER"
  | "CLINICAL_CHAMPION"
  | "VIEWER";

export type Action =
  | "objective.create"
  | "objective.edit"
  | "project.create"
  | "project.edit"
  | "project.changeStage"
  | "alignment.manage"
  | "raci.manage"
  | "milestone.manage"
  | "rebaseline.request"
  | "rebaseline.decide"
  | "cost.record"
  | "metric.define"
  | "metricValue.record"
  | "feedback.log"
  | "feedback.answer"
  | "feedback.close"
  | "risk.manage"
  | "decision.record"
  | "user.manage";

interface Rule {
  /** Organisation roles allowed on every resource. */
  roles: readonly Role[];
  /** RACI letters that allow it on their own project. */
  letters: readonly RaciLetter[];
  /** The owner (objective owner, metric owner) or author (feedback) of the resource may. */
  owner?: boolean;
}

const ANY_SIGNED_IN: readonly Role[] = [
  "ADMIN",
  "EXECUTIVE",
  "PORTFOLIO_MANAGER",
  "PROJECT_MANAGER",
  "CLINICAL_CHAMPION",
];
const DELIVERY: Rule = { roles: ["ADMIN", "PORTFOLIO_MANAGER"], letters: ["R", "A"] };

export const AUTHORITY: Readonly<Record<Action, Rule>> = {
  // Executives own strategy; only the objective's owner (or an admin) edits it (rule 3).
  "objective.create": { roles: ["ADMIN", "EXECUTIVE"], letters: [] },
  "objective.edit": { roles: ["ADMIN"], letters: [], owner: true },
  // Anyone who runs or curates delivery may propose a project; the PMO edits any (DESIGN roles).
  "project.create": { roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER", "PROJECT_MANAGER"], letters: [] },
  "project.edit": DELIVERY,
  // Stage gates are approvals: executives, the PMO and the project's Accountable.
  "project.changeStage": { roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER"], letters: ["A"] },
  "alignment.manage": DELIVERY,
  // Who is accountable is not for the Responsible to change.
  "raci.manage": { roles: ["ADMIN", "PORTFOLIO_MANAGER"], letters: ["A"] },
  "milestone.manage": DELIVERY,
  "rebaseline.request": DELIVERY,
  // Approved or rejected by the Accountable or an executive (DESIGN Rebaseline).
  "rebaseline.decide": { roles: ["ADMIN", "EXECUTIVE"], letters: ["A"] },
  "cost.record": DELIVERY,
  "metric.define": { roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER"], letters: ["R", "A"] },
  // Rule 3, plus the metric's named owner (objective-level metrics belong to no project).
  "metricValue.record": { ...DELIVERY, owner: true },
  "feedback.log": { roles: ANY_SIGNED_IN, letters: [] },
  // Rule 6: answered by an R or A of the project.
  "feedback.answer": { roles: ["ADMIN"], letters: ["R", "A"] },
  "feedback.close": { roles: ["ADMIN"], letters: ["R", "A"], owner: true },
  "risk.manage": DELIVERY,
  "decision.record": { roles: ["ADMIN", "EXECUTIVE"], letters: [] },
  "user.manage": { roles: ["ADMIN"], letters: [] },
};

export interface AuthorityContext {
  role: Role;
  /** The actor's RACI letter on the project the action concerns; null when they hold none. */
  letter?: RaciLetter | null;
  /** The actor owns (objective, metric) or wrote (feedback) the resource. */
  isOwner?: boolean;
}

export function can(action: Action, context: AuthorityContext): boolean {
  if (context.role === "VIEWER") return false;
  const rule = AUTHORITY[action];
  if (!rule) return false;
  if (rule.roles.includes(context.role)) return true;
  if (context.letter && rule.letters.includes(context.letter)) return true;
  return rule.owner === true && context.isOwner === true;
}
