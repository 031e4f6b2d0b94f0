import { notFound } from "next/navigation";
import { RecordCostForm } from "@/components/costs/record-cost-form";
import { ReverseCostForm } from "@/components/costs/reverse-cost-form";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Table } from "@/components/ui/table";
import { formatCalendarMonth, toIsoDate } from "@/lib/domain/calendar";
import { formatMoney } from "@/lib/domain/money";
import { type CostEntryRow, getProjectCosts } from "@/lib/server/project-costs";
import { requireProjectPage } from "@/lib/server/project-page";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export const metadata = { title: "Costs" };

export default async function ProjectCostsPage({ params, searchParams }: Props) {
  const { clock, code, projectId, may } = await requireProjectPage((await params).code);
  const { page } = parsePageQuery(await searchParams);
  const costs = await getProjectCosts(projectId, page);
  if (!costs) notFound();
  // Closed and cancelled projects still take costs and reversals: invoices arrive after the work
  // ends (domain/closed-projects.ts), so only the matrix decides.
  const canRecord = may["cost.record"];
  const budget = Number(costs.baselineBudget);
  const spent = Number(costs.spentToDate);
  const share = budget > 0 ? Math.round((spent / budget) * 100) : null;
  const currentMonth = toIsoDate(clock.today).slice(0, 7);
  const path = `/projects/${encodeURIComponent(code)}/costs`;

  return (
    <Section
      id="costs"
      title="Costs"
      description="Actual spend by month against the baseline budget. The ledger is append-only: a wrong entry is reversed, never edited."
    >
      <StatGrid>
        <StatCard label="Baseline budget" value={formatMoney(costs.baselineBudget)} />
        <StatCard
          label="Spent to date"
          value={formatMoney(costs.spentToDate)}
          detail={share === null ? undefined : `${share}% of the baseline budget`}
          tone={share !== null && share > 100 ? "red" : "neutral"}
        />
        <StatCard
          label="Remaining"
          value={formatMoney(budget - spent)}
          detail={spent > budget ? "Over budget" : undefined}
          tone={spent > budget ? "red" : "neutral"}
        />
      </StatGrid>

      {canRecord ? (
        <div className="mt-6">
          <Disclosure summary="Record a cost">
            <RecordCostForm projectId={costs.projectId} currentMonth={currentMonth} />
          </Disclosure>
        </div>
      ) : null}

      <h3 className="mt-8 mb-3 text-base font-semibold text-slate-900">Ledger</h3>
      {costs.ledger.total === 0 ? (
        <EmptyState title="No costs recorded yet">
          {canRecord ? "Record the first month's spend above." : "The project team records spend each month."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Cost ledger, newest month first, page ${costs.ledger.page} of ${costs.ledger.pageCount}`}
            rows={costs.ledger.rows}
            rowKey={(e) => e.id}
            rowClassName={(e) => (e.reverses ? "bg-slate-50" : undefined)}
            columns={[
              {
                header: "Month",
                className: "whitespace-nowrap",
                cell: (e) => <span id={`cost-${e.id}`}>{formatCalendarMonth(e.period)}</span>,
              },
              {
                header: "Description",
                className: "min-w-64",
                cell: (e) => <Description entry={e} />,
              },
              {
                header: "Amount",
                align: "right",
                className: "whitespace-nowrap",
                cell: (e) => formatMoney(e.amount),
              },
              {
                header: "Recorded",
                className: "whitespace-nowrap",
                cell: (e) => (
                  <>
                    {e.recordedByName}
                    <span className="block text-xs text-slate-500">
                      {formatDateTime(e.recordedAt, clock.timeZone)}
                    </span>
                  </>
                ),
              },
              {
                header: "Status",
                className: "min-w-40",
                cell: (e) =>
                  e.reverses ? (
                    <Badge>Reversal</Badge>
                  ) : e.reversedBy ? (
                    <Badge tone="amber">Reversed</Badge>
                  ) : canRecord ? (
                    <Disclosure summary="Reverse">
                      <ReverseCostForm
                        costEntryId={e.id}
                        summary={`${formatCalendarMonth(e.period)} ${formatMoney(e.amount)} ${e.description}`}
                      />
                    </Disclosure>
                  ) : (
                    <Badge>Booked</Badge>
                  ),
              },
            ]}
          />
          <Pagination path={path} paged={costs.ledger} noun="ledger line" />
        </>
      )}
    </Section>
  );
}

function Description({ entry }: { entry: CostEntryRow }) {
  if (entry.reverses) {
    const reversed = entry.reverses;
    return (
      <>
        {entry.description}
        <span className="block text-xs text-slate-600">
          Reverses{" "}
          <a href={`#cost-${reversed.id}`} className="font-medium text-teal-800 underline">
            {formatMoney(reversed.amount)} · {reversed.description}
          </a>
        </span>
      </>
    );
  }
  return (
    <>
      {entry.description}
      {entry.reversedBy ? (
        <span className="block text-xs text-slate-600">
          Cancelled by{" "}
          <a href={`#cost-${entry.reversedBy.id}`} className="font-medium text-teal-800 underline">
            a reversing entry
          </a>
        </span>
      ) : null}
    </>
  );
}
