// One vocabulary: Prisma's generated enums (the database's) equal the domain's lists, value for
// value and in order, so the two can never drift apart.
import { describe, expect, it } from "vitest";
import * as prisma from "@/generated/prisma/enums";
import * as vocabulary from "@/lib/domain/vocabulary";

const PAIRS: [string, readonly string[], Record<string, string>][] = [
  ["Role", vocabulary.ROLES, prisma.Role],
  ["Discipline", vocabulary.DISCIPLINES, prisma.Discipline],
  ["ScorecardCategory", vocabulary.SCORECARD_CATEGORIES, prisma.ScorecardCategory],
  ["ObjectiveStatus", vocabulary.OBJECTIVE_STATUSES, prisma.ObjectiveStatus],
  ["ProjectKind", vocabulary.PROJECT_KINDS, prisma.ProjectKind],
  ["ProjectStage", vocabulary.PROJECT_STAGES, prisma.ProjectStage],
  ["Contribution", vocabulary.CONTRIBUTIONS, prisma.Contribution],
  ["RaciLetter", vocabulary.RACI_LETTERS, prisma.RaciLetter],
  ["MilestoneStatus", vocabulary.MILESTONE_STATUSES, prisma.MilestoneStatus],
  ["RebaselineStatus", vocabulary.REBASELINE_STATUSES, prisma.RebaselineStatus],
  ["RebaselineKind", vocabulary.REBASELINE_KINDS, prisma.RebaselineKind],
  ["StageGateStatus", vocabulary.STAGE_GATE_STATUSES, prisma.StageGateStatus],
  ["MetricDirection", vocabulary.METRIC_DIRECTIONS, prisma.MetricDirection],
  ["Cadence", vocabulary.CADENCES, prisma.Cadence],
  ["MetricFocus", vocabulary.METRIC_FOCUSES, prisma.MetricFocus],
  ["FeedbackKind", vocabulary.FEEDBACK_KINDS, prisma.FeedbackKind],
  ["Severity", vocabulary.SEVERITIES, prisma.Severity],
  ["FeedbackStatus", vocabulary.FEEDBACK_STATUSES, prisma.FeedbackStatus],
  ["FeedbackClosure", vocabulary.FEEDBACK_CLOSURES, prisma.FeedbackClosure],
  ["RiskStatus", vocabulary.RISK_STATUSES, prisma.RiskStatus],
  ["DecisionKind", vocabulary.DECISION_KINDS, prisma.DecisionKind],
];

describe("the domain vocabulary", () => {
  it.each(PAIRS)("%s has the database's values in the database's order", (_name, domain, database) => {
    expect([...domain]).toEqual(Object.values(database));
  });
});
