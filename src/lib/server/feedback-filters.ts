import "server-only";
import type { FeedbackStatus } from "@/lib/domain/vocabulary";

/**
 * Feedback still waiting for the project's answer, for database filters; the same statuses that
 * the domain's computeFeedbackSla treats as awaiting an answer.
 */
export const AWAITING_ANSWER_STATUSES: FeedbackStatus[] = ["OPEN", "ACKNOWLEDGED"];
