import { describe, expect, it } from "vitest";
import type { Cadence } from "@/generated/prisma/enums";
import {
  computeCurrentPeriodStart,
  computeMetricStatus,
  computeMissingPeriods,
  computeNextPeriodStart,
  computePeriodStart,
  computeProgressToTarget,
  computeRag,
  DEFAULT_OVERDUE_GRACE_DAYS,
  finaliseValueViolations,
  isValueRecent,
  metricDefinitionViolations,
  metricValueViolations,
} from "@/lib/domain/metrics";

const LONDON = "Europe/London";

/** A calendar date as Prisma returns `MetricValue.periodStart`. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function iso(dates: Date[]): string[] {
  return dates.map((date) => date.toISOString().slice(0, 10));
}

function codes(violations: readonly { code: string }[]): string[] {
  return violations.map((v) => v.code);
}

describe("computePeriodStart", () => {
  const start = (cadence: Cadence, day: string) =>
    computePeriodStart(cadence, d(day)).toISOString().slice(0, 10);

  it("starts weeks on Monday", () => {
    expect(start("WEEKLY", "2025-03-03")).toBe("2025-03-03"); // Monday
    expect(start("WEEKLY", "2025-03-08")).toBe("2025-03-03"); // Saturday
    expect(start("WEEKLY", "2025-03-09")).toBe("2025-03-03"); // Sunday belongs to the week before
    expect(start("WEEKLY", "2025-01-01")).toBe("2024-12-30"); // across the year end
    expect(start("WEEKLY", "2025-03-30")).toBe("2025-03-24"); // clock-change Sunday
  });

  it("starts months on the 1st", () => {
    expect(start("MONTHLY", "2025-03-01")).toBe("2025-03-01");
    expect(start("MONTHLY", "2025-03-31")).toBe("2025-03-01");
    expect(start("MONTHLY", "2024-02-29")).toBe("2024-02-01");
  });

  it("starts quarters on 1 January, April, July and October", () => {
    expect(start("QUARTERLY", "2025-03-31")).toBe("2025-01-01");
    expect(start("QUARTERLY", "2025-04-01")).toBe("2025-04-01");
    expect(start("QUARTERLY", "2025-09-30")).toBe("2025-07-01");
    expect(start("QUARTERLY", "2025-12-31")).toBe("2025-10-01");
  });

  it("returns a plain Date at UTC midnight, ready for a @db.Date column", () => {
    const result = computePeriodStart("WEEKLY", d("2025-03-09"));
    expect(result.constructor).toBe(Date);
    expect(result.toISOString()).toBe("2025-03-03T00:00:00.000Z");
  });
});

describe("computeCurrentPeriodStart", () => {
  it("uses the organisation's date: 00:30 BST on 1 April is April and Q2 in London", () => {
    const now = new Date("2025-03-31T23:30:00Z");
    expect(iso([computeCurrentPeriodStart("MONTHLY", now, LONDON)])).toEqual(["2025-04-01"]);
    expect(iso([computeCurrentPeriodStart("QUARTERLY", now, LONDON)])).toEqual(["2025-04-01"]);
  });

  it("starts a new week at local midnight on Monday, not UTC midnight", () => {
    // Mon 31 Mar 00:30 BST is still Sunday in UTC
    expect(iso([computeCurrentPeriodStart("WEEKLY", new Date("2025-03-30T23:30:00Z"), LONDON)])).toEqual([
      "2025-03-31",
    ]);
    expect(iso([computeCurrentPeriodStart("WEEKLY", new Date("2025-03-30T22:30:00Z"), LONDON)])).toEqual([
      "2025-03-24",
    ]);
  });

  it("is still March in New York when it is already April in UTC", () => {
    expect(
      iso([computeCurrentPeriodStart("MONTHLY", new Date("2025-04-01T02:00:00Z"), "America/New_York")]),
    ).toEqual(["2025-03-01"]);
  });

  it("refuses an unknown time zone", () => {
    expect(() => computeCurrentPeriodStart("MONTHLY", new Date(), "Nowhere/Special")).toThrow(RangeError);
  });
});

describe("computeNextPeriodStart", () => {
  it("moves to the next period from its start or from any day inside it", () => {
    expect(iso([computeNextPeriodStart("WEEKLY", d("2025-12-29"))])).toEqual(["2026-01-05"]);
    expect(iso([computeNextPeriodStart("MONTHLY", d("2025-01-31"))])).toEqual(["2025-02-01"]);
    expect(iso([computeNextPeriodStart("MONTHLY", d("2025-01-01"))])).toEqual(["2025-02-01"]);
    expect(iso([computeNextPeriodStart("QUARTERLY", d("2025-11-15"))])).toEqual(["2026-01-01"]);
  });
});

describe("metricValueViolations", () => {
  const now = new Date("2025-03-12T10:00:00Z"); // Wednesday

  it("accepts an aligned past period", () => {
    expect(
      metricValueViolations({ cadence: "MONTHLY", periodStart: d("2025-02-01"), now, timeZone: LONDON }),
    ).toEqual([]);
  });

  it("refuses the current period unless the value is provisional (NUM-5: its data are not complete)", () => {
    const current = [
      { cadence: "WEEKLY" as const, periodStart: d("2025-03-10") },
      { cadence: "MONTHLY" as const, periodStart: d("2025-03-01") },
      { cadence: "QUARTERLY" as const, periodStart: d("2025-01-01") },
    ];
    for (const period of current) {
      expect(codes(metricValueViolations({ ...period, now, timeZone: LONDON })), period.cadence).toEqual([
        "PERIOD_NOT_ENDED",
      ]);
      expect(metricValueViolations({ ...period, now, timeZone: LONDON, provisional: true })).toEqual([]);
    }
    const result = metricValueViolations({ ...current[1]!, now, timeZone: LONDON });
    expect(result[0]?.message).toBe(
      "The period starting Saturday 1 March 2025 has not ended yet, so its figure is not final: mark the value provisional, or record it once the period ends on Tuesday 1 April 2025",
    );
  });

  it("accepts the period just ended, and a provisional value for it", () => {
    const lastWeek = { cadence: "WEEKLY" as const, periodStart: d("2025-03-03"), now, timeZone: LONDON };
    expect(metricValueViolations(lastWeek)).toEqual([]);
    expect(metricValueViolations({ ...lastWeek, provisional: true })).toEqual([]);
  });

  it("refuses a future period, provisional or not", () => {
    expect(
      codes(
        metricValueViolations({
          cadence: "WEEKLY",
          periodStart: d("2025-03-17"),
          now,
          timeZone: LONDON,
          provisional: true,
        }),
      ),
    ).toEqual(["PERIOD_IN_FUTURE"]);
    expect(
      codes(
        metricValueViolations({ cadence: "WEEKLY", periodStart: d("2025-03-17"), now, timeZone: LONDON }),
      ),
    ).toEqual(["PERIOD_IN_FUTURE"]);
    expect(
      codes(
        metricValueViolations({ cadence: "QUARTERLY", periodStart: d("2025-04-01"), now, timeZone: LONDON }),
      ),
    ).toEqual(["PERIOD_IN_FUTURE"]);
  });

  it("refuses a period start that is not aligned, and suggests the right one", () => {
    const result = metricValueViolations({
      cadence: "WEEKLY",
      periodStart: d("2025-03-05"),
      now,
      timeZone: LONDON,
    });
    expect(result).toEqual([
      {
        code: "PERIOD_NOT_ALIGNED",
        message:
          "Weekly values are recorded against a Monday, and Wednesday 5 March 2025 is not: use the period starting Monday 3 March 2025",
      },
    ]);
    expect(
      codes(
        metricValueViolations({ cadence: "MONTHLY", periodStart: d("2025-02-15"), now, timeZone: LONDON }),
      ),
    ).toEqual(["PERIOD_NOT_ALIGNED"]);
    expect(
      codes(
        metricValueViolations({ cadence: "QUARTERLY", periodStart: d("2024-11-01"), now, timeZone: LONDON }),
      ),
    ).toEqual(["PERIOD_NOT_ALIGNED"]);
  });

  it("reports both problems for a misaligned future date", () => {
    expect(
      codes(
        metricValueViolations({ cadence: "MONTHLY", periodStart: d("2025-05-15"), now, timeZone: LONDON }),
      ),
    ).toEqual(["PERIOD_NOT_ALIGNED", "PERIOD_IN_FUTURE"]);
  });

  it("judges 'future' by the organisation's date", () => {
    const justAfterMidnightInLondon = new Date("2025-03-31T23:30:00Z");
    const april = {
      cadence: "MONTHLY" as const,
      periodStart: d("2025-04-01"),
      now: justAfterMidnightInLondon,
    };
    expect(metricValueViolations({ ...april, timeZone: LONDON, provisional: true })).toEqual([]);
    expect(
      codes(metricValueViolations({ ...april, timeZone: "America/New_York", provisional: true })),
    ).toEqual(["PERIOD_IN_FUTURE"]);
  });
});

describe("finaliseValueViolations (NUM-5)", () => {
  const now = new Date("2025-03-12T10:00:00Z");
  it("lets a value become final once its period has ended, not before", () => {
    expect(
      finaliseValueViolations({ cadence: "MONTHLY", periodStart: d("2025-02-01"), now, timeZone: LONDON }),
    ).toEqual([]);
    expect(
      finaliseValueViolations({ cadence: "MONTHLY", periodStart: d("2025-03-01"), now, timeZone: LONDON }),
    ).toEqual([
      {
        code: "PERIOD_NOT_ENDED",
        message:
          "The period starting Saturday 1 March 2025 has not ended yet: the value stays provisional until Tuesday 1 April 2025",
      },
    ]);
  });
});

describe("computeMetricStatus (NUM-6)", () => {
  const metric = {
    direction: "HIGHER_IS_BETTER" as const,
    amberThreshold: 90,
    redThreshold: 80,
    cadence: "MONTHLY" as const,
  };
  const value = (periodStart: string, v: number) => ({ periodStart: d(periodStart), value: v });

  it("colours a recent final value by its thresholds", () => {
    // On 12 March, February's value is the latest due; January's is still recent until 10 March.
    const today = d("2025-03-12");
    expect(computeMetricStatus({ ...metric, latestFinal: value("2025-02-01", 95), today })).toBe("GREEN");
    expect(computeMetricStatus({ ...metric, latestFinal: value("2025-02-01", 85), today })).toBe("AMBER");
    expect(computeMetricStatus({ ...metric, latestFinal: value("2025-02-01", 70), today })).toBe("RED");
  });

  it("shows no recent data, not a colour, once the next value is past its grace", () => {
    // January's value: February's was due by 10 March (10 days' grace for monthly figures).
    const january = value("2025-01-01", 95);
    expect(computeMetricStatus({ ...metric, latestFinal: january, today: d("2025-03-10") })).toBe("GREEN");
    expect(computeMetricStatus({ ...metric, latestFinal: january, today: d("2025-03-11") })).toBe(
      "NO_RECENT_DATA",
    );
    expect(isValueRecent("MONTHLY", d("2025-01-01"), d("2025-03-11"))).toBe(false);
    expect(isValueRecent("WEEKLY", d("2025-03-03"), d("2025-03-13"))).toBe(true);
    expect(isValueRecent("WEEKLY", d("2025-03-03"), d("2025-03-20"))).toBe(false);
  });

  it("shows no data before the first final value", () => {
    expect(computeMetricStatus({ ...metric, latestFinal: null, today: d("2025-03-12") })).toBe("NO_DATA");
  });
});

describe("computeMissingPeriods", () => {
  it("lists ended periods without a value, oldest first, excluding the current period", () => {
    const missing = computeMissingPeriods({
      cadence: "MONTHLY",
      from: d("2025-01-15"),
      to: d("2025-04-10"),
      recorded: [d("2025-02-01")],
    });
    expect(iso(missing)).toEqual(["2025-01-01", "2025-03-01"]);
  });

  it("makes a period due on the first day after it ends", () => {
    const base = { cadence: "MONTHLY" as const, from: d("2025-03-01"), recorded: [] };
    expect(iso(computeMissingPeriods({ ...base, to: d("2025-03-31") }))).toEqual([]);
    expect(iso(computeMissingPeriods({ ...base, to: d("2025-04-01") }))).toEqual(["2025-03-01"]);
  });

  it("waits out the grace days before counting a period", () => {
    const base = { cadence: "MONTHLY" as const, from: d("2025-03-01"), recorded: [], graceDays: 10 };
    expect(iso(computeMissingPeriods({ ...base, to: d("2025-04-10") }))).toEqual([]);
    expect(iso(computeMissingPeriods({ ...base, to: d("2025-04-11") }))).toEqual(["2025-03-01"]);
  });

  it("counts a value recorded against any day of a period for that period", () => {
    const missing = computeMissingPeriods({
      cadence: "WEEKLY",
      from: d("2025-03-03"),
      to: d("2025-03-24"),
      recorded: [d("2025-03-12")],
    });
    expect(iso(missing)).toEqual(["2025-03-03", "2025-03-17"]);
  });

  it("walks weeks across the year end and quarters across years", () => {
    expect(
      iso(
        computeMissingPeriods({
          cadence: "WEEKLY",
          from: d("2024-12-25"),
          to: d("2025-01-13"),
          recorded: [],
        }),
      ),
    ).toEqual(["2024-12-23", "2024-12-30", "2025-01-06"]);
    expect(
      iso(
        computeMissingPeriods({
          cadence: "QUARTERLY",
          from: d("2024-08-01"),
          to: d("2025-05-01"),
          recorded: [d("2024-10-01")],
        }),
      ),
    ).toEqual(["2024-07-01", "2025-01-01"]);
  });

  it("is empty when nothing has ended yet, or when the range is backwards", () => {
    expect(
      computeMissingPeriods({ cadence: "MONTHLY", from: d("2025-03-01"), to: d("2025-03-15"), recorded: [] }),
    ).toEqual([]);
    expect(
      computeMissingPeriods({ cadence: "MONTHLY", from: d("2025-06-01"), to: d("2025-03-15"), recorded: [] }),
    ).toEqual([]);
  });

  it("publishes grace days for 'overdue' per cadence", () => {
    expect(DEFAULT_OVERDUE_GRACE_DAYS).toEqual({ WEEKLY: 3, MONTHLY: 10, QUARTERLY: 21 });
  });

  it("refuses a nonsensical grace period", () => {
    const base = { cadence: "MONTHLY" as const, from: d("2025-01-01"), to: d("2025-06-01"), recorded: [] };
    expect(() => computeMissingPeriods({ ...base, graceDays: -1 })).toThrow(RangeError);
    expect(() => computeMissingPeriods({ ...base, graceDays: 0.5 })).toThrow(RangeError);
  });
});

describe("computeRag", () => {
  it("reads higher-is-better thresholds, a value at a threshold taking the better colour", () => {
    const rag = (value: number) =>
      computeRag({ direction: "HIGHER_IS_BETTER", value, amberThreshold: 92, redThreshold: 85 });
    expect(rag(95)).toBe("GREEN");
    expect(rag(92)).toBe("GREEN");
    expect(rag(91.99)).toBe("AMBER");
    expect(rag(85)).toBe("AMBER");
    expect(rag(84.99)).toBe("RED");
    expect(rag(-3)).toBe("RED");
  });

  it("mirrors them for lower-is-better", () => {
    const rag = (value: number) =>
      computeRag({ direction: "LOWER_IS_BETTER", value, amberThreshold: 4, redThreshold: 6 });
    expect(rag(3)).toBe("GREEN");
    expect(rag(4)).toBe("GREEN");
    expect(rag(4.01)).toBe("AMBER");
    expect(rag(6)).toBe("AMBER");
    expect(rag(6.01)).toBe("RED");
  });

  it("has no amber band when the thresholds are equal", () => {
    const rag = (value: number) =>
      computeRag({ direction: "HIGHER_IS_BETTER", value, amberThreshold: 5, redThreshold: 5 });
    expect(rag(5)).toBe("GREEN");
    expect(rag(4.9)).toBe("RED");
  });

  it("refuses a value that is not a number", () => {
    expect(() =>
      computeRag({ direction: "HIGHER_IS_BETTER", value: Number.NaN, amberThreshold: 1, redThreshold: 0 }),
    ).toThrow(RangeError);
  });
});

describe("metricDefinitionViolations (NUM-4)", () => {
  const fourHour = {
    direction: "HIGHER_IS_BETTER" as const,
    baselineValue: 71,
    targetValue: 78,
    amberThreshold: 76,
    redThreshold: 72,
  };
  const lengthOfStay = {
    direction: "LOWER_IS_BETTER" as const,
    baselineValue: 9.5,
    targetValue: 7,
    amberThreshold: 8,
    redThreshold: 9,
  };
  const fields = (result: ReturnType<typeof metricDefinitionViolations>) =>
    result.map((v) => [v.code, v.field]);

  it("accepts consistent definitions in both directions", () => {
    expect(metricDefinitionViolations(fourHour)).toEqual([]);
    expect(metricDefinitionViolations(lengthOfStay)).toEqual([]);
  });

  it("accepts the edges: amber at the target, red equal to amber, a baseline that starts green's neighbour", () => {
    expect(metricDefinitionViolations({ ...fourHour, amberThreshold: 78 })).toEqual([]);
    expect(metricDefinitionViolations({ ...fourHour, redThreshold: 76 })).toEqual([]);
    expect(metricDefinitionViolations({ ...fourHour, redThreshold: 60 })).toEqual([]); // baseline amber
    expect(metricDefinitionViolations({ ...lengthOfStay, amberThreshold: 7, redThreshold: 7 })).toEqual([]);
  });

  it("refuses a target equal to or worse than the baseline, beside the target, and says nothing more", () => {
    expect(fields(metricDefinitionViolations({ ...fourHour, targetValue: 71 }))).toEqual([
      ["TARGET_NOT_BETTER_THAN_BASELINE", "targetValue"],
    ]);
    expect(fields(metricDefinitionViolations({ ...fourHour, targetValue: 70 }))).toEqual([
      ["TARGET_NOT_BETTER_THAN_BASELINE", "targetValue"],
    ]);
    expect(fields(metricDefinitionViolations({ ...lengthOfStay, targetValue: 10 }))).toEqual([
      ["TARGET_NOT_BETTER_THAN_BASELINE", "targetValue"],
    ]);
  });

  it("refuses thresholds the wrong way round, beside the red threshold", () => {
    expect(fields(metricDefinitionViolations({ ...fourHour, redThreshold: 77 }))).toEqual([
      ["THRESHOLDS_OUT_OF_ORDER", "redThreshold"],
    ]);
    expect(fields(metricDefinitionViolations({ ...lengthOfStay, redThreshold: 7.5 }))).toEqual([
      ["THRESHOLDS_OUT_OF_ORDER", "redThreshold"],
    ]);
  });

  it("refuses a metric that is green at its baseline, beside the amber threshold", () => {
    const higher = metricDefinitionViolations({ ...fourHour, amberThreshold: 71, redThreshold: 65 });
    expect(fields(higher)).toEqual([["GREEN_AT_BASELINE", "amberThreshold"]]);
    expect(higher[0]?.message).toBe(
      "At the baseline (71) the metric would already be green: set the amber threshold above the baseline, so that green means the project has improved things",
    );
    expect(
      fields(metricDefinitionViolations({ ...lengthOfStay, amberThreshold: 9.5, redThreshold: 10 })),
    ).toEqual([["GREEN_AT_BASELINE", "amberThreshold"]]);
  });

  it("refuses a metric that is not green when it meets its target, beside the amber threshold", () => {
    const higher = metricDefinitionViolations({ ...fourHour, amberThreshold: 80 });
    expect(fields(higher)).toEqual([["NOT_GREEN_AT_TARGET", "amberThreshold"]]);
    expect(higher[0]?.message).toBe(
      "Meeting the target (78) would still show amber or red: set the amber threshold at or below the target",
    );
    // Red at the target: both thresholds beyond it.
    expect(fields(metricDefinitionViolations({ ...fourHour, amberThreshold: 85, redThreshold: 80 }))).toEqual(
      [["NOT_GREEN_AT_TARGET", "amberThreshold"]],
    );
    expect(
      fields(metricDefinitionViolations({ ...lengthOfStay, amberThreshold: 6.5, redThreshold: 9 })),
    ).toEqual([["NOT_GREEN_AT_TARGET", "amberThreshold"]]);
  });

  it("agrees with computeRag: not green at the baseline, green at the target, for every accepted definition", () => {
    const cases = [
      fourHour,
      lengthOfStay,
      { ...fourHour, amberThreshold: 78 },
      { ...fourHour, redThreshold: 60 },
    ];
    for (const c of cases) {
      expect(metricDefinitionViolations(c)).toEqual([]);
      expect(computeRag({ ...c, value: c.baselineValue })).not.toBe("GREEN");
      expect(computeRag({ ...c, value: c.targetValue })).toBe("GREEN");
    }
  });

  it("refuses numbers that are not numbers, naming each beside its field", () => {
    const result = metricDefinitionViolations({
      ...fourHour,
      targetValue: Number.NaN,
      redThreshold: Number.POSITIVE_INFINITY,
    });
    expect(result.map((v) => [v.field, v.message])).toEqual([
      ["targetValue", "The target is not a number: enter a number"],
      ["redThreshold", "The red threshold is not a number: enter a number"],
    ]);
  });
});

describe("computeProgressToTarget", () => {
  it("measures higher-is-better progress from baseline to target", () => {
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: 70 })).toEqual({
      raw: 0.5,
      display: 0.5,
    });
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: 80 })).toEqual({
      raw: 1,
      display: 1,
    });
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: 60 })).toEqual({
      raw: 0,
      display: 0,
    });
  });

  it("measures lower-is-better progress the same way without being told the direction", () => {
    expect(computeProgressToTarget({ baselineValue: 12, targetValue: 4, value: 8 })).toEqual({
      raw: 0.5,
      display: 0.5,
    });
  });

  it("keeps overshoot and slide-back in the raw value and clamps the display value", () => {
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: 90 })).toEqual({
      raw: 1.5,
      display: 1,
    });
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: 50 })).toEqual({
      raw: -0.5,
      display: 0,
    });
    expect(computeProgressToTarget({ baselineValue: 12, targetValue: 4, value: 2 })).toEqual({
      raw: 1.25,
      display: 1,
    });
    expect(computeProgressToTarget({ baselineValue: 12, targetValue: 4, value: 14 })).toEqual({
      raw: -0.25,
      display: 0,
    });
  });

  it("reaches exactly 1 at the target despite floating point", () => {
    expect(computeProgressToTarget({ baselineValue: 0.1, targetValue: 0.3, value: 0.3 })).toEqual({
      raw: 1,
      display: 1,
    });
  });

  it("has no progress when the target equals the baseline, or the value is not a number", () => {
    expect(computeProgressToTarget({ baselineValue: 95, targetValue: 95, value: 96 })).toBeNull();
    expect(computeProgressToTarget({ baselineValue: 60, targetValue: 80, value: Number.NaN })).toBeNull();
  });
});
