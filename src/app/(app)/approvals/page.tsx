import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { decideRebaselineAction, decideStageGateAction } from "@/app/(app)/projects/[code]/actions";
import { ApproveForm, type DecisionTarget, RejectForm } from "@/components/approvals/decision-forms";
import { RequestChanges } from "@/components/approvals/request-changes";
import { Badge, StageBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { STAGE_LABEL } from "@/lib/domain/labels";
import type { ProjectStage } from "@/lib/domain/vocabulary";
import { type ApprovalItem, type ApprovalsView, getApprovals } from "@/lib/server/approvals";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { firstValues, pageNumberSchema, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Approvals" };

const querySchema = z.object({
  show: z.enum(["decide", "mine"]).catch("decide"),
  page: pageNumberSchema,
});

const VIEWS: { view: ApprovalsView; label: string; href: string }[] = [
  { view: "decide", label: "Waiting for your decision", href: "/approvals" },
  { view: "mine", label: "Waiting for someone else", href: "/approvals?show=mine" },
];

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("approvals");
  const { show, page } = querySchema.parse(firstValues(await searchParams));
  const clock = await getClock();
  const approvals = await getApprovals(actor, clock, { view: show, page });
  const counts: Record<ApprovalsView, number> = { decide: approvals.decideCount, mine: approvals.mineCount };
  const { items } = approvals;

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Stage gates, rebaselines and scope changes waiting for a decision. Executives decide gates; a project's Accountable decides rebaselines within the trust's tolerance, an executive those beyond it; nobody decides their own request."
      />
      <nav aria-label="Approval lists" className="mb-6 border-b border-slate-200">
        <ul className="flex flex-wrap gap-1">
          {VIEWS.map((v) => (
            <li key={v.view}>
              <Link
                href={v.href}
                aria-current={v.view === show ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  v.view === show
                    ? "border-teal-700 text-teal-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {v.label} ({counts[v.view]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="approvals-heading">
        <h2 id="approvals-heading" className="text-lg font-semibold text-slate-900">
          {show === "decide" ? "Waiting for your decision" : "Waiting for someone else"}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {show === "decide"
            ? "Oldest first. Each shows its evidence; approve, or reject with a reason the requester will read."
            : "Requests you made, and gates you may not decide because you are the project's Responsible: someone else decides them."}
        </p>
        <div className="mt-4">
          {items.total === 0 ? (
            <EmptyState
              title={
                show === "decide" ? "Nothing is waiting for your decision" : "Nothing of yours is waiting"
              }
            >
              {show === "decide"
                ? "Requests you may decide appear here as they are made."
                : "Requests you make from a project's milestones or overview appear here until they are decided."}
            </EmptyState>
          ) : (
            <>
              <ol className="space-y-4">
                {items.rows.map((item) => (
                  <li key={item.id}>
                    <ApprovalCard item={item} timeZone={clock.timeZone} />
                  </li>
                ))}
              </ol>
              <Pagination
                path="/approvals"
                params={{ show: show === "decide" ? undefined : show }}
                paged={items}
                noun="request"
              />
            </>
          )}
        </div>
      </section>
    </>
  );
}

function itemTitle(item: ApprovalItem): string {
  if (item.type === "GATE") return `Gate to ${STAGE_LABEL[item.toStage]}`;
  return item.kind === "BASELINE" ? "Rebaseline" : "Scope change";
}

function ApprovalCard({ item, timeZone }: { item: ApprovalItem; timeZone: string }) {
  const target: DecisionTarget = {
    type: item.type,
    id: item.id,
    version: item.version,
    name: `the ${itemTitle(item).toLowerCase()} for ${item.project.code}`,
  };
  const action = item.type === "GATE" ? decideStageGateAction : decideRebaselineAction;
  const mayApprove = item.type === "GATE" ? item.mayDecide && item.gaps.length === 0 : item.mayApprove;
  const mayReject = item.type === "GATE" ? item.mayDecide : item.mayReject;
  const headingId = `approval-${item.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {itemTitle(item)}:{" "}
          <Link
            href={`/projects/${encodeURIComponent(item.project.code)}${item.type === "GATE" ? "" : "/milestones"}`}
            className="text-teal-800 underline decoration-teal-800/30 hover:decoration-teal-800"
          >
            {item.project.code} · {item.project.name}
          </Link>
        </h3>
        <StageBadge stage={item.project.stage} />
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Asked by {item.requestedByName}, {formatDateTime(item.requestedAt, timeZone)}
      </p>

      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          {item.type === "GATE" ? (
            <p className="text-sm text-slate-900">
              Move from {STAGE_LABEL[item.fromStage]} to {STAGE_LABEL[item.toStage]}
            </p>
          ) : (
            <RequestChanges change={item} />
          )}
          <p className="mt-2 text-sm text-slate-900">
            <span className="font-medium">Reason: </span>
            {item.reason}
          </p>
        </div>
        <div>
          {item.type === "GATE" ? (
            <GateChecklist gaps={item.gaps} toStage={item.toStage} />
          ) : (
            <Tolerance item={item} />
          )}
        </div>
      </div>

      {item.why ? (
        <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200">
          {item.why}.
          {item.type === "REBASELINE" && item.mayReject && !item.mayApprove
            ? " You may still reject it."
            : ""}
        </p>
      ) : null}
      {item.type === "REBASELINE" && item.problems.length ? (
        <ul className="mt-3 list-disc space-y-1 rounded-md bg-amber-50 py-2 pr-3 pl-8 text-sm text-amber-950 ring-1 ring-amber-200">
          {item.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}

      {mayApprove || mayReject ? (
        <div className="mt-3 flex flex-col items-start gap-2 md:flex-row md:flex-wrap">
          {mayApprove ? <ApproveForm action={action} target={target} /> : null}
          {mayReject ? <RejectForm action={action} target={target} /> : null}
        </div>
      ) : null}
    </article>
  );
}

// What each gate checks (docs/governance-rules.md rule 1, rule 4, GATE-5), listed when nothing is missing.
const READY = [
  "aligned to a strategic objective",
  "exactly one Accountable and at least one Responsible",
  "a clinical champion, where the kind of project needs one",
  "a metric with a baseline and a target",
];
const GATE_CHECKS: Partial<Record<ProjectStage, string[]>> & Record<"APPROVED", string[]> = {
  APPROVED: READY,
  PILOT: READY,
  ROLLOUT: [
    ...READY,
    "the pilot's evidence, where it piloted: a signed-off gate milestone, confirmed results and a decision to scale",
  ],
  CLOSED: [...READY, "every milestone done or cancelled", "a final value for every project metric"],
};

function GateChecklist({ gaps, toStage }: { gaps: string[]; toStage: ProjectStage }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Gate checklist</p>
      {gaps.length === 0 ? (
        <>
          <p className="mt-1 text-sm">
            <Badge tone="green">Passes</Badge>{" "}
            <span className="text-slate-800">Every check for this gate passes today:</span>
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-900">
            {(GATE_CHECKS[toStage] ?? READY).map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm">
            <Badge tone="red">{gaps.length === 1 ? "1 gap" : `${gaps.length} gaps`}</Badge>{" "}
            <span className="text-slate-800">
              It cannot be approved until these are closed; it can be rejected.
            </span>
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-900">
            {gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Tolerance({ item }: { item: Extract<ApprovalItem, { type: "REBASELINE" }> }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Tolerance</p>
      {item.tolerance.within ? (
        <p className="mt-1 text-sm">
          <Badge tone="green">Within tolerance</Badge>{" "}
          <span className="text-slate-800">The project's Accountable or an executive decides.</span>
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            <Badge tone="amber">Beyond tolerance</Badge>{" "}
            <span className="text-slate-800">An executive decides.</span>
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-900">
            {item.tolerance.breaches.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
