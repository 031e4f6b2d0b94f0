// Linking projects to objectives (docs/governance-rules.md rule 1: a live project serves at least one
// objective; NUM-9: a project's metrics feed only objectives it serves).
// Pure: the caller passes the project's stage and current links and the objective concerned.
//
// A project has at most one PRIMARY objective: the one it is chiefly judged against on the
// leadership dashboard. Making a second link PRIMARY is refused rather than silently demoting the
// first, so the project team decides which objective leads. A project may have no PRIMARY link at
// all (only SUPPORTING ones); the alignment score counts links, not their kind.
import { isFinalStage } from "./stage-gates";
import type { FieldViolation } from "./violations";
import type { Contribution, ObjectiveStatus, ProjectStage } from "./vocabulary";

export const ALIGNMENT_VIOLATION = {
  projectFinal: "ALIGNMENT_PROJECT_FINAL",
  objectiveNotActive: "ALIGNMENT_OBJECTIVE_NOT_ACTIVE",
  secondPrimary: "ALIGNMENT_SECOND_PRIMARY",
  lastAlignment: "ALIGNMENT_LAST_OF_LIVE_PROJECT",
  metricsFeedObjective: "ALIGNMENT_FEEDS_PROJECT_METRICS",
  metricObjectiveNotAligned: "METRIC_OBJECTIVE_NOT_ALIGNED",
} as const;

const STATUS_WORDING: Record<ObjectiveStatus, string> = {
  DRAFT: "still a draft",
  ACTIVE: "active",
  ACHIEVED: "already achieved",
  RETIRED: "retired",
};

export interface ObjectiveLabel {
  code: string;
  title: string;
}

const label = (o: ObjectiveLabel) => `${o.code} “${o.title}”`;

/**
 * Past the proposal: any stage but PROPOSED, except a proposal that was paused. A paused project
 * whose held-from stage is unknown counts as past it, which is the cautious reading.
 */
export function isPastProposal(stage: ProjectStage, heldFrom?: ProjectStage | null): boolean {
  if (stage === "ON_HOLD") return heldFrom !== "PROPOSED";
  return stage !== "PROPOSED";
}

export interface AlignInput {
  projectStage: ProjectStage;
  objective: ObjectiveLabel & { status: ObjectiveStatus };
  contribution: Contribution;
  /** The project's current PRIMARY objective, if it has one. */
  currentPrimary: ObjectiveLabel | null;
}

/** Everything that stops the link being made; empty when it may be. */
export function alignViolations(input: AlignInput): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (isFinalStage(input.projectStage)) {
    violations.push({
      code: ALIGNMENT_VIOLATION.projectFinal,
      message:
        "The project is closed or cancelled: its alignment is part of its history and no longer changes",
    });
  }
  if (input.objective.status !== "ACTIVE") {
    violations.push({
      code: ALIGNMENT_VIOLATION.objectiveNotActive,
      field: "objectiveId",
      message: `${label(input.objective)} is ${STATUS_WORDING[input.objective.status]}: align the project to an active objective`,
    });
  }
  if (input.contribution === "PRIMARY" && input.currentPrimary) {
    violations.push({
      code: ALIGNMENT_VIOLATION.secondPrimary,
      field: "contribution",
      message: `${label(input.currentPrimary)} is already this project's primary objective: link ${input.objective.code} as supporting, or remove the primary link first`,
    });
  }
  return violations;
}

export interface RemoveAlignmentInput {
  projectStage: ProjectStage;
  heldFrom?: ProjectStage | null;
  objective: ObjectiveLabel;
  /** How many links the project has now, including the one to be removed. */
  alignmentCount: number;
  /** The project's metrics that feed this objective (NUM-9); none when left out. */
  feedingMetrics?: readonly { name: string }[];
}

/** Everything that stops the link being removed; empty when it may be. */
export function removeAlignmentViolations(input: RemoveAlignmentInput): FieldViolation[] {
  if (isFinalStage(input.projectStage)) {
    return [
      {
        code: ALIGNMENT_VIOLATION.projectFinal,
        message:
          "The project is closed or cancelled: its alignment is part of its history and no longer changes",
      },
    ];
  }
  const violations: FieldViolation[] = [];
  if (input.alignmentCount <= 1 && isPastProposal(input.projectStage, input.heldFrom)) {
    violations.push({
      code: ALIGNMENT_VIOLATION.lastAlignment,
      message: `${label(input.objective)} is the only objective this project serves, and a live project must serve one: align it to another objective first`,
    });
  }
  const feeding = input.feedingMetrics ?? [];
  if (feeding.length > 0) {
    // NUM-9: removing the link would leave these metrics reporting to an objective the project no
    // longer serves.
    const names = feeding.map((m) => `“${m.name}”`).join(", ");
    violations.push({
      code: ALIGNMENT_VIOLATION.metricsFeedObjective,
      message: `${feeding.length === 1 ? "The metric" : "The metrics"} ${names} of this project ${feeding.length === 1 ? "feeds" : "feed"} ${input.objective.code}: point ${feeding.length === 1 ? "it" : "them"} at another objective the project serves before removing this alignment`,
    });
  }
  return violations;
}

export interface MetricObjectiveInput {
  /** The objective the metric is to feed. */
  objectiveId: string;
  objective: ObjectiveLabel;
  /** The objectives the metric's project is aligned to; null for an objective-level metric. */
  projectObjectiveIds: readonly string[] | null;
}

/**
 * NUM-9: a project's metric feeds only an objective the project is aligned to, else the
 * objective's scorecard would count evidence from work that does not serve it. An objective-level
 * metric (no project) may feed any objective.
 */
export function metricObjectiveViolations(input: MetricObjectiveInput): FieldViolation[] {
  if (!input.projectObjectiveIds || input.projectObjectiveIds.includes(input.objectiveId)) return [];
  return [
    {
      code: ALIGNMENT_VIOLATION.metricObjectiveNotAligned,
      field: "objectiveId",
      message: `The project is not aligned to ${label(input.objective)}: choose an objective the project serves, or align the project to this one first`,
    },
  ];
}
