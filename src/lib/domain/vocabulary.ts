// The domain's vocabulary: every enumerated value the rules, schemas, pages and database share,
// spelled once. Prisma's generated enums must equal these (tests/domain/vocabulary.test.ts), so the
// domain never imports database code to name a stage or a role, and zod schemas build their enums
// from the same lists (z.enum(PROJECT_STAGES)).

export const ROLES = [
  "ADMIN",
  "EXECUTIVE",
  "PORTFOLIO_MANAGER",
  "PROJECT_MANAGER",
  "CLINICAL_CHAMPION",
  "VIEWER",
] as const;
export type Role = (typeof ROLES)[number];

export const DISCIPLINES = ["CLINICAL", "OPERATIONAL", "DIGITAL", "EXECUTIVE"] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const SCORECARD_CATEGORIES = [
  "QUALITY_SAFETY",
  "PATIENT_ACCESS_EXPERIENCE",
  "FINANCIAL",
  "OPERATIONAL_EFFICIENCY",
  "WORKFORCE",
] as const;
export type ScorecardCategory = (typeof SCORECARD_CATEGORIES)[number];

export const OBJECTIVE_STATUSES = ["DRAFT", "ACTIVE", "ACHIEVED", "RETIRED"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const PROJECT_KINDS = ["CLINICAL", "OPERATIONAL", "DIGITAL", "MIXED"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STAGES = [
  "PROPOSED",
  "APPROVED",
  "PILOT",
  "ROLLOUT",
  "CLOSED",
  "ON_HOLD",
  "CANCELLED",
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const CONTRIBUTIONS = ["PRIMARY", "SUPPORTING"] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

export const RACI_LETTERS = ["R", "A", "C", "I"] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const MILESTONE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const REBASELINE_STATUSES = ["REQUESTED", "APPROVED", "REJECTED"] as const;
export type RebaselineStatus = (typeof REBASELINE_STATUSES)[number];

export const REBASELINE_KINDS = ["BASELINE", "ADD_MILESTONE", "CANCEL_MILESTONE"] as const;
export type RebaselineKind = (typeof REBASELINE_KINDS)[number];

export const STAGE_GATE_STATUSES = ["REQUESTED", "APPROVED", "REJECTED", "WITHDRAWN"] as const;
export type StageGateStatus = (typeof STAGE_GATE_STATUSES)[number];

export const METRIC_DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const CADENCES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export type Cadence = (typeof CADENCES)[number];

export const METRIC_FOCUSES = ["LEADERSHIP", "OPERATIONS"] as const;
export type MetricFocus = (typeof METRIC_FOCUSES)[number];

export const FEEDBACK_KINDS = ["CONCERN", "SAFETY", "SUGGESTION", "ENDORSEMENT"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FEEDBACK_STATUSES = ["OPEN", "ACKNOWLEDGED", "RESPONDED", "CLOSED"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_CLOSURES = ["ACCEPTED", "ACCEPTANCE_TIMED_OUT", "ENDORSEMENT_ACKNOWLEDGED"] as const;
export type FeedbackClosure = (typeof FEEDBACK_CLOSURES)[number];

export const RISK_STATUSES = ["OPEN", "MITIGATING", "CLOSED"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const DECISION_KINDS = ["GENERAL", "SCALE", "DO_NOT_SCALE"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
