import { z } from "zod";
import { PROJECT_KINDS, PROJECT_STAGES } from "@/lib/domain/vocabulary";
import { calendarDate, id, money, text, version } from "./common";

/** Codes such as DIG-01, stored upper-case. */
export const projectCode = z
  .string({ error: "Enter a code, for example DIG-14" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{0,7}-\d{1,4}$/, "Use a code such as DIG-14: letters, a hyphen, then a number");

const kind = z.enum(PROJECT_KINDS, { error: "Choose the kind of project" });

/** Baselines are not form fields here: they move only through an approved rebaseline (rule 5). */
const baselineMovesByRebaseline = z
  .never({ error: "The baseline moves only through an approved rebaseline: request one instead" })
  .optional();

export const createProjectSchema = z
  .object({
    code: projectCode,
    name: text("a name", 200),
    summary: text("a summary", 4000),
    kind,
    siteId: id("site"),
    startDate: calendarDate("the start date"),
    /** The baseline end date, and the first forecast. */
    endDate: calendarDate("the end date"),
    budget: money("the budget"),
    expectedBenefits: text("the expected benefits", 4000),
    // Rule 2: a project never exists without its Accountable.
    accountableId: id("Accountable"),
    // Optional: a proposal may still be looking for its delivery lead (see createProject).
    responsibleId: id("Responsible").optional(),
  })
  .refine((p) => p.endDate > p.startDate, {
    error: "The end date must be after the start date",
    path: ["endDate"],
  });
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  projectId: id("project"),
  version,
  name: text("a name", 200),
  summary: text("a summary", 4000),
  kind,
  siteId: id("site"),
  expectedBenefits: text("the expected benefits", 4000),
  forecastEndDate: calendarDate("the forecast end date"),
  // Needed only when the forecast end date moves; its substance is the rule's to judge.
  forecastReason: z.string().default(""),
  baselineEndDate: baselineMovesByRebaseline,
  baselineBudget: baselineMovesByRebaseline,
});
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const projectStage = z.enum(PROJECT_STAGES, { error: "Choose the stage to move to" });

/**
 * Direct moves only: on hold, resume, cancel (docs/governance-rules.md GATE-4). Gate stages are
 * requested (schemas/stage-gates). The reason is required; its substance is the rule's to judge.
 */
export const changeProjectStageSchema = z.object({
  projectId: id("project"),
  version,
  toStage: projectStage,
  reason: z.string().default(""),
});
export type ChangeProjectStageInput = z.input<typeof changeProjectStageSchema>;
