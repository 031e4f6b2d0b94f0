// One vocabulary: Prisma's generated enums (the database's) equal the domain's lists, value for
// value and in order, so the two can never drift apart.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as prisma from "@/generated/prisma/enums";
import * as vocabulary from "@/lib/domain/vocabulary";
import { scorecardCategory } from "@/lib/schemas/common";
import { createObjectiveSchema, updateObjectiveSchema } from "@/lib/schemas/objectives";
import { projectStage } from "@/lib/schemas/projects";
import { assignRaciSchema, handOverAccountableSchema, removeRaciSchema } from "@/lib/schemas/raci";
import { decideRebaselineSchema } from "@/lib/schemas/rebaselines";
import { decideStageGateSchema } from "@/lib/schemas/stage-gates";

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

// The zod schemas build their enums from the same lists (a subset is expressed from them), so a
// form accepts exactly the values the database holds, and says what to choose when it does not.
describe("the schemas' enums", () => {
  const refusal = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  it.each([
    ["projectStage", projectStage, vocabulary.PROJECT_STAGES, "Choose the stage to move to"],
    ["scorecardCategory", scorecardCategory, vocabulary.SCORECARD_CATEGORIES, "Choose a scorecard category"],
  ] as const)(
    "%s takes every value of the vocabulary and refuses others",
    (_name, schema, values, message) => {
      expect(schema.options).toEqual([...values]);
      expect(refusal(schema, "SOMETHING_ELSE")).toBe(message);
    },
  );

  it("keeps each subset's own words", () => {
    const raci = assignRaciSchema.shape.letter;
    expect(raci.options).toEqual(["R", "C", "I"]);
    expect(refusal(raci, "A")).toBe("Choose R, C or I (hand over the A separately)");
    const previousHolder = handOverAccountableSchema.shape.previousHolderBecomes;
    expect(refusal(previousHolder, "A")).not.toBeNull();
    expect(previousHolder.parse(undefined)).toBe("I");
    expect(removeRaciSchema.shape.currentLetter.options).toEqual([...vocabulary.RACI_LETTERS]);

    const objectiveStatus = createObjectiveSchema.shape.status;
    expect(refusal(objectiveStatus, "ACHIEVED")).toBe("Choose draft or active");
    expect(refusal(updateObjectiveSchema.shape.status, "PAUSED")).toBe("Choose a status");

    for (const decision of [decideRebaselineSchema.shape.decision, decideStageGateSchema.shape.decision]) {
      expect(decision.options).toEqual(["APPROVED", "REJECTED"]);
      expect(refusal(decision, "WITHDRAWN")).toBe("Choose approve or reject");
    }
  });
});
