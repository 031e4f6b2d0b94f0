import { describe, expect, it } from "vitest";
import { canChangeMetricCadence, canCorrectMetricValue } from "@/lib/domain/metric-changes";

function codes(result: { ok: boolean; violations?: { code: string }[] }): string[] {
  return result.ok ? [] : (result.violations ?? []).map((v) => v.code);
}

describe("canChangeMetricCadence", () => {
  it("allows any cadence while the metric has no values", () => {
    expect(canChangeMetricCadence({ from: "WEEKLY", to: "MONTHLY", recordedValues: 0 })).toEqual({
      ok: true,
    });
  });

  it("allows keeping the cadence whatever has been recorded", () => {
    expect(canChangeMetricCadence({ from: "MONTHLY", to: "MONTHLY", recordedValues: 12 })).toEqual({
      ok: true,
    });
  });

  it("locks the cadence once a value is in, saying how many", () => {
    const one = canChangeMetricCadence({ from: "WEEKLY", to: "MONTHLY", recordedValues: 1 });
    const many = canChangeMetricCadence({ from: "MONTHLY", to: "QUARTERLY", recordedValues: 7 });
    expect(codes(one)).toEqual(["CADENCE_LOCKED"]);
    expect(one.ok ? "" : one.violations[0]?.message).toContain("already has a value recorded weekly");
    expect(many.ok ? "" : many.violations[0]?.message).toContain("7 values");
  });
});

describe("canCorrectMetricValue", () => {
  const current = { value: 84.5, note: null };
  const reason = "Source report re-run after late ward returns";

  it("accepts a changed value with a reason, returning the reason tidied", () => {
    expect(
      canCorrectMetricValue({ current, value: 86.1, note: null, reason: `  ${reason.replace(" ", "   ")} ` }),
    ).toEqual({ ok: true, correction: { reason } });
  });

  it("accepts a changed note alone", () => {
    expect(canCorrectMetricValue({ current, value: 84.5, note: "Excludes ward 9", reason }).ok).toBe(true);
  });

  it("refuses a correction that changes nothing", () => {
    expect(codes(canCorrectMetricValue({ current, value: 84.5, note: null, reason }))).toEqual([
      "VALUE_UNCHANGED",
    ]);
  });

  it("accepts the same figure when the correction makes a provisional value final (NUM-5)", () => {
    expect(
      codes(canCorrectMetricValue({ current, value: 84.5, note: null, reason, finalising: true })),
    ).toEqual([]);
  });

  it("needs a meaningful reason, like a forecast change", () => {
    expect(codes(canCorrectMetricValue({ current, value: 90, note: null, reason: "" }))).toEqual([
      "REASON_REQUIRED",
    ]);
    expect(codes(canCorrectMetricValue({ current, value: 90, note: null, reason: "typo" }))).toEqual([
      "REASON_TOO_SHORT",
    ]);
    expect(codes(canCorrectMetricValue({ current, value: 90, note: null, reason: "see above!!" }))).toEqual([
      "REASON_NOT_MEANINGFUL",
    ]);
  });

  it("refuses a value that is not a number", () => {
    expect(codes(canCorrectMetricValue({ current, value: Number.NaN, note: null, reason }))).toEqual([
      "NOT_A_NUMBER",
    ]);
  });
});
