// Strategic objectives (DESIGN.md: executives own strategy). Pure: who may own an objective, and
// whether a parent keeps the pillar → objective tree a tree.
import type { Role } from "./permissions";
import type { FieldViolation } from "./violations";

export const OBJECTIVE_VIOLATION = {
  ownerNotEligible: "OBJECTIVE_OWNER_NOT_ELIGIBLE",
  parentIsSelf: "OBJECTIVE_PARENT_IS_SELF",
  parentCycle: "OBJECTIVE_PARENT_CYCLE",
} as const;

/** Objectives are owned by an active executive (or an admin standing in for one). */
export function canOwnObjective(owner: { role: Role; active: boolean }): boolean {
  return owner.active && (owner.role === "EXECUTIVE" || owner.role === "ADMIN");
}

export interface ObjectiveNode {
  id: string;
  code: string;
  parentId: string | null;
}

/**
 * Whether `parentId` may become the parent of `objectiveId` (null for a new objective, which has
 * no descendants yet). `tree` holds every objective's id and parent; a parent missing from it is
 * the caller's NOT_FOUND, not a violation here.
 */
export function parentViolations(input: {
  objectiveId: string | null;
  parentId: string;
  tree: readonly ObjectiveNode[];
}): FieldViolation[] {
  const { objectiveId, parentId } = input;
  if (!objectiveId) return [];
  if (parentId === objectiveId) {
    return [
      {
        code: OBJECTIVE_VIOLATION.parentIsSelf,
        field: "parentId",
        message: "An objective cannot be its own parent",
      },
    ];
  }
  const byId = new Map(input.tree.map((node) => [node.id, node]));
  // Walk up from the proposed parent: meeting the objective itself means it would become its own
  // ancestor. The visited set stops a walk through data that is already cyclic.
  const visited = new Set<string>();
  for (
    let at = byId.get(parentId);
    at && !visited.has(at.id);
    at = at.parentId ? byId.get(at.parentId) : undefined
  ) {
    if (at.parentId === objectiveId) {
      return [
        {
          code: OBJECTIVE_VIOLATION.parentCycle,
          field: "parentId",
          message: `${byId.get(parentId)?.code ?? "That objective"} sits under this one: an objective cannot be placed under its own sub-objective`,
        },
      ];
    }
    visited.add(at.id);
  }
  return [];
}
