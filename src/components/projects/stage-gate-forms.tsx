"use client";
// The forms of a project's stage panel: ask for the next gate, withdraw a waiting request, approve
// or reject it, and the direct moves (hold, resume, cancel). Each carries the version the page was
// read at, so a change made meanwhile comes back as a conflict instead of being overwritten
// (docs/governance-rules.md rule 8); the server re-checks everything these forms assume.
import {
  changeProjectStageAction,
  decideStageGateAction,
  requestStageGateAction,
  withdrawStageGateAction,
} from "@/app/(app)/projects/[code]/actions";
import { STAGE_LABEL } from "@/lib/domain/labels";
import type { ProjectStage } from "@/lib/domain/vocabulary";
import { changeProjectStageSchema } from "@/lib/schemas/projects";
import {
  decideStageGateSchema,
  requestStageGateSchema,
  withdrawStageGateSchema,
} from "@/lib/schemas/stage-gates";
import { ActionForm } from "../forms/action-form";
import { SelectField, TextAreaField } from "../forms/fields";
import { Disclosure } from "../ui/disclosure";

/** GATE-1: asks for one of the gates whose check passes now. */
export function RequestGateForm({
  projectId,
  version,
  stages,
}: {
  projectId: string;
  version: number;
  /** Gates the check passes, in the machine's order; at least one. */
  stages: readonly ProjectStage[];
}) {
  const only = stages.length === 1 ? stages[0] : undefined;
  const title = only ? `Request ${STAGE_LABEL[only]}` : "Request the next gate";
  return (
    <ActionForm
      key={version}
      action={requestStageGateAction}
      schema={requestStageGateSchema}
      hidden={{ projectId, version, toStage: only }}
      submitLabel={title}
      pendingLabel="Requesting…"
      refusalTitle="Cannot request"
      label={title}
    >
      {only ? null : (
        <SelectField
          name="toStage"
          label="Gate"
          placeholder="Choose the gate"
          options={stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
        />
      )}
      <TextAreaField
        name="reason"
        label="Why the project is ready"
        hint="The executive who decides reads this: say what has been agreed and what is in place."
      />
    </ActionForm>
  );
}

/** GATE-3: the requester, or the project's R, A or the PMO, takes a waiting request back. */
export function WithdrawGateForm({ requestId, version }: { requestId: string; version: number }) {
  return (
    <Disclosure summary="Withdraw the request">
      <ActionForm
        key={version}
        action={withdrawStageGateAction}
        schema={withdrawStageGateSchema}
        hidden={{ requestId, version }}
        submitLabel="Withdraw request"
        pendingLabel="Withdrawing…"
        submitVariant="secondary"
        refusalTitle="Cannot withdraw"
        label="Withdraw the stage gate request"
      >
        <p className="text-sm text-slate-700">
          The request stops waiting for a decision. The project stays where it is; it can be asked for again.
        </p>
      </ActionForm>
    </Disclosure>
  );
}

/** GATE-2 and GATE-3: approve in place, or reject with a reason. */
export function DecideGateForms({
  requestId,
  version,
  toStage,
}: {
  requestId: string;
  version: number;
  toStage: ProjectStage;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <ActionForm
        key={`approve-${version}`}
        action={decideStageGateAction}
        schema={decideStageGateSchema}
        hidden={{ requestId, version, decision: "APPROVED" }}
        submitLabel={`Approve: move to ${STAGE_LABEL[toStage]}`}
        pendingLabel="Approving…"
        refusalTitle="Cannot approve"
        label="Approve the stage gate"
        className="space-y-3 sm:max-w-md"
      />
      <Disclosure summary="Reject with a reason">
        <ActionForm
          key={`reject-${version}`}
          action={decideStageGateAction}
          schema={decideStageGateSchema}
          hidden={{ requestId, version, decision: "REJECTED" }}
          submitLabel="Reject request"
          pendingLabel="Rejecting…"
          submitVariant="danger"
          refusalTitle="Cannot reject"
          label="Reject the stage gate"
        >
          <TextAreaField
            name="reason"
            label="Why it is rejected"
            hint="The team reads this: say what must change before they ask again."
          />
        </ActionForm>
      </Disclosure>
    </div>
  );
}

const MOVE_WORDING: Record<
  "ON_HOLD" | "CANCELLED" | "RESUME",
  { summary: string; submit: string; hint: string }
> = {
  ON_HOLD: {
    summary: "Put on hold",
    submit: "Put on hold",
    hint: "Kept in the project's history. A waiting gate request is withdrawn.",
  },
  CANCELLED: {
    summary: "Cancel the project",
    submit: "Cancel the project",
    hint: "Kept in the project's history; say what was decided and by whom.",
  },
  RESUME: {
    summary: "Resume",
    submit: "Resume",
    hint: "Kept in the project's history. The gate checks run again before it resumes.",
  },
};

/** GATE-4: one direct move (hold, resume, cancel), with its reason, in place. */
export function DirectMoveForm({
  projectId,
  version,
  toStage,
  resume,
}: {
  projectId: string;
  version: number;
  toStage: ProjectStage;
  /** Moving back into the stage the project was held from. */
  resume: boolean;
}) {
  const kind = resume ? "RESUME" : toStage === "CANCELLED" ? "CANCELLED" : "ON_HOLD";
  const wording = MOVE_WORDING[kind];
  const summary = resume ? `Resume in ${STAGE_LABEL[toStage]}` : wording.summary;
  return (
    <Disclosure summary={summary}>
      <ActionForm
        key={version}
        action={changeProjectStageAction}
        schema={changeProjectStageSchema}
        hidden={{ projectId, version, toStage }}
        submitLabel={resume ? summary : wording.submit}
        pendingLabel="Saving…"
        submitVariant={kind === "CANCELLED" ? "danger" : "primary"}
        refusalTitle={
          resume ? "Cannot resume" : kind === "CANCELLED" ? "Cannot cancel" : "Cannot put on hold"
        }
        label={summary}
      >
        {kind === "CANCELLED" ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-300">
            <span className="font-semibold">Warning: cancelling is final.</span> A cancelled project never
            changes stage again, and any request waiting for a decision is withdrawn.
          </p>
        ) : null}
        <TextAreaField name="reason" label="Reason" hint={wording.hint} />
      </ActionForm>
    </Disclosure>
  );
}
