import { notFound } from "next/navigation";
import { RequestChanges } from "@/components/approvals/request-changes";
import {
  AddMilestoneForm,
  CancelMilestoneForm,
  ChangeForecastForm,
  CompleteMilestoneForm,
  RequestCancellationForm,
  SignOffGateForm,
} from "@/components/milestones/milestone-forms";
import { MilestoneHealthBadge } from "@/components/milestones/milestone-health-badge";
import { MilestoneTimeline } from "@/components/milestones/milestone-timeline";
import { RebaselineRequestForm } from "@/components/milestones/rebaseline-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatSlip, plural } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { toIsoDate } from "@/lib/domain/calendar";
import { MILESTONE_STATUS_LABEL, REBASELINE_STATUS_LABEL } from "@/lib/domain/labels";
import { getProjectPlan, type PlanMilestone, type PlanRequest } from "@/lib/server/project-milestones";
import { requireProjectPage } from "@/lib/server/project-page";
import {
  approveMilestoneGateAction,
  cancelMilestoneAction,
  changeMilestoneForecastAction,
  completeMilestoneAction,
  createMilestoneAction,
  requestRebaselineAction,
  requestScopeChangeAction,
} from "../actions";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Milestones" };

const isOpen = (m: PlanMilestone) => m.status === "NOT_STARTED" || m.status === "IN_PROGRESS";

export default async function ProjectMilestonesPage({ params }: Props) {
  const { actor, clock, projectId, letter, may } = await requireProjectPage((await params).code);
  const plan = await getProjectPlan(projectId, clock);
  if (!plan) notFound();
  const today = toIsoDate(clock.today);
  const manage = may["milestone.manage"] && !plan.final;
  // docs/governance-rules.md GATE-6: neither the milestone's owner nor the project's R signs off.
  const mayApproveGate = (m: PlanMilestone) =>
    may["milestone.approveGate"] &&
    !plan.final &&
    m.isGate &&
    m.status === "DONE" &&
    !m.gateSignedOff &&
    m.ownerId !== actor.id &&
    letter !== "R";
  const cancellationAsked = new Set(
    plan.waiting.filter((r) => r.kind === "CANCEL_MILESTONE").map((r) => r.milestoneTitle),
  );
  // Every change to the plan moves some version: forms keyed by it start empty after a save.
  const planKey = `${plan.milestones.map((m) => m.version).join(".")}.${plan.waiting.length}`;

  const actions = (m: PlanMilestone) => {
    const ref = { id: m.id, version: m.version, title: m.title, forecastDate: m.forecastDate };
    const controls: React.ReactNode[] = [];
    if (manage && isOpen(m)) {
      controls.push(
        <ChangeForecastForm key="forecast" action={changeMilestoneForecastAction} milestone={ref} />,
      );
      controls.push(
        <CompleteMilestoneForm
          key="complete"
          action={completeMilestoneAction}
          milestone={ref}
          today={today}
        />,
      );
      if (!plan.scopeGoverned) {
        controls.push(<CancelMilestoneForm key="cancel" action={cancelMilestoneAction} milestone={ref} />);
      } else if (cancellationAsked.has(m.title)) {
        controls.push(
          <p key="cancel" className="text-xs text-slate-600">
            Cancellation requested: waiting for a decision.
          </p>,
        );
      } else {
        controls.push(
          <RequestCancellationForm
            key="cancel"
            action={requestScopeChangeAction}
            projectId={plan.projectId}
            milestone={ref}
          />,
        );
      }
    }
    if (mayApproveGate(m)) {
      controls.push(<SignOffGateForm key="gate" action={approveMilestoneGateAction} milestone={ref} />);
    }
    // In a row while closed; an open form takes the cell's whole width.
    return controls.length ? (
      <div className="mt-2 flex flex-wrap items-start gap-2 [&>details[open]]:w-full">{controls}</div>
    ) : null;
  };

  return (
    <>
      <Section
        id="milestones"
        title="Milestones"
        description="The baseline is what the project committed to; the forecast is what is expected now. A forecast later than the baseline puts a milestone at risk; one past its forecast date and not done is overdue."
      >
        {plan.milestones.length === 0 ? (
          <EmptyState title="No milestones yet">
            {manage
              ? "Add the milestones the project commits to, each with its baseline date."
              : "The project's Responsible or Accountable adds its milestones."}
          </EmptyState>
        ) : (
          <div className="space-y-4">
            <MilestoneTimeline milestones={plan.milestones} today={today} />
            <Table
              caption="Milestones by baseline date, with their dates, status and what you can do"
              rows={plan.milestones}
              rowKey={(m) => m.id}
              rowClassName={(m) => (m.health === "OVERDUE" ? "bg-red-50/40" : undefined)}
              columns={[
                {
                  header: "Milestone",
                  className: "min-w-[16rem]",
                  cell: (m) => (
                    <>
                      <span className="font-medium text-slate-900">{m.title}</span>
                      {m.isGate ? (
                        <span className="ml-2">
                          <Badge tone="info">Stage gate</Badge>
                        </span>
                      ) : null}
                      <span className="block text-xs text-slate-600">
                        {m.ownerName ? `Owner: ${m.ownerName}` : "No owner"}
                      </span>
                      {actions(m)}
                    </>
                  ),
                },
                {
                  header: "Status",
                  className: "min-w-[9rem]",
                  cell: (m) => (
                    <div className="flex flex-col items-start gap-1">
                      <MilestoneHealthBadge health={m.health} />
                      {m.status === "IN_PROGRESS" ? (
                        <span className="text-xs text-slate-600">{MILESTONE_STATUS_LABEL[m.status]}</span>
                      ) : null}
                      {m.isGate && m.status === "DONE" ? (
                        <span className="text-xs text-slate-600">
                          {m.gateSignedOff
                            ? `Gate signed off by ${m.gateSignedOff.byName}`
                            : "Gate not signed off yet"}
                        </span>
                      ) : null}
                    </div>
                  ),
                },
                {
                  header: "Baseline",
                  className: "whitespace-nowrap",
                  cell: (m) => formatDate(m.baselineDate),
                },
                {
                  header: "Forecast",
                  className: "min-w-[9rem]",
                  cell: (m) => (
                    <>
                      <span className="whitespace-nowrap">{formatDate(m.forecastDate)}</span>
                      {isOpen(m) ? (
                        <span className="block text-xs text-slate-600">{formatSlip(m.slipDays)}</span>
                      ) : null}
                      {m.lastChange ? (
                        <span className="mt-1 block max-w-[16rem] text-xs text-slate-600">
                          Last moved by {m.lastChange.byName}: {m.lastChange.reason}
                        </span>
                      ) : null}
                    </>
                  ),
                },
                {
                  header: "Actual",
                  className: "whitespace-nowrap",
                  cell: (m) =>
                    m.actualDate ? formatDate(m.actualDate) : <span className="text-slate-500">—</span>,
                },
              ]}
            />
          </div>
        )}
        {manage || (may["rebaseline.request"] && !plan.final) ? (
          <div className="mt-4 flex flex-col items-start gap-3 md:flex-row md:flex-wrap">
            {manage ? (
              <AddMilestoneForm
                createAction={createMilestoneAction}
                scopeChangeAction={requestScopeChangeAction}
                projectId={plan.projectId}
                scopeGoverned={plan.scopeGoverned}
                team={plan.team}
                formKey={planKey}
              />
            ) : null}
            {may["rebaseline.request"] && !plan.final ? (
              <RebaselineRequestForm
                action={requestRebaselineAction}
                projectId={plan.projectId}
                baselineEndDate={plan.baselineEndDate}
                baselineBudget={plan.baselineBudget}
                milestones={plan.milestones.filter(isOpen)}
                tolerance={`${plural(plan.tolerance.days, "day")} or ${plan.tolerance.percent}%`}
                formKey={planKey}
              />
            ) : null}
          </div>
        ) : null}
      </Section>

      <Section
        id="requests"
        title="Rebaselines and scope changes"
        description={`Baselines and, once the plan is approved, its milestones move only through an approved request: within tolerance (${plural(plan.tolerance.days, "day")} or ${plan.tolerance.percent}%) the project's Accountable decides, beyond it an executive.`}
      >
        {plan.waiting.length === 0 && plan.decided.length === 0 ? (
          <EmptyState title="No rebaseline or scope change has been requested">
            {may["rebaseline.request"] && !plan.final
              ? "Use “Request a rebaseline” above when a baseline has to move."
              : "The project's Responsible, Accountable or the portfolio office asks for one when a baseline has to move."}
          </EmptyState>
        ) : (
          <Table
            caption="Rebaselines and scope changes, waiting ones first"
            rows={[...plan.waiting, ...plan.decided]}
            rowKey={(r) => r.id}
            columns={requestColumns(clock.timeZone)}
          />
        )}
        {plan.decidedTotal > plan.decided.length ? (
          <p className="mt-2 text-sm text-slate-600">
            Showing the latest {plan.decided.length} of {plan.decidedTotal} decided requests; the History tab
            has them all.
          </p>
        ) : null}
      </Section>
    </>
  );
}

function requestColumns(timeZone: string) {
  return [
    {
      header: "What moves",
      className: "min-w-[16rem]",
      cell: (r: PlanRequest) => <RequestChanges change={r} />,
    },
    {
      header: "Status",
      className: "min-w-[12rem]",
      cell: (r: PlanRequest) => (
        <div className="flex flex-col items-start gap-1">
          <Badge tone={r.status === "REQUESTED" ? "amber" : r.status === "APPROVED" ? "green" : "neutral"}>
            {REBASELINE_STATUS_LABEL[r.status]}
          </Badge>
          {r.decidedByName && r.decidedAt ? (
            <span className="text-xs text-slate-600">
              by {r.decidedByName}, {formatDateTime(r.decidedAt, timeZone)}
              {r.decisionReason ? `: ${r.decisionReason}` : ""}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      header: "Reason",
      className: "min-w-[14rem]",
      cell: (r: PlanRequest) => r.reason,
    },
    {
      header: "Asked",
      className: "min-w-[9rem]",
      cell: (r: PlanRequest) => (
        <>
          {r.requestedByName}
          <span className="block text-xs text-slate-600">{formatDateTime(r.requestedAt, timeZone)}</span>
        </>
      ),
    },
  ];
}
