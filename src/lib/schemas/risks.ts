import { z } from "zod";
import { RISK_SCALE_MAX, RISK_SCALE_MIN } from "@/lib/domain/risks";
import { RISK_STATUSES } from "@/lib/domain/vocabulary";
import { formNumber, id, optionalText, text, version } from "./common";

/** A 1–5 score from a select or radio group: "3" or 3. */
const score = (label: string) => {
  const message = `Choose the ${label} from ${RISK_SCALE_MIN} to ${RISK_SCALE_MAX}`;
  return formNumber(
    z.number({ error: message }).int(message).min(RISK_SCALE_MIN, message).max(RISK_SCALE_MAX, message),
  );
};

const status = z.enum(RISK_STATUSES, { error: "Choose a status" });

const riskFields = z.object({
  title: text("a title", 200),
  description: optionalText("the description", 2000),
  likelihood: score("likelihood"),
  impact: score("impact"),
  mitigation: optionalText("the mitigation", 2000),
  ownerId: id("owner"),
});

export const createRiskSchema = riskFields.extend({
  projectId: id("project"),
  status: status.default("OPEN"),
});
export type CreateRiskInput = z.input<typeof createRiskSchema>;

// A whole-form edit: no defaults, so a field left out is an error rather than a silent reset.
export const updateRiskSchema = riskFields.extend({ riskId: id("risk"), version, status });
export type UpdateRiskInput = z.input<typeof updateRiskSchema>;
