import type { Metadata } from "next";
import Link from "next/link";
import {
  acceptFeedbackAnswerAction,
  acknowledgeFeedbackAction,
  changeMilestoneForecastAction,
  closeFeedbackAction,
  completeMilestoneAction,
  reopenFeedbackAction,
  respondToFeedbackAction,
} from "@/app/(app)/projects/[code]/actions";
import { FeedbackCard } from "@/components/feedback/feedback-card";
import { FeedbackStepForms } from "@/components/feedback/feedback-step-forms";
import { ChangeForecastForm, CompleteMilestoneForm } from "@/components/milestones/milestone-forms";
import { myProjectColumns, projectColumn } from "@/components/projects/project-columns";
import { ProjectLink, projectHref } from "@/components/projects/project-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatSlip } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Table } from "@/components/ui/table";
import { toIsoDate } from "@/lib/domain/calendar";
import { CADENCE_LABEL, FEEDBACK_KIND_LABEL } from "@/lib/domain/labels";
import { clockAt } from "@/lib/server/dates";
import { DUE_SOON_DAYS, getMyWork } from "@/lib/server/my-work";
import { getOrganisationSettings } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "My work" };

const FEEDBACK_ACTIONS = {
  acknowledge: acknowledgeFeedbackAction,
  respond: respondToFeedbackAction,
  accept: acceptFeedbackAnswerAction,
  reopen: reopenFeedbackAction,
  close: closeFeedbackAction,
};
export default async function MyWorkPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("my-work");
  // ?page= pages through the feedback, the one list here that can grow long.
  const { page } = parsePageQuery(await searchParams);
  // One read of the organisation gives both the clock and the settings the lists are judged by.
  const settings = await getOrganisationSettings();
  const clock = clockAt(new Date(), settings.timeZone);
  const work = await getMyWork(actor.id, clock, { feedbackPage: page, role: actor.role, settings });
  const { feedback } = work;
  const today = toIsoDate(clock.today);
  const overdueMilestones = work.milestones.filter((m) => m.overdue).length;
  const otherRoles = work.roles.filter((r) => r.letter === "C" || r.letter === "I");
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
        description={`The projects you are Responsible or Accountable for, their milestones overdue or due in the next ${DUE_SOON_DAYS} days, metric values to record, and feedback waiting for your answer.`}
      />

      <StatGrid>
        <StatCard
          label="Milestones overdue or due soon"
          value={work.milestones.length}
          detail={`${overdueMilestones} overdue`}
          tone={overdueMilestones > 0 ? "red" : "neutral"}
        />
        <StatCard
          label="Metric values to record"
          value={work.metricValuesDue.length}
          detail={`${work.metricValuesDue.filter((m) => m.overdue).length} overdue`}
          tone={work.metricValuesDue.some((m) => m.overdue) ? "amber" : "neutral"}
        />
        <StatCard
          label="Feedback awaiting your answer"
          value={feedback.total}
          detail={`${feedback.overdueCount} overdue`}
          tone={feedback.overdueCount > 0 ? "red" : "neutral"}
        />
        <StatCard
          label="Projects you run"
          value={work.projects.length}
          detail={`${otherRoles.length} more where you are C or I`}
        />
      </StatGrid>

      <div className="mt-8">
        <Section
          id="milestones"
          title={`Milestones overdue or due soon (${work.milestones.length})`}
          description={`Not yet done, with a forecast date before today or within the next ${DUE_SOON_DAYS} days. A forecast later than the baseline puts a milestone at risk.`}
        >
          {work.milestones.length === 0 ? (
            <EmptyState title={`Nothing overdue and nothing due in the next ${DUE_SOON_DAYS} days`}>
              Milestones appear here two weeks before their forecast date.
            </EmptyState>
          ) : (
            <ol className="space-y-3">
              {work.milestones.map((m) => (
                <li key={m.id}>
                  <article
                    aria-label={`${m.title}, ${m.projectCode}`}
                    className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  >
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <ProjectLink code={m.projectCode} name={m.projectName} />
                      <Link
                        href={`${projectHref(m.projectCode)}/milestones`}
                        className="font-medium text-slate-900 underline-offset-2 hover:underline"
                      >
                        {m.title}
                      </Link>
                      {m.isGate ? <Badge tone="info">Stage gate</Badge> : null}
                      <span className="ml-auto flex flex-wrap gap-1">
                        {m.overdue ? <Badge tone="red">Overdue</Badge> : <Badge>Due soon</Badge>}
                        {m.atRisk ? <Badge tone="amber">At risk</Badge> : null}
                      </span>
                    </div>
                    <p className="mt-1 text-sm text-slate-700">
                      Forecast {formatDate(m.forecastDate)} · baseline {formatDate(m.baselineDate)} ·{" "}
                      {formatSlip(m.slipDays)}
                    </p>
                    {m.mayManage ? (
                      <div className="mt-3 flex flex-wrap items-start gap-2">
                        {/* The milestones tab's own forms: one way to move or complete a milestone. */}
                        <ChangeForecastForm action={changeMilestoneForecastAction} milestone={m} />
                        <CompleteMilestoneForm action={completeMilestoneAction} milestone={m} today={today} />
                      </div>
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
          )}
        </Section>

        <Section
          id="metrics"
          title={`Metric values to record (${work.metricValuesDue.length})`}
          description="Metrics on the projects you run, or that you own, with no value for a period that has ended. Record them on the project's metrics tab; a value is overdue once its period is past the cadence's grace (3 days weekly, 10 monthly, 21 quarterly)."
        >
          {work.metricValuesDue.length === 0 ? (
            <EmptyState title="Every metric has its values up to the last period that ended" />
          ) : (
            <Table
              caption="Metrics with values to record, by project"
              rows={work.metricValuesDue}
              rowKey={(m) => m.metricId}
              columns={[
                projectColumn,
                {
                  header: "Metric",
                  cell: (m) => (
                    <>
                      {m.name}
                      <span className="block text-xs text-slate-600">
                        {CADENCE_LABEL[m.cadence]}, in {m.unit}
                      </span>
                    </>
                  ),
                },
                {
                  header: "Missing",
                  cell: (m) => (
                    <>
                      {m.missingPeriods.length === 1
                        ? `The period starting ${formatDate(m.missingPeriods[0] ?? "")}`
                        : `${m.missingPeriods.length} periods, the oldest starting ${formatDate(m.missingPeriods[0] ?? "")}`}
                      <span className="mt-1 block">
                        {m.overdue ? <Badge tone="amber">Overdue</Badge> : <Badge>Due</Badge>}
                      </span>
                    </>
                  ),
                },
                {
                  header: "Record",
                  cell: (m) => (
                    <Link
                      href={`${projectHref(m.projectCode)}/metrics`}
                      className="font-medium whitespace-nowrap text-teal-800 underline"
                    >
                      Record a value<span className="sr-only"> for {m.name}</span>
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </Section>

        <Section
          id="feedback"
          title={`Feedback awaiting your answer (${feedback.total})`}
          description={`${feedbackSummary ? `${feedbackSummary}. ` : ""}Earliest due first. Safety feedback is answered in hours or days by severity, other feedback in working days. Overdue feedback is flagged to the project's Accountable; safety feedback still unanswered after as long again reaches the executive on duty. Endorsements need only an acknowledgement.`}
        >
          {feedback.total === 0 ? (
            <EmptyState title="No feedback is waiting for an answer on your projects">
              New feedback on the projects you run appears here with its answer time.
            </EmptyState>
          ) : (
            <>
              <ol className="space-y-3">
                {feedback.rows.map((f) => (
                  <li key={f.id}>
                    <FeedbackCard
                      item={{
                        ...f,
                        response: f.earlierResponse
                          ? { text: f.earlierResponse, byName: null, at: null }
                          : null,
                        closure: null,
                      }}
                      timeZone={clock.timeZone}
                      project={{ code: f.projectCode, name: f.projectName }}
                    >
                      {f.steps.acknowledge || f.steps.respond ? (
                        <FeedbackStepForms
                          key={f.version}
                          item={f}
                          steps={f.steps}
                          actions={FEEDBACK_ACTIONS}
                          about={`the ${FEEDBACK_KIND_LABEL[f.kind].toLowerCase()} feedback on ${f.projectCode} logged ${formatDateTime(f.createdAt, clock.timeZone)}`}
                        />
                      ) : f.letter === null ? (
                        <p className="text-sm text-slate-700">
                          Escalated to you as executive on duty: the project's Responsible or Accountable
                          answers it. Follow it up with them.
                        </p>
                      ) : null}
                    </FeedbackCard>
                  </li>
                ))}
              </ol>
              <Pagination path="/my-work" paged={feedback} noun="item" />
            </>
          )}
        </Section>

        <Section id="projects" title={`My projects (${work.projects.length})`}>
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

        {otherRoles.length > 0 ? (
          <Section
            id="other-roles"
            title={`Teams you are consulted on or informed of (${otherRoles.length})`}
            description="You hold no delivery duty here; you see these projects' feedback in full."
          >
            <Table
              caption="Projects where you are Consulted or Informed"
              rows={otherRoles}
              rowKey={(p) => p.code}
              columns={[...myProjectColumns]}
            />
          </Section>
        ) : null}
      </div>
    </>
  );
}
