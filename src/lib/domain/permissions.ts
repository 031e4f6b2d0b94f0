// Who may do what (docs/governance-rules.md rule 3). Pure and table-driven, so the table below
// is the authorisation matrix a reviewer reads, and every operation asks the same question.
//
// Authority comes from three places: the organisation role (org-wide rights), the actor's RACI
// letter on the project concerned (per-project rights), and ownership of the resource (the
// objective's owner, the feedback's author, the metric's owner). VIEWER is read-only everywhere,
// whatever letter they hold. Checks fail closed: an action missing from the table is refused.
import type { RaciLetter, Role } from "./vocabulary";

export type { Role } from "./vocabulary";

export type Action =
  | "objective.create"
  | "objective.edit"
  | "project.create"
  | "project.edit"
  | "project.changeStage"
  | "stageGate.request"
  | "stageGate.decide"
  | "alignment.manage"
  | "raci.manage"
  | "milestone.manage"
  | "milestone.approveGate"
  | "rebaseline.request"
  | "rebaseline.decide"
  | "cost.record"
  | "metric.define"
  | "metricValue.record"
  | "feedback.log"
  | "feedback.answer"
  | "feedback.accept"
  | "feedback.close"
  | "risk.manage"
  | "decision.record"
  | "user.manage"
  | "user.resetMfa"
  | "settings.manage";

interface Rule {
  /** Organisation roles allowed on every resource. */
  roles: readonly Role[];
  /** RACI letters that allow it on their own project. */
  letters: readonly RaciLetter[];
  /** The owner (objective owner, metric owner) or author (feedback) of the resource may. */
  owner?: boolean;
  /**
   * Ownership counts only while the owner holds one of these roles: an objective's owner who stops
   * being an executive stops editing it (docs/governance-rules.md ACC-4).
   */
  ownerRoles?: readonly Role[];
}

const ANY_SIGNED_IN: readonly Role[] = [
  "ADMIN",
  "EXECUTIVE",
  "PORTFOLIO_MANAGER",
  "PROJECT_MANAGER",
  "CLINICAL_CHAMPION",
];
const DELIVERY: Rule = { roles: ["ADMIN", "PORTFOLIO_MANAGER"], letters: ["R", "A"] };

// ADMIN is an IT role: accounts and settings, and the upkeep of records (audited), but no portfolio
// decision — no gate, rebaseline, gate milestone, feedback answer or decision record. The PMO
// prepares and facilitates decisions; it does not take them (docs/governance-rules.md GATE-1).
export const AUTHORITY: Readonly<Record<Action, Rule>> = {
  // Executives own strategy; only the objective's owner (or an admin) edits it (rule 3).
  "objective.create": { roles: ["ADMIN", "EXECUTIVE"], letters: [] },
  "objective.edit": { roles: ["ADMIN"], letters: [], owner: true, ownerRoles: ["EXECUTIVE"] },
  // Anyone who runs or curates delivery may propose a project; the PMO edits any (DESIGN roles).
  "project.create": { roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER", "PROJECT_MANAGER"], letters: [] },
  "project.edit": DELIVERY,
  // Direct stage moves that stop or pause work (hold, resume, cancel): the Accountable or an executive.
  "project.changeStage": { roles: ["EXECUTIVE"], letters: ["A"] },
  // Gates are asked for by the people running the project or the PMO, and decided by an executive
  // who neither asked nor is the project's R (the separation is a rule on the request, GATE-2).
  "stageGate.request": { roles: ["PORTFOLIO_MANAGER"], letters: ["R", "A"] },
  "stageGate.decide": { roles: ["EXECUTIVE"], letters: [] },
  "alignment.manage": DELIVERY,
  // Who is accountable is not for the Responsible to change.
  "raci.manage": { roles: ["ADMIN", "PORTFOLIO_MANAGER"], letters: ["A"] },
  "milestone.manage": DELIVERY,
  // A gate milestone (a pilot's go/no-go) is signed off by the Accountable or an executive.
  "milestone.approveGate": { roles: ["EXECUTIVE"], letters: ["A"] },
  "rebaseline.request": DELIVERY,
  // Within tolerance the Accountable may decide; beyond it only an executive (REB-2, a rule).
  "rebaseline.decide": { roles: ["EXECUTIVE"], letters: ["A"] },
  "cost.record": DELIVERY,
  "metric.define": { roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER"], letters: ["R", "A"] },
  // Rule 3, plus the metric's named owner (objective-level metrics belong to no project).
  "metricValue.record": { ...DELIVERY, owner: true },
  "feedback.log": { roles: ANY_SIGNED_IN, letters: [] },
  // Rule 6: answered (or acknowledged) by an R or A of the project.
  "feedback.answer": { roles: [], letters: ["R", "A"] },
  // Only the author accepts an answer or reopens it (FB-3).
  "feedback.accept": { roles: [], letters: [], owner: true },
  // The team closes an answer only once its author has let the acceptance timeout pass (FB-4).
  "feedback.close": { roles: [], letters: ["R", "A"] },
  "risk.manage": DELIVERY,
  "decision.record": { roles: ["EXECUTIVE"], letters: [] },
  "user.manage": { roles: ["ADMIN"], letters: [] },
  // Resetting someone's second factor (never one's own: a rule in the operation).
  "user.resetMfa": { roles: ["ADMIN"], letters: [] },
  "settings.manage": { roles: ["ADMIN"], letters: [] },
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
  if (rule.owner !== true || context.isOwner !== true) return false;
  return !rule.ownerRoles || rule.ownerRoles.includes(context.role);
}

/**
 * Every action the actor may attempt in one context, for pages deciding which controls to show:
 * the same matrix the operations ask, so a page never offers what the server refuses. Rules on top
 * of the matrix (separation of duties, the state of the record) still decide the outcome.
 */
export function abilitiesIn(context: AuthorityContext): Readonly<Record<Action, boolean>> {
  const result = {} as Record<Action, boolean>;
  for (const action of Object.keys(AUTHORITY) as Action[]) result[action] = can(action, context);
  return result;
}
