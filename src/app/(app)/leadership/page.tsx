import type { Metadata } from "next";
import { FeedbackEscalationBadge } from "@/components/feedback/feedback-badges";
import { feedbackBodyColumn } from "@/components/feedback/feedback-columns";
import {
  objectiveCodeColumn,
  objectiveOwnerColumn,
  objectiveTargetDateColumn,
} from "@/components/objectives/objective-columns";
import {
  projectCodeColumn,
  projectColumn,
  projectKindColumn,
  projectNameColumn,
  projectSiteColumn,
  projectStageColumn,
} from "@/components/projects/project-columns";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL, SEVERITY_LABEL } from "@/lib/domain/labels";
import { getLeadershipOverview } from "@/lib/server/leadership";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Leadership" };

// The two unaligned lists (live work, proposals) read the same way.
const UNALIGNED_COLUMNS = [
  projectCodeColumn,
  projectNameColumn,
  projectKindColumn,
  projectStageColumn,
  projectSiteColumn,
];

export default async function LeadershipPage() {
  await requirePageActor("leadership");
  const now = new Date();
  const [clock, overview] = await Promise.all([getClock(now), getLeadershipOverview(now)]);
  const objectiveCount = overview.categories.reduce((n, c) => n + c.objectives.length, 0);

  return (
    <>
      <PageHeader
        title="Leadership overview"
        description="Where the trust's strategy and its delivery have drifted apart: objectives nobody is delivering, projects serving no objective, and decisions waiting on you."
      />

      <StatGrid>
        <StatCard
          label="Vision without delivery"
          value={overview.visionWithoutDeliveryCount}
          detail="Active objectives that no approved, piloting or rolling-out project has as its primary objective"
          tone={overview.visionWithoutDeliveryCount > 0 ? "red" : "green"}
        />
        <StatCard
          label="Delivery without vision"
          value={overview.deliveryWithoutVision.length}
          detail="Live projects (approved, in pilot or rollout, or on hold from them) aligned to no objective"
          tone={overview.deliveryWithoutVision.length > 0 ? "amber" : "green"}
        />
        <StatCard
          label="Overdue safety feedback"
          value={overview.overdueSafetyFeedbackCount}
          detail={
            overview.overdueSafetyEscalatedCount > 0
              ? overview.dutyExecutiveName
                ? `Safety concerns past their answer deadline; ${overview.overdueSafetyEscalatedCount} escalated to the executive on duty, ${overview.dutyExecutiveName}`
                : `Safety concerns past their answer deadline; ${overview.overdueSafetyEscalatedCount} due for escalation, but no executive is on duty: an administrator names one in the settings`
              : "Safety concerns past their answer deadline"
          }
          tone={overview.overdueSafetyFeedbackCount > 0 ? "red" : "green"}
        />
        <StatCard
          label="Rebaselines awaiting decision"
          value={overview.rebaselinesAwaitingDecision}
          detail="Requests to move a baseline date or budget"
          tone={overview.rebaselinesAwaitingDecision > 0 ? "amber" : "green"}
        />
      </StatGrid>

      <Section
        id="objectives"
        title="Objectives by scorecard category"
        description="An objective is being delivered when a project approved, in pilot or in rollout has it as its primary objective."
      >
        {objectiveCount === 0 ? (
          <EmptyState title="No strategic objectives yet">
            Once objectives are set, each one shows here with the projects delivering it.
          </EmptyState>
        ) : (
          <div className="space-y-6">
            {overview.categories.map((group) => (
              <div key={group.category}>
                <h3 className="mb-2 text-sm font-semibold text-slate-800">
                  {CATEGORY_LABEL[group.category]}
                </h3>
                <Table
                  fixed
                  caption={`${CATEGORY_LABEL[group.category]} objectives`}
                  rows={group.objectives}
                  rowKey={(o) => o.code}
                  rowClassName={(o) => (o.visionWithoutDelivery ? "bg-red-50/40" : undefined)}
                  columns={[
                    { ...objectiveCodeColumn, headerClassName: "w-20" },
                    {
                      header: "Objective",
                      cell: (o) => (
                        <>
                          {o.title}
                          {o.status !== "ACTIVE" ? (
                            <span className="ml-2">
                              <Badge>{OBJECTIVE_STATUS_LABEL[o.status]}</Badge>
                            </span>
                          ) : null}
                        </>
                      ),
                    },
                    { ...objectiveOwnerColumn, headerClassName: "w-48" },
                    { ...objectiveTargetDateColumn, headerClassName: "w-32" },
                    {
                      header: "Delivering projects",
                      align: "right",
                      headerClassName: "w-36",
                      cell: (o) => o.deliveringProjectCount,
                    },
                    {
                      header: "Delivery",
                      headerClassName: "w-52",
                      cell: (o) =>
                        o.visionWithoutDelivery ? (
                          <Badge tone="red">Vision without delivery</Badge>
                        ) : o.beingDelivered ? (
                          <Badge tone="green">Being delivered</Badge>
                        ) : (
                          <span className="text-slate-500">—</span>
                        ),
                    },
                  ]}
                />
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        id="unaligned"
        title="Delivery without vision"
        description="Live projects (approved, in pilot or rollout, or on hold from them) that serve no strategic objective."
      >
        {overview.deliveryWithoutVision.length === 0 ? (
          <EmptyState title="Every live project serves at least one objective" />
        ) : (
          <Table
            caption="Live projects not aligned to any objective"
            rows={overview.deliveryWithoutVision}
            rowKey={(p) => p.code}
            columns={UNALIGNED_COLUMNS}
          />
        )}
      </Section>

      <Section
        id="unaligned-proposals"
        title="Proposals not yet aligned"
        description="Proposals that name no objective yet: they cannot be approved until they do."
      >
        {overview.unalignedProposals.length === 0 ? (
          <EmptyState title="Every proposal names the objective it serves" />
        ) : (
          <Table
            caption="Proposals not yet aligned to an objective"
            rows={overview.unalignedProposals}
            rowKey={(p) => p.code}
            columns={UNALIGNED_COLUMNS}
          />
        )}
      </Section>

      <Section
        id="safety"
        title="Overdue safety feedback"
        description="Safety feedback must be answered by the project's Responsible or Accountable within the organisation's answer time for its severity. Overdue, it is flagged to the Accountable; unanswered after as long again, it reaches the executive on duty."
      >
        {overview.overdueSafetyFeedbackCount === 0 ? (
          <EmptyState title="No safety feedback is overdue" />
        ) : (
          <>
            <Table
              caption="Overdue safety feedback, most overdue first"
              rows={overview.overdueSafetyFeedback}
              rowKey={(f) => f.id}
              columns={[
                projectColumn,
                {
                  header: "Severity",
                  cell: (f) => (
                    <Badge tone={f.severity === "HIGH" || f.severity === "CRITICAL" ? "red" : "amber"}>
                      {SEVERITY_LABEL[f.severity]}
                    </Badge>
                  ),
                },
                feedbackBodyColumn,
                {
                  header: "Answer was due",
                  className: "whitespace-nowrap text-red-800",
                  cell: (f) => (
                    <>
                      {formatDateTime(f.dueAt, clock.timeZone)}
                      <span className="mt-1 block">
                        <FeedbackEscalationBadge escalation={f.escalation} />
                      </span>
                    </>
                  ),
                },
              ]}
            />
            {overview.overdueSafetyFeedbackCount > overview.overdueSafetyFeedback.length ? (
              <p className="mt-2 text-sm text-slate-600">
                Showing the {overview.overdueSafetyFeedback.length} most overdue of{" "}
                {overview.overdueSafetyFeedbackCount}.
              </p>
            ) : null}
          </>
        )}
      </Section>
    </>
  );
}
