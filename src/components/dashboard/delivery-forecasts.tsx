// The Delivery tab's forecasts (issue 12), each with its method in plain words (the maths is
// src/lib/domain/forecasts.ts): will each metric reach its target by its target date, and when will
// each live project really finish, judged by how its own milestones have gone.
import Link from "next/link";
import { ProjectLink } from "@/components/projects/project-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatNumber, formatSlip, plural } from "@/components/ui/format";
import { Table } from "@/components/ui/table";
import type { IsoDate } from "@/lib/domain/calendar";
import { type MetricForecastStatus, MIN_FORECAST_VALUES } from "@/lib/domain/forecasts";
import type { MetricDirection } from "@/lib/domain/vocabulary";
import { formatPercent } from "./delivery-variance";

export const METRIC_FORECAST_LABEL: Record<MetricForecastStatus, string> = {
  ON_COURSE: "On course",
  OFF_COURSE: "Off course",
  NOT_ENOUGH_DATA: "Not enough data",
};

const STATUS_TONE = { ON_COURSE: "green", OFF_COURSE: "red", NOT_ENOUGH_DATA: "neutral" } as const;

export interface MetricForecastItem {
  name: string;
  unit: string;
  direction: MetricDirection;
  targetValue: number;
  targetDate: IsoDate;
  finalValueCount: number;
  status: MetricForecastStatus;
  method: "TREND" | "MEAN" | null;
  expected: number | null;
  objectiveCode: string;
  projectCode: string | null;
}

/** A metric lives on its project's metrics tab, or on its objective's page when it is the objective's own. */
function metricHref(m: MetricForecastItem): string {
  return m.projectCode
    ? `/projects/${encodeURIComponent(m.projectCode)}/metrics`
    : `/objectives/${encodeURIComponent(m.objectiveCode)}`;
}

export function MetricForecasts({
  counts,
  listedStatus,
  listed,
  statusHref,
}: {
  counts: Record<MetricForecastStatus, number>;
  listedStatus: MetricForecastStatus;
  listed: readonly MetricForecastItem[];
  /** The tab listing another status, keeping the filters. */
  statusHref: (status: MetricForecastStatus) => string;
}) {
  const statuses: MetricForecastStatus[] = ["OFF_COURSE", "ON_COURSE", "NOT_ENOUGH_DATA"];
  const total = counts[listedStatus];
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        <strong className="font-semibold">Method.</strong> For each active metric we draw the least-squares
        straight line through its final values (provisional values are left out). If that line's slope is
        statistically significant (its t-statistic passes the 95% two-sided test), we read the line on the
        metric's target date; if not, the metric is stable and we expect its mean (the centre line of its SPC
        chart). The metric is on course when that expected value meets its target, in the metric's direction.
        With fewer than {MIN_FORECAST_VALUES} final values there is not enough data to say.
      </p>
      <nav aria-label="Metric forecasts by status">
        <ul className="flex flex-wrap gap-2">
          {statuses.map((status) => (
            <li key={status}>
              <Link
                href={statusHref(status)}
                aria-current={status === listedStatus ? "true" : undefined}
                className={`inline-block rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${
                  status === listedStatus
                    ? "bg-teal-700 text-white ring-teal-700"
                    : "bg-white text-teal-800 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                {METRIC_FORECAST_LABEL[status]}: {counts[status]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {listed.length === 0 ? (
        <EmptyState title={`No metric is ${METRIC_FORECAST_LABEL[listedStatus].toLowerCase()}`} />
      ) : (
        <>
          <Table
            caption={`Metrics ${METRIC_FORECAST_LABEL[listedStatus].toLowerCase()}, by objective`}
            rows={listed}
            rowKey={(m) => `${m.objectiveCode}-${m.projectCode ?? ""}-${m.name}`}
            columns={[
              {
                header: "Metric",
                className: "min-w-48",
                cell: (m) => (
                  <Link
                    href={metricHref(m)}
                    className="font-medium text-teal-800 underline-offset-2 hover:underline"
                  >
                    {m.name}
                  </Link>
                ),
              },
              { header: "Objective", cell: (m) => m.objectiveCode },
              { header: "Project", cell: (m) => m.projectCode ?? "Objective's own" },
              {
                header: "Target",
                className: "whitespace-nowrap",
                cell: (m) =>
                  `${m.direction === "HIGHER_IS_BETTER" ? "≥" : "≤"} ${formatNumber(m.targetValue)} ${m.unit} by ${formatDate(m.targetDate)}`,
              },
              {
                header: "Expected then",
                align: "right",
                cell: (m) => (m.expected === null ? "—" : `${formatNumber(m.expected)} ${m.unit}`),
              },
              {
                header: "Read from",
                cell: (m) =>
                  m.method === "TREND"
                    ? "Significant trend"
                    : m.method === "MEAN"
                      ? "Mean (no significant trend)"
                      : `${plural(m.finalValueCount, "final value")}`,
              },
              {
                header: "Forecast",
                cell: (m) => <Badge tone={STATUS_TONE[m.status]}>{METRIC_FORECAST_LABEL[m.status]}</Badge>,
              },
            ]}
          />
          {total > listed.length ? (
            <p className="text-sm text-slate-600">
              Showing the first {listed.length} of {total}, by objective; filter by objective or site to see
              others.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

export interface ProjectForecastItem {
  code: string;
  name: string;
  forecastEndDate: IsoDate;
  predictedFinish: IsoDate;
  daysBeyondForecast: number;
  doneMilestones: number;
  averageSlipPercent: number;
}

export function ProjectForecasts({
  withHistory,
  withoutHistory,
  laterThanForecast,
  listed,
}: {
  withHistory: number;
  withoutHistory: number;
  laterThanForecast: number;
  listed: readonly ProjectForecastItem[];
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        <strong className="font-semibold">Method.</strong> For each live project we take its done milestones
        and measure each one's slip (actual date − baseline date) as a share of the time it was planned to
        take from the project's start. The project's average slip share is then added to the time left until
        its forecast end: a project whose milestones have run 10% late, with 100 days to go, is predicted to
        finish 10 days after its forecast end. Projects with no done milestone have no history to go on.
      </p>
      <p className="text-sm text-slate-700">
        {plural(withHistory, "live project")} with a history: {laterThanForecast} predicted to finish after
        their forecast end. {plural(withoutHistory, "live project")} with no done milestone yet.
      </p>
      {listed.length === 0 ? (
        <EmptyState title="No live project's history predicts a finish after its forecast end" />
      ) : (
        <Table
          caption={`The ${listed.length} live projects predicted to finish furthest after their forecast end`}
          rows={listed}
          rowKey={(p) => p.code}
          columns={[
            { header: "Project", cell: (p) => <ProjectLink code={p.code} name={p.name} /> },
            { header: "Name", className: "min-w-48", cell: (p) => p.name },
            {
              header: "Forecast end",
              className: "whitespace-nowrap",
              cell: (p) => formatDate(p.forecastEndDate),
            },
            {
              header: "Predicted finish",
              className: "whitespace-nowrap",
              cell: (p) => formatDate(p.predictedFinish),
            },
            {
              header: "Beyond forecast",
              className: "whitespace-nowrap",
              cell: (p) => formatSlip(p.daysBeyondForecast).replace("late", "later"),
            },
            {
              header: "History",
              cell: (p) =>
                `${plural(p.doneMilestones, "done milestone")}, ${formatPercent(Math.abs(p.averageSlipPercent))} ${p.averageSlipPercent < 0 ? "early" : "late"} on average`,
            },
          ]}
        />
      )}
    </div>
  );
}
