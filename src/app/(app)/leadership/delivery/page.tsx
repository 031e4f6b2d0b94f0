import type { Metadata } from "next";
import { DashboardFilterForm } from "@/components/dashboard/dashboard-filter-form";
import { MetricForecasts, ProjectForecasts } from "@/components/dashboard/delivery-forecasts";
import { BudgetVariance, ScheduleVariance } from "@/components/dashboard/delivery-variance";
import { OBJECTIVE_LIST_LIMIT } from "@/components/dashboard/objective-filter-field";
import { Section } from "@/components/ui/section";
import { getDeliveryDashboard, parseMetricForecastStatus } from "@/lib/server/dashboard/delivery";
import { dashboardQuery, parseDashboardFilters } from "@/lib/server/dashboard-filters";
import { requirePageActor } from "@/lib/server/page-access";
import { firstValues, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Delivery · Leadership" };

const PATH = "/leadership/delivery";

// The leadership dashboard's Delivery tab (issue 12). The header and the tabs come from the
// leadership layout; this page is what sits below them. Every figure is computed in one SQL
// query (src/lib/server/dashboard/delivery.ts).
export default async function DeliveryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("leadership");
  const raw = await searchParams;
  const requested = parseDashboardFilters(raw);
  const metricStatus = parseMetricForecastStatus(raw);
  const data = await getDeliveryDashboard(new Date(), requested, metricStatus);
  // Links keep the filters that matched; a stale code in the URL is dropped.
  const filters = {
    ...(data.applied.site ? { site: data.applied.site } : {}),
    ...(data.applied.objective ? { objective: data.applied.objective } : {}),
  };
  const siteHref = (site: string) => `${PATH}${dashboardQuery({ ...filters, site })}#schedule-heading`;
  // Every site charted only when asked: a trust of 40 sites reads its worst 12 first.
  const sitesShown = (anchor: string) => ({
    all: firstValues(raw).sites === "all",
    allHref: `${PATH}${dashboardQuery(filters, { sites: "all" })}#${anchor}`,
  });
  const statusHref = (status: string) =>
    `${PATH}${dashboardQuery(filters, status === "OFF_COURSE" ? {} : { metrics: status })}#metric-forecasts-heading`;

  return (
    <>
      <DashboardFilterForm
        action={PATH}
        values={filters}
        sites={data.sites}
        objectives={data.objectives.slice(0, OBJECTIVE_LIST_LIMIT + 1)}
      />

      <Section
        id="schedule"
        title="Schedule variance"
        description="Live projects' forecast end against their baseline end, in days and as a share of the planned duration, graded by the trust's schedule thresholds."
      >
        <ScheduleVariance
          totals={data.schedule}
          thresholds={data.thresholds}
          bySite={data.schedule.bySite}
          byObjective={data.schedule.byObjective}
          worst={data.schedule.worst}
          objectiveCount={data.objectiveRollupCount}
          siteHref={siteHref}
          sitesShown={sitesShown("schedule-heading")}
        />
      </Section>

      <Section
        id="budget"
        title="Budget variance"
        description="Live projects' spend to date against their baseline budget."
      >
        <BudgetVariance
          totals={data.budget}
          bySite={data.budget.bySite}
          byObjective={data.budget.byObjective}
          worst={data.budget.worst}
          objectiveCount={data.objectiveRollupCount}
          siteHref={siteHref}
          sitesShown={sitesShown("budget-heading")}
        />
      </Section>

      <Section id="metric-forecasts" title="Will each metric reach its target?">
        <MetricForecasts
          counts={data.metricForecasts.counts}
          listedStatus={data.metricForecasts.listedStatus}
          listed={data.metricForecasts.listed}
          statusHref={statusHref}
        />
      </Section>

      <Section id="finish-forecasts" title="When will live projects really finish?">
        <ProjectForecasts {...data.projectForecasts} />
      </Section>
    </>
  );
}
