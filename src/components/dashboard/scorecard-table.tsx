// One scorecard category's objectives (issue #12): how their metrics stand against target (the
// worst colour, in words as well as colour), who is delivering them, the health of the live
// projects contributing, and spend. Every count opens the projects behind it.
import Link from "next/link";
import { Badge, RagBadge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { ObjectiveScorecard } from "@/lib/domain/dashboard-scorecard";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL, RAG_LABEL } from "@/lib/domain/labels";
import type { Rag } from "@/lib/domain/metrics";
import { formatMoney } from "@/lib/domain/money";
import type { ObjectiveStatus, ScorecardCategory } from "@/lib/domain/vocabulary";
import { CountLink } from "./dashboard-stat";

/** An objective's row, as the dashboard's read gives it. */
export interface ScorecardRow {
  code: string;
  title: string;
  status: ObjectiveStatus;
  ownerName: string;
  alignedCount: number;
  deliveringCount: number;
  visionWithoutDelivery: boolean;
  contributing: { total: number } & Record<Rag, number>;
  spend: string;
  metrics: ObjectiveScorecard;
}

export function ScorecardTable({
  category,
  objectives,
  projectsHref,
  caption,
}: {
  category: ScorecardCategory;
  objectives: readonly ScorecardRow[];
  /** What the rows are, when not every objective of the category. */
  caption?: string | undefined;
  /** The projects behind a count, with the dashboard's filters and this objective. */
  projectsHref: (objective: string, extra: Record<string, string>) => string;
}) {
  return (
    <Table
      fixed
      caption={`${caption ?? `${CATEGORY_LABEL[category]} objectives`}: metrics against target, delivery, project health and spend`}
      rows={objectives}
      rowKey={(o) => o.code}
      rowClassName={(o) => (o.visionWithoutDelivery ? "bg-red-50/50" : undefined)}
      columns={[
        {
          header: "Objective",
          headerClassName: "w-[30%]",
          cell: (o) => (
            <>
              <Link
                prefetch={false}
                href={`/objectives/${encodeURIComponent(o.code)}`}
                className="font-medium text-teal-800 underline-offset-2 hover:underline"
              >
                {o.code}
              </Link>{" "}
              {o.title}
              <span className="mt-0.5 block text-xs text-slate-500">Owner {o.ownerName}</span>
              {o.status !== "ACTIVE" ? (
                <span className="mt-1 block">
                  <Badge>{OBJECTIVE_STATUS_LABEL[o.status]}</Badge>
                </span>
              ) : null}
            </>
          ),
        },
        {
          header: "Metrics to target",
          headerClassName: "w-[19%]",
          cell: (o) => {
            const m = o.metrics;
            if (m.metricCount === 0) return <span className="text-slate-500">No metrics</span>;
            const coloured = m.byStatus.RED + m.byStatus.AMBER + m.byStatus.GREEN;
            return (
              <>
                {m.rag === "NO_DATA" ? <Badge>No recent data</Badge> : <RagBadge rag={m.rag} />}
                <span className="mt-1 block text-xs text-slate-600">
                  {m.progress === null
                    ? `${m.metricCount} ${m.metricCount === 1 ? "metric" : "metrics"}, none with recent data`
                    : `${Math.round(m.progress * 100)}% of the way to target · ${coloured} of ${m.metricCount} with recent data`}
                </span>
                {coloured > 0 ? (
                  <span className="block text-xs text-slate-600">
                    {(["RED", "AMBER", "GREEN"] as const)
                      .filter((rag) => m.byStatus[rag] > 0)
                      .map((rag) => `${m.byStatus[rag]} ${RAG_LABEL[rag].toLowerCase()}`)
                      .join(", ")}
                  </span>
                ) : null}
              </>
            );
          },
        },
        {
          header: "Delivering",
          headerClassName: "w-[13%]",
          cell: (o) => (
            <>
              <CountLink
                count={o.deliveringCount}
                href={projectsHref(o.code, { scope: "delivering" })}
                label={`${o.deliveringCount} projects delivering ${o.code}`}
              />
              <span className="mt-1 block">
                {o.visionWithoutDelivery ? (
                  <Badge tone="red">Nobody delivering</Badge>
                ) : o.deliveringCount > 0 ? (
                  <Badge tone="green">Being delivered</Badge>
                ) : null}
              </span>
            </>
          ),
        },
        {
          header: "Live projects by schedule",
          headerClassName: "w-[22%]",
          cell: (o) => (
            <>
              <CountLink
                count={o.contributing.total}
                href={projectsHref(o.code, { scope: "contributing" })}
                label={`${o.contributing.total} live projects contributing to ${o.code}`}
              />{" "}
              <span className="text-xs text-slate-600">live of </span>
              <CountLink
                count={o.alignedCount}
                href={projectsHref(o.code, { scope: "aligned" })}
                label={`${o.alignedCount} projects aligned to ${o.code}`}
              />{" "}
              <span className="text-xs text-slate-600">aligned</span>
              {o.contributing.total > 0 ? (
                <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                  {(["RED", "AMBER", "GREEN"] as const).map((rag) => (
                    <li key={rag} className="whitespace-nowrap">
                      <RagBadge rag={rag}>
                        {/* One child: the badge lays out its children as flex items, which drop the space. */}
                        <span>
                          {RAG_LABEL[rag]}{" "}
                          <CountLink
                            count={o.contributing[rag]}
                            href={projectsHref(o.code, { scope: "contributing", rag })}
                            label={`${o.contributing[rag]} live projects on ${o.code} with ${RAG_LABEL[rag].toLowerCase()} schedule`}
                          />
                        </span>
                      </RagBadge>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        },
        {
          header: "Spend (primary)",
          align: "right",
          headerClassName: "w-[16%]",
          cell: (o) =>
            Number(o.spend) === 0 ? (
              <span className="text-slate-500">{formatMoney(o.spend)}</span>
            ) : (
              <Link
                prefetch={false}
                href={projectsHref(o.code, { scope: "primary" })}
                aria-label={`${formatMoney(o.spend)} spent on projects with ${o.code} as primary objective`}
                className="text-teal-800 underline underline-offset-2"
              >
                {formatMoney(o.spend)}
              </Link>
            ),
        },
      ]}
    />
  );
}
