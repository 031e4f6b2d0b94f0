import { describe, expect, it } from "vitest";
import {
  cancellationViolations,
  completionViolations,
  computeForecastChange,
  computeMilestoneCompletion,
  computeMilestoneHealth,
  computeReasonViolations,
  computeSlipDays,
  DEFAULT_DUE_SOON_DAYS,
  forecastChangeViolations,
  type MilestoneDates,
  REASON_MAX_LENGTH,
} from "@/lib/domain/milestones";
import { normaliseReason } from "@/lib/domain/violations";

/** A calendar date as Prisma returns a `@db.Date` column. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function codes(violations: readonly { code: string }[]): string[] {
  return violations.map((v) => v.code);
}

const TODAY = d("2025-03-10");
const GOOD_REASON = "Supplier delivery slipped two weeks";

function milestone(overrides: Partial<MilestoneDates> = {}): MilestoneDates {
  return {
    baselineDate: d("2025-04-30"),
    forecastDate: d("2025-04-30"),
    actualDate: null,
    status: "IN_PROGRESS",
    ...overrides,
  };
}

describe("computeSlipDays", () => {
  it("measures an open milestone by its forecast", () => {
    expect(computeSlipDays(milestone({ forecastDate: d("2025-05-07") }))).toBe(7);
    expect(computeSlipDays(milestone({ forecastDate: d("2025-04-28") }))).toBe(-2);
  });

  it("measures a done milestone by its actual date, not its last forecast", () => {
    expect(
      computeSlipDays(
        milestone({ status: "DONE", forecastDate: d("2025-05-07"), actualDate: d("2025-05-02") }),
      ),
    ).toBe(2);
  });

  it("falls back to the forecast for a done milestone with no actual date", () => {
    expect(computeSlipDays(milestone({ status: "DONE", forecastDate: d("2025-05-03") }))).toBe(3);
  });
});

describe("computeMilestoneHealth", () => {
  it("is DONE_ON_TIME when completed on the baseline date", () => {
    const report = computeMilestoneHealth(milestone({ status: "DONE", actualDate: d("2025-04-30") }), TODAY);
    expect(report).toEqual({ health: "DONE_ON_TIME", slipDays: 0, daysToForecast: null });
  });

  it("is DONE_ON_TIME when completed early", () => {
    const report = computeMilestoneHealth(milestone({ status: "DONE", actualDate: d("2025-04-27") }), TODAY);
    expect(report).toEqual({ health: "DONE_ON_TIME", slipDays: -3, daysToForecast: null });
  });

  it("is DONE_LATE when completed a day after the baseline, even if on its forecast", () => {
    const report = computeMilestoneHealth(
      milestone({ status: "DONE", forecastDate: d("2025-05-01"), actualDate: d("2025-05-01") }),
      d("2025-05-05"),
    );
    expect(report).toEqual({ health: "DONE_LATE", slipDays: 1, daysToForecast: null });
  });

  it("is CANCELLED whatever its dates, never overdue", () => {
    const report = computeMilestoneHealth(
      milestone({ status: "CANCELLED", baselineDate: d("2025-01-01"), forecastDate: d("2025-02-01") }),
      TODAY,
    );
    expect(report).toEqual({ health: "CANCELLED", slipDays: 31, daysToForecast: null });
  });

  it("is OVERDUE when not done and the forecast was yesterday", () => {
    for (const status of ["NOT_STARTED", "IN_PROGRESS"] as const) {
      const report = computeMilestoneHealth(
        milestone({ status, baselineDate: d("2025-03-09"), forecastDate: d("2025-03-09") }),
        TODAY,
      );
      expect(report).toEqual({ health: "OVERDUE", slipDays: 0, daysToForecast: -1 });
    }
  });

  it("is OVERDUE rather than AT_RISK when both apply", () => {
    const report = computeMilestoneHealth(
      milestone({ baselineDate: d("2025-02-01"), forecastDate: d("2025-03-01") }),
      TODAY,
    );
    expect(report.health).toBe("OVERDUE");
    expect(report.slipDays).toBe(28);
  });

  it("is not overdue on the forecast day itself: it is due", () => {
    const report = computeMilestoneHealth(milestone({ baselineDate: TODAY, forecastDate: TODAY }), TODAY);
    expect(report).toEqual({ health: "DUE_SOON", slipDays: 0, daysToForecast: 0 });
  });

  it("compares dates, not instants: a late-evening `today` does not make today's milestone overdue", () => {
    const report = computeMilestoneHealth(
      milestone({ baselineDate: TODAY, forecastDate: TODAY }),
      new Date("2025-03-10T23:59:59Z"),
    );
    expect(report.health).toBe("DUE_SOON");
  });

  it("is AT_RISK when the forecast is a day later than the baseline (rule 5)", () => {
    const report = computeMilestoneHealth(milestone({ forecastDate: d("2025-05-01") }), TODAY);
    expect(report).toEqual({ health: "AT_RISK", slipDays: 1, daysToForecast: 52 });
  });

  it("is AT_RISK rather than DUE_SOON when both apply", () => {
    const report = computeMilestoneHealth(
      milestone({ baselineDate: d("2025-03-11"), forecastDate: d("2025-03-12") }),
      TODAY,
    );
    expect(report.health).toBe("AT_RISK");
  });

  it("is AT_RISK when the baseline has passed but the forecast has not", () => {
    const report = computeMilestoneHealth(
      milestone({ baselineDate: d("2025-03-01"), forecastDate: d("2025-03-20") }),
      TODAY,
    );
    expect(report.health).toBe("AT_RISK");
  });

  it(`is DUE_SOON up to and including ${DEFAULT_DUE_SOON_DAYS} days ahead, ON_TRACK after`, () => {
    const at = (iso: string) =>
      computeMilestoneHealth(milestone({ baselineDate: d(iso), forecastDate: d(iso) }), TODAY);
    expect(at("2025-03-24")).toEqual({ health: "DUE_SOON", slipDays: 0, daysToForecast: 14 });
    expect(at("2025-03-25")).toEqual({ health: "ON_TRACK", slipDays: 0, daysToForecast: 15 });
  });

  it("takes the due-soon window as an option", () => {
    const m = milestone({ baselineDate: d("2025-03-17"), forecastDate: d("2025-03-17") });
    expect(computeMilestoneHealth(m, TODAY, { dueSoonDays: 7 }).health).toBe("DUE_SOON");
    expect(computeMilestoneHealth(m, TODAY, { dueSoonDays: 6 }).health).toBe("ON_TRACK");
    expect(
      computeMilestoneHealth(milestone({ forecastDate: TODAY, baselineDate: TODAY }), TODAY, {
        dueSoonDays: 0,
      }).health,
    ).toBe("DUE_SOON");
  });

  it("is ON_TRACK when forecast ahead of baseline, with negative slip", () => {
    const report = computeMilestoneHealth(milestone({ forecastDate: d("2025-04-20") }), TODAY);
    expect(report).toEqual({ health: "ON_TRACK", slipDays: -10, daysToForecast: 41 });
  });

  it("refuses a nonsensical due-soon window", () => {
    expect(() => computeMilestoneHealth(milestone(), TODAY, { dueSoonDays: -1 })).toThrow(RangeError);
    expect(() => computeMilestoneHealth(milestone(), TODAY, { dueSoonDays: 1.5 })).toThrow(RangeError);
  });
});

describe("computeReasonViolations", () => {
  const check = (reason: string) => computeReasonViolations(reason, "moving the forecast").map((v) => v.code);

  it("accepts a reason that says what happened", () => {
    expect(check(GOOD_REASON)).toEqual([]);
    expect(check("Ward 7 go-live moved after infection-control closure")).toEqual([]);
    expect(check("Retraso del proveedor")).toEqual([]);
  });

  it("requires a reason", () => {
    expect(check("")).toEqual(["REASON_REQUIRED"]);
    expect(check("   \n\t ")).toEqual(["REASON_REQUIRED"]);
    expect(computeReasonViolations("", "moving the forecast")[0]?.message).toBe(
      "Give a reason for moving the forecast",
    );
  });

  it("refuses reasons too short to explain anything", () => {
    expect(check("delay")).toEqual(["REASON_TOO_SHORT"]);
    expect(check("n/a")).toEqual(["REASON_TOO_SHORT"]);
    expect(check("  late   ")).toEqual(["REASON_TOO_SHORT"]);
  });

  it("refuses placeholders that pass the length check", () => {
    for (const reason of [
      "See above.",
      "as discussed",
      "Forecast updated",
      "Date changed!!",
      "NOT APPLICABLE",
      "to be confirmed",
    ]) {
      expect(check(reason), reason).toEqual(["REASON_NOT_MEANINGFUL"]);
    }
  });

  it("refuses a single word, keyboard mashing and numbers only", () => {
    expect(check("Resourcing")).toEqual(["REASON_NOT_MEANINGFUL"]);
    expect(check("xx xx xx xx xx")).toEqual(["REASON_NOT_MEANINGFUL"]);
    expect(check("aaaaaaaaaaaaaa")).toEqual(["REASON_NOT_MEANINGFUL"]);
    expect(check("12345 67890 2025")).toEqual(["REASON_NOT_MEANINGFUL"]);
    expect(check("... --- ... !!!")).toEqual(["REASON_NOT_MEANINGFUL"]);
  });

  it("quotes what was typed, shortened, so the person sees what was refused", () => {
    const [violation] = computeReasonViolations(`${"x".repeat(60)} ${"x".repeat(10)}`, "moving the forecast");
    expect(violation?.message).toMatch(/^“x{40}…” does not explain moving the forecast/);
  });

  it(`refuses a reason over ${REASON_MAX_LENGTH} characters`, () => {
    expect(check(`Supplier ${"delay ".repeat(400)}`)).toEqual(["REASON_TOO_LONG"]);
  });
});

describe("forecastChangeViolations", () => {
  it("accepts a later forecast with a reason, and says it marks the milestone at risk", () => {
    const move = { milestone: milestone(), newForecastDate: d("2025-05-14"), reason: `  ${GOOD_REASON}\n` };
    expect(forecastChangeViolations({ ...move, today: TODAY })).toEqual([]);
    expect(computeForecastChange(move)).toEqual({
      oldDate: d("2025-04-30"),
      newDate: d("2025-05-14"),
      reason: GOOD_REASON,
      deltaDays: 14,
      slipDays: 14,
      marksAtRisk: true,
    });
  });

  it("accepts bringing a slipped forecast back to the baseline, which clears the risk", () => {
    const move = {
      milestone: milestone({ forecastDate: d("2025-05-14") }),
      newForecastDate: d("2025-04-30"),
      reason: "Extra theatre list found; back on plan",
    };
    expect(forecastChangeViolations({ ...move, today: TODAY })).toEqual([]);
    expect(computeForecastChange(move)).toMatchObject({ deltaDays: -14, slipDays: 0, marksAtRisk: false });
  });

  it("accepts a forecast of today", () => {
    const result = forecastChangeViolations({
      milestone: milestone(),
      newForecastDate: TODAY,
      reason: GOOD_REASON,
      today: TODAY,
    });
    expect(result).toEqual([]);
  });

  it("refuses the same date, compared as a date", () => {
    const result = forecastChangeViolations({
      milestone: milestone(),
      newForecastDate: new Date("2025-04-30T15:00:00Z"),
      reason: GOOD_REASON,
      today: TODAY,
    });
    expect(codes(result)).toEqual(["FORECAST_UNCHANGED"]);
    expect(result[0]?.message).toBe(
      "The forecast is already Wednesday 30 April 2025: choose a different date",
    );
  });

  it("refuses a forecast in the past", () => {
    const result = forecastChangeViolations({
      milestone: milestone(),
      newForecastDate: d("2025-03-09"),
      reason: GOOD_REASON,
      today: TODAY,
    });
    expect(codes(result)).toEqual(["FORECAST_IN_PAST"]);
  });

  it("requires a meaningful reason (rule 5)", () => {
    const base = { milestone: milestone(), newForecastDate: d("2025-05-14"), today: TODAY };
    expect(codes(forecastChangeViolations({ ...base, reason: "" }))).toEqual(["REASON_REQUIRED"]);
    expect(codes(forecastChangeViolations({ ...base, reason: "tbc" }))).toEqual(["REASON_TOO_SHORT"]);
    expect(codes(forecastChangeViolations({ ...base, reason: "As discussed." }))).toEqual([
      "REASON_NOT_MEANINGFUL",
    ]);
  });

  it("refuses a forecast on a done or cancelled milestone", () => {
    const base = { newForecastDate: d("2025-05-14"), reason: GOOD_REASON, today: TODAY };
    expect(codes(forecastChangeViolations({ ...base, milestone: milestone({ status: "DONE" }) }))).toEqual([
      "MILESTONE_DONE",
    ]);
    expect(
      codes(forecastChangeViolations({ ...base, milestone: milestone({ status: "CANCELLED" }) })),
    ).toEqual(["MILESTONE_CANCELLED"]);
  });

  it("reports every problem at once so a form can show them together", () => {
    const result = forecastChangeViolations({
      milestone: milestone({ status: "DONE" }),
      newForecastDate: d("2025-04-30"),
      reason: " ",
      today: TODAY,
    });
    expect(codes(result)).toEqual(["MILESTONE_DONE", "FORECAST_UNCHANGED", "REASON_REQUIRED"]);
  });
});

describe("completionViolations", () => {
  it("accepts an actual date of today", () => {
    expect(completionViolations({ milestone: milestone(), actualDate: TODAY, today: TODAY })).toEqual([]);
    expect(computeMilestoneCompletion({ milestone: milestone(), actualDate: TODAY })).toEqual({
      actualDate: TODAY,
      slipDays: -51,
      onTime: true,
    });
  });

  it("accepts a past actual date and reports lateness against the baseline", () => {
    const completion = {
      milestone: milestone({ baselineDate: d("2025-03-01") }),
      actualDate: d("2025-03-05"),
    };
    expect(completionViolations({ ...completion, today: TODAY })).toEqual([]);
    expect(computeMilestoneCompletion(completion)).toEqual({
      actualDate: d("2025-03-05"),
      slipDays: 4,
      onTime: false,
    });
  });

  it("refuses an actual date in the future, even tomorrow", () => {
    const result = completionViolations({
      milestone: milestone(),
      actualDate: d("2025-03-11"),
      today: TODAY,
    });
    expect(codes(result)).toEqual(["ACTUAL_DATE_IN_FUTURE"]);
    expect(result[0]?.message).toContain("Tuesday 11 March 2025");
  });

  it("refuses completing a milestone twice or a cancelled one", () => {
    const base = { actualDate: TODAY, today: TODAY };
    expect(codes(completionViolations({ ...base, milestone: milestone({ status: "DONE" }) }))).toEqual([
      "MILESTONE_ALREADY_DONE",
    ]);
    expect(codes(completionViolations({ ...base, milestone: milestone({ status: "CANCELLED" }) }))).toEqual([
      "MILESTONE_CANCELLED",
    ]);
  });

  it("completes a not-started milestone: the status field may lag reality", () => {
    const result = completionViolations({
      milestone: milestone({ status: "NOT_STARTED" }),
      actualDate: TODAY,
      today: TODAY,
    });
    expect(result).toEqual([]);
  });
});

describe("cancellationViolations", () => {
  it("accepts a cancellation with a reason, kept trimmed", () => {
    const reason = "  Scope moved to the ePMA phase 2 project ";
    expect(cancellationViolations({ milestone: milestone(), reason })).toEqual([]);
    expect(normaliseReason(reason)).toBe("Scope moved to the ePMA phase 2 project");
  });

  it("requires a meaningful reason", () => {
    expect(codes(cancellationViolations({ milestone: milestone(), reason: "" }))).toEqual([
      "REASON_REQUIRED",
    ]);
    expect(codes(cancellationViolations({ milestone: milestone(), reason: "not needed" }))).toEqual([
      "REASON_NOT_MEANINGFUL",
    ]);
    const [violation] = computeReasonViolations("", "cancelling the milestone");
    expect(violation?.message).toBe("Give a reason for cancelling the milestone");
  });

  it("refuses cancelling a done milestone or cancelling twice", () => {
    expect(
      codes(cancellationViolations({ milestone: milestone({ status: "DONE" }), reason: GOOD_REASON })),
    ).toEqual(["MILESTONE_DONE"]);
    expect(
      codes(cancellationViolations({ milestone: milestone({ status: "CANCELLED" }), reason: GOOD_REASON })),
    ).toEqual(["MILESTONE_ALREADY_CANCELLED"]);
  });
});
