import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MetricSpc, MetricSpcSummaries } from "@/components/metrics/metric-spc";
import { ObjectiveForm } from "@/components/objectives/objective-form";
import { MetricStatusBadge } from "@/components/projects/metric-status-badge";
import { Badge, RagBadge, StageBadge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatNumber, formatSlip } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import {
  CADENCE_LABEL,
  CATEGORY_LABEL,
  CONTRIBUTION_LABEL,
  OBJECTIVE_STATUS_LABEL,
  RAG_LABEL,
} from "@/lib/domain/labels";
import { can } from "@/lib/domain/permissions";
import { clockAt } from "@/lib/server/dates";
import { getObjectiveChoices, getObjectiveDetail } from "@/lib/server/objective-detail";
import { getOrganisationSettings } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { firstValues, pageNumberSchema, type RawSearchParams } from "@/lib/server/search-params";
import { SectionPager } from "./section-pager";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code) };
}

export default async function ObjectivePage({ params, searchParams }: Props) {
  const actor = await requirePageActor("objectives");
  const code = decodeURIComponent((await params).code)
    .trim()
    .toUpperCase();
  if (code.length === 0 || code.length > 20) notFound();
  const raw = firstValues(await searchParams);
  // Metrics and projects page separately (issue 12: the page stays small at any scale).
  const pages = {
    metricsPage: pageNumberSchema.parse(raw.metrics),
    projectsPage: pageNumberSchema.parse(raw.projects),
  };
  // One read of the organisation gives both the clock and the schedule thresholds.
  const organisation = await getOrganisationSettings();
  const clock = clockAt(new Date(), organisation.timeZone);
  const objective = await getObjectiveDetail(code, clock, organisation, pages);
  if (!objective) notFound();
  // The chart shown: the one asked for if it is on this page of metrics, else the page's first.
  const charted = objective.metrics.rows.find((m) => m.id === raw.chart) ?? objective.metrics.rows[0];
  // The matrix decides who may edit (docs/governance-rules.md rule 3, ACC-4); the server checks again.
  const mayEdit = can("objective.edit", { role: actor.role, isOwner: objective.owner.id === actor.id });
  const choices = mayEdit ? await getObjectiveChoices() : null;

  return (
    <>
      <PageHeader title={`${objective.code} · ${objective.title}`} description={objective.description}>
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{OBJECTIVE_STATUS_LABEL[objective.status]}</Badge>
          <Badge>{CATEGORY_LABEL[objective.category]}</Badge>
          {objective.visionWithoutDelivery ? (
            <Badge tone="red">Vision without delivery</Badge>
          ) : objective.beingDelivered ? (
            <Badge tone="green">Being delivered</Badge>
          ) : null}
        </div>
      </PageHeader>

      <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact term="Owner">{objective.owner.name}</Fact>
        <Fact term="Runs">
          {formatDate(objective.startDate)} to {formatDate(objective.targetDate)}
        </Fact>
        <Fact term="Part of">
          {objective.parent ? (
            <Link
              href={`/objectives/${objective.parent.code}`}
              className="font-medium text-teal-800 underline"
            >
              {objective.parent.code} · {objective.parent.title}
            </Link>
          ) : (
            "A pillar of the strategy"
          )}
        </Fact>
        <Fact term="Projects">
          {objective.alignedProjectCount} aligned, {objective.deliveringProjectCount} delivering it as their
          primary objective
        </Fact>
      </dl>

      {mayEdit && choices ? (
        <div className="mt-6">
          <Disclosure summary="Edit objective">
            <ObjectiveForm
              key={objective.version}
              objective={objective}
              owners={choices.owners}
              objectives={choices.objectives}
            />
          </Disclosure>
        </div>
      ) : null}

      {objective.children.length > 0 ? (
        <div className="mt-8">
          <Section id="children" title="Objectives under it">
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {objective.children.map((c) => (
                <li key={c.code}>
                  <Link href={`/objectives/${c.code}`} className="font-medium text-teal-800 underline">
                    {c.code}
                  </Link>{" "}
                  {c.title} ({OBJECTIVE_STATUS_LABEL[c.status]})
                </li>
              ))}
            </ul>
          </Section>
        </div>
      ) : null}

      <div className="mt-8">
        <Section
          id="metrics"
          title="Metrics"
          description="The measures that feed this objective and their latest final values."
        >
          {objective.metrics.total === 0 ? (
            <EmptyState title="No metrics feed this objective yet">
              The projects aligned to it define metrics on their Metrics tab.
            </EmptyState>
          ) : (
            <Table
              caption={`Metrics feeding ${objective.code}, page ${objective.metrics.page} of ${objective.metrics.pageCount}`}
              rows={objective.metrics.rows}
              rowKey={(m) => m.id}
              columns={[
                {
                  header: "Metric",
                  className: "min-w-56",
                  cell: (m) => (
                    <>
                      <span className="font-medium">{m.name}</span>
                      <span className="block text-xs text-slate-500">
                        {m.unit} · {CADENCE_LABEL[m.cadence].toLowerCase()}
                      </span>
                      {m.id === charted?.id ? (
                        <span className="block text-xs text-slate-600">Its SPC chart is shown below</span>
                      ) : (
                        <Link
                          href={chartHref(objective.code, {
                            metrics: pageParam(objective.metrics.page),
                            projects: pageParam(objective.projects.page),
                            chart: m.id,
                          })}
                          className="block text-xs font-medium text-teal-800 underline"
                        >
                          Show chart<span className="sr-only"> of {m.name}</span>
                        </Link>
                      )}
                    </>
                  ),
                },
                {
                  header: "Project",
                  className: "whitespace-nowrap",
                  cell: (m) =>
                    m.project ? (
                      <Link
                        href={`/projects/${m.project.code}/metrics`}
                        className="font-medium text-teal-800 underline"
                      >
                        {m.project.code}
                      </Link>
                    ) : (
                      <span className="text-slate-500">Trust-wide</span>
                    ),
                },
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
                  align: "right",
                  className: "whitespace-nowrap",
                  cell: (m) =>
                    m.latest ? (
                      <>
                        {formatNumber(m.latest.value)}
                        <span className="block text-xs text-slate-500">
                          period from {formatDate(m.latest.periodStart)}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-500">—</span>
                    ),
                },
                { header: "Status", cell: (m) => <MetricStatusBadge status={m.status} /> },
              ]}
            />
          )}
          {/* One metric at a time as an SPC chart (issue 12, docs/spc.md), its status by NUM-6 beside
              it: a chart carries two years of weekly points, so ten on one page would outgrow it. */}
          {charted ? (
            <div className="mt-6">
              <article
                key={charted.id}
                aria-labelledby={`spc-${charted.id}`}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
              >
                <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
                  <h3 id={`spc-${charted.id}`} className="text-base font-semibold text-slate-900">
                    {charted.name}
                  </h3>
                  <div className="text-right text-sm">
                    <MetricStatusBadge status={charted.status} />
                    <MetricSpcSummaries spc={charted.spc} />
                  </div>
                </div>
                <MetricSpc
                  name={charted.name}
                  unit={charted.unit}
                  cadence={charted.cadence}
                  target={charted.targetValue}
                  spc={charted.spc}
                />
              </article>
            </div>
          ) : null}
          {objective.metrics.total > 0 ? (
            <SectionPager
              label="Metrics pages"
              path={`/objectives/${objective.code}`}
              param="metrics"
              otherParams={{ projects: pageParam(objective.projects.page) }}
              anchor="metrics"
              paged={objective.metrics}
              noun="metric"
            />
          ) : null}
        </Section>
      </div>

      <div className="mt-8">
        <Section
          id="projects"
          title="Contributing projects"
          description="Projects aligned to this objective, primary first, with their stage and schedule health."
        >
          {objective.projects.total === 0 ? (
            <EmptyState title="No projects are aligned to this objective yet">
              A project is aligned from its own page by its project team or the portfolio office.
            </EmptyState>
          ) : (
            <>
              <Table
                caption={`Projects aligned to ${objective.code}, page ${objective.projects.page} of ${objective.projects.pageCount}`}
                rows={objective.projects.rows}
                rowKey={(p) => p.code}
                columns={[
                  {
                    header: "Project",
                    className: "min-w-56",
                    cell: (p) => (
                      <>
                        <Link href={`/projects/${p.code}`} className="font-medium text-teal-800 underline">
                          {p.code}
                        </Link>{" "}
                        {p.name}
                      </>
                    ),
                  },
                  { header: "Contribution", cell: (p) => CONTRIBUTION_LABEL[p.contribution] },
                  { header: "Stage", cell: (p) => <StageBadge stage={p.stage} /> },
                  {
                    header: "Schedule",
                    className: "whitespace-nowrap",
                    cell: (p) => (
                      <>
                        <RagBadge rag={p.scheduleRag}>{RAG_LABEL[p.scheduleRag]}</RagBadge>
                        <span className="block text-xs text-slate-500">{formatSlip(p.slipDays)}</span>
                      </>
                    ),
                  },
                  { header: "Why it contributes", className: "min-w-64", cell: (p) => p.rationale },
                ]}
              />
              <SectionPager
                label="Project pages"
                path={`/objectives/${objective.code}`}
                param="projects"
                otherParams={{ metrics: pageParam(objective.metrics.page), chart: charted?.id }}
                anchor="projects"
                paged={objective.projects}
                noun="project"
              />
            </>
          )}
        </Section>
      </div>
    </>
  );
}

function chartHref(code: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return `/objectives/${code}?${search.toString()}#spc-${params.chart}`;
}

/** Page 1 is the default, so it stays out of links. */
function pageParam(page: number): string | undefined {
  return page > 1 ? String(page) : undefined;
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <dt className="text-xs font-medium text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
