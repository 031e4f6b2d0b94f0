import { describe, expect, it } from "vitest";
import { computeEarliestFinalPeriod, hasFinalValue } from "@/lib/domain/benefits-review";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("computeEarliestFinalPeriod", () => {
  it("is the last complete period before the one the project closes in", () => {
    // Wednesday 15 October 2025: the week of Monday 13th, so the week before starts Monday 6th.
    expect(iso(computeEarliestFinalPeriod("WEEKLY", day("2025-10-15")))).toBe("2025-10-06");
    expect(iso(computeEarliestFinalPeriod("MONTHLY", day("2025-10-15")))).toBe("2025-09-01");
    expect(iso(computeEarliestFinalPeriod("QUARTERLY", day("2025-10-15")))).toBe("2025-07-01");
  });

  it("crosses a year boundary", () => {
    expect(iso(computeEarliestFinalPeriod("MONTHLY", day("2026-01-01")))).toBe("2025-12-01");
    expect(iso(computeEarliestFinalPeriod("QUARTERLY", day("2026-02-10")))).toBe("2025-10-01");
  });
});

describe("hasFinalValue", () => {
  const closing = day("2025-10-15");

  it("accepts a value for the current or the last complete period", () => {
    expect(hasFinalValue({ cadence: "MONTHLY", lastValuePeriodStart: day("2025-10-01") }, closing)).toBe(
      true,
    );
    expect(hasFinalValue({ cadence: "MONTHLY", lastValuePeriodStart: day("2025-09-01") }, closing)).toBe(
      true,
    );
  });

  it("refuses an older value, or none", () => {
    expect(hasFinalValue({ cadence: "MONTHLY", lastValuePeriodStart: day("2025-08-01") }, closing)).toBe(
      false,
    );
    expect(hasFinalValue({ cadence: "WEEKLY", lastValuePeriodStart: day("2025-09-29") }, closing)).toBe(
      false,
    );
    expect(hasFinalValue({ cadence: "QUARTERLY", lastValuePeriodStart: null }, closing)).toBe(false);
  });
});
