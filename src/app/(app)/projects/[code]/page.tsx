import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { openFeedbackColumns } from "@/components/feedback/feedback-columns";
import {
  milestoneBaselineColumn,
  milestoneForecastColumn,
  milestoneTitleColumn,
} from "@/components/milestones/milestone-columns";
import { MilestoneHealthBadge } from "@/components/milestones/milestone-health-badge";
import { MetricStatusBadge } from "@/components/projects/metric-status-badge";
import { RaciRole } from "@/components/projects/raci-role";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { Badge, RagBadge, StageBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import {
  CADENCE_LABEL,
  CATEGORY_LABEL,
  CONTRIBUTION_LABEL,
  DISCIPLINE_LABEL,
  MILESTONE_STATUS_LABEL,
  PROJECT_KIND_LABEL,
  RAG_LABEL,
  RISK_STATUS_LABEL,
  ROLE_LABEL,
} from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { getProjectOverview } from "@/lib/server/project-overview";

interface Props {
  params: Promise<{ code: string }>;
}

// Codes are short identifiers; anything else cannot be a project and is not worth a query.
const codeSchema = z.string().trim().min(1).max(40);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const parsed = codeSchema.safeParse(code);
  return { title: parsed.success ? parsed.data : "Project" };
}

export default async function ProjectPage({ params }: Props) {
  await requirePageActor("project");
  const parsed = codeSchema.safeParse((await params).code);
  if (!parsed.success) notFound();
  const clock = await getClock();
  const project = await getProjectOverview(parsed.data, clock);
  if (!project) notFound();

  return (
    <>
      <PageHeader title={`${project.code} · ${project.name}`} description={project.summary}>
        <div className="flex flex-wrap items-center gap-2">
          <StageBadge stage={project.stage} />
          <Badge>{PROJECT_KIND_LABEL[project.kind]}</Badge>
          <Badge>{project.site.name}</Badge>
        </div>
      </PageHeader>

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

      <Section id="raci" title="RACI">
        {project.raci.length === 0 ? (
          <EmptyState title="No one is assigned yet">
            Every project needs one Accountable and at least one Responsible before it can be approved.
          </EmptyState>
        ) : (
          <Table
            caption="Who is Responsible, Accountable, Consulted and Informed"
            rows={project.raci}
            rowKey={(r) => r.user.id}
            columns={[
              {
                header: "Letter",
                className: "whitespace-nowrap",
                cell: (r) => <RaciRole letter={r.letter} />,
              },
              { header: "Person", className: "font-medium", cell: (r) => r.user.name },
              { header: "Role", cell: (r) => ROLE_LABEL[r.user.role] },
              { header: "Discipline", cell: (r) => DISCIPLINE_LABEL[r.user.discipline] },
            ]}
          />
        )}
      </Section>

      <Section
        id="milestones"
        title="Milestones"
        description="A forecast later than the baseline puts a milestone at risk; one past its forecast date and not done is overdue."
      >
        {project.milestones.length === 0 ? (
          <EmptyState title="No milestones yet" />
        ) : (
          <Table
            caption="Milestones by baseline date"
            rows={project.milestones}
            rowKey={(m) => m.id}
            columns={[
              milestoneTitleColumn,
              {
                header: "Owner",
                className: "whitespace-nowrap",
                cell: (m) => m.ownerName ?? <span className="text-slate-500">—</span>,
              },
              milestoneBaselineColumn,
              milestoneForecastColumn,
              {
                header: "Actual",
                className: "whitespace-nowrap",
                cell: (m) =>
                  m.actualDate ? formatDate(m.actualDate) : <span className="text-slate-500">—</span>,
              },
              {
                header: "Status",
                cell: (m) => (
                  <div className="flex flex-wrap items-center gap-2">
                    <MilestoneHealthBadge health={m.health} />
                    {m.status === "IN_PROGRESS" ? (
                      <span className="text-xs text-slate-500">{MILESTONE_STATUS_LABEL[m.status]}</span>
                    ) : null}
                  </div>
                ),
              },
            ]}
          />
        )}
      </Section>

      <Section
        id="metrics"
        title="Metrics"
        description="The measures that will show whether this project worked."
      >
        {project.metrics.length === 0 ? (
          <EmptyState title="No metrics yet">
            A project needs at least one metric with a baseline and a target before it can be approved.
          </EmptyState>
        ) : (
          <Table
            caption="Project metrics with their latest value"
            rows={project.metrics}
            rowKey={(m) => m.id}
            columns={[
              {
                header: "Metric",
                cell: (m) => (
                  <>
                    {m.name}
                    <span className="block text-xs text-slate-500">
                      {m.unit} · {m.direction === "HIGHER_IS_BETTER" ? "higher is better" : "lower is better"}{" "}
                      · {CADENCE_LABEL[m.cadence].toLowerCase()}
                    </span>
                  </>
                ),
              },
              { header: "Objective", cell: (m) => m.objectiveCode },
              { header: "Baseline", align: "right", cell: (m) => formatNumber(m.baselineValue) },
              {
                header: "Target",
                align: "right",
                cell: (m) => (
                  <>
                    {formatNumber(m.targetValue)}
                    <span className="block text-xs text-slate-500">by {formatDate(m.targetDate)}</span>
                  </>
                ),
              },
              {
                header: "Latest value",
                className: "whitespace-nowrap",
                cell: (m) => (
                  <>
                    <span className="flex items-center gap-2">
                      {m.latest ? <span className="tabular-nums">{formatNumber(m.latest.value)}</span> : null}
                      <MetricStatusBadge status={m.status} />
                    </span>
                    {m.latest ? (
                      <span className="block text-xs text-slate-500">
                        Period from {formatDate(m.latest.periodStart)}
                      </span>
                    ) : null}
                    {m.provisional ? (
                      <span className="block text-xs text-slate-500">
                        Provisional: {formatNumber(m.provisional.value)} for the period from{" "}
                        {formatDate(m.provisional.periodStart)}
                      </span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        )}
      </Section>

      <Section id="feedback" title="Open feedback">
        {project.openFeedback.length === 0 ? (
          <EmptyState title="No open feedback on this project" />
        ) : (
          <Table
            caption="Open feedback, earliest due first"
            rows={project.openFeedback}
            rowKey={(f) => f.id}
            columns={[...openFeedbackColumns(clock.timeZone)]}
          />
        )}
      </Section>

      <Section id="risks" title="Risks" description="Scored likelihood × impact, each from 1 to 5.">
        {project.risks.length === 0 ? (
          <EmptyState title="No risks recorded" />
        ) : (
          <Table
            caption="Risks, open and most severe first"
            rows={project.risks}
            rowKey={(r) => r.id}
            columns={[
              { header: "Risk", className: "font-medium", cell: (r) => r.title },
              { header: "Likelihood", align: "right", cell: (r) => r.likelihood },
              { header: "Impact", align: "right", cell: (r) => r.impact },
              {
                header: "Score",
                cell: (r) => (
                  <RagBadge rag={r.rag}>
                    {r.score} · {RAG_LABEL[r.rag]}
                  </RagBadge>
                ),
              },
              {
                header: "Mitigation",
                className: "max-w-md",
                cell: (r) => r.mitigation ?? <span className="text-slate-500">None recorded</span>,
              },
              { header: "Owner", className: "whitespace-nowrap", cell: (r) => r.ownerName },
              { header: "Status", cell: (r) => <Badge>{RISK_STATUS_LABEL[r.status]}</Badge> },
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
