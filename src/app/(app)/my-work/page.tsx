import type { Metadata } from "next";
import { openFeedbackColumns } from "@/components/feedback/feedback-columns";
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
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { DUE_SOON_DAYS, getMyWork } from "@/lib/server/my-work";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requirePageActor("my-work");
  const clock = await getClock();
  const work = await getMyWork(actor.id, clock);
  const overdueFeedback = work.feedback.filter((f) => f.overdue).length;

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
        description={
          overdueFeedback > 0
            ? `${overdueFeedback} past the answer deadline. Safety feedback must be answered within one day; other feedback within five working days.`
            : "Safety feedback must be answered within one day; other feedback within five working days."
        }
      >
        {work.feedback.length === 0 ? (
          <EmptyState title="No feedback is waiting for an answer on your projects" />
        ) : (
          <Table
            caption="Open feedback on your projects, earliest due first"
            rows={work.feedback}
            rowKey={(f) => f.id}
            rowClassName={(f) => (f.overdue ? "bg-red-50/40" : undefined)}
            columns={[projectColumn, ...openFeedbackColumns(clock.timeZone)]}
          />
        )}
      </Section>
    </>
  );
}
