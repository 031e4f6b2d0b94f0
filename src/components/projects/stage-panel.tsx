// The overview's stage panel: the stage, the gate check for the next gate(s) as a checklist with a
// link to where each gap is fixed, the request waiting for a decision with what the viewer may do
// about it, the direct moves, and the history of requests. Controls appear only when the matrix
// and the record's state allow them; the operations still refuse the rest.
import Link from "next/link";
import { STAGE_GATE_STATUS_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import type { ProjectStage, StageGateStatus } from "@/lib/domain/vocabulary";
import { Badge, type Tone } from "../ui/badge";
import { formatDateTime } from "../ui/format";
import { Table } from "../ui/table";
import { gapFix, gapFixHref } from "./gate-gap-fix";
import { DecideGateForms, DirectMoveForm, RequestGateForm, WithdrawGateForm } from "./stage-gate-forms";

interface RequestRow {
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

export interface StagePanelProps {
  code: string;
  timeZone: string;
  stageChangedAt: string;
  view: {
    projectId: string;
    version: number;
    stage: ProjectStage;
    heldFromStage: ProjectStage | null;
    gates: { toStage: ProjectStage; gaps: { code: string; message: string }[] }[];
    directMoves: ProjectStage[];
    pending: RequestRow | null;
    history: RequestRow[];
    historyTotal: number;
    actorMayDecidePending: boolean;
    actorRequestedPending: boolean;
  };
  may: { request: boolean; decide: boolean; changeStage: boolean };
}

const STATUS_TONE: Record<StageGateStatus, Tone> = {
  REQUESTED: "info",
  APPROVED: "green",
  REJECTED: "red",
  WITHDRAWN: "neutral",
};

export function StagePanel({ code, timeZone, stageChangedAt, view, may }: StagePanelProps) {
  const { pending } = view;
  const requestable = view.gates.filter((g) => g.gaps.length === 0).map((g) => g.toStage);
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{STAGE_LABEL[view.stage]}</span>
        {view.stage === "ON_HOLD" && view.heldFromStage
          ? ` (paused in ${STAGE_LABEL[view.heldFromStage]})`
          : ""}{" "}
        since {formatDateTime(stageChangedAt, timeZone)}.
      </p>

      {pending ? <PendingRequest request={pending} timeZone={timeZone} view={view} may={may} /> : null}

      {view.gates.map((gate) => (
        <GateChecklist key={gate.toStage} code={code} gate={gate} />
      ))}
      {view.stage === "ON_HOLD" ? (
        <p className="text-sm text-slate-700">
          The project is on hold: its Accountable or an executive resumes it before the next gate can be
          requested.
        </p>
      ) : null}
      {view.gates.length === 0 && view.directMoves.length === 0 ? (
        <p className="text-sm text-slate-700">
          The project is {STAGE_LABEL[view.stage].toLowerCase()}: its stage no longer changes.
        </p>
      ) : null}

      {!pending && may.request && requestable.length > 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="text-base font-semibold text-slate-900">Ask for the next gate</h3>
          <p className="mb-3 text-sm text-slate-600">
            An executive who did not ask for it and is not the project's Responsible decides.
          </p>
          <RequestGateForm projectId={view.projectId} version={view.version} stages={requestable} />
        </div>
      ) : null}
      {!pending && may.request && view.gates.length > 0 && requestable.length === 0 ? (
        <p className="text-sm text-slate-700">Close the gaps above, then the gate can be requested here.</p>
      ) : null}

      {may.changeStage && view.directMoves.length > 0 ? (
        <div>
          <h3 className="text-base font-semibold text-slate-900">Pause, resume or stop the work</h3>
          <p className="mb-2 text-sm text-slate-600">
            The Accountable or an executive does this directly, with a reason kept in the project's history.
          </p>
          <div className="flex flex-col gap-2">
            {view.directMoves.map((toStage) => (
              <DirectMoveForm
                key={toStage}
                projectId={view.projectId}
                version={view.version}
                toStage={toStage}
                resume={view.stage === "ON_HOLD" && toStage !== "CANCELLED"}
              />
            ))}
          </div>
        </div>
      ) : null}

      <div>
        <h3 className="text-base font-semibold text-slate-900">Gate history</h3>
        {view.history.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No gate request has been decided or withdrawn yet.</p>
        ) : (
          <div className="mt-2">
            <Table
              caption="Stage gate requests decided or withdrawn, newest first"
              rows={view.history}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: "Gate",
                  className: "whitespace-nowrap",
                  cell: (r) => `${STAGE_LABEL[r.fromStage]} → ${STAGE_LABEL[r.toStage]}`,
                },
                {
                  header: "Outcome",
                  cell: (r) => (
                    <Badge tone={STATUS_TONE[r.status]}>{STAGE_GATE_STATUS_LABEL[r.status]}</Badge>
                  ),
                },
                {
                  header: "Asked",
                  cell: (r) => (
                    <>
                      {r.requestedBy.name}
                      <span className="block text-xs text-slate-500">
                        {formatDateTime(r.requestedAt, timeZone)}
                      </span>
                      <span className="mt-1 block text-slate-700">{r.reason}</span>
                    </>
                  ),
                },
                {
                  header: "Decided",
                  cell: (r) =>
                    r.decidedBy ? (
                      <>
                        {r.decidedBy.name}
                        {r.decidedAt ? (
                          <span className="block text-xs text-slate-500">
                            {formatDateTime(r.decidedAt, timeZone)}
                          </span>
                        ) : null}
                        {r.decisionReason ? (
                          <span className="mt-1 block text-slate-700">{r.decisionReason}</span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-slate-500">Not decided</span>
                    ),
                },
              ]}
            />
            {view.historyTotal > view.history.length ? (
              <p className="mt-2 text-xs text-slate-500">
                The latest {view.history.length} of {view.historyTotal} requests.
              </p>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}

function GateChecklist({
  code,
  gate,
}: {
  code: string;
  gate: { toStage: ProjectStage; gaps: { code: string; message: string }[] };
}) {
  const headingId = `gate-${gate.toStage}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        Gate check: {STAGE_LABEL[gate.toStage]}
      </h3>
      {gate.gaps.length === 0 ? (
        <p className="mt-1 text-sm text-green-800">
          <span aria-hidden="true">✓ </span>Every check passes: the project is ready for{" "}
          {STAGE_LABEL[gate.toStage]}.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">
            {gate.gaps.length === 1 ? "1 gap stops" : `${gate.gaps.length} gaps stop`} this gate:
          </p>
          <ul className="mt-2 space-y-2">
            {gate.gaps.map((gap) => {
              const fix = gapFix(gap.code);
              return (
                <li key={gap.code} className="flex gap-2 text-sm text-slate-800">
                  <span aria-hidden="true" className="font-bold text-red-700">
                    ✗
                  </span>
                  <span>
                    <span className="sr-only">Gap: </span>
                    {gap.message}
                    {fix ? (
                      <>
                        {" "}
                        <Link
                          href={gapFixHref(code, fix)}
                          className="whitespace-nowrap font-medium text-teal-700 underline underline-offset-2"
                        >
                          {fix.label}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function PendingRequest({
  request,
  timeZone,
  view,
  may,
}: {
  request: RequestRow;
  timeZone: string;
  view: StagePanelProps["view"];
  may: StagePanelProps["may"];
}) {
  const mayWithdraw = view.actorRequestedPending || may.request;
  return (
    <section
      aria-labelledby="pending-gate-heading"
      className="rounded-lg border border-l-4 border-slate-200 border-l-teal-600 bg-white p-4 shadow-sm"
    >
      <h3 id="pending-gate-heading" className="text-base font-semibold text-slate-900">
        Waiting for a decision: move to {STAGE_LABEL[request.toStage]}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        Asked by <span className="font-medium">{request.requestedBy.name}</span> on{" "}
        {formatDateTime(request.requestedAt, timeZone)}.
      </p>
      <blockquote className="mt-2 border-l-2 border-slate-300 pl-3 text-sm text-slate-800">
        {request.reason}
      </blockquote>
      <div className="mt-4 space-y-3">
        {may.decide && view.actorMayDecidePending ? (
          <DecideGateForms requestId={request.id} version={request.version} toStage={request.toStage} />
        ) : null}
        {may.decide && !view.actorMayDecidePending ? (
          <p className="text-sm text-slate-700">
            {view.actorRequestedPending
              ? "You asked for this gate, so another executive decides it."
              : "You are this project's Responsible, so another executive decides its gate."}
          </p>
        ) : null}
        {!may.decide ? (
          <p className="text-sm text-slate-600">
            An executive who did not ask for it and is not the project's Responsible decides.
          </p>
        ) : null}
        {mayWithdraw ? <WithdrawGateForm requestId={request.id} version={request.version} /> : null}
      </div>
    </section>
  );
}
