import type { Metadata } from "next";
import {
  acceptFeedbackAnswerAction,
  acknowledgeFeedbackAction,
  closeFeedbackAction,
  logFeedbackAction,
  reopenFeedbackAction,
  respondToFeedbackAction,
} from "@/app/(app)/projects/[code]/actions";
import { FeedbackCard } from "@/components/feedback/feedback-card";
import { FeedbackStepForms } from "@/components/feedback/feedback-step-forms";
import { LogFeedbackForm } from "@/components/feedback/log-feedback-form";
import { myProjectColumns, projectSiteColumn } from "@/components/projects/project-columns";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { FEEDBACK_KIND_LABEL } from "@/lib/domain/labels";
import { can } from "@/lib/domain/permissions";
import { listLoggableProjects, listMyFeedback, listRaciProjects } from "@/lib/server/my-feedback";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "My feedback" };

const STEP_ACTIONS = {
  acknowledge: acknowledgeFeedbackAction,
  respond: respondToFeedbackAction,
  accept: acceptFeedbackAnswerAction,
  reopen: reopenFeedbackAction,
  close: closeFeedbackAction,
};

export default async function MyFeedbackPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("my-feedback");
  const { page } = parsePageQuery(await searchParams);
  const now = new Date();
  const mayLog = can("feedback.log", { role: actor.role });
  const [clock, projects, loggable, feedback] = await Promise.all([
    getClock(now),
    listRaciProjects(actor.id),
    mayLog ? listLoggableProjects(actor.id) : Promise.resolve([]),
    listMyFeedback(actor.id, { page, now, role: actor.role }),
  ]);
  const waiting = feedback.awaitingAuthorCount;

  return (
    <>
      <PageHeader
        title="My feedback"
        description="Log what you see on a project, and follow the project team's answers to what you have logged."
      />

      {mayLog ? (
        <Section
          id="log"
          title="Log feedback"
          description="The project's team is asked to answer: safety feedback within hours when it is high or critical, everything else within working days."
        >
          <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            {loggable.length === 0 ? (
              <EmptyState title="No project takes feedback just now" />
            ) : (
              <LogFeedbackForm action={logFeedbackAction} projects={loggable} touch />
            )}
          </div>
        </Section>
      ) : null}

      <Section
        id="feedback"
        title="Feedback I have logged"
        description={`Newest first.${waiting > 0 ? ` ${plural(waiting, "answer")} waiting for you: accept an answer that resolves your feedback, or reopen it and say what is left.` : ""}`}
      >
        {feedback.total === 0 ? (
          <EmptyState title="You have not logged any feedback yet">
            Use “Log feedback” above: concerns, safety issues, suggestions and endorsements you log appear
            here with the team's answer.
          </EmptyState>
        ) : (
          <>
            <ol className="space-y-3">
              {feedback.rows.map((f) => (
                <li key={f.id}>
                  <FeedbackCard
                    item={f}
                    timeZone={clock.timeZone}
                    project={{ code: f.projectCode, name: f.projectName }}
                    authorIsViewer
                    touch
                  >
                    {f.steps.accept || f.steps.reopen ? (
                      <FeedbackStepForms
                        key={f.version}
                        item={f}
                        steps={f.steps}
                        actions={STEP_ACTIONS}
                        about={`your ${FEEDBACK_KIND_LABEL[f.kind].toLowerCase()} feedback on ${f.projectCode} logged ${formatDateTime(f.createdAt, clock.timeZone)}`}
                      />
                    ) : null}
                  </FeedbackCard>
                </li>
              ))}
            </ol>
            <Pagination path="/my-feedback" paged={feedback} noun="item" />
          </>
        )}
      </Section>

      <Section id="projects" title="My projects">
        {projects.length === 0 ? (
          <EmptyState title="You are not on any project's team yet">
            When a project team adds you as Responsible, Consulted or Informed, the project appears here and
            comes first when you log feedback.
          </EmptyState>
        ) : (
          <Table
            caption="Projects where you are on the RACI"
            rows={projects}
            rowKey={(p) => p.code}
            columns={[...myProjectColumns, projectSiteColumn]}
          />
        )}
      </Section>
    </>
  );
}
