import { describe, expect, it } from "vitest";
import { canSaveRisk, type RiskFacts } from "@/lib/domain/risks";

const risk = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  likelihood: 3,
  impact: 4,
  status: "OPEN",
  mitigation: null,
  ...overrides,
});

function codes(result: { ok: true } | { ok: false; violations: { code: string }[] }): string[] {
  return result.ok ? [] : result.violations.map((v) => v.code);
}

describe("canSaveRisk", () => {
  it("accepts scores from 1 to 5, open or closed, with or without a mitigation", () => {
    expect(canSaveRisk(risk({ likelihood: 1, impact: 1 }))).toEqual({ ok: true });
    expect(canSaveRisk(risk({ likelihood: 5, impact: 5 }))).toEqual({ ok: true });
    expect(canSaveRisk(risk({ status: "CLOSED" }))).toEqual({ ok: true });
    expect(canSaveRisk(risk({ mitigation: "Weekly supplier review" }))).toEqual({ ok: true });
  });

  it("refuses scores off the 5×5 matrix, including fractions", () => {
    expect(codes(canSaveRisk(risk({ likelihood: 0 })))).toEqual(["LIKELIHOOD_OFF_SCALE"]);
    expect(codes(canSaveRisk(risk({ likelihood: 6 })))).toEqual(["LIKELIHOOD_OFF_SCALE"]);
    expect(codes(canSaveRisk(risk({ impact: 2.5 })))).toEqual(["IMPACT_OFF_SCALE"]);
    expect(codes(canSaveRisk(risk({ impact: Number.NaN })))).toEqual(["IMPACT_OFF_SCALE"]);
  });

  it("needs a written mitigation before a risk counts as being mitigated", () => {
    expect(codes(canSaveRisk(risk({ status: "MITIGATING" })))).toEqual(["MITIGATION_REQUIRED"]);
    expect(codes(canSaveRisk(risk({ status: "MITIGATING", mitigation: "   " })))).toEqual([
      "MITIGATION_REQUIRED",
    ]);
    expect(canSaveRisk(risk({ status: "MITIGATING", mitigation: "Super-users on nights" }))).toEqual({
      ok: true,
    });
  });

  it("reports every problem at once", () => {
    expect(codes(canSaveRisk({ likelihood: 9, impact: 0, status: "MITIGATING", mitigation: "" }))).toEqual([
      "LIKELIHOOD_OFF_SCALE",
      "IMPACT_OFF_SCALE",
      "MITIGATION_REQUIRED",
    ]);
  });
});
