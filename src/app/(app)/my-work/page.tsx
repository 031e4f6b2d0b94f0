import type { Metadata } from "next";
import { feedbackQueueColumns } from "@/components/feedback/feedback-columns";
import {
  milestoneBaselineColumn,
  milestoneForecastColumn,
  milestoneTitleColumn,
} from "@/components/milestones/milestone-columns";
import { myProjectColumns, projectColumn } from "@/components/projects/project-columns";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatSlip } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { DUE_SOON_DAYS, getMyWork } from "@/lib/server/my-work";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("my-work");
  // ?page= pages through the feedback, the one list here that can grow long.
  const { page } = parsePageQuery(await searchParams);
  const clock = await getClock();
  const work = await getMyWork(actor.id, clock, { feedbackPage: page });
  const { feedback } = work;
  const feedbackSummary = [
    feedback.overdueCount > 0 ? `${feedback.overdueCount} past the answer deadline` : "",
    feedback.dutyEscalatedCount > 0
      ? `${feedback.dutyEscalatedCount} escalated to the executive on duty${feedback.onDuty ? " (you)" : ""}`
      : "",
  ]
    .filter(Boolean)
    .join("; ");

  return (
    <>
      <PageHeader
        title="My work"
        description={`The projects you are Responsible or Accountable for, their milestones overdue or due in the next ${DUE_SOON_DAYS} days, and feedback waiting for your answer.`}
      />

      <Section id="projects" title="My projects">
        {work.projects.length === 0 ? (
          <EmptyState title="You are not Responsible or Accountable for any project">
            When a project's RACI names you as R or A, it appears here.
          </EmptyState>
        ) : (
          <Table
            caption="Projects where you are Responsible or Accountable"
            rows={work.projects}
            rowKey={(p) => p.code}
            columns={[
              ...myProjectColumns,
              {
                header: "Forecast end",
                className: "whitespace-nowrap",
                cell: (p) => (
                  <>
                    {formatDate(p.forecastEndDate)}
                    <span className="block text-xs text-slate-500">{formatSlip(p.slipDays)}</span>
                  </>
                ),
              },
            ]}
          />
        )}
      </Section>

      <Section
        id="milestones"
        title="Milestones overdue or due soon"
        description={`Not yet done, with a forecast date before today or within the next ${DUE_SOON_DAYS} days. A forecast later than the baseline puts a milestone at risk.`}
      >
        {work.milestones.length === 0 ? (
          <EmptyState title={`Nothing overdue and nothing due in the next ${DUE_SOON_DAYS} days`} />
        ) : (
          <Table
            caption="Milestones overdue or due soon, earliest first"
            rows={work.milestones}
            rowKey={(m) => m.id}
            columns={[
              projectColumn,
              milestoneTitleColumn,
              milestoneBaselineColumn,
              milestoneForecastColumn,
              {
                header: "Status",
                cell: (m) => (
                  <div className="flex flex-wrap gap-1">
                    {m.overdue ? <Badge tone="red">Overdue</Badge> : <Badge>Due soon</Badge>}
                    {m.atRisk ? <Badge tone="amber">At risk</Badge> : null}
                  </div>
                ),
              },
            ]}
          />
        )}
      </Section>

      <Section
        id="feedback"
        title="Feedback awaiting an answer"
        description={`${feedbackSummary ? `${feedbackSummary}. ` : ""}Answer times are the organisation's: safety feedback in hours or days by severity, other feedback in working days. Overdue feedback is flagged to the project's Accountable; safety feedback still unanswered after as long again reaches the executive on duty. Endorsements need only an acknowledgement.`}
      >
        {feedback.total === 0 ? (
          <EmptyState title="No feedback is waiting for an answer on your projects" />
        ) : (
          <>
            <Table
              caption="Open feedback on your projects, earliest due first"
              rows={feedback.rows}
              rowKey={(f) => f.id}
              rowClassName={(f) => (f.overdue ? "bg-red-50/40" : undefined)}
              columns={[projectColumn, ...feedbackQueueColumns(clock.timeZone)]}
            />
            <Pagination path="/my-work" paged={feedback} noun="item" />
          </>
        )}
      </Section>
    </>
  );
}
