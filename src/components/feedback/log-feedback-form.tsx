"use client";
// Logging feedback in under a minute, on a tablet as on a desktop: the project (the ones the person
// sits on first, or fixed on a project's own tab), what kind it is and how severe with one tap each,
// what happened, and optionally the milestone it is about. The answer time follows from the kind and
// severity (docs/governance-rules.md FB-2); the project team is asked to answer it.
import { useState } from "react";
import { FEEDBACK_KIND_LABEL, SEVERITY_LABEL } from "@/lib/domain/labels";
import { FEEDBACK_KINDS, type RaciLetter, SEVERITIES } from "@/lib/domain/vocabulary";
import { logFeedbackSchema } from "@/lib/schemas/feedback";
import { ActionForm, type FormAction } from "../forms/action-form";
import { type Option, SelectField, TextAreaField } from "../forms/fields";
import { ChoiceField } from "./choice-field";

export interface LoggableProject {
  id: string;
  code: string;
  name: string;
  /** The person's letter on it; null when they are not on its team. */
  letter: RaciLetter | null;
  /** Open milestones feedback may be about. */
  milestones: readonly { id: string; title: string }[];
}

// Safety first: it is what must never wait behind the rest.
const KIND_ORDER = ["SAFETY", "CONCERN", "SUGGESTION", "ENDORSEMENT"] as const;
const KIND_OPTIONS: Option[] = KIND_ORDER.filter((k) => FEEDBACK_KINDS.includes(k)).map((k) => ({
  value: k,
  label: FEEDBACK_KIND_LABEL[k],
}));
const SEVERITY_OPTIONS: Option[] = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] }));

export function LogFeedbackForm({
  action,
  projects,
  touch = false,
}: {
  action: FormAction;
  /** One project: the form is for it (a project's tab). Several: the person chooses. */
  projects: readonly LoggableProject[];
  /** Larger controls for a tablet in a ward. */
  touch?: boolean;
}) {
  const only = projects.length === 1 ? projects[0] : undefined;
  // The project is held here because it decides which milestones are offered; the other fields are
  // the form's own (a refused attempt keeps them, a logged one clears them).
  const [projectId, setProjectId] = useState(only?.id ?? "");
  const chosen = projects.find((p) => p.id === projectId);
  const milestones = chosen?.milestones ?? [];
  const projectOptions = projects.map((p) => ({
    value: p.id,
    label: `${p.code} · ${p.name}${p.letter ? " (your project)" : ""}`,
  }));

  return (
    <ActionForm
      action={action}
      schema={logFeedbackSchema}
      hidden={only ? { projectId: only.id } : undefined}
      submitLabel="Log feedback"
      pendingLabel="Logging…"
      refusalTitle="Cannot log this feedback"
      label="Log feedback"
      className={
        touch
          ? "space-y-5 [&_button]:min-h-12 [&_button]:px-6 [&_button]:text-base [&_select]:min-h-12 [&_select]:text-base [&_textarea]:text-base"
          : "space-y-4"
      }
    >
      {only ? null : (
        <SelectField
          name="projectId"
          label="Project"
          hint="Projects you are on come first."
          placeholder="Choose a project"
          options={projectOptions}
          value={projectId}
          onChange={(event) => setProjectId(event.target.value)}
        />
      )}
      <ChoiceField name="kind" legend="Kind" options={KIND_OPTIONS} />
      <ChoiceField
        name="severity"
        legend="Severity"
        hint="Safety feedback is answered within hours when high or critical, other feedback within working days."
        options={SEVERITY_OPTIONS}
      />
      <TextAreaField
        name="body"
        label="What happened, or what you suggest"
        hint="Say where and when, without patient identifiers."
        rows={touch ? 5 : 4}
      />
      {milestones.length > 0 ? (
        <SelectField
          // A new project's milestones start unchosen.
          key={projectId}
          name="milestoneId"
          label="Milestone it is about"
          required={false}
          placeholder="None in particular"
          options={milestones.map((m) => ({ value: m.id, label: m.title }))}
        />
      ) : null}
    </ActionForm>
  );
}
