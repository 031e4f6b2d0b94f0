import { describe, expect, it } from "vitest";
import { type RiskFacts, riskViolations } from "@/lib/domain/risks";

const risk = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  likelihood: 3,
  impact: 4,
  status: "OPEN",
  mitigation: null,
  ...overrides,
});

function codes(violations: readonly { code: string }[]): string[] {
  return violations.map((v) => v.code);
}

describe("riskViolations", () => {
  it("accepts scores from 1 to 5, open or closed, with or without a mitigation", () => {
    expect(riskViolations(risk({ likelihood: 1, impact: 1 }))).toEqual([]);
    expect(riskViolations(risk({ likelihood: 5, impact: 5 }))).toEqual([]);
    expect(riskViolations(risk({ status: "CLOSED" }))).toEqual([]);
    expect(riskViolations(risk({ mitigation: "Weekly supplier review" }))).toEqual([]);
  });

  it("refuses scores off the 5×5 matrix, including fractions", () => {
    expect(codes(riskViolations(risk({ likelihood: 0 })))).toEqual(["LIKELIHOOD_OFF_SCALE"]);
    expect(codes(riskViolations(risk({ likelihood: 6 })))).toEqual(["LIKELIHOOD_OFF_SCALE"]);
    expect(codes(riskViolations(risk({ impact: 2.5 })))).toEqual(["IMPACT_OFF_SCALE"]);
    expect(codes(riskViolations(risk({ impact: Number.NaN })))).toEqual(["IMPACT_OFF_SCALE"]);
  });

  it("needs a written mitigation before a risk counts as being mitigated", () => {
    expect(codes(riskViolations(risk({ status: "MITIGATING" })))).toEqual(["MITIGATION_REQUIRED"]);
    expect(codes(riskViolations(risk({ status: "MITIGATING", mitigation: "   " })))).toEqual([
      "MITIGATION_REQUIRED",
    ]);
    expect(riskViolations(risk({ status: "MITIGATING", mitigation: "Super-users on nights" }))).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(codes(riskViolations({ likelihood: 9, impact: 0, status: "MITIGATING", mitigation: "" }))).toEqual(
      ["LIKELIHOOD_OFF_SCALE", "IMPACT_OFF_SCALE", "MITIGATION_REQUIRED"],
    );
  });
});
