// The words users read for the domain's enumerated values, in one table: the rules' messages and
// every page name a stage, a role or a status the same way. Pure, so server and client components
// and the domain all import it. Every value of every enum has its word (tests/domain/labels.test.ts).
import type { FeedbackEscalation } from "./feedback-loop";
import type { MetricStatus, Rag } from "./metrics";
import type { MilestoneHealth } from "./milestones";
import type {
  Cadence,
  Contribution,
  DecisionKind,
  Discipline,
  FeedbackClosure,
  FeedbackKind,
  FeedbackStatus,
  MetricDirection,
  MetricFocus,
  MilestoneStatus,
  ObjectiveStatus,
  ProjectKind,
  ProjectStage,
  RaciLetter,
  RebaselineKind,
  RebaselineStatus,
  RiskStatus,
  Role,
  ScorecardCategory,
  Severity,
  StageGateStatus,
} from "./vocabulary";

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Administrator",
  EXECUTIVE: "Executive",
  PORTFOLIO_MANAGER: "Portfolio manager",
  PROJECT_MANAGER: "Project manager",
  CLINICAL_CHAMPION: "Clinical champion",
  VIEWER: "Viewer",
};

export const DISCIPLINE_LABEL: Record<Discipline, string> = {
  CLINICAL: "Clinical",
  OPERATIONAL: "Operational",
  DIGITAL: "Digital",
  EXECUTIVE: "Executive",
};

/** The balanced-scorecard perspective an objective or a metric sits under. */
export const CATEGORY_LABEL: Record<ScorecardCategory, string> = {
  QUALITY_SAFETY: "Quality and safety",
  PATIENT_ACCESS_EXPERIENCE: "Patient access and experience",
  FINANCIAL: "Financial",
  OPERATIONAL_EFFICIENCY: "Operational efficiency",
  WORKFORCE: "Workforce",
};

export const OBJECTIVE_STATUS_LABEL: Record<ObjectiveStatus, string> = {
  DRAFT: "Draft",
  ACTIVE: "Active",
  ACHIEVED: "Achieved",
  RETIRED: "Retired",
};

export const PROJECT_KIND_LABEL: Record<ProjectKind, string> = {
  CLINICAL: "Clinical",
  OPERATIONAL: "Operational",
  DIGITAL: "Digital",
  MIXED: "Mixed",
};

export const STAGE_LABEL: Record<ProjectStage, string> = {
  PROPOSED: "Proposed",
  APPROVED: "Approved",
  PILOT: "Pilot",
  ROLLOUT: "Rollout",
  CLOSED: "Closed",
  ON_HOLD: "On hold",
  CANCELLED: "Cancelled",
};

export const CONTRIBUTION_LABEL: Record<Contribution, string> = {
  PRIMARY: "Primary",
  SUPPORTING: "Supporting",
};

export const RACI_LABEL: Record<RaciLetter, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

export const MILESTONE_STATUS_LABEL: Record<MilestoneStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  CANCELLED: "Cancelled",
};

export const MILESTONE_HEALTH_LABEL: Record<MilestoneHealth, string> = {
  OVERDUE: "Overdue",
  AT_RISK: "At risk",
  DUE_SOON: "Due soon",
  ON_TRACK: "On track",
  DONE_ON_TIME: "Done on time",
  DONE_LATE: "Done late",
  CANCELLED: "Cancelled",
};

export const REBASELINE_STATUS_LABEL: Record<RebaselineStatus, string> = {
  REQUESTED: "Awaiting a decision",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

/** What a rebaseline request asks for (docs/governance-rules.md REB-1, REB-5). */
export const REBASELINE_KIND_LABEL: Record<RebaselineKind, string> = {
  BASELINE: "Move the baseline",
  ADD_MILESTONE: "Add a milestone",
  CANCEL_MILESTONE: "Cancel a milestone",
};

export const STAGE_GATE_STATUS_LABEL: Record<StageGateStatus, string> = {
  REQUESTED: "Awaiting a decision",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};

export const METRIC_DIRECTION_LABEL: Record<MetricDirection, string> = {
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
};

/** The dashboard a metric belongs on. */
export const METRIC_FOCUS_LABEL: Record<MetricFocus, string> = {
  LEADERSHIP: "Leadership",
  OPERATIONS: "Operations",
};

export const CADENCE_LABEL: Record<Cadence, string> = {
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
};

/** Where a cadence's periods start, completing "values are recorded against …". */
export const CADENCE_PERIOD_START_LABEL: Record<Cadence, string> = {
  WEEKLY: "a Monday",
  MONTHLY: "the first day of a month",
  QUARTERLY: "the first day of a quarter (1 January, April, July or October)",
};

export const RAG_LABEL: Record<Rag, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

/** A metric's colour, or why it has none (docs/governance-rules.md NUM-6). */
export const METRIC_STATUS_LABEL: Record<MetricStatus, string> = {
  ...RAG_LABEL,
  NO_RECENT_DATA: "No recent data",
  NO_DATA: "No data yet",
};

export const FEEDBACK_KIND_LABEL: Record<FeedbackKind, string> = {
  CONCERN: "Concern",
  SAFETY: "Safety",
  SUGGESTION: "Suggestion",
  ENDORSEMENT: "Endorsement",
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const FEEDBACK_STATUS_LABEL: Record<FeedbackStatus, string> = {
  OPEN: "Open",
  ACKNOWLEDGED: "Acknowledged",
  RESPONDED: "Responded",
  CLOSED: "Closed",
};

/** How a piece of feedback closed (docs/governance-rules.md FB-1, FB-3, FB-4). */
export const FEEDBACK_CLOSURE_LABEL: Record<FeedbackClosure, string> = {
  ACCEPTED: "Answer accepted by its author",
  ACCEPTANCE_TIMED_OUT: "Closed by the team: its author did not reply in time",
  ENDORSEMENT_ACKNOWLEDGED: "Endorsement acknowledged",
};

/** Who unanswered feedback has reached (docs/governance-rules.md FB-5). */
export const FEEDBACK_ESCALATION_LABEL: Record<FeedbackEscalation, string> = {
  NONE: "Not escalated",
  ACCOUNTABLE: "Overdue: escalated to the Accountable",
  DUTY_EXECUTIVE: "Escalated to the executive on duty",
};

export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  OPEN: "Open",
  MITIGATING: "Mitigating",
  CLOSED: "Closed",
};

export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  GENERAL: "General decision",
  SCALE: "Scale up the pilot",
  DO_NOT_SCALE: "Do not scale up the pilot",
};

/**
 * The security log's events (src/lib/auth/security-log.ts SECURITY_ACTIONS; docs/security-sessions.md),
 * as the admin's security log names them. tests/auth/security-log-page.test.ts checks each has one.
 */
export const SECURITY_ACTION_LABEL: Readonly<Record<string, string>> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.locked_out": "Locked out",
  "auth.sign_out": "Signed out",
  "auth.sessions_revoked": "Sessions ended",
  "auth.password_changed": "Password changed",
  "auth.mfa_enrolled": "Two-step sign-in set up",
  "auth.mfa_challenge_failed": "Two-step code refused",
  "auth.mfa_recovery_code_used": "Recovery code used",
  "auth.mfa_reset": "Two-step sign-in reset",
};

/** Why sessions ended (src/lib/auth/sessions.ts REVOCATION_REASONS), in the security log's words. */
export const REVOCATION_REASON_LABEL: Readonly<Record<string, string>> = {
  sign_out: "signed out",
  signed_out_everywhere: "signed out everywhere",
  ended_by_admin: "ended by an administrator",
  password_changed: "password changed",
  password_reset: "password reset by an administrator",
  mfa_reset: "two-step sign-in reset",
  role_changed: "role changed",
  deactivated: "account deactivated",
};
