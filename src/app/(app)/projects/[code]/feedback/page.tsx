import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FeedbackCard } from "@/components/feedback/feedback-card";
import { FeedbackStepForms } from "@/components/feedback/feedback-step-forms";
import { LogFeedbackForm } from "@/components/feedback/log-feedback-form";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, plural } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { FEEDBACK_KIND_LABEL } from "@/lib/domain/labels";
import { getProjectFeedback } from "@/lib/server/project-feedback";
import { requireProjectPage } from "@/lib/server/project-page";
import { firstValues, pageNumberSchema, type RawSearchParams } from "@/lib/server/search-params";
import {
  acceptFeedbackAnswerAction,
  acknowledgeFeedbackAction,
  closeFeedbackAction,
  logFeedbackAction,
  reopenFeedbackAction,
  respondToFeedbackAction,
} from "../actions";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export const metadata = { title: "Feedback" };

// ?show=all includes closed feedback; anything else shows what is still open.
const querySchema = z.object({
  show: z.enum(["open", "all"]).catch("open"),
  page: pageNumberSchema,
});

const STEP_ACTIONS = {
  acknowledge: acknowledgeFeedbackAction,
  respond: respondToFeedbackAction,
  accept: acceptFeedbackAnswerAction,
  reopen: reopenFeedbackAction,
  close: closeFeedbackAction,
};

export default async function ProjectFeedbackPage({ params, searchParams }: Props) {
  const { actor, clock, code, projectId, letter } = await requireProjectPage((await params).code);
  const { show, page } = querySchema.parse(firstValues(await searchParams));
  const thread = await getProjectFeedback(projectId, { id: actor.id, role: actor.role, letter }, clock, {
    filter: show,
    page,
  });
  if (!thread) notFound();
  const { counts, items } = thread;
  const path = `/projects/${encodeURIComponent(code)}/feedback`;
  const summary = [
    `${counts.awaitingTeam} awaiting the team's answer${counts.overdue > 0 ? ` (${counts.overdue} overdue)` : ""}`,
    `${counts.awaitingAuthor} answered, waiting for its author`,
    `${counts.closed} closed`,
  ].join(", ");

  return (
    <Section
      id="feedback"
      title="Feedback"
      description={`${summary}. Newest first. The project's Responsible or Accountable answers; the person who logged it accepts the answer or reopens it.${thread.seesDetail ? "" : " Names and the details of safety concerns are shared with the project team, executives and the portfolio office."}`}
    >
      <div className="mb-4 space-y-3">
        <nav aria-label="Which feedback" className="flex gap-1 text-sm">
          {(["open", "all"] as const).map((filter) => (
            <Link
              key={filter}
              href={filter === "open" ? path : `${path}?show=all`}
              aria-current={show === filter ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 font-medium ring-1 ring-inset ${
                show === filter
                  ? "bg-teal-700 text-white ring-teal-700"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
              }`}
            >
              {filter === "open"
                ? `Open (${counts.awaitingTeam + counts.awaitingAuthor})`
                : `All (${counts.total})`}
            </Link>
          ))}
        </nav>
        {thread.mayLog ? (
          <div className="max-w-3xl">
            <Disclosure summary="Log feedback">
              <LogFeedbackForm
                action={logFeedbackAction}
                projects={[
                  { id: thread.project.id, code, name: code, letter, milestones: thread.milestones },
                ]}
              />
            </Disclosure>
          </div>
        ) : null}
      </div>

      {items.total === 0 ? (
        <EmptyState
          title={show === "open" ? "No open feedback on this project" : "No feedback on this project yet"}
        >
          {thread.mayLog
            ? "Anyone who works with the project can log a concern, a safety issue, a suggestion or an endorsement: use “Log feedback”."
            : "Feedback logged by clinical champions and colleagues appears here with the team's answers."}
          {show === "open" && counts.total > 0 ? (
            <>
              {" "}
              <Link href={`${path}?show=all`} className="font-medium text-teal-800 underline">
                Show all {plural(counts.total, "item")}
              </Link>
              .
            </>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <ol className="space-y-3">
            {items.rows.map((item) => {
              const about = `the ${FEEDBACK_KIND_LABEL[item.kind].toLowerCase()} feedback logged ${formatDateTime(item.createdAt, clock.timeZone)}`;
              const anyStep = Object.values(item.steps).some(Boolean);
              return (
                <li key={item.id}>
                  <FeedbackCard item={item} timeZone={clock.timeZone} authorIsViewer={item.mine}>
                    {anyStep ? (
                      <FeedbackStepForms
                        key={item.version}
                        item={item}
                        steps={item.steps}
                        actions={STEP_ACTIONS}
                        about={about}
                      />
                    ) : null}
                  </FeedbackCard>
                </li>
              );
            })}
          </ol>
          <Pagination
            path={path}
            params={{ show: show === "all" ? "all" : undefined }}
            paged={items}
            noun="item"
          />
        </>
      )}
    </Section>
  );
}
