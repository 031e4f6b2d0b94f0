// Words users read for the domain's enum values. Pure, shared by server and client components.
import type {
  Cadence,
  Contribution,
  Discipline,
  FeedbackClosure,
  FeedbackKind,
  FeedbackStatus,
  MilestoneStatus,
  ObjectiveStatus,
  ProjectKind,
  ProjectStage,
  RiskStatus,
  Role,
  ScorecardCategory,
  Severity,
} from "@/generated/prisma/enums";
import type { MilestoneHealth } from "@/lib/domain/milestones";
import { STAGE_LABELS } from "@/lib/domain/stage-gates";

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

// The stage machine names stages in its own gate messages: pages use the same words.
export const STAGE_LABEL: Record<ProjectStage, string> = STAGE_LABELS;

export const CONTRIBUTION_LABEL: Record<Contribution, string> = {
  PRIMARY: "Primary",
  SUPPORTING: "Supporting",
};

export const RACI_LABEL = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
} as const;

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

export const FEEDBACK_KIND_LABEL: Record<FeedbackKind, string> = {
  CONCERN: "Concern",
  SAFETY: "Safety",
  SUGGESTION: "Suggestion",
  ENDORSEMENT: "Endorsement",
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

export const SEVERITY_LABEL: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  OPEN: "Open",
  MITIGATING: "Mitigating",
  CLOSED: "Closed",
};

export const CADENCE_LABEL: Record<Cadence, string> = {
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
};

export const RAG_LABEL = { RED: "Red", AMBER: "Amber", GREEN: "Green" } as const;
