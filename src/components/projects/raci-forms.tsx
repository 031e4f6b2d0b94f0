"use client";
// The RACI editor's forms (raci.manage). Every change names the letter the page showed for the
// person ("NONE" for someone without one), so a change someone made meanwhile is refused rather
// than overwritten (docs/governance-rules.md rule 8). The A changes hands only by a hand-over, so a
// project never has zero or two (rule 2); R, C and I are given, changed and taken away here.
import {
  assignRaciAction,
  handOverAccountableAction,
  removeRaciAction,
} from "@/app/(app)/projects/[code]/actions";
import { DISCIPLINE_LABEL, RACI_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import type { Discipline, RaciLetter, Role } from "@/lib/domain/vocabulary";
import { assignRaciSchema, handOverAccountableSchema, removeRaciSchema } from "@/lib/schemas/raci";
import { ActionForm } from "../forms/action-form";
import { type Option, SelectField } from "../forms/fields";
import { Disclosure } from "../ui/disclosure";

interface PersonOption {
  id: string;
  name: string;
  jobTitle: string | null;
  role: Role;
  discipline: Discipline;
  mayBeResponsible: boolean;
}

const GIVEN: readonly ("R" | "C" | "I")[] = ["R", "C", "I"];

const letterOption = (letter: RaciLetter): Option => ({
  value: letter,
  label: `${letter}: ${RACI_LABEL[letter]}`,
});

/** "Dr Amara Nwosu: Consultant Geriatrician (Clinical champion, Clinical)". */
function personLabel(p: PersonOption): string {
  const what = `${ROLE_LABEL[p.role]}, ${DISCIPLINE_LABEL[p.discipline]}`;
  return p.jobTitle ? `${p.name}: ${p.jobTitle} (${what})` : `${p.name} (${what})`;
}

export function AssignLetterForm({
  projectId,
  people,
  teamSize,
}: {
  projectId: string;
  /** Active people without a letter on the project. */
  people: readonly PersonOption[];
  /** Changes with every assignment, so the form starts fresh once the page reloads. */
  teamSize: number;
}) {
  return (
    <ActionForm
      key={teamSize}
      action={assignRaciAction}
      schema={assignRaciSchema}
      hidden={{ projectId, currentLetter: "NONE" }}
      submitLabel="Add to the team"
      pendingLabel="Adding…"
      refusalTitle="Cannot add"
      label="Give someone a letter on this project"
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[2fr_1fr]">
        <SelectField
          name="userId"
          label="Person"
          placeholder="Choose a person"
          hint="Active people without a letter on this project."
          options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
        />
        <SelectField
          name="letter"
          label="Letter"
          placeholder="Choose R, C or I"
          hint="Viewers may be C or I, not R."
          options={GIVEN.map(letterOption)}
        />
      </div>
    </ActionForm>
  );
}

export function ChangeLetterForm({
  projectId,
  userId,
  name,
  currentLetter,
}: {
  projectId: string;
  userId: string;
  name: string;
  currentLetter: "R" | "C" | "I";
}) {
  return (
    <Disclosure summary="Change letter">
      <ActionForm
        key={currentLetter}
        action={assignRaciAction}
        schema={assignRaciSchema}
        hidden={{ projectId, userId, currentLetter }}
        submitLabel="Change letter"
        refusalTitle="Cannot change"
        label={`Change ${name}'s letter`}
      >
        <SelectField
          name="letter"
          label={`New letter for ${name}`}
          placeholder="Choose a letter"
          options={GIVEN.filter((l) => l !== currentLetter).map(letterOption)}
        />
      </ActionForm>
    </Disclosure>
  );
}

export function RemoveLetterForm({
  projectId,
  userId,
  name,
  currentLetter,
}: {
  projectId: string;
  userId: string;
  name: string;
  currentLetter: "R" | "C" | "I";
}) {
  return (
    <Disclosure summary="Remove">
      <ActionForm
        key={currentLetter}
        action={removeRaciAction}
        schema={removeRaciSchema}
        hidden={{ projectId, userId, currentLetter }}
        submitLabel={`Remove ${name}`}
        pendingLabel="Removing…"
        submitVariant="danger"
        refusalTitle="Cannot remove"
        label={`Remove ${name} from the team`}
      >
        <p className="text-sm text-slate-700">
          {name} stops being {RACI_LABEL[currentLetter]} on this project.
        </p>
      </ActionForm>
    </Disclosure>
  );
}

export function HandOverAccountableForm({
  projectId,
  currentAccountable,
  candidates,
}: {
  projectId: string;
  currentAccountable: { id: string; name: string } | null;
  /** Active executives and SRO-eligible colleagues, the current A left out (ACC-1). */
  candidates: readonly PersonOption[];
}) {
  return (
    <Disclosure summary="Hand over the Accountable">
      <ActionForm
        key={currentAccountable?.id ?? "NONE"}
        action={handOverAccountableAction}
        schema={handOverAccountableSchema}
        hidden={{ projectId, currentAccountableId: currentAccountable?.id ?? "NONE" }}
        submitLabel="Hand over"
        pendingLabel="Handing over…"
        refusalTitle="Cannot hand over"
        label="Hand over the Accountable"
      >
        <SelectField
          name="toUserId"
          label="New Accountable"
          placeholder="Choose an executive or SRO-eligible colleague"
          hint="Only executives and colleagues the trust has marked SRO-eligible can be Accountable."
          options={candidates.map((p) => ({ value: p.id, label: personLabel(p) }))}
        />
        {currentAccountable ? (
          <SelectField
            name="previousHolderBecomes"
            label={`${currentAccountable.name} then becomes`}
            defaultValue="I"
            options={[...GIVEN.map(letterOption), { value: "NONE", label: "No longer on the team" }]}
          />
        ) : null}
      </ActionForm>
    </Disclosure>
  );
}
