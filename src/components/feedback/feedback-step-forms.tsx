"use client";
// The steps of the feedback loop, in place beside an item (docs/governance-rules.md FB-1, FB-3,
// FB-4, FB-6): the team acknowledges or answers; the author accepts the answer or reopens it with a
// comment; the team closes an answer its author let wait past the acceptance time. The page says
// which steps the viewer may take (matrix and state); the operation still decides.
import { feedbackRefSchema, reopenFeedbackSchema, respondToFeedbackSchema } from "@/lib/schemas/feedback";
import { ActionForm, type FormAction } from "../forms/action-form";
import { TextAreaField } from "../forms/fields";
import { Disclosure } from "../ui/disclosure";

export type FeedbackStepName = "acknowledge" | "respond" | "accept" | "reopen" | "close";

export type FeedbackStepActions = Readonly<Record<FeedbackStepName, FormAction>>;

// A form that is only a button lines up with the disclosures beside it; its outcome shows above it.
const BUTTON_FORM = "flex flex-col items-start [&_[role=alert]]:mb-2 [&_[role=status]]:mb-2";

export function FeedbackStepForms({
  item,
  steps,
  actions,
  about,
}: {
  item: { id: string; version: number; kind: string };
  steps: Readonly<Record<FeedbackStepName, boolean>>;
  actions: FeedbackStepActions;
  /** Names the item in the forms' accessible names, e.g. "the safety feedback logged 3 Mar". */
  about: string;
}) {
  const hidden = { feedbackId: item.id, version: item.version };
  const endorsement = item.kind === "ENDORSEMENT";
  return (
    <>
      {steps.respond ? (
        <Disclosure summary="Respond">
          <ActionForm
            action={actions.respond}
            schema={respondToFeedbackSchema}
            hidden={hidden}
            submitLabel="Send the answer"
            pendingLabel="Sending…"
            refusalTitle="Cannot send this answer"
            label={`Respond to ${about}`}
          >
            <TextAreaField
              name="responseText"
              label="Your answer"
              hint="Its author reads this and accepts it or reopens the feedback."
              rows={4}
            />
          </ActionForm>
        </Disclosure>
      ) : null}
      {steps.acknowledge ? (
        <ActionForm
          action={actions.acknowledge}
          schema={feedbackRefSchema}
          hidden={hidden}
          submitLabel={endorsement ? "Acknowledge and close" : "Acknowledge"}
          submitVariant={endorsement ? "primary" : "secondary"}
          pendingLabel="Acknowledging…"
          refusalTitle="Cannot acknowledge"
          label={`Acknowledge ${about}`}
          className={BUTTON_FORM}
        />
      ) : null}
      {steps.accept ? (
        <ActionForm
          action={actions.accept}
          schema={feedbackRefSchema}
          hidden={hidden}
          submitLabel="Accept the answer"
          pendingLabel="Accepting…"
          refusalTitle="Cannot accept"
          label={`Accept the answer to ${about}`}
          className={BUTTON_FORM}
        />
      ) : null}
      {steps.reopen ? (
        <Disclosure summary="Reopen with a comment">
          <ActionForm
            action={actions.reopen}
            schema={reopenFeedbackSchema}
            hidden={hidden}
            submitLabel="Reopen"
            pendingLabel="Reopening…"
            submitVariant="secondary"
            refusalTitle="Cannot reopen"
            label={`Reopen ${about}`}
          >
            <TextAreaField
              name="comment"
              label="What is still unresolved"
              hint="The project team answers again, with a fresh answer time from now."
              rows={3}
            />
          </ActionForm>
        </Disclosure>
      ) : null}
      {steps.close ? (
        <ActionForm
          action={actions.close}
          schema={feedbackRefSchema}
          hidden={hidden}
          submitLabel="Close: its author did not reply"
          pendingLabel="Closing…"
          submitVariant="secondary"
          refusalTitle="Cannot close"
          label={`Close ${about}`}
          className={BUTTON_FORM}
        />
      ) : null}
    </>
  );
}
