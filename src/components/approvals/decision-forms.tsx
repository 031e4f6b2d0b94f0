"use client";
// Deciding a request in place: approve (with an optional note) or reject (with a reason the rule
// judges), each the operation's own schema checked first and the version the inbox was read at.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/fields";
import { Disclosure } from "@/components/ui/disclosure";
import { decideRebaselineSchema } from "@/lib/schemas/rebaselines";
import { decideStageGateSchema } from "@/lib/schemas/stage-gates";

export interface DecisionTarget {
  type: "GATE" | "REBASELINE";
  id: string;
  version: number;
  /** "the Rollout gate for OPS-06", for the forms' accessible names. */
  name: string;
}

function hiddenFor(target: DecisionTarget, decision: "APPROVED" | "REJECTED") {
  const id = target.type === "GATE" ? { requestId: target.id } : { rebaselineId: target.id };
  return { ...id, version: target.version, decision };
}

const schemaFor = (target: DecisionTarget) =>
  target.type === "GATE" ? decideStageGateSchema : decideRebaselineSchema;

export function ApproveForm({ action, target }: { action: FormAction; target: DecisionTarget }) {
  return (
    <Disclosure summary="Approve">
      <ActionForm
        key={target.version}
        action={action}
        schema={schemaFor(target)}
        hidden={hiddenFor(target, "APPROVED")}
        submitLabel="Approve"
        pendingLabel="Approving…"
        refusalTitle="Cannot approve"
        label={`Approve ${target.name}`}
      >
        <TextAreaField
          name="reason"
          label="Note for the record"
          required={false}
          rows={2}
          hint="Kept with the decision, e.g. the forum that agreed it."
        />
      </ActionForm>
    </Disclosure>
  );
}

export function RejectForm({ action, target }: { action: FormAction; target: DecisionTarget }) {
  return (
    <Disclosure summary="Reject with a reason">
      <ActionForm
        key={target.version}
        action={action}
        schema={schemaFor(target)}
        hidden={hiddenFor(target, "REJECTED")}
        submitLabel="Reject"
        submitVariant="danger"
        pendingLabel="Rejecting…"
        refusalTitle="Cannot reject"
        label={`Reject ${target.name}`}
      >
        <TextAreaField
          name="reason"
          label="Why it is rejected"
          hint="The requester reads this: say what would change your mind or what to do instead."
        />
      </ActionForm>
    </Disclosure>
  );
}
