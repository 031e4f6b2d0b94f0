import type { FieldViolation, Violation } from "./violations";
import type { RiskStatus } from "./vocabulary";

// Risks: scored on the usual 5×5 matrix. The SQL CHECK constraints hold the
// scale too; this is the readable refusal that comes first.

export const RISK_SCALE_MIN = 1;
export const RISK_SCALE_MAX = 5;

export interface RiskFacts {
  likelihood: number;
  impact: number;
  status: RiskStatus;
  mitigation: string | null | undefined;
}

function onScale(value: number): boolean {
  return Number.isInteger(value) && value >= RISK_SCALE_MIN && value <= RISK_SCALE_MAX;
}

/**
 * A risk is being mitigated only if someone has written down how: "MITIGATING" with no mitigation
 * would show the heat map a comfort that nobody has earned.
 */
export function riskViolations(risk: RiskFacts): FieldViolation[] {
  const violations: Violation[] = [];
  if (!onScale(risk.likelihood)) {
    violations.push({
      code: "LIKELIHOOD_OFF_SCALE",
      message: `Likelihood is scored as a whole number from ${RISK_SCALE_MIN} (rare) to ${RISK_SCALE_MAX} (almost certain)`,
    });
  }
  if (!onScale(risk.impact)) {
    violations.push({
      code: "IMPACT_OFF_SCALE",
      message: `Impact is scored as a whole number from ${RISK_SCALE_MIN} (negligible) to ${RISK_SCALE_MAX} (catastrophic)`,
    });
  }
  if (risk.status === "MITIGATING" && !risk.mitigation?.trim()) {
    violations.push({
      code: "MITIGATION_REQUIRED",
      message: "Describe the mitigation before marking the risk as being mitigated",
    });
  }
  return violations;
}
