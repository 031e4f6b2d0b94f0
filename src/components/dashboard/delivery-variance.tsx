// The Delivery tab's variance sections (issue 12): schedule (forecast end against baseline end,
// docs/governance-rules.md NUM-2 and NUM-3) and budget (spend to date against baseline budget,
// FRAME-8), each a chart by site with its table view and CSV, the worst offenders with links to
// their projects, and the rollup by objective. Plain props: the page hands over what the read
// computed in SQL.
import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ProjectLink } from "@/components/projects/project-link";
import { RagBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatSlip, plural } from "@/components/ui/format";
import { Table } from "@/components/ui/table";
import type { IsoDate } from "@/lib/domain/calendar";
import type { Rag } from "@/lib/domain/metrics";
import { formatMoney } from "@/lib/domain/money";
import { LazyBarChart } from "./lazy-bar-chart";

export interface VarianceRollup {
  code: string | null;
  name: string;
  projectCount: number;
  lateCount: number;
  amberCount: number;
  redCount: number;
  averageSlipDays: number;
  averageSlipPercent: number;
  baselineBudget: string;
  spent: string;
  overBudgetCount: number;
}

const percent = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
/** "12.5%". */
export function formatPercent(value: number): string {
  return `${percent.format(value)}%`;
}
const round1 = (value: number) => Math.round(value * 10) / 10;

function spentPercent(r: { baselineBudget: string; spent: string }): number | null {
  const budget = Number(r.baselineBudget);
  return budget > 0 ? (Number(r.spent) / budget) * 100 : null;
}

/** A rollup's name, linked to the rows behind it: a site filters the tab, an objective opens its page. */
function RollupName({
  kind,
  row,
  filterHref,
}: {
  kind: "site" | "objective";
  row: VarianceRollup;
  filterHref: (code: string) => string;
}) {
  if (!row.code) return <span className="text-slate-600">{row.name}</span>;
  const href = kind === "site" ? filterHref(row.code) : `/objectives/${encodeURIComponent(row.code)}`;
  return (
    <Link
      prefetch={false}
      href={href}
      className="font-medium text-teal-800 underline-offset-2 hover:underline"
    >
      {kind === "objective" ? `${row.code} · ${row.name}` : row.name}
    </Link>
  );
}

/** "Showing the 15 of 120 objectives with …": the rollup lists the worst few, never hundreds. */
function ObjectivesShown({ shown, total, order }: { shown: number; total: number; order: string }) {
  if (shown >= total) return null;
  return (
    <>
      Showing the {shown} of {total} with the {order} first; filter by objective to read any other.
    </>
  );
}

/** Sites a by-site figure charts unless all are asked for: a trust of 40 sites reads its worst first. */
export const SITES_CHARTED = 12;

/** Which sites a figure charts: the worst `SITES_CHARTED` first, or every one, worst first. */
export interface SitesShown {
  all: boolean;
  /** The tab with every site charted, keeping the filters. */
  allHref: string;
}

function chartedSites(
  rows: readonly VarianceRollup[],
  worstFirst: (a: VarianceRollup, b: VarianceRollup) => number,
  shown: SitesShown,
): VarianceRollup[] {
  const sorted = rows.toSorted((a, b) => worstFirst(a, b) || a.name.localeCompare(b.name));
  return shown.all ? sorted : sorted.slice(0, SITES_CHARTED);
}

/** "The 12 of 40 sites with the highest …: see all 40"; the CSV always holds every site. */
function SitesNote({
  charted,
  total,
  order,
  shown,
}: {
  charted: number;
  total: number;
  order: string;
  shown: SitesShown;
}) {
  if (charted >= total && !shown.all) return null;
  return (
    <span className="mt-1 block">
      {charted < total ? (
        <>
          Charted: the {charted} of {total} sites with the {order}; the CSV lists every site.{" "}
          <Link
            prefetch={false}
            href={shown.allHref}
            className="font-medium text-teal-800 underline underline-offset-2"
          >
            Chart all {total} sites
          </Link>
        </>
      ) : (
        <>
          All {total} sites, the {order} first.
        </>
      )}
    </span>
  );
}

export interface ScheduleOffenderRow {
  code: string;
  name: string;
  siteName: string;
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  slipDays: number;
  slipPercent: number;
  rag: Rag;
}

export function ScheduleVariance({
  totals,
  thresholds,
  bySite,
  byObjective,
  worst,
  objectiveCount,
  siteHref,
  sitesShown,
}: {
  totals: { projectCount: number; lateCount: number; amberCount: number; redCount: number };
  /** How many objectives the rollup covers; `byObjective` holds the worst few. */
  objectiveCount: number;
  thresholds: { amberPercent: number; redPercent: number };
  bySite: readonly VarianceRollup[];
  byObjective: readonly VarianceRollup[];
  worst: readonly ScheduleOffenderRow[];
  /** The tab filtered to a site, keeping the other filters. */
  siteHref: (code: string) => string;
  sitesShown: SitesShown;
}) {
  if (totals.projectCount === 0) {
    return <EmptyState title="No live project matches these filters" />;
  }
  const charted = chartedSites(bySite, (a, b) => b.averageSlipPercent - a.averageSlipPercent, sitesShown);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        Of {plural(totals.projectCount, "live project")}, {totals.lateCount} forecast to finish after their
        baseline end: {totals.redCount} red (slip past {formatPercent(thresholds.redPercent)} of the planned
        duration) and {totals.amberCount} amber (past {formatPercent(thresholds.amberPercent)}).
      </p>
      <ChartFigure
        id="schedule-by-site"
        title="Schedule slip by site"
        description={
          <>
            Average slip of each site's live projects, as a share of their planned duration (baseline end −
            start). Dashed lines: amber after {formatPercent(thresholds.amberPercent)}, red after{" "}
            {formatPercent(thresholds.redPercent)}.
            <SitesNote
              charted={charted.length}
              total={bySite.length}
              order="highest average slip"
              shown={sitesShown}
            />
          </>
        }
        csvName="schedule-slip-by-site"
        tableCaption={
          charted.length < bySite.length
            ? `Schedule slip by site: the ${charted.length} of ${bySite.length} sites with the highest average slip`
            : "Schedule slip by site"
        }
        rows={charted}
        csvRows={bySite}
        rowKey={(r) => r.code ?? r.name}
        columns={[
          {
            header: "Site",
            value: (r) => r.name,
            cell: (r) => <RollupName kind="site" row={r} filterHref={siteHref} />,
          },
          { header: "Live projects", align: "right", value: (r) => r.projectCount },
          { header: "Late", align: "right", value: (r) => r.lateCount },
          { header: "Amber", align: "right", value: (r) => r.amberCount },
          { header: "Red", align: "right", value: (r) => r.redCount },
          {
            header: "Average slip (days)",
            align: "right",
            value: (r) => round1(r.averageSlipDays),
          },
          {
            header: "Average slip (% of plan)",
            align: "right",
            value: (r) => round1(r.averageSlipPercent),
            cell: (r) => formatPercent(r.averageSlipPercent),
          },
        ]}
      >
        <LazyBarChart
          summary={`Average schedule slip by site: ${charted
            .map((r) => `${r.name} ${formatPercent(r.averageSlipPercent)}`)
            .join(", ")}. The table view lists every figure.`}
          format="percent"
          rows={charted.map((r) => ({ label: r.name, values: { slip: round1(r.averageSlipPercent) } }))}
          series={[
            { key: "slip", name: "Average slip, % of planned duration", color: "#0f766e", pattern: "solid" },
          ]}
          references={[
            { value: thresholds.amberPercent, label: `Amber ${formatPercent(thresholds.amberPercent)}` },
            { value: thresholds.redPercent, label: `Red ${formatPercent(thresholds.redPercent)}` },
          ]}
        />
      </ChartFigure>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Furthest behind baseline</h3>
        {worst.length === 0 ? (
          <EmptyState title="No live project is forecast to finish after its baseline end" />
        ) : (
          <Table
            caption={`The ${worst.length} live projects furthest behind their baseline end, as a share of planned duration`}
            rows={worst}
            rowKey={(p) => p.code}
            columns={[
              { header: "Project", cell: (p) => <ProjectLink code={p.code} name={p.name} /> },
              { header: "Name", className: "min-w-48", cell: (p) => p.name },
              { header: "Site", cell: (p) => p.siteName },
              {
                header: "Baseline end",
                className: "whitespace-nowrap",
                cell: (p) => formatDate(p.baselineEndDate),
              },
              {
                header: "Forecast end",
                className: "whitespace-nowrap",
                cell: (p) => formatDate(p.forecastEndDate),
              },
              { header: "Slip", className: "whitespace-nowrap", cell: (p) => formatSlip(p.slipDays) },
              { header: "% of plan", align: "right", cell: (p) => formatPercent(p.slipPercent) },
              { header: "Schedule", cell: (p) => <RagBadge rag={p.rag} /> },
            ]}
          />
        )}
      </div>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">By objective</h3>
        <p className="mb-2 text-xs text-slate-600">
          A project serving several objectives counts under each of them.{" "}
          <ObjectivesShown
            shown={byObjective.length}
            total={objectiveCount}
            order="most red, then most late"
          />
        </p>
        <Table
          caption="Schedule slip of live projects by the objective they serve"
          rows={byObjective}
          rowKey={(r) => r.code ?? "none"}
          columns={[
            {
              header: "Objective",
              className: "min-w-56",
              cell: (r) => <RollupName kind="objective" row={r} filterHref={siteHref} />,
            },
            { header: "Live projects", align: "right", cell: (r) => r.projectCount },
            { header: "Late", align: "right", cell: (r) => r.lateCount },
            { header: "Amber", align: "right", cell: (r) => r.amberCount },
            { header: "Red", align: "right", cell: (r) => r.redCount },
            { header: "Average slip", align: "right", cell: (r) => formatPercent(r.averageSlipPercent) },
          ]}
        />
      </div>
    </div>
  );
}

export interface BudgetOffenderRow {
  code: string;
  name: string;
  siteName: string;
  baselineBudget: string;
  spent: string;
  variance: string;
  spentPercent: number | null;
}

export function BudgetVariance({
  totals,
  bySite,
  byObjective,
  worst,
  objectiveCount,
  siteHref,
  sitesShown,
}: {
  totals: { projectCount: number; baselineBudget: string; spent: string; overBudgetCount: number };
  objectiveCount: number;
  bySite: readonly VarianceRollup[];
  byObjective: readonly VarianceRollup[];
  worst: readonly BudgetOffenderRow[];
  siteHref: (code: string) => string;
  sitesShown: SitesShown;
}) {
  if (totals.projectCount === 0) {
    return <EmptyState title="No live project matches these filters" />;
  }
  // A site without a budget (no share to rank) comes last.
  const charted = chartedSites(
    bySite,
    (a, b) => (spentPercent(b) ?? -Infinity) - (spentPercent(a) ?? -Infinity) || 0,
    sitesShown,
  );
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        {plural(totals.projectCount, "live project")} have spent {formatMoney(totals.spent)} of baseline
        budgets totalling {formatMoney(totals.baselineBudget)};{" "}
        {plural(totals.overBudgetCount, "project has", "projects have")} already spent more than their whole
        budget.
      </p>
      <ChartFigure
        id="budget-by-site"
        title="Spend against baseline budget by site"
        description={
          <>
            Spend to date from the cost ledger (reversals net out) beside the baseline budgets of each site's
            live projects.
            <SitesNote
              charted={charted.length}
              total={bySite.length}
              order="highest share of budget spent"
              shown={sitesShown}
            />
          </>
        }
        csvName="budget-by-site"
        tableCaption={
          charted.length < bySite.length
            ? `Spend against baseline budget by site: the ${charted.length} of ${bySite.length} sites with the highest share spent`
            : "Spend against baseline budget by site"
        }
        rows={charted}
        csvRows={bySite}
        rowKey={(r) => r.code ?? r.name}
        columns={[
          {
            header: "Site",
            value: (r) => r.name,
            cell: (r) => <RollupName kind="site" row={r} filterHref={siteHref} />,
          },
          { header: "Live projects", align: "right", value: (r) => r.projectCount },
          {
            header: "Baseline budget (£)",
            align: "right",
            value: (r) => Number(r.baselineBudget),
            cell: (r) => formatMoney(r.baselineBudget),
          },
          {
            header: "Spent (£)",
            align: "right",
            value: (r) => Number(r.spent),
            cell: (r) => formatMoney(r.spent),
          },
          {
            header: "Spent (% of budget)",
            align: "right",
            value: (r) => {
              const p = spentPercent(r);
              return p === null ? null : round1(p);
            },
            cell: (r) => {
              const p = spentPercent(r);
              return p === null ? "No budget" : formatPercent(p);
            },
          },
          { header: "Over budget", align: "right", value: (r) => r.overBudgetCount },
        ]}
      >
        <LazyBarChart
          summary={`Spend against baseline budget by site: ${charted
            .map((r) => `${r.name} spent ${formatMoney(r.spent)} of ${formatMoney(r.baselineBudget)}`)
            .join("; ")}. The table view lists every figure.`}
          format="money"
          rows={charted.map((r) => ({
            label: r.name,
            values: { budget: Number(r.baselineBudget), spent: Number(r.spent) },
          }))}
          series={[
            { key: "budget", name: "Baseline budget (solid)", color: "#64748b", pattern: "solid" },
            { key: "spent", name: "Spent to date (hatched)", color: "#0f766e", pattern: "hatch" },
          ]}
        />
      </ChartFigure>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Highest spend against budget</h3>
        {worst.length === 0 ? (
          <EmptyState title="No live project has recorded spend yet" />
        ) : (
          <Table
            caption={`The ${worst.length} live projects with the highest spend against their baseline budget`}
            rows={worst}
            rowKey={(p) => p.code}
            columns={[
              { header: "Project", cell: (p) => <ProjectLink code={p.code} name={p.name} /> },
              { header: "Name", className: "min-w-48", cell: (p) => p.name },
              { header: "Site", cell: (p) => p.siteName },
              { header: "Baseline budget", align: "right", cell: (p) => formatMoney(p.baselineBudget) },
              { header: "Spent", align: "right", cell: (p) => formatMoney(p.spent) },
              {
                header: "% of budget",
                align: "right",
                cell: (p) => (p.spentPercent === null ? "No budget" : formatPercent(p.spentPercent)),
              },
              {
                header: "Over budget by",
                align: "right",
                cell: (p) => (Number(p.variance) > 0 ? formatMoney(p.variance) : "—"),
              },
            ]}
          />
        )}
      </div>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">By objective</h3>
        <p className="mb-2 text-xs text-slate-600">
          <ObjectivesShown
            shown={byObjective.length}
            total={objectiveCount}
            order="highest spend against budget"
          />
        </p>
        <Table
          caption="Spend against baseline budget of live projects by the objective they serve"
          rows={byObjective}
          rowKey={(r) => r.code ?? "none"}
          columns={[
            {
              header: "Objective",
              className: "min-w-56",
              cell: (r) => <RollupName kind="objective" row={r} filterHref={siteHref} />,
            },
            { header: "Live projects", align: "right", cell: (r) => r.projectCount },
            { header: "Baseline budget", align: "right", cell: (r) => formatMoney(r.baselineBudget) },
            { header: "Spent", align: "right", cell: (r) => formatMoney(r.spent) },
            {
              header: "% of budget",
              align: "right",
              cell: (r) => {
                const p = spentPercent(r);
                return p === null ? "No budget" : formatPercent(p);
              },
            },
            { header: "Over budget", align: "right", cell: (r) => r.overBudgetCount },
          ]}
        />
      </div>
    </div>
  );
}
