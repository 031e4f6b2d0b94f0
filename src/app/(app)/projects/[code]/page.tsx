import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABEL, CONTRIBUTION_LABEL } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import { getProjectOverview } from "@/lib/server/project-overview";
import { parseProjectCode, requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: parseProjectCode((await params).code) ?? "Project" };
}

export default async function ProjectPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();

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

      <Section id="alignment" title="Strategic alignment">
        {project.alignments.length === 0 ? (
          <EmptyState title="Not aligned to any objective">
            This project is delivery without vision until it is linked to a strategic objective.
          </EmptyState>
        ) : (
          <Table
            caption="Objectives this project serves"
            rows={project.alignments}
            rowKey={(a) => a.objectiveCode}
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
            ]}
          />
        )}
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
