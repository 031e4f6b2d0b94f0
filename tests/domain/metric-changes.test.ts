import { describe, expect, it } from "vitest";
import { cadenceChangeViolations, metricCorrectionViolations } from "@/lib/domain/metric-changes";
import { normaliseReason } from "@/lib/domain/violations";

function codes(violations: readonly { code: string }[]): string[] {
  return violations.map((v) => v.code);
}

describe("cadenceChangeViolations", () => {
  it("allows any cadence while the metric has no values", () => {
    expect(cadenceChangeViolations({ from: "WEEKLY", to: "MONTHLY", recordedValues: 0 })).toEqual([]);
  });

  it("allows keeping the cadence whatever has been recorded", () => {
    expect(cadenceChangeViolations({ from: "MONTHLY", to: "MONTHLY", recordedValues: 12 })).toEqual([]);
  });

  it("locks the cadence once a value is in, saying how many", () => {
    const one = cadenceChangeViolations({ from: "WEEKLY", to: "MONTHLY", recordedValues: 1 });
    const many = cadenceChangeViolations({ from: "MONTHLY", to: "QUARTERLY", recordedValues: 7 });
    expect(codes(one)).toEqual(["CADENCE_LOCKED"]);
    expect(one[0]?.message).toContain("already has a value recorded weekly");
    expect(many[0]?.message).toContain("7 values");
  });
});

describe("metricCorrectionViolations", () => {
  const current = { value: 84.5, note: null };
  const reason = "Source report re-run after late ward returns";

  it("accepts a changed value with a reason, which is kept tidied", () => {
    const messy = `  ${reason.replace(" ", "   ")} `;
    expect(metricCorrectionViolations({ current, value: 86.1, note: null, reason: messy })).toEqual([]);
    expect(normaliseReason(messy)).toBe(reason);
  });

  it("accepts a changed note alone", () => {
    expect(metricCorrectionViolations({ current, value: 84.5, note: "Excludes ward 9", reason })).toEqual([]);
  });

  it("refuses a correction that changes nothing", () => {
    expect(codes(metricCorrectionViolations({ current, value: 84.5, note: null, reason }))).toEqual([
      "VALUE_UNCHANGED",
    ]);
  });

  it("accepts the same figure when the correction makes a provisional value final (NUM-5)", () => {
    expect(
      codes(metricCorrectionViolations({ current, value: 84.5, note: null, reason, finalising: true })),
    ).toEqual([]);
  });

  it("needs a meaningful reason, like a forecast change", () => {
    expect(codes(metricCorrectionViolations({ current, value: 90, note: null, reason: "" }))).toEqual([
      "REASON_REQUIRED",
    ]);
    expect(codes(metricCorrectionViolations({ current, value: 90, note: null, reason: "typo" }))).toEqual([
      "REASON_TOO_SHORT",
    ]);
    expect(
      codes(metricCorrectionViolations({ current, value: 90, note: null, reason: "see above!!" })),
    ).toEqual(["REASON_NOT_MEANINGFUL"]);
  });

  it("refuses a value that is not a number", () => {
    expect(codes(metricCorrectionViolations({ current, value: Number.NaN, note: null, reason }))).toEqual([
      "NOT_A_NUMBER",
    ]);
  });
});
