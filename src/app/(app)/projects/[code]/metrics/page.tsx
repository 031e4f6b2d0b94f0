import { notFound } from "next/navigation";
import { MetricStatusBadge } from "@/components/projects/metric-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { CADENCE_LABEL } from "@/lib/domain/labels";
import { getProjectOverview } from "@/lib/server/project-overview";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Metrics" };

export default async function ProjectMetricsPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();
  return (
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
                    {m.unit} · {m.direction === "HIGHER_IS_BETTER" ? "higher is better" : "lower is better"} ·{" "}
                    {CADENCE_LABEL[m.cadence].toLowerCase()}
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
  );
}
