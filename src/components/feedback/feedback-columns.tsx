// The columns every feedback table shares, so a piece of feedback reads the same on every page.
import type { FeedbackEscalation } from "@/lib/domain/feedback-loop";
import { SEVERITY_LABEL } from "@/lib/domain/labels";
import type { FeedbackKind, FeedbackStatus, Severity } from "@/lib/domain/vocabulary";
import { Badge } from "../ui/badge";
import { formatDateTime } from "../ui/format";
import type { Column } from "../ui/table";
import { FeedbackEscalationBadge, FeedbackKindBadge, FeedbackStatusBadge } from "./feedback-badges";

const feedbackKindColumn: Column<{ kind: FeedbackKind; severity: Severity }> = {
  header: "Kind",
  className: "whitespace-nowrap",
  cell: (f) => (
    <>
      <FeedbackKindBadge kind={f.kind} />
      <span className="block text-xs text-slate-500">{SEVERITY_LABEL[f.severity]} severity</span>
    </>
  ),
};

/** The feedback itself, with the team's answer beneath it when the row carries one. */
export const feedbackBodyColumn: Column<{ body: string; responseText?: string | null }> = {
  header: "Feedback",
  className: "max-w-xl",
  cell: (f) => (
    <>
      {f.body}
      {f.responseText ? (
        <span className="mt-1 block border-l-2 border-teal-600 pl-2 text-slate-600">{f.responseText}</span>
      ) : null}
    </>
  ),
};

const feedbackAuthorColumn: Column<{ authorName: string }> = {
  header: "From",
  className: "whitespace-nowrap",
  cell: (f) => f.authorName,
};

const feedbackStatusColumn: Column<{ status: FeedbackStatus }> = {
  header: "Status",
  cell: (f) => <FeedbackStatusBadge status={f.status} />,
};

/** The answer deadline in the trust's time zone, flagged once it has passed unanswered. */
function answerDueColumn(timeZone: string): Column<{ kind: FeedbackKind; dueAt: string; overdue: boolean }> {
  return {
    header: "Answer due",
    className: "whitespace-nowrap",
    // An endorsement is acknowledged, not answered, and never overdue (FB-1).
    cell: (f) =>
      f.kind === "ENDORSEMENT" ? (
        <span className="text-slate-600">No answer needed: acknowledge it</span>
      ) : (
        <>
          {formatDateTime(f.dueAt, timeZone)}
          {f.overdue ? (
            <span className="mt-1 block">
              <Badge tone="red">Overdue</Badge>
            </span>
          ) : null}
        </>
      ),
  };
}

/** FB-5: how far an unanswered item has been escalated, and the author's comment if they reopened it. */
const feedbackEscalationColumn: Column<{
  escalation: FeedbackEscalation;
  reopenCount: number;
  reopenComment: string | null;
}> = {
  header: "Escalation",
  cell: (f) => (
    <>
      <FeedbackEscalationBadge escalation={f.escalation} />
      {f.reopenCount > 0 ? (
        <span className="mt-1 block text-xs text-slate-600">
          Reopened by its author{f.reopenCount > 1 ? ` ${f.reopenCount} times` : ""}
          {f.reopenComment ? `: “${f.reopenComment}”` : ""}
        </span>
      ) : null}
    </>
  ),
};

/** Feedback still open on a project, as the project team works through it. */
export function openFeedbackColumns(timeZone: string) {
  return [
    feedbackKindColumn,
    feedbackBodyColumn,
    feedbackAuthorColumn,
    feedbackStatusColumn,
    answerDueColumn(timeZone),
  ] as const;
}

/** The queue of feedback a person owes an answer to, with escalations (my work). */
export function feedbackQueueColumns(timeZone: string) {
  return [...openFeedbackColumns(timeZone), feedbackEscalationColumn] as const;
}
