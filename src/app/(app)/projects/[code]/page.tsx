import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddAlignmentForm, RemoveAlignmentForm } from "@/components/projects/alignment-forms";
import { ProjectDetailsForm } from "@/components/projects/project-details-form";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { StagePanel } from "@/components/projects/stage-panel";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { isPastProposal } from "@/lib/domain/alignment-links";
import { CATEGORY_LABEL, CONTRIBUTION_LABEL } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import { isFinalStage } from "@/lib/domain/stage-gates";
import { getProjectOverview } from "@/lib/server/project-overview";
import { parseProjectCode, requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: parseProjectCode((await params).code) ?? "Project" };
}

export default async function ProjectPage({ params }: Props) {
  const { actor, clock, code, projectId, letter, may } = await requireProjectPage((await params).code);
  const overview = await getProjectOverview(projectId, clock, { id: actor.id, letter });
  if (!overview) notFound();
  const { facts: project, stage, details } = overview;
  // Closed and cancelled projects are history: no editor is offered (the rules refuse them anyway).
  const live = !isFinalStage(details.stage);
  const mayEdit = may["project.edit"] && live;
  const mayAlign = may["alignment.manage"] && live;

  return (
    <>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="sr-only">
          Key facts
        </h2>
        <dl className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Baseline budget">{formatMoney(project.baselineBudget)}</Fact>
          <Fact label="Spent to date">
            {formatMoney(project.spentToDate)}
            {project.baselineBudget > 0 ? (
              <span className="block text-xs text-slate-500">
                {Math.round((project.spentToDate / project.baselineBudget) * 100)}% of baseline
              </span>
            ) : null}
          </Fact>
          <Fact label="Start">{formatDate(project.startDate)}</Fact>
          <Fact label={project.actualEndDate ? "End: actual vs baseline" : "End: forecast vs baseline"}>
            <ScheduleCell
              forecastDate={project.forecastEndDate}
              baselineDate={project.baselineEndDate}
              actualDate={project.actualEndDate}
              slipDays={project.slipDays}
              rag={project.scheduleRag}
            />
          </Fact>
          <Fact label="In this stage since">{formatDateTime(project.stageChangedAt, clock.timeZone)}</Fact>
          <Fact label="Expected benefits" className="sm:col-span-2 lg:col-span-3">
            {project.expectedBenefits}
          </Fact>
        </dl>
      </section>

      {mayEdit ? (
        <div className="mt-3">
          <Disclosure summary="Edit details">
            <ProjectDetailsForm
              projectId={details.projectId}
              version={details.version}
              name={details.name}
              summary={details.summary}
              kind={details.kind}
              siteId={details.siteId}
              expectedBenefits={details.expectedBenefits}
              forecastEndDate={details.forecastEndDate}
              sites={details.sites}
              kindFixed={isPastProposal(details.stage)}
            />
          </Disclosure>
        </div>
      ) : null}

      <Section
        id="stage"
        title="Stage and gates"
        description="A project moves forward through gates that an executive decides; the gate check says what is still missing."
      >
        <StagePanel
          code={code}
          timeZone={clock.timeZone}
          stageChangedAt={project.stageChangedAt}
          view={stage}
          may={{
            request: may["stageGate.request"],
            decide: may["stageGate.decide"],
            changeStage: may["project.changeStage"],
          }}
        />
      </Section>

      <Section id="alignment" title="Strategic alignment">
        {details.alignments.length === 0 ? (
          <EmptyState title="Not aligned to any objective">
            This project is delivery without vision until it is linked to a strategic objective.
            {mayAlign
              ? " Align it to the objective it serves below."
              : " Its team or the portfolio office aligns it."}
          </EmptyState>
        ) : (
          <Table
            caption="Objectives this project serves"
            rows={details.alignments}
            rowKey={(a) => a.objectiveId}
            columns={[
              {
                header: "Objective",
                cell: (a) => (
                  <>
                    <span className="font-medium">{a.objectiveCode}</span> {a.objectiveTitle}
                  </>
                ),
              },
              { header: "Category", cell: (a) => CATEGORY_LABEL[a.category] },
              { header: "Contribution", cell: (a) => CONTRIBUTION_LABEL[a.contribution] },
              { header: "Rationale", className: "max-w-xl", cell: (a) => a.rationale },
              ...(mayAlign
                ? [
                    {
                      header: "Change",
                      cell: (a: (typeof details.alignments)[number]) => (
                        <RemoveAlignmentForm
                          projectId={details.projectId}
                          objectiveId={a.objectiveId}
                          objectiveCode={a.objectiveCode}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {mayAlign ? (
          <div className="mt-3">
            {details.objectiveChoices.length === 0 ? (
              <p className="text-sm text-slate-600">
                The project is aligned to every active objective there is.
              </p>
            ) : (
              <AddAlignmentForm
                projectId={details.projectId}
                objectives={details.objectiveChoices}
                hasPrimary={details.alignments.some((a) => a.contribution === "PRIMARY")}
              />
            )}
          </div>
        ) : null}
      </Section>
    </>
  );
}

function Fact({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
