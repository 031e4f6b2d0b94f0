import Link from "next/link";
import { notFound } from "next/navigation";
import { CorrectValueForm } from "@/components/metrics/correct-value-form";
import { MetricDefinitionForm } from "@/components/metrics/metric-definition-form";
import { MetricFacts } from "@/components/metrics/metric-facts";
import { MetricSpc, MetricSpcSummaries } from "@/components/metrics/metric-spc";
import { periodLabel } from "@/components/metrics/period-label";
import { RecordValueForm } from "@/components/metrics/record-value-form";
import { MetricStatusBadge } from "@/components/projects/metric-status-badge";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { getProjectMetrics, type MetricValueRow, type ProjectMetric } from "@/lib/server/project-metrics";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Metrics" };

export default async function ProjectMetricsPage({ params }: Props) {
  const { clock, projectId, may } = await requireProjectPage((await params).code);
  const project = await getProjectMetrics(projectId, clock);
  if (!project) notFound();
  // A closed project's benefits go on being measured; a cancelled one takes nothing
  // (domain/closed-projects.ts). Definitions change only while the project is open.
  const canRecord = may["metricValue.record"] && project.stage !== "CANCELLED";
  const canDefine = may["metric.define"] && project.stage !== "CLOSED" && project.stage !== "CANCELLED";

  return (
    <Section
      id="metrics"
      title="Metrics"
      description="The measures that will show whether this project worked, with their recent values."
    >
      {canDefine ? (
        <div className="mb-6">
          {project.alignedObjectives.length === 0 ? (
            <p className="text-sm text-slate-600">
              To define a metric, first align the project to an objective: a metric feeds an objective the
              project serves.
            </p>
          ) : (
            <Disclosure summary="Define a metric">
              <MetricDefinitionForm
                projectId={project.projectId}
                objectives={project.alignedObjectives}
                people={project.people}
              />
            </Disclosure>
          )}
        </div>
      ) : null}
      {project.metrics.length === 0 ? (
        <EmptyState title="No metrics yet">
          A project needs at least one metric with a baseline and a target before it can be approved.
          {canDefine ? " Define one above." : " Its project team defines them."}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {project.metrics.map((metric) => (
            <MetricCard
              key={metric.id}
              metric={metric}
              timeZone={clock.timeZone}
              canRecord={canRecord}
              canDefine={canDefine}
              objectives={project.alignedObjectives}
              people={project.people}
            />
          ))}
        </div>
      )}
    </Section>
  );
}

function MetricCard({
  metric,
  timeZone,
  canRecord,
  canDefine,
  objectives,
  people,
}: {
  metric: ProjectMetric;
  timeZone: string;
  canRecord: boolean;
  canDefine: boolean;
  objectives: { id: string; code: string; title: string }[];
  people: { id: string; name: string }[];
}) {
  const headingId = `metric-${metric.id}`;
  const period = (start: string) => periodLabel(metric.cadence, start);
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="text-base font-semibold text-slate-900">
            {metric.name}
          </h3>
          <p className="text-sm text-slate-600">
            Feeds{" "}
            <Link
              href={`/objectives/${metric.objective.code}`}
              className="font-medium text-teal-800 underline"
            >
              {metric.objective.code}
            </Link>{" "}
            {metric.objective.title}
          </p>
        </div>
        <div className="text-right text-sm">
          <MetricStatusBadge status={metric.status} />
          <MetricSpcSummaries spc={metric.spc} />
          <p className="mt-1 text-slate-600">
            {metric.latest
              ? `Latest: ${formatNumber(metric.latest.value)} ${metric.unit} (${period(metric.latest.periodStart)})`
              : "No final value yet"}
          </p>
        </div>
      </div>
      {metric.description ? <p className="mt-2 text-sm text-slate-700">{metric.description}</p> : null}
      <div className="mt-4">
        <MetricFacts metric={metric} />
      </div>

      {canRecord || canDefine ? (
        <div className="mt-4 flex flex-col gap-3">
          {canRecord ? (
            metric.openPeriods.length > 0 ? (
              <Disclosure summary="Record a value">
                <RecordValueForm
                  metricId={metric.id}
                  metricName={metric.name}
                  unit={metric.unit}
                  cadence={metric.cadence}
                  openPeriods={metric.openPeriods}
                />
              </Disclosure>
            ) : (
              <p className="text-sm text-slate-600">
                Every period up to now has a value; the next can be recorded once its period begins. Correct a
                value above if it is wrong.
              </p>
            )
          ) : null}
          {canDefine ? (
            <Disclosure summary="Edit metric">
              <MetricDefinitionForm
                key={metric.version}
                metric={metric}
                objectives={objectives}
                people={people}
                cadenceLocked={metric.hasValues}
              />
            </Disclosure>
          ) : null}
        </div>
      ) : null}

      <div className="mt-4">
        {metric.values.length === 0 ? (
          <EmptyState title="No values recorded yet">
            {canRecord ? "Record the first value below." : "Its project team records them."}
          </EmptyState>
        ) : (
          <>
            <MetricSpc
              name={metric.name}
              unit={metric.unit}
              cadence={metric.cadence}
              target={metric.targetValue}
              spc={metric.spc}
            />
            <ValuesTable
              caption={`Recent values of ${metric.name}, newest first`}
              metric={metric}
              rows={metric.values}
              timeZone={timeZone}
              canRecord={canRecord}
            />
            {metric.earlierValues.length > 0 ? (
              <div className="mt-3">
                <Disclosure summary={`Earlier values (${metric.earlierValues.length})`}>
                  <ValuesTable
                    caption={`Earlier values of ${metric.name}, newest first`}
                    metric={metric}
                    rows={metric.earlierValues}
                    timeZone={timeZone}
                    canRecord={canRecord}
                  />
                </Disclosure>
              </div>
            ) : null}
          </>
        )}
      </div>
    </article>
  );
}

function ValuesTable({
  caption,
  metric,
  rows,
  timeZone,
  canRecord,
}: {
  caption: string;
  metric: ProjectMetric;
  rows: MetricValueRow[];
  timeZone: string;
  canRecord: boolean;
}) {
  const period = (start: string) => periodLabel(metric.cadence, start);
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(v) => v.id}
      columns={[
        { header: "Period", className: "whitespace-nowrap", cell: (v) => period(v.periodStart) },
        {
          header: "Value",
          align: "right",
          className: "whitespace-nowrap",
          cell: (v) => `${formatNumber(v.value)} ${metric.unit}`,
        },
        {
          header: "State",
          cell: (v) => (v.provisional ? <Badge tone="amber">Provisional</Badge> : <Badge>Final</Badge>),
        },
        {
          header: "Note",
          className: "min-w-48",
          cell: (v) => v.note ?? <span className="text-slate-500">—</span>,
        },
        {
          header: "Recorded",
          className: "whitespace-nowrap",
          cell: (v) => (
            <>
              {v.recordedByName}
              <span className="block text-xs text-slate-500">{formatDateTime(v.recordedAt, timeZone)}</span>
            </>
          ),
        },
        ...(canRecord
          ? [
              {
                header: "Action",
                className: "min-w-64",
                cell: (v: MetricValueRow) => (
                  <Disclosure summary={v.provisional && v.periodEnded ? "Correct or make final" : "Correct"}>
                    <CorrectValueForm
                      key={v.version}
                      valueId={v.id}
                      version={v.version}
                      value={v.value}
                      note={v.note}
                      unit={metric.unit}
                      period={period(v.periodStart)}
                      canFinalise={v.provisional && v.periodEnded}
                    />
                  </Disclosure>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
