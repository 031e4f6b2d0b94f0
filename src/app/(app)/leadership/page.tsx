import type { Metadata } from "next";
import Link from "next/link";
import { DashboardFilterForm } from "@/components/dashboard/dashboard-filter-form";
import { DashboardStat, DashboardStatGrid } from "@/components/dashboard/dashboard-stat";
import { OBJECTIVE_LIST_LIMIT } from "@/components/dashboard/objective-filter-field";
import { RiskHeatMap } from "@/components/dashboard/risk-heat-map";
import {
  AttentionSummary,
  byAttention,
  ScorecardCategoryPreview,
} from "@/components/dashboard/scorecard-category";
import { type ScorecardRow, ScorecardTable } from "@/components/dashboard/scorecard-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABEL, REBASELINE_KIND_LABEL, SEVERITY_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import type { ScorecardCategory } from "@/lib/domain/vocabulary";
import { canViewPage } from "@/lib/navigation";
import { getDashboardOverview } from "@/lib/server/dashboard/overview";
import {
  type DashboardFilters,
  dashboardQuery,
  parseDashboardFilters,
  parseScorecardQuery,
} from "@/lib/server/dashboard-filters";
import { requirePageActor } from "@/lib/server/page-access";
import { riskRag } from "@/lib/server/rag";
import type { RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Leadership" };

export default async function LeadershipPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("leadership");
  const raw = await searchParams;
  const filters = parseDashboardFilters(raw);
  const scorecard = parseScorecardQuery(raw);
  const now = new Date();
  const overview = await getDashboardOverview(filters, now);
  const { context } = overview;
  const projects = (extra: Record<string, string>) => `/leadership/projects${dashboardQuery(filters, extra)}`;
  const forObjective = (objective: string, extra: Record<string, string>) =>
    `/leadership/projects${dashboardQuery({ ...filters, objective }, extra)}`;
  const objectiveCount = overview.categories.reduce((n, c) => n + c.objectives.length, 0);
  const { unalignedLive } = overview;

  return (
    <>
      <DashboardFilterForm
        action="/leadership"
        values={filters}
        sites={context.sites}
        objectives={context.objectives.slice(0, OBJECTIVE_LIST_LIMIT + 1)}
      />

      <Section
        id="alignment-failures"
        title="Alignment failures"
        description="Objectives nobody is delivering (an active objective with no approved, piloting or rolling-out project as its primary objective) and live projects serving no objective, with what has been spent on them."
      >
        <DashboardStatGrid>
          <DashboardStat
            label="Objectives nobody is delivering"
            value={overview.visionWithoutDeliveryCount}
            href={`${dashboardQuery(filters)}#scorecard`}
            linkLabel={`${overview.visionWithoutDeliveryCount} objectives nobody is delivering: marked in the scorecard`}
            detail="Vision without delivery: marked “Nobody delivering”, first in each category of the scorecard below"
            tone={overview.visionWithoutDeliveryCount > 0 ? "red" : "green"}
          />
          <DashboardStat
            label="Live projects serving no objective"
            value={unalignedLive.count}
            href={projects({ scope: "unaligned" })}
            linkLabel={`See the ${unalignedLive.count} live projects serving no objective`}
            detail="Delivery without vision: approved, in pilot or rollout, or on hold from them"
            tone={unalignedLive.count > 0 ? "amber" : "green"}
          />
          <DashboardStat
            label="Spend on unaligned work"
            value={formatMoney(unalignedLive.spend)}
            href={projects({ scope: "unaligned" })}
            linkLabel={`${formatMoney(unalignedLive.spend)} spent on live projects serving no objective: see them`}
            detail="Spent to date on those live projects"
            tone={Number(unalignedLive.spend) > 0 ? "amber" : "green"}
          />
          <DashboardStat
            label="Proposals not yet aligned"
            value={overview.unalignedProposalCount}
            href={projects({ scope: "unaligned-proposals" })}
            linkLabel={`See the ${overview.unalignedProposalCount} proposals not yet aligned to an objective`}
            detail="They cannot be approved until they name the objective they serve"
          />
        </DashboardStatGrid>
        {unalignedLive.top.length > 0 ? (
          <div className="mt-4">
            <Table
              caption="Live projects serving no objective, most spent first"
              rows={unalignedLive.top}
              rowKey={(p) => p.code}
              columns={[
                {
                  header: "Project",
                  cell: (p) => (
                    <Link
                      prefetch={false}
                      href={`/projects/${encodeURIComponent(p.code)}`}
                      className="font-medium text-teal-800 underline-offset-2 hover:underline"
                    >
                      {p.code}
                    </Link>
                  ),
                },
                { header: "Name", cell: (p) => p.name },
                { header: "Stage", cell: (p) => STAGE_LABEL[p.stage] },
                { header: "Site", cell: (p) => p.siteName },
                { header: "Spent", align: "right", cell: (p) => formatMoney(p.spend) },
              ]}
            />
            {unalignedLive.count > unalignedLive.top.length ? (
              <p className="mt-2 text-sm">
                <Link
                  prefetch={false}
                  href={projects({ scope: "unaligned" })}
                  className="font-medium text-teal-800 underline"
                >
                  See all {unalignedLive.count} live projects serving no objective
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </Section>

      <Section
        id="scorecard"
        title="Scorecard"
        description="By category, the objectives needing attention most first (nobody delivering, then metrics red, then amber, then a live project red on schedule): each one's metrics against target (the worst colour of those with a recent final value; progress is the average share of the way from baseline to target), the projects delivering it, the live projects contributing to it by schedule, and the spend on projects with it as their primary objective."
      >
        {objectiveCount === 0 ? (
          <EmptyState title="No objectives match">
            {filters.objective
              ? "No objective has that code."
              : "Once objectives are set, each one shows here."}
          </EmptyState>
        ) : scorecard.category ? (
          <ScorecardCategoryPages
            category={scorecard.category}
            page={scorecard.page}
            objectives={
              overview.categories.find((group) => group.category === scorecard.category)?.objectives ?? []
            }
            filters={filters}
            projectsHref={forObjective}
          />
        ) : (
          <div className="space-y-6">
            {overview.categories.map((group) => (
              <ScorecardCategoryPreview
                key={group.category}
                category={group.category}
                objectives={group.objectives}
                projectsHref={forObjective}
                allHref={`/leadership${dashboardQuery(filters, { category: group.category })}#scorecard`}
              />
            ))}
          </div>
        )}
      </Section>

      <Section
        id="risks"
        title="Risk heat map"
        description={`${overview.openRiskCount} open ${overview.openRiskCount === 1 ? "risk" : "risks"} (open or being mitigated).`}
      >
        <RiskHeatMap
          cells={overview.riskCells}
          band={riskRag}
          href={(likelihood, impact) =>
            `/leadership/risks${dashboardQuery(filters, { likelihood: String(likelihood), impact: String(impact) })}`
          }
        />
      </Section>

      <Section
        id="escalations"
        title="Escalations"
        description={
          <>
            What is late or waiting on a decision.
            {canViewPage(actor.role, "approvals") ? (
              <>
                {" "}
                Gates and rebaselines are decided from{" "}
                <Link href="/approvals" className="font-medium text-teal-800 underline">
                  Approvals
                </Link>
                .
              </>
            ) : null}
          </>
        }
      >
        <DashboardStatGrid>
          <DashboardStat
            label="Overdue safety feedback"
            value={overview.overdueSafety.count}
            href={`/leadership/feedback${dashboardQuery(filters, { kind: "safety" })}`}
            linkLabel={`See the ${overview.overdueSafety.count} safety concerns past their answer deadline`}
            detail={
              overview.overdueSafety.escalatedCount > 0
                ? overview.dutyExecutiveName
                  ? `${overview.overdueSafety.escalatedCount} escalated to the executive on duty, ${overview.dutyExecutiveName}`
                  : `${overview.overdueSafety.escalatedCount} due for escalation, but no executive is on duty: an administrator names one in the settings`
                : "Safety concerns past their answer deadline"
            }
            tone={overview.overdueSafety.count > 0 ? "red" : "green"}
          />
          <DashboardStat
            label="Overdue answers"
            value={overview.overdueAnswers.count}
            href={`/leadership/feedback${dashboardQuery(filters, { kind: "other" })}`}
            linkLabel={`See the ${overview.overdueAnswers.count} concerns and suggestions past their answer deadline`}
            detail="Concerns and suggestions past their answer deadline"
            tone={overview.overdueAnswers.count > 0 ? "amber" : "green"}
          />
          <DashboardStat
            label="Stage gates waiting"
            value={overview.gatesWaiting.count}
            href={`/leadership/decisions${dashboardQuery(filters, { kind: "gate" })}`}
            linkLabel={`See the ${overview.gatesWaiting.count} stage gates waiting for a decision`}
            detail="Requests to move a project through a gate"
            tone={overview.gatesWaiting.count > 0 ? "amber" : "green"}
          />
          <DashboardStat
            label="Rebaselines waiting"
            value={overview.rebaselinesWaiting.count}
            href={`/leadership/decisions${dashboardQuery(filters, { kind: "rebaseline" })}`}
            linkLabel={`See the ${overview.rebaselinesWaiting.count} rebaselines waiting for a decision`}
            detail="Requests to move a baseline date or budget"
            tone={overview.rebaselinesWaiting.count > 0 ? "amber" : "green"}
          />
        </DashboardStatGrid>
        <OldestList
          title="Oldest overdue safety feedback"
          items={overview.overdueSafety.oldest.map((f) => ({
            key: f.id,
            href: `/projects/${encodeURIComponent(f.projectCode)}/feedback`,
            project: f.projectCode,
            text: f.body,
            badge: <Badge tone="red">{SEVERITY_LABEL[f.severity]}</Badge>,
            when: `due ${formatDateTime(f.dueAt, overview.timeZone)}`,
          }))}
        />
        <OldestList
          title="Oldest overdue answers"
          items={overview.overdueAnswers.oldest.map((f) => ({
            key: f.id,
            href: `/projects/${encodeURIComponent(f.projectCode)}/feedback`,
            project: f.projectCode,
            text: f.body,
            badge: <Badge tone="amber">{SEVERITY_LABEL[f.severity]}</Badge>,
            when: `due ${formatDateTime(f.dueAt, overview.timeZone)}`,
          }))}
        />
        <OldestList
          title="Longest-waiting decisions"
          items={[...overview.gatesWaiting.oldest, ...overview.rebaselinesWaiting.oldest]
            .toSorted((a, b) => a.requestedAt.localeCompare(b.requestedAt))
            .slice(0, 5)
            .map((d) => ({
              key: d.id,
              href: `/projects/${encodeURIComponent(d.projectCode)}${d.toStage ? "" : "/milestones"}`,
              project: d.projectCode,
              text: d.toStage
                ? `Gate to ${STAGE_LABEL[d.toStage].toLowerCase()}`
                : d.kind
                  ? REBASELINE_KIND_LABEL[d.kind]
                  : "Rebaseline",
              badge: null,
              when: `asked ${formatDateTime(d.requestedAt, overview.timeZone)}`,
            }))}
        />
      </Section>
      <p className="mt-6 text-xs text-slate-500">
        Figures as of {formatDateTime(now.toISOString(), overview.timeZone)}.
      </p>
    </>
  );
}

/** A category's objectives per page when read in full. */
const SCORECARD_PAGE_SIZE = 20;

/** One category's objectives in full, needing attention most first, a page at a time. */
function ScorecardCategoryPages({
  category,
  page,
  objectives,
  filters,
  projectsHref,
}: {
  category: ScorecardCategory;
  page: number;
  objectives: readonly ScorecardRow[];
  filters: DashboardFilters;
  projectsHref: (objective: string, extra: Record<string, string>) => string;
}) {
  const label = CATEGORY_LABEL[category];
  const back = (
    <Link
      prefetch={false}
      href={`/leadership${dashboardQuery(filters)}#scorecard`}
      className="font-medium text-teal-800 underline"
    >
      Back to every category
    </Link>
  );
  if (objectives.length === 0) {
    return <EmptyState title={`No ${label.toLowerCase()} objectives match`}>{back}</EmptyState>;
  }
  const pageCount = Math.max(1, Math.ceil(objectives.length / SCORECARD_PAGE_SIZE));
  const shown = Math.min(page, pageCount);
  const rows = byAttention(objectives).slice((shown - 1) * SCORECARD_PAGE_SIZE, shown * SCORECARD_PAGE_SIZE);
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-800">{label}: every objective</h3>
      <AttentionSummary objectives={objectives} />
      <p className="mb-2 text-sm">{back}</p>
      <ScorecardTable
        category={category}
        objectives={rows}
        projectsHref={projectsHref}
        caption={`${label} objectives, needing attention most first, page ${shown} of ${pageCount}`}
      />
      <Pagination
        path="/leadership"
        params={{ site: filters.site, objective: filters.objective, category }}
        paged={{ page: shown, pageCount, total: objectives.length }}
        noun="objective"
      />
    </div>
  );
}

function OldestList({
  title,
  items,
}: {
  title: string;
  items: { key: string; href: string; project: string; text: string; badge: React.ReactNode; when: string }[];
}) {
  if (items.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <ul className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
        {items.map((item) => (
          <li key={item.key} className="flex flex-wrap items-baseline gap-x-2 px-3 py-2">
            <Link
              prefetch={false}
              href={item.href}
              className="font-medium text-teal-800 underline-offset-2 hover:underline"
            >
              {item.project}
            </Link>
            {item.badge}
            <span className="min-w-0 flex-1 truncate text-slate-700">{item.text}</span>
            <span className="whitespace-nowrap text-xs text-slate-500">{item.when}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
