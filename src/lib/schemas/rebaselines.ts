import { z } from "zod";
import { REBASELINE_STATUSES, type RebaselineKind } from "@/lib/domain/vocabulary";
import { calendarDate, checkbox, id, money, text, version } from "./common";

// Which values move, whether they differ from the baseline and whether the reason explains
// anything are the rule's to judge (rebaselineRequestViolations), so its messages reach the fields.
export const requestRebaselineSchema = z.object({
  projectId: id("project"),
  milestoneId: id("milestone").optional(),
  proposedEndDate: calendarDate("the new end date").optional(),
  proposedBudget: money("the new budget").optional(),
  proposedMilestoneDate: calendarDate("the new milestone date").optional(),
  reason: z.string().default(""),
});
export type RequestRebaselineInput = z.input<typeof requestRebaselineSchema>;

export const decideRebaselineSchema = z.object({
  rebaselineId: id("rebaseline"),
  version,
  decision: z
    .enum(REBASELINE_STATUSES)
    .extract(["APPROVED", "REJECTED"], { error: "Choose approve or reject" }),
  // Required to reject (the rule judges it); optional context when approving.
  reason: z.string().max(2000, "The reason must be 2000 characters or fewer").default(""),
});
export type DecideRebaselineInput = z.input<typeof decideRebaselineSchema>;

// A scope change (docs/governance-rules.md REB-5): add a milestone, or cancel one, on a project
// whose plan is approved. Whether the project is past PROPOSED, the milestone still open and the
// reason meaningful are the rule's to judge (scopeChangeRequestViolations).
const scopeChange = { projectId: id("project"), reason: z.string().default("") };

export const requestScopeChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      ...scopeChange,
      kind: z.literal("ADD_MILESTONE" satisfies RebaselineKind),
      proposedMilestoneTitle: text("a title for the new milestone", 200),
      proposedMilestoneDate: calendarDate("the new milestone's baseline date"),
      proposedMilestoneIsGate: checkbox,
    }),
    z.object({
      ...scopeChange,
      kind: z.literal("CANCEL_MILESTONE" satisfies RebaselineKind),
      milestoneId: id("milestone"),
    }),
  ],
  { error: "Choose whether to add a milestone or cancel one" },
);
export type RequestScopeChangeInput = z.input<typeof requestScopeChangeSchema>;
