import { describe, expect, it } from "vitest";
import { costEntryViolations, costReversalViolations } from "@/lib/domain/costs";

/** A calendar date as Prisma returns `CostEntry.period`. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function codes(violations: readonly { code: string }[]): string[] {
  return violations.map((v) => v.code);
}

describe("costEntryViolations", () => {
  const today = d("2025-03-17");

  it("accepts the first day of this month or an earlier one", () => {
    expect(costEntryViolations({ period: d("2025-03-01"), today })).toEqual([]);
    expect(costEntryViolations({ period: d("2025-02-01"), today })).toEqual([]);
    expect(costEntryViolations({ period: d("2023-12-01"), today })).toEqual([]);
  });

  it("accepts this month on its first day, where the month has only just begun", () => {
    expect(costEntryViolations({ period: d("2025-03-01"), today: d("2025-03-01") })).toEqual([]);
  });

  it("refuses a day that is not the first of its month, naming the month to use", () => {
    const result = costEntryViolations({ period: d("2025-02-14"), today });
    expect(codes(result)).toEqual(["PERIOD_NOT_MONTH_START"]);
    expect(result[0]?.message).toContain("Saturday 1 February 2025");
  });

  it("refuses a month that has not begun, even on the last day of this one", () => {
    expect(codes(costEntryViolations({ period: d("2025-04-01"), today }))).toEqual(["PERIOD_IN_FUTURE"]);
    expect(codes(costEntryViolations({ period: d("2025-04-01"), today: d("2025-03-31") }))).toEqual([
      "PERIOD_IN_FUTURE",
    ]);
  });

  it("reports both problems at once", () => {
    expect(codes(costEntryViolations({ period: d("2025-05-20"), today }))).toEqual([
      "PERIOD_NOT_MONTH_START",
      "PERIOD_IN_FUTURE",
    ]);
  });

  it("works across the year end", () => {
    expect(costEntryViolations({ period: d("2024-12-01"), today: d("2025-01-02") })).toEqual([]);
    expect(codes(costEntryViolations({ period: d("2026-01-01"), today: d("2025-12-31") }))).toEqual([
      "PERIOD_IN_FUTURE",
    ]);
  });
});

describe("costReversalViolations (docs/governance-rules.md FRAME-7)", () => {
  const entry = { amount: "1250.50", period: d("2025-02-01"), reversesId: null };
  const reason = "Invoice keyed twice by accounts payable";

  it("lets an entry that nobody has reversed be reversed, with a reason", () => {
    expect(costReversalViolations({ entry, alreadyReversed: false, reason })).toEqual([]);
  });

  it("refuses a second reversal of the same entry, naming the entry", () => {
    const violations = costReversalViolations({ entry, alreadyReversed: true, reason });
    expect(violations.map((v) => v.code)).toEqual(["ALREADY_REVERSED"]);
    expect(violations[0]?.message).toContain("£1,250.50 for February 2025");
    expect(violations[0]?.message).toMatch(/record a new entry/);
  });

  it("refuses reversing a reversal: the spend is recorded again instead", () => {
    const reversal = { amount: "-1250.50", period: d("2025-02-01"), reversesId: "an-entry" };
    const violations = costReversalViolations({ entry: reversal, alreadyReversed: false, reason });
    expect(violations.map((v) => v.code)).toEqual(["REVERSAL_NOT_REVERSIBLE"]);
    expect(violations[0]?.message).toContain("-£1,250.50");
  });

  it.each([
    ["", "REASON_REQUIRED"],
    ["typo", "REASON_TOO_SHORT"],
    ["xxxxxxxxxxxx", "REASON_NOT_MEANINGFUL"],
  ])("refuses the reason %j beside the reason field", (typed, code) => {
    const violations = costReversalViolations({ entry, alreadyReversed: false, reason: typed });
    expect(violations).toEqual([expect.objectContaining({ code, field: "reason" })]);
  });
});
