// What a closed or cancelled project still takes (docs/governance-rules.md rule 4). Pure: the caller passes
// the project's stage and the kind of change it is about to make.
//
// - A closed or cancelled project is history: its plan (milestones), its risk register and its
//   measures (metric definitions) are kept as they ended and no longer change.
// - A closed project still takes what comes after the work: benefits go on being measured after
//   the benefits review (metric values, and corrections to them), and people go on saying what
//   they think of it (feedback, which its R or A must still answer, rule 6).
// - A cancelled project takes neither: nobody is delivering, measuring or answering for it, so a
//   value or new feedback would only sit there unread. Feedback logged before the cancellation is
//   still owed its answer (the answering steps are not guarded).
// - Costs are not guarded at all: invoices arrive after the work ends, whichever way it ended.
import type { Gap } from "./stage-gates";
import type { ProjectStage } from "./vocabulary";

export const CLOSED_PROJECT_GAP = {
  closed: "PROJECT_CLOSED",
  cancelled: "PROJECT_CANCELLED",
} as const;

export interface ProjectRecordChange {
  /** What is being added or changed, as it reads after "it takes no": "new risks", "milestone changes". */
  what: string;
  /** Whether a closed (not a cancelled) project still takes it: metric values and feedback. */
  afterClosure?: boolean;
}

/** Why a project in `stage` takes no such change; empty when it does. */
export function closedProjectGaps(stage: ProjectStage, change: ProjectRecordChange): Gap[] {
  if (stage !== "CLOSED" && stage !== "CANCELLED") return [];
  const code = stage === "CLOSED" ? CLOSED_PROJECT_GAP.closed : CLOSED_PROJECT_GAP.cancelled;
  if (!change.afterClosure) {
    const word = stage === "CLOSED" ? "closed" : "cancelled";
    return [
      {
        code,
        message: `The project is ${word}: a closed or cancelled project is kept as it ended and takes no ${change.what}`,
      },
    ];
  }
  if (stage === "CANCELLED") {
    return [
      {
        code,
        message: `The project is cancelled: nobody is delivering or measuring it any more, so it takes no ${change.what}`,
      },
    ];
  }
  return [];
}
