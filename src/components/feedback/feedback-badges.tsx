import type { FeedbackKind, FeedbackStatus } from "@/generated/prisma/enums";
import { Badge, type Tone } from "../ui/badge";
import { FEEDBACK_KIND_LABEL, FEEDBACK_STATUS_LABEL } from "../ui/labels";

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
