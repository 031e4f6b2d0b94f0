import type { Metadata } from "next";
import { FeedbackKindBadge, FeedbackStatusBadge } from "@/components/feedback/feedback-badges";
import { myProjectColumns, projectSiteColumn } from "@/components/projects/project-columns";
import { ProjectLink } from "@/components/projects/project-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { FEEDBACK_CLOSURE_LABEL, FEEDBACK_KIND_LABEL, SEVERITY_LABEL } from "@/lib/domain/labels";
import { listMyFeedback, listRaciProjects } from "@/lib/server/my-feedback";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "My feedback" };

export default async function MyFeedbackPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("my-feedback");
  const { page } = parsePageQuery(await searchParams);
  const now = new Date();
  const [clock, projects, feedback] = await Promise.all([
    getClock(now),
    listRaciProjects(actor.id),
    listMyFeedback(actor.id, { page, now }),
  ]);

  return (
    <>
      <PageHeader
        title="My feedback"
        description="The projects you sit on, and the feedback you have logged with the project team's answers."
      />

      <Section id="projects" title="My projects">
        {projects.length === 0 ? (
          <EmptyState title="You are not on any project's RACI yet">
            When a project team adds you as Responsible, Consulted or Informed, the project appears here.
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

      <Section id="feedback" title="Feedback I have logged" description="Newest first.">
        {feedback.total === 0 ? (
          <EmptyState title="You have not logged any feedback yet">
            Concerns, safety issues, suggestions and endorsements you log on a project appear here with the
            team's answer.
          </EmptyState>
        ) : (
          <>
            <ol className="space-y-3">
              {feedback.rows.map((f) => (
                <li key={f.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <article aria-label={`${FEEDBACK_KIND_LABEL[f.kind]} on ${f.projectCode}`}>
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <ProjectLink code={f.projectCode} />
                      <span className="text-slate-600">{f.projectName}</span>
                      <FeedbackKindBadge kind={f.kind} />
                      <span className="text-slate-500">{SEVERITY_LABEL[f.severity]} severity</span>
                      <span className="ml-auto flex items-center gap-2">
                        {f.overdue ? <Badge tone="red">Answer overdue</Badge> : null}
                        <FeedbackStatusBadge status={f.status} />
                      </span>
                    </div>
                    {f.milestoneTitle ? (
                      <p className="mt-1 text-xs text-slate-500">Milestone: {f.milestoneTitle}</p>
                    ) : null}
                    <p className="mt-2 text-sm text-slate-900">{f.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      Logged {formatDateTime(f.createdAt, clock.timeZone)}
                      {f.kind === "ENDORSEMENT" ? null : (
                        <> · answer due {formatDateTime(f.dueAt, clock.timeZone)}</>
                      )}
                    </p>
                    {f.reopenCount > 0 ? (
                      <p className="mt-2 text-sm text-slate-700">
                        You reopened the answer{f.reopenCount > 1 ? ` ${f.reopenCount} times` : ""}
                        {f.reopenComment ? `: “${f.reopenComment}”` : ""}
                      </p>
                    ) : null}
                    {f.response ? (
                      <div className="mt-3 border-l-2 border-teal-600 bg-slate-50 px-3 py-2">
                        <p className="text-xs font-medium text-slate-600">
                          Response{f.response.byName ? ` from ${f.response.byName}` : ""}
                          {f.response.at ? `, ${formatDateTime(f.response.at, clock.timeZone)}` : ""}
                        </p>
                        <p className="mt-1 text-sm text-slate-900">{f.response.text}</p>
                      </div>
                    ) : f.kind === "ENDORSEMENT" ? null : (
                      <p className="mt-3 text-sm text-slate-500 italic">No response yet.</p>
                    )}
                    {f.awaitingAuthor ? (
                      <p className="mt-2 text-sm font-medium text-slate-800">
                        Waiting for you: accept the answer if it resolves your feedback, or reopen it and say
                        what is left.
                      </p>
                    ) : null}
                    {f.closure ? (
                      <p className="mt-2 text-xs text-slate-600">{FEEDBACK_CLOSURE_LABEL[f.closure]}.</p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
            <Pagination path="/my-feedback" paged={feedback} noun="item" />
          </>
        )}
      </Section>
    </>
  );
}
