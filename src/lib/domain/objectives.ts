// Strategic objectives (executives own strategy: docs/governance-rules.md ACC-4). Pure: who may own an
// objective, whether a parent keeps the pillar → objective tree a tree, and whether retiring it would leave a
// live project serving no objective (rule 1).
import { isPastProposal } from "./alignment-links";
import { isFinalStage } from "./stage-gates";
import type { FieldViolation } from "./violations";
import type { ObjectiveStatus, ProjectStage, Role } from "./vocabulary";

export const OBJECTIVE_VIOLATION = {
  ownerNotEligible: "OBJECTIVE_OWNER_NOT_ELIGIBLE",
  parentIsSelf: "OBJECTIVE_PARENT_IS_SELF",
  parentCycle: "OBJECTIVE_PARENT_CYCLE",
  retiresLastAlignment: "OBJECTIVE_RETIRES_LAST_ALIGNMENT",
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

export interface AlignedProjectFacts {
  code: string;
  name: string;
  stage: ProjectStage;
  /** For an ON_HOLD project: the stage it was paused in. */
  heldFrom?: ProjectStage | null;
  /** The statuses of the other objectives the project is aligned to (not this one). */
  otherObjectiveStatuses: readonly ObjectiveStatus[];
}

function listProjects(projects: readonly AlignedProjectFacts[], max = 5): string {
  const shown = projects.slice(0, max).map((p) => `${p.code} “${p.name}”`);
  const rest = projects.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/**
 * Retiring an objective must not leave a live project (past its proposal, not closed or cancelled)
 * serving only retired objectives: that is delivery without vision, reached by the back door
 * rather than by removing the project's last alignment (which is refused the same way). Other
 * status changes, and edits of an objective that is already retired, are not checked here.
 */
export function retirementViolations(input: {
  objective: { code: string; title: string };
  from: ObjectiveStatus;
  to: ObjectiveStatus;
  alignedProjects: readonly AlignedProjectFacts[];
}): FieldViolation[] {
  if (input.to !== "RETIRED" || input.from === "RETIRED") return [];
  const stranded = input.alignedProjects.filter(
    (p) =>
      isPastProposal(p.stage, p.heldFrom) &&
      !isFinalStage(p.stage) &&
      p.otherObjectiveStatuses.every((status) => status === "RETIRED"),
  );
  if (stranded.length === 0) return [];
  const one = stranded.length === 1;
  return [
    {
      code: OBJECTIVE_VIOLATION.retiresLastAlignment,
      field: "status",
      message: `${input.objective.code} “${input.objective.title}” is the only objective ${listProjects(stranded)} ${one ? "serves" : "serve"}, and a live project must serve one: align ${one ? "it" : "each"} to another active objective before retiring this one`,
    },
  ];
}
