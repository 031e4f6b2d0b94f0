import "server-only";
// What the overview's stage panel shows: where the project stands, what blocks each gate the stage
// machine allows next (the same facts and the same gap check the gate operations run, so the
// checklist never says "ready" where a request would be refused), the request waiting for a
// decision, the history of requests, and which direct moves (hold, resume, cancel) the machine
// allows. Separation of duties (docs/governance-rules.md GATE-2) is worked out here too, so a page
// offers "Approve" only to an executive whom the rule lets decide; the operation still checks.
import { db } from "@/lib/db/client";
import { mayDecideStageGate } from "@/lib/domain/stage-gate-requests";
import {
  allowedNextStages,
  GATE_STAGES,
  type Gap,
  isGateMove,
  type ProjectFacts as StageFacts,
  stageMoveGaps,
} from "@/lib/domain/stage-gates";
import type { ProjectStage, RaciLetter, StageGateStatus } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { loadStageFacts } from "./operations/projects";

export interface GateCheck {
  toStage: ProjectStage;
  /** Every gap the gate check names now; empty when the gate may be requested. */
  gaps: Pick<Gap, "code" | "message">[];
}

export interface StageGateRequestRow {
  id: string;
  version: number;
  fromStage: ProjectStage;
  toStage: ProjectStage;
  status: StageGateStatus;
  reason: string;
  requestedAt: string;
  requestedBy: { id: string; name: string };
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionReason: string | null;
}

export interface ProjectStageView {
  projectId: string;
  /** The project's version as read, for gate requests and direct moves. */
  version: number;
  stage: ProjectStage;
  heldFromStage: ProjectStage | null;
  /** The gates the machine allows next, each with its gaps (none while on hold or finished). */
  gates: GateCheck[];
  /** Direct moves the machine allows now (GATE-4): on hold, resume into the held stage, cancel. */
  directMoves: ProjectStage[];
  pending: StageGateRequestRow | null;
  /** Decided and withdrawn requests, newest first. */
  history: StageGateRequestRow[];
  historyTotal: number;
  /** The actor could decide the pending request under GATE-2 (they did not ask and are not its R). */
  actorMayDecidePending: boolean;
  /** The actor asked for the pending request (the requester may always withdraw it). */
  actorRequestedPending: boolean;
}

const HISTORY_LIMIT = 10;

const requestSelect = {
  id: true,
  version: true,
  fromStage: true,
  toStage: true,
  status: true,
  reason: true,
  requestedAt: true,
  decidedAt: true,
  decisionReason: true,
  requestedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} as const;

type RequestRecord = {
  id: string;
  version: number;
  fromStage: ProjectStage;
  toStage: ProjectStage;
  status: StageGateStatus;
  reason: string;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  requestedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
};

const toRow = (r: RequestRecord): StageGateRequestRow => ({
  ...r,
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

export async function getProjectStage(
  projectId: string,
  clock: Clock,
  actor: { id: string; letter: RaciLetter | null },
): Promise<ProjectStageView> {
  // Read outside a transaction: the page shows what the check says now; the operations re-check
  // under the project's lock when someone acts on it.
  const [{ project, facts }, pending, history, historyTotal] = await Promise.all([
    loadStageFacts(db(), projectId, clock),
    db().stageGateRequest.findFirst({
      where: { projectId, status: "REQUESTED" },
      select: requestSelect,
    }),
    db().stageGateRequest.findMany({
      where: { projectId, status: { not: "REQUESTED" } },
      orderBy: { requestedAt: "desc" },
      take: HISTORY_LIMIT,
      select: requestSelect,
    }),
    db().stageGateRequest.count({ where: { projectId, status: { not: "REQUESTED" } } }),
  ]);
  return toStageView({
    project,
    facts,
    pending: pending ? toRow(pending) : null,
    history: history.map(toRow),
    historyTotal,
    actor,
  });
}

/**
 * The panel from what was read: the gates and direct moves the machine allows, each gate's gaps by
 * the same check the gate operations run, and what the actor may do with the pending request.
 * Shared by this read and the overview's single statement (project-overview.ts).
 */
export function toStageView(input: {
  project: { id: string; version: number; stage: ProjectStage; heldFromStage: ProjectStage | null };
  facts: StageFacts;
  pending: StageGateRequestRow | null;
  history: StageGateRequestRow[];
  historyTotal: number;
  actor: { id: string; letter: RaciLetter | null };
}): ProjectStageView {
  const { project, facts, pending, history, historyTotal, actor } = input;
  const next = allowedNextStages(facts.stage, facts.heldFrom);
  const gates =
    facts.stage === "ON_HOLD"
      ? []
      : next
          .filter((s) => GATE_STAGES.includes(s) && isGateMove(facts.stage, s))
          .map((toStage) => ({
            toStage,
            gaps: stageMoveGaps(facts, toStage).map(({ code, message }) => ({ code, message })),
          }));
  return {
    projectId: project.id,
    version: project.version,
    stage: project.stage,
    heldFromStage: project.heldFromStage,
    gates,
    directMoves: next.filter((s) => !isGateMove(facts.stage, s)),
    pending,
    history,
    historyTotal,
    actorMayDecidePending: pending
      ? mayDecideStageGate({
          requestedById: pending.requestedBy.id,
          deciderId: actor.id,
          deciderLetter: actor.letter,
        })
      : false,
    actorRequestedPending: pending?.requestedBy.id === actor.id,
  };
}
