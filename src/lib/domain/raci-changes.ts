// Changing a project's RACI (docs/governance-rules.md rules 1 and 2). Pure: the caller passes the project's
// kind and stage, its RACI now and the RACI the change would leave.
//
// A change is refused when it would introduce a gap the project does not already have, so a
// project that is already short (say, its A was deactivated) can still be mended one step at a
// time. Rule 1's facts must not decay once a project has left PROPOSED: the stage gates check them
// on the way in, and these checks keep a RACI change from quietly undoing them afterwards.
import { isPastProposal } from "./alignment-links";
import { type Gap, hasClinicalChampion, type RaciEntry, raciGaps } from "./raci";
import {
  isFinalStage,
  KIND_LABELS,
  needsClinicalChampion,
  type ProjectKind,
  type ProjectStage,
  STAGE_GAP,
} from "./stage-gates";

export interface RaciChangeProject {
  kind: ProjectKind;
  stage: ProjectStage;
  /** For an ON_HOLD project: the stage it was paused in. */
  heldFrom?: ProjectStage | null;
}

/**
 * Live: past the proposal and not yet closed or cancelled. A live clinical, digital or mixed
 * project keeps its clinical champion; a proposal is still finding one, and a finished project's
 * team is history.
 */
function mustKeepClinicalChampion(project: RaciChangeProject): boolean {
  return (
    needsClinicalChampion(project.kind) &&
    isPastProposal(project.stage, project.heldFrom) &&
    !isFinalStage(project.stage)
  );
}

/** The champion gap a change would open, naming who held the role, so the changer sees what they undo. */
function lostChampionGaps(
  project: RaciChangeProject,
  current: readonly RaciEntry[],
  proposed: readonly RaciEntry[],
): Gap[] {
  if (!mustKeepClinicalChampion(project)) return [];
  if (!hasClinicalChampion(current) || hasClinicalChampion(proposed)) return [];
  const champions = current.filter((e) => hasClinicalChampion([e])).map((e) => e.name ?? "a user");
  return [
    {
      code: STAGE_GAP.noClinicalChampion,
      message: `${champions.join(" and ")} ${champions.length === 1 ? "is" : "are"} this project's only clinical champion, and a live ${KIND_LABELS[project.kind]} project must keep one (an active CLINICAL user as R or C): make another clinical colleague R or C first`,
    },
  ];
}

/** Gaps the proposed RACI has that the current one does not; empty when the change may go ahead. */
export function introducedRaciGaps(
  project: RaciChangeProject,
  current: readonly RaciEntry[],
  proposed: readonly RaciEntry[],
): Gap[] {
  // Once a project is past PROPOSED someone must be doing the work (a paused proposal included,
  // the cautious reading).
  const options = { requireResponsible: project.stage !== "PROPOSED" };
  const before = new Set(raciGaps(current, options).map((gap) => gap.code));
  return [
    ...raciGaps(proposed, options).filter((gap) => !before.has(gap.code)),
    ...lostChampionGaps(project, current, proposed),
  ];
}
