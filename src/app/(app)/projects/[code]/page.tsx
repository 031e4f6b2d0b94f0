import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ScheduleCell } from "@/components/projects/schedule-cell";
import { Badge, RagBadge, StageBadge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "@/components/ui/format";
import {
  CADENCE_LABEL,
  CATEGORY_LABEL,
  CONTRIBUTION_LABEL,
  DISCIPLINE_LABEL,
  FEEDBACK_KIND_LABEL,
  FEEDBACK_STATUS_LABEL,
  MILESTONE_HEALTH_LABEL,
  MILESTONE_STATUS_LABEL,
  PROJECT_KIND_LABEL,
  RACI_LABEL,
  RAG_LABEL,
  RISK_STATUS_LABEL,
  ROLE_LABEL,
  SEVERITY_LABEL,
} from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import type { MilestoneHealth } from "@/lib/domain/milestones";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { getProjectOverview } from "@/lib/server/project-overview";

const MILESTONE_HEALTH_TONE: Record<MilestoneHealth, Tone> = {
  OVERDUE: "red",
  AT_RISK: "amber",
  DONE_LATE: "amber",
  DUE_SOON: "neutral",
  ON_TRACK: "green",
  DONE_ON_TIME: "green",
  CANCELLED: "neutral",
};

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
          <Fact label="End: forecast vs baseline">
            <ScheduleCell
              forecastDate={project.forecastEndDate}
              baselineDate={project.baselineEndDate}
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
          <Table caption="Objectives this project serves">
            <thead>
              <tr>
                <Th>Objective</Th>
                <Th>Category</Th>
                <Th>Contribution</Th>
                <Th>Rationale</Th>
              </tr>
            </thead>
            <TBody>
              {project.alignments.map((a) => (
                <tr key={a.objectiveCode}>
                  <Td>
                    <span className="font-medium">{a.objectiveCode}</span> {a.objectiveTitle}
                  </Td>
                  <Td>{CATEGORY_LABEL[a.category]}</Td>
                  <Td>{CONTRIBUTION_LABEL[a.contribution]}</Td>
                  <Td className="max-w-xl">{a.rationale}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section id="raci" title="RACI">
        {project.raci.length === 0 ? (
          <EmptyState title="No one is assigned yet">
            Every project needs one Accountable and at least one Responsible before it can be approved.
          </EmptyState>
        ) : (
          <Table caption="Who is Responsible, Accountable, Consulted and Informed">
            <thead>
              <tr>
                <Th>Letter</Th>
                <Th>Person</Th>
                <Th>Role</Th>
                <Th>Discipline</Th>
              </tr>
            </thead>
            <TBody>
              {project.raci.map((r) => (
                <tr key={r.user.id}>
                  <Td className="whitespace-nowrap">
                    <span className="font-semibold">{r.letter}</span>{" "}
                    <span className="text-slate-600">{RACI_LABEL[r.letter]}</span>
                  </Td>
                  <Td className="font-medium">{r.user.name}</Td>
                  <Td>{ROLE_LABEL[r.user.role]}</Td>
                  <Td>{DISCIPLINE_LABEL[r.user.discipline]}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
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
          <Table caption="Milestones by baseline date">
            <thead>
              <tr>
                <Th>Milestone</Th>
                <Th>Owner</Th>
                <Th>Baseline</Th>
                <Th>Forecast</Th>
                <Th>Actual</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <TBody>
              {project.milestones.map((m) => (
                <tr key={m.id}>
                  <Td>
                    {m.title}
                    {m.isGate ? (
                      <span className="ml-2">
                        <Badge tone="info">Stage gate</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {m.ownerName ?? <span className="text-slate-500">—</span>}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(m.baselineDate)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(m.forecastDate)}</Td>
                  <Td className="whitespace-nowrap">
                    {m.actualDate ? formatDate(m.actualDate) : <span className="text-slate-500">—</span>}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone={MILESTONE_HEALTH_TONE[m.health]}>{MILESTONE_HEALTH_LABEL[m.health]}</Badge>
                      {m.status === "IN_PROGRESS" ? (
                        <span className="text-xs text-slate-500">{MILESTONE_STATUS_LABEL[m.status]}</span>
                      ) : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
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
          <Table caption="Project metrics with their latest value">
            <thead>
              <tr>
                <Th>Metric</Th>
                <Th>Objective</Th>
                <Th align="right">Baseline</Th>
                <Th align="right">Target</Th>
                <Th>Latest value</Th>
              </tr>
            </thead>
            <TBody>
              {project.metrics.map((m) => (
                <tr key={m.id}>
                  <Td>
                    {m.name}
                    <span className="block text-xs text-slate-500">
                      {m.unit} · {m.direction === "HIGHER_IS_BETTER" ? "higher is better" : "lower is better"}{" "}
                      · {CADENCE_LABEL[m.cadence].toLowerCase()}
                    </span>
                  </Td>
                  <Td>{m.objectiveCode}</Td>
                  <Td align="right">{formatNumber(m.baselineValue)}</Td>
                  <Td align="right">
                    {formatNumber(m.targetValue)}
                    <span className="block text-xs text-slate-500">by {formatDate(m.targetDate)}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {m.latest ? (
                      <>
                        <span className="flex items-center gap-2">
                          <span className="tabular-nums">{formatNumber(m.latest.value)}</span>
                          <RagBadge rag={m.latest.rag} />
                        </span>
                        <span className="block text-xs text-slate-500">
                          Period from {formatDate(m.latest.periodStart)}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-500">No values yet</span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section id="feedback" title="Open feedback">
        {project.openFeedback.length === 0 ? (
          <EmptyState title="No open feedback on this project" />
        ) : (
          <Table caption="Open feedback, earliest due first">
            <thead>
              <tr>
                <Th>Kind</Th>
                <Th>Feedback</Th>
                <Th>From</Th>
                <Th>Status</Th>
                <Th>Answer due</Th>
              </tr>
            </thead>
            <TBody>
              {project.openFeedback.map((f) => (
                <tr key={f.id}>
                  <Td className="whitespace-nowrap">
                    <Badge tone={f.kind === "SAFETY" ? "red" : "neutral"}>
                      {FEEDBACK_KIND_LABEL[f.kind]}
                    </Badge>
                    <span className="block text-xs text-slate-500">
                      {SEVERITY_LABEL[f.severity]} severity
                    </span>
                  </Td>
                  <Td className="max-w-xl">
                    {f.body}
                    {f.responseText ? (
                      <span className="mt-1 block border-l-2 border-teal-600 pl-2 text-slate-600">
                        {f.responseText}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{f.authorName}</Td>
                  <Td>
                    <Badge>{FEEDBACK_STATUS_LABEL[f.status]}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(f.dueAt, clock.timeZone)}
                    {f.overdue ? (
                      <span className="mt-1 block">
                        <Badge tone="red">Overdue</Badge>
                      </span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section id="risks" title="Risks" description="Scored likelihood × impact, each from 1 to 5.">
        {project.risks.length === 0 ? (
          <EmptyState title="No risks recorded" />
        ) : (
          <Table caption="Risks, open and most severe first">
            <thead>
              <tr>
                <Th>Risk</Th>
                <Th align="right">Likelihood</Th>
                <Th align="right">Impact</Th>
                <Th>Score</Th>
                <Th>Mitigation</Th>
                <Th>Owner</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <TBody>
              {project.risks.map((r) => (
                <tr key={r.id}>
                  <Td className="font-medium">{r.title}</Td>
                  <Td align="right">{r.likelihood}</Td>
                  <Td align="right">{r.impact}</Td>
                  <Td>
                    <RagBadge rag={r.rag}>
                      {r.score} · {RAG_LABEL[r.rag]}
                    </RagBadge>
                  </Td>
                  <Td className="max-w-md">
                    {r.mitigation ?? <span className="text-slate-500">None recorded</span>}
                  </Td>
                  <Td className="whitespace-nowrap">{r.ownerName}</Td>
                  <Td>
                    <Badge>{RISK_STATUS_LABEL[r.status]}</Badge>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
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
