// Gate milestones (docs/governance-rules.md GATE-6): a go/no-go milestone, such as a pilot's
// evaluation, counts for the pilot's evidence (GATE-5) only once someone other than the people who
// delivered it has signed it off. Pure: the caller passes the milestone and who is approving.

import type { FieldViolation } from "./violations";
import type { MilestoneStatus, RaciLetter } from "./vocabulary";

export const MILESTONE_GATE_VIOLATION = {
  notAGate: "MILESTONE_NOT_A_GATE",
  notDone: "MILESTONE_GATE_NOT_DONE",
  alreadyApproved: "MILESTONE_GATE_ALREADY_APPROVED",
  approverOwns: "MILESTONE_GATE_APPROVER_OWNS",
  approverResponsible: "MILESTONE_GATE_APPROVER_RESPONSIBLE",
} as const;

export interface GateMilestoneFacts {
  title: string;
  status: MilestoneStatus;
  isGate: boolean;
  /** Whether its gate was already signed off. */
  gateApproved: boolean;
}

/** GATE-6: only a gate milestone that is done, and not yet signed off, can be signed off. */
export function milestoneGateViolations(milestone: GateMilestoneFacts): FieldViolation[] {
  if (!milestone.isGate) {
    return [
      {
        code: MILESTONE_GATE_VIOLATION.notAGate,
        message: `“${milestone.title}” is not a gate milestone: only a go/no-go milestone is signed off`,
      },
    ];
  }
  if (milestone.gateApproved) {
    return [
      {
        code: MILESTONE_GATE_VIOLATION.alreadyApproved,
        message: `The gate “${milestone.title}” is already signed off`,
      },
    ];
  }
  if (milestone.status !== "DONE") {
    return [
      {
        code: MILESTONE_GATE_VIOLATION.notDone,
        message: `“${milestone.title}” is not done: mark it done with the date it happened, then sign its gate off`,
      },
    ];
  }
  return [];
}

/**
 * GATE-6, separation of duties: the milestone's owner and the project's Responsible delivered the
 * work the gate judges, so neither signs it off.
 */
export function milestoneGateApproverViolations(input: {
  ownerId: string | null;
  approverId: string;
  approverLetter: RaciLetter | null;
}): FieldViolation[] {
  if (input.ownerId !== null && input.ownerId === input.approverId) {
    return [
      {
        code: MILESTONE_GATE_VIOLATION.approverOwns,
        message:
          "You own this milestone, so someone else signs its gate off: the project's Accountable or an executive",
      },
    ];
  }
  if (input.approverLetter === "R") {
    return [
      {
        code: MILESTONE_GATE_VIOLATION.approverResponsible,
        message:
          "You are this project's Responsible, so someone else signs its gate off: the project's Accountable or an executive",
      },
    ];
  }
  return [];
}
