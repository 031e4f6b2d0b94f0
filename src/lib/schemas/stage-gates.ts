import { z } from "zod";
import { STAGE_GATE_STATUSES } from "@/lib/domain/vocabulary";
import { id, version } from "./common";
import { projectStage } from "./projects";

// Whether the stage is a gate, whether the project passes it and whether the reason explains
// anything are the rules' to judge (domain/stage-gate-requests), so their messages reach the fields.

export const requestStageGateSchema = z.object({
  projectId: id("project"),
  /** The project's version, as the form read it. */
  version,
  toStage: projectStage,
  reason: z.string().default(""),
});
export type RequestStageGateInput = z.input<typeof requestStageGateSchema>;

export const decideStageGateSchema = z.object({
  requestId: id("stage gate request"),
  version,
  decision: z
    .enum(STAGE_GATE_STATUSES)
    .extract(["APPROVED", "REJECTED"], { error: "Choose approve or reject" }),
  // Required to reject (the rule judges it); optional context when approving.
  reason: z.string().max(2000, "The reason must be 2000 characters or fewer").default(""),
});
export type DecideStageGateInput = z.input<typeof decideStageGateSchema>;

export const withdrawStageGateSchema = z.object({
  requestId: id("stage gate request"),
  version,
});
export type WithdrawStageGateInput = z.input<typeof withdrawStageGateSchema>;
