"use client";
// Proposing a project (createProject): what it is, its plan and budget (the baselines it starts
// from), and who answers for it. Only people the rules accept are offered as Accountable
// (docs/governance-rules.md ACC-1, ACC-2); the server still checks. Once proposed, the form gives
// way to a link to the new project, where its gaps for the approval gate are listed.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { createProjectAction } from "@/app/(app)/portfolio/actions";
import { PROJECT_KIND_LABEL } from "@/lib/domain/labels";
import { PROJECT_KINDS } from "@/lib/domain/vocabulary";
import { createProjectSchema } from "@/lib/schemas/projects";
import { ActionForm, type FormAction } from "../forms/action-form";
import { type Option, SelectField, TextAreaField, TextField } from "../forms/fields";
import { Button, buttonClass } from "../ui/button";

interface Person {
  id: string;
  name: string;
  jobTitle: string | null;
}

export interface ProposeProjectFormProps {
  proposerId: string;
  sites: readonly { id: string; name: string }[];
  accountables: readonly Person[];
  responsibles: readonly Person[];
  proposerBecomesResponsible: boolean;
  proposerMayBeAccountable: boolean;
}

const KIND_OPTIONS: Option[] = PROJECT_KINDS.map((k) => ({ value: k, label: PROJECT_KIND_LABEL[k] }));

const personOption = (p: Person, proposerId: string): Option => ({
  value: p.id,
  label: `${p.name}${p.id === proposerId ? " (you)" : ""}${p.jobTitle ? ` · ${p.jobTitle}` : ""}`,
});

function proposedCode(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("code" in data)) return null;
  return typeof data.code === "string" ? data.code : null;
}

function accountableHint(mayBeSelf: boolean): string {
  const who =
    "The person who answers for the project to the board: an executive, or a colleague the trust has marked SRO-eligible.";
  return mayBeSelf
    ? `${who} As an executive you may name yourself.`
    : `${who} Someone other than the proposer must be accountable, so you are not listed.`;
}

function responsibleHint(becomes: boolean, mayBeSelf: boolean): string {
  if (!becomes) {
    return "Who runs it day to day. Leave it empty if the delivery lead is not known yet: the approval gate needs one.";
  }
  return mayBeSelf
    ? "Who runs it day to day. Leave it empty and you become the Responsible, unless you are also its Accountable."
    : "Who runs it day to day. Leave it empty and you become the Responsible, so that you can keep working on your proposal.";
}

export function ProposeProjectForm(props: ProposeProjectFormProps) {
  const [proposed, setProposed] = useState<string | null>(null);

  const propose: FormAction = async (state, form) => {
    const result = await createProjectAction(state, form);
    if (result.ok) {
      setProposed(proposedCode(result.data));
    }
    return result;
  };

  if (proposed) return <Proposed code={proposed} onAnother={() => setProposed(null)} />;

  return (
    <ActionForm
      action={propose}
      schema={createProjectSchema}
      submitLabel="Propose project"
      pendingLabel="Proposing…"
      refusalTitle="Cannot propose"
      label="Propose a project"
      className="space-y-6"
    >
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">The project</legend>
        {/* Side by side, fields carry hints of one line each so their boxes line up. */}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            name="code"
            label="Code"
            hint="For example DIG-14: it names the project everywhere."
            autoComplete="off"
            spellCheck={false}
          />
          <TextField name="name" label="Name" hint="As people will know it." autoComplete="off" />
        </div>
        <TextAreaField name="summary" label="Summary" hint="What the project will do, in a few lines." />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField name="kind" label="Kind" options={KIND_OPTIONS} placeholder="Choose a kind" />
          <SelectField
            name="siteId"
            label="Site"
            options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
            placeholder="Choose a site"
          />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Plan and budget</legend>
        <p className="text-sm text-slate-600">
          These become the project's baselines: later they move only through an approved rebaseline.
        </p>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <TextField name="startDate" label="Start date" type="date" hint="When the work begins." />
          <TextField name="endDate" label="Planned end date" type="date" hint="When it will be done." />
          <TextField
            name="budget"
            label="Budget (£)"
            inputMode="decimal"
            autoComplete="off"
            hint="In pounds, e.g. 250000."
          />
        </div>
        <TextAreaField
          name="expectedBenefits"
          label="Expected benefits"
          hint="What will be better for patients, staff or the trust, and how you will know."
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Who answers for it</legend>
        {/* One above the other: the hints explain the rules and need the width to be read. */}
        <div className="grid max-w-2xl grid-cols-1 gap-4">
          <SelectField
            name="accountableId"
            label="Accountable"
            hint={accountableHint(props.proposerMayBeAccountable)}
            options={props.accountables.map((p) => personOption(p, props.proposerId))}
            placeholder="Choose who is accountable"
          />
          <SelectField
            name="responsibleId"
            label="Responsible"
            required={false}
            hint={responsibleHint(props.proposerBecomesResponsible, props.proposerMayBeAccountable)}
            options={props.responsibles.map((p) => personOption(p, props.proposerId))}
            placeholder={
              props.proposerBecomesResponsible
                ? props.proposerMayBeAccountable
                  ? "Me, unless I am also the Accountable"
                  : "Me"
                : "Nobody yet"
            }
          />
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** The outcome, focused so that it is read out, with the obvious next step. */
function Proposed({ code, onAnother }: { code: string; onAnother: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div
      ref={panel}
      role="status"
      tabIndex={-1}
      className="rounded-md bg-green-50 p-4 text-sm text-green-900 ring-1 ring-green-200 focus:outline-none"
    >
      <p className="font-semibold">{code} proposed.</p>
      <p className="mt-1">
        It is in the portfolio as Proposed. Before it can be approved it needs an objective it serves, a
        Responsible, a metric with a baseline and a target, and for clinical, digital and mixed projects a
        clinical champion: its overview lists what is missing.
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link href={`/projects/${encodeURIComponent(code)}`} className={buttonClass("primary")}>
          Open {code}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          Propose another project
        </Button>
      </div>
    </div>
  );
}
