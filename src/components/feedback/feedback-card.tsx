// One piece of feedback as a card in a thread: what was said, by whom, where it stands in words
// (never colour alone), the team's answer and the author's reopening comment, with the steps the
// viewer may take below it. The same card on the project's feedback tab, my feedback and my work.
import type { FeedbackEscalation } from "@/lib/domain/feedback-loop";
import {
  FEEDBACK_CLOSURE_LABEL,
  FEEDBACK_ESCALATION_LABEL,
  FEEDBACK_KIND_LABEL,
  SEVERITY_LABEL,
} from "@/lib/domain/labels";
import type { FeedbackClosure, FeedbackKind, FeedbackStatus, Severity } from "@/lib/domain/vocabulary";
import { ProjectLink } from "../projects/project-link";
import { Badge } from "../ui/badge";
import { formatDateTime } from "../ui/format";
import { FeedbackKindBadge, FeedbackStatusBadge } from "./feedback-badges";

export interface FeedbackCardItem {
  kind: FeedbackKind;
  severity: Severity;
  status: FeedbackStatus;
  /** null: withheld from this viewer. */
  body: string | null;
  /** undefined: not shown on this page (the viewer wrote it all); null: withheld. */
  authorName?: string | null;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  escalation?: FeedbackEscalation;
  milestoneTitle?: string | null;
  response: { text: string | null; byName: string | null; at: string | null } | null;
  reopenCount: number;
  reopenComment: string | null;
  closure: FeedbackClosure | null;
  closedAt?: string | null;
}

/** Where the item stands and who moves next, in words. */
function nextStep(item: FeedbackCardItem, authorIsViewer: boolean, timeZone: string): string {
  const due = formatDateTime(item.dueAt, timeZone);
  switch (item.status) {
    case "OPEN":
    case "ACKNOWLEDGED":
      // FB-1: an endorsement is acknowledged, never answered or overdue.
      if (item.kind === "ENDORSEMENT") return "Waiting for the project team to acknowledge it.";
      return item.overdue
        ? `Answer overdue: it was due ${due}.`
        : `Waiting for the project team's answer, due ${due}.`;
    case "RESPONDED":
      return authorIsViewer
        ? "Answered: waiting for you to accept the answer or reopen it."
        : "Answered: waiting for its author to accept the answer or reopen it.";
    case "CLOSED":
      return item.closure
        ? `${FEEDBACK_CLOSURE_LABEL[item.closure]}${item.closedAt ? `, ${formatDateTime(item.closedAt, timeZone)}` : ""}.`
        : "Closed.";
  }
}

export function FeedbackCard({
  item,
  timeZone,
  project,
  authorIsViewer = false,
  touch = false,
  children,
}: {
  item: FeedbackCardItem;
  timeZone: string;
  /** Shown on pages that list feedback from several projects. */
  project?: { code: string; name?: string };
  /** The viewer wrote it: the card says "you". */
  authorIsViewer?: boolean;
  /** Larger step controls, for a tablet. */
  touch?: boolean;
  /** The steps the viewer may take. */
  children?: React.ReactNode;
}) {
  const label = `${FEEDBACK_KIND_LABEL[item.kind]}${project ? ` on ${project.code}` : ""}, logged ${formatDateTime(item.createdAt, timeZone)}`;
  const escalated = item.escalation && item.escalation !== "NONE";
  return (
    <article aria-label={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {project ? (
          <>
            <ProjectLink code={project.code} name={project.name} />
            {project.name ? <span className="text-slate-600">{project.name}</span> : null}
          </>
        ) : null}
        <FeedbackKindBadge kind={item.kind} />
        <span className="text-slate-600">{SEVERITY_LABEL[item.severity]} severity</span>
        <span className="ml-auto flex flex-wrap items-center gap-2">
          {escalated && item.escalation ? (
            <Badge tone="red">{FEEDBACK_ESCALATION_LABEL[item.escalation]}</Badge>
          ) : item.overdue ? (
            <Badge tone="red">Answer overdue</Badge>
          ) : null}
          <FeedbackStatusBadge status={item.status} />
        </span>
      </div>
      {item.milestoneTitle ? (
        <p className="mt-1 text-xs text-slate-600">Milestone: {item.milestoneTitle}</p>
      ) : null}
      {item.body === null ? (
        <p className="mt-2 text-sm text-slate-600 italic">
          A safety concern: its details are shared with the project team, executives and the portfolio office.
        </p>
      ) : (
        <p className="mt-2 text-sm whitespace-pre-line text-slate-900">{item.body}</p>
      )}
      <p className="mt-1 text-xs text-slate-600">
        {authorIsViewer ? "Logged by you," : item.authorName ? `From ${item.authorName},` : "Logged"}{" "}
        {formatDateTime(item.createdAt, timeZone)}
      </p>
      {item.reopenCount > 0 ? (
        <p className="mt-2 text-sm text-slate-800">
          {authorIsViewer ? "You reopened the answer" : "Its author reopened the answer"}
          {item.reopenCount > 1 ? ` ${item.reopenCount} times` : ""}
          {item.reopenComment ? `: “${item.reopenComment}”` : "."}
        </p>
      ) : null}
      {item.response ? (
        <div className="mt-3 border-l-2 border-teal-600 bg-slate-50 px-3 py-2">
          <p className="text-xs font-medium text-slate-700">
            {item.status === "OPEN" || item.status === "ACKNOWLEDGED" ? "Earlier answer" : "Answer"}
            {item.response.byName ? ` from ${item.response.byName}` : ""}
            {item.response.at ? `, ${formatDateTime(item.response.at, timeZone)}` : ""}
          </p>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-900">
            {item.response.text ?? "Shared with the project team."}
          </p>
        </div>
      ) : null}
      <p className="mt-2 text-sm font-medium text-slate-800">{nextStep(item, authorIsViewer, timeZone)}</p>
      {children ? (
        <div
          className={`mt-3 flex flex-wrap items-start gap-2 ${touch ? "[&_button]:min-h-11 [&_button]:text-base [&_summary]:min-h-11 [&_summary]:px-4 [&_summary]:text-base" : ""}`}
        >
          {children}
        </div>
      ) : null}
    </article>
  );
}
