import { notFound } from "next/navigation";
import {
  AssignLetterForm,
  ChangeLetterForm,
  HandOverAccountableForm,
  RemoveLetterForm,
} from "@/components/projects/raci-forms";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { DISCIPLINE_LABEL, PROJECT_KIND_LABEL, RACI_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { isFinalStage } from "@/lib/domain/stage-gates";
import type { RaciLetter } from "@/lib/domain/vocabulary";
import { requireProjectPage } from "@/lib/server/project-page";
import { getProjectTeam } from "@/lib/server/project-team";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Team" };

const LETTERS: readonly RaciLetter[] = ["R", "A", "C", "I"];

export default async function ProjectTeamPage({ params }: Props) {
  const { projectId, may } = await requireProjectPage((await params).code);
  const team = await getProjectTeam(projectId);
  if (!team) notFound();
  // A finished project's team is history; the RACI operations refuse nothing there, but nothing is left to staff.
  const mayManage = may["raci.manage"] && !isFinalStage(team.stage);
  const accountable = team.members.find((m) => m.letter === "A") ?? null;
  type Member = (typeof team.members)[number];

  return (
    <>
      <Section
        id="raci"
        title="RACI"
        description="Who is Responsible for the work, Accountable for the outcome, Consulted and Informed."
      >
        <Invariants team={team} />
        {team.members.length === 0 ? (
          <EmptyState title="No one is assigned yet">
            Every project needs one Accountable and at least one Responsible before it can be approved.
          </EmptyState>
        ) : (
          <Table
            caption="The project's people and the RACI letter each holds"
            rows={team.members}
            rowKey={(m) => m.userId}
            columns={[
              {
                header: "Person",
                cell: (m: Member) => (
                  <>
                    <span className="font-medium">{m.name}</span>
                    <span className="block text-xs text-slate-600">
                      {m.jobTitle ? `${m.jobTitle} · ` : ""}
                      {ROLE_LABEL[m.role]} · {DISCIPLINE_LABEL[m.discipline]}
                    </span>
                    {m.active ? null : <Badge tone="red">Deactivated</Badge>}
                    {m.isClinicalChampion ? <Badge tone="info">Counts as clinical champion</Badge> : null}
                  </>
                ),
              },
              ...LETTERS.map((letter) => ({
                header: letter,
                headerClassName: "text-center w-12",
                className: "text-center",
                cell: (m: Member) =>
                  m.letter === letter ? (
                    <span className="font-semibold text-slate-900">
                      {letter}
                      <span className="sr-only"> {RACI_LABEL[letter]}</span>
                    </span>
                  ) : (
                    <span className="sr-only">No</span>
                  ),
              })),
              ...(mayManage
                ? [
                    {
                      header: "Change",
                      cell: (m: Member) =>
                        m.letter === "A" ? (
                          <span className="text-xs text-slate-600">Hand over below</span>
                        ) : (
                          <div className="flex flex-col gap-2">
                            <ChangeLetterForm
                              projectId={team.projectId}
                              userId={m.userId}
                              name={m.name}
                              currentLetter={m.letter}
                            />
                            <RemoveLetterForm
                              projectId={team.projectId}
                              userId={m.userId}
                              name={m.name}
                              currentLetter={m.letter}
                            />
                          </div>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        <p className="mt-2 text-xs text-slate-600">
          R Responsible · A Accountable · C Consulted · I Informed.
        </p>
      </Section>

      {mayManage ? (
        <Section id="raci-edit" title="Change the team">
          <div className="space-y-4">
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h3 className="mb-3 text-base font-semibold text-slate-900">Add someone</h3>
              {team.others.length === 0 ? (
                <p className="text-sm text-slate-600">Every active person already holds a letter here.</p>
              ) : (
                <AssignLetterForm
                  projectId={team.projectId}
                  people={team.others}
                  teamSize={team.members.length}
                />
              )}
            </div>
            <HandOverAccountableForm
              projectId={team.projectId}
              currentAccountable={accountable ? { id: accountable.userId, name: accountable.name } : null}
              candidates={team.accountableCandidates}
            />
          </div>
        </Section>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          The project's Accountable, the portfolio office or an administrator changes the team.
        </p>
      )}
    </>
  );
}

function Invariants({ team }: { team: NonNullable<Awaited<ReturnType<typeof getProjectTeam>>> }) {
  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <h3 className="font-semibold text-slate-900">What every team needs</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
        <li>
          Exactly one Accountable (A), an active executive or a colleague the trust has marked SRO-eligible.
          The A changes only by handing it over.
        </li>
        <li>At least one Responsible (R) doing the work; a viewer cannot be R.</li>
        {team.needsClinicalChampion ? (
          <li>
            A clinical champion, because this is a {PROJECT_KIND_LABEL[team.kind].toLowerCase()} project: an
            active clinical colleague holding R or C who can act on the work (not a viewer). Informed does not
            count, and neither does the Accountable.
          </li>
        ) : null}
      </ul>
      {team.gaps.length === 0 ? (
        <p className="mt-3 text-green-800">
          <span aria-hidden="true">✓ </span>The team meets these now.
        </p>
      ) : (
        <div className="mt-3">
          <p className="font-medium text-red-800">The team falls short:</p>
          <ul className="mt-1 space-y-1">
            {team.gaps.map((gap) => (
              <li key={gap} className="flex gap-2 text-slate-800">
                <span aria-hidden="true" className="font-bold text-red-700">
                  ✗
                </span>
                <span>
                  <span className="sr-only">Gap: </span>
                  {gap}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
