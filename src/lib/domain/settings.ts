// The organisation's governance settings (docs/governance-rules.md), as the rules read them. The
// defaults are the columns' defaults in prisma/schema.prisma, used when the organisation row does
// not exist yet (a fresh installation before its first sign-in).

export interface GovernanceSettings {
  /** A rebaseline moving an end date at most this many days later is within tolerance. */
  rebaselineToleranceDays: number;
  /** A rebaseline raising the budget by at most this percentage is within tolerance. */
  rebaselineTolerancePercent: number;
  /** Schedule RAG: amber once the slip passes this share (%) of the planned duration. */
  scheduleAmberPercent: number;
  /** Schedule RAG: red once the slip passes this share (%) of the planned duration. */
  scheduleRedPercent: number;
  safetyCriticalAnswerHours: number;
  safetyHighAnswerHours: number;
  safetyOtherAnswerWorkingDays: number;
  feedbackAnswerWorkingDays: number;
  /** Days an answer waits for its author's acceptance before the team may close it; null: never. */
  feedbackAcceptanceTimeoutDays: number | null;
  /** The executive who sees overdue safety feedback after the project's Accountable. */
  dutyExecutiveId: string | null;
  /** Everyone signs in with a second factor, not only admins and executives (domain/mfa-policy). */
  mfaRequiredForAll: boolean;
}

export const DEFAULT_SETTINGS: Readonly<GovernanceSettings> = {
  rebaselineToleranceDays: 30,
  rebaselineTolerancePercent: 5,
  scheduleAmberPercent: 10,
  scheduleRedPercent: 20,
  safetyCriticalAnswerHours: 4,
  safetyHighAnswerHours: 24,
  safetyOtherAnswerWorkingDays: 2,
  feedbackAnswerWorkingDays: 5,
  feedbackAcceptanceTimeoutDays: null,
  dutyExecutiveId: null,
  mfaRequiredForAll: false,
};
