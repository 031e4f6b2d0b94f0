import type { FeedbackEscalation } from "@/lib/domain/feedback-loop";
import { FEEDBACK_ESCALATION_LABEL, FEEDBACK_KIND_LABEL, FEEDBACK_STATUS_LABEL } from "@/lib/domain/labels";
import type { FeedbackKind, FeedbackStatus } from "@/lib/domain/vocabulary";
import { Badge, type Tone } from "../ui/badge";

/** Safety feedback stands out in red wherever it is listed. */
export function FeedbackKindBadge({ kind }: { kind: FeedbackKind }) {
  return <Badge tone={kind === "SAFETY" ? "red" : "neutral"}>{FEEDBACK_KIND_LABEL[kind]}</Badge>;
}

// Answered feedback is good news (green); open feedback is neutral until it is overdue, which is
// shown by its own badge.
const STATUS_TONE: Record<FeedbackStatus, Tone> = {
  OPEN: "neutral",
  ACKNOWLEDGED: "neutral",
  RESPONDED: "green",
  CLOSED: "neutral",
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{FEEDBACK_STATUS_LABEL[status]}</Badge>;
}

/** FB-5: who an unanswered item has been escalated to; nothing while it is on time. */
export function FeedbackEscalationBadge({ escalation }: { escalation: FeedbackEscalation }) {
  if (escalation === "NONE") return null;
  return <Badge tone="red">{FEEDBACK_ESCALATION_LABEL[escalation]}</Badge>;
}
