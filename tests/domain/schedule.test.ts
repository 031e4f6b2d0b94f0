import { describe, expect, it } from "vitest";
import {
  computeForecastEndAfterMilestone,
  computeProjectSlipDays,
  computeScheduleRag,
  forecastEndViolations,
  latestOpenMilestone,
  SCHEDULE_VIOLATION,
} from "@/lib/domain/schedule";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("NUM-1: the forecast end is never earlier than an open milestone", () => {
  const milestones = [
    { title: "Go-live", status: "NOT_STARTED" as const, forecastDate: day("2026-11-30") },
    { title: "Training", status: "IN_PROGRESS" as const, forecastDate: day("2026-10-01") },
    { title: "Old pilot", status: "DONE" as const, forecastDate: day("2027-05-01") },
    { title: "Dropped phase", status: "CANCELLED" as const, forecastDate: day("2027-06-01") },
  ];

  it("finds the open milestone forecast to land last, ignoring done and cancelled ones", () => {
    expect(latestOpenMilestone(milestones)?.title).toBe("Go-live");
    expect(latestOpenMilestone(milestones.slice(2))).toBeNull();
  });

  it("refuses a forecast end before that milestone, naming it beside the forecast end date", () => {
    const violations = forecastEndViolations({ forecastEndDate: day("2026-11-29"), milestones });
    expect(violations).toEqual([
      expect.objectContaining({ code: SCHEDULE_VIOLATION.forecastBeforeMilestone, field: "forecastEndDate" }),
    ]);
    expect(violations[0]?.message).toContain("“Go-live”");
    expect(violations[0]?.message).toContain("Monday 30 November 2026");
  });

  it("accepts a forecast end on or after it, and any date when no milestone is open", () => {
    expect(forecastEndViolations({ forecastEndDate: day("2026-11-30"), milestones })).toEqual([]);
    expect(forecastEndViolations({ forecastEndDate: day("2027-01-31"), milestones })).toEqual([]);
    expect(
      forecastEndViolations({ forecastEndDate: day("2026-01-01"), milestones: milestones.slice(2) }),
    ).toEqual([]);
  });

  it("carries the forecast end to a milestone forecast past it, and leaves it otherwise", () => {
    expect(iso(computeForecastEndAfterMilestone(day("2026-12-31"), day("2027-02-15")))).toBe("2027-02-15");
    expect(iso(computeForecastEndAfterMilestone(day("2026-12-31"), day("2026-12-31")))).toBe("2026-12-31");
    expect(iso(computeForecastEndAfterMilestone(day("2026-12-31"), day("2026-06-01")))).toBe("2026-12-31");
  });
});

describe("NUM-2: slip is the actual end once closed, the forecast before, against the baseline", () => {
  const project = {
    baselineEndDate: day("2026-12-31"),
    forecastEndDate: day("2027-01-31"),
    actualEndDate: null,
  };

  it("uses the forecast while the project runs", () => {
    expect(computeProjectSlipDays(project)).toBe(31);
  });

  it("uses the actual end once it is set, whatever the forecast said", () => {
    expect(computeProjectSlipDays({ ...project, actualEndDate: day("2026-12-21") })).toBe(-10);
    expect(computeProjectSlipDays({ ...project, actualEndDate: day("2027-03-01") })).toBe(60);
  });
});

describe("NUM-3: schedule RAG against the planned duration", () => {
  // 100 days planned: 10% is 10 days, 20% is 20 days.
  const plan = {
    startDate: day("2026-01-01"),
    baselineEndDate: day("2026-04-11"),
    actualEndDate: null,
  };
  const rag = (forecast: string, settings = DEFAULT_SETTINGS) =>
    computeScheduleRag({ ...plan, forecastEndDate: day(forecast) }, settings).rag;

  it("is green on time, early and up to the amber share, amber up to the red share, red past it", () => {
    expect(rag("2026-04-01")).toBe("GREEN"); // 10 days early
    expect(rag("2026-04-11")).toBe("GREEN");
    expect(rag("2026-04-21")).toBe("GREEN"); // exactly 10%
    expect(rag("2026-04-22")).toBe("AMBER"); // 11%
    expect(rag("2026-05-01")).toBe("AMBER"); // exactly 20%
    expect(rag("2026-05-02")).toBe("RED"); // 21%
  });

  it("reports the slip, the planned duration and the share", () => {
    expect(computeScheduleRag({ ...plan, forecastEndDate: day("2026-04-26") }, DEFAULT_SETTINGS)).toEqual({
      slipDays: 15,
      plannedDurationDays: 100,
      slipPercent: 15,
      rag: "AMBER",
    });
  });

  it("weighs the same slip by the length of the plan: a month is nothing on three years, red on two months", () => {
    const long = { startDate: day("2025-01-01"), baselineEndDate: day("2028-01-01"), actualEndDate: null };
    const short = { startDate: day("2026-01-01"), baselineEndDate: day("2026-03-02"), actualEndDate: null };
    expect(computeScheduleRag({ ...long, forecastEndDate: day("2028-01-31") }, DEFAULT_SETTINGS).rag).toBe(
      "GREEN",
    );
    expect(computeScheduleRag({ ...short, forecastEndDate: day("2026-04-01") }, DEFAULT_SETTINGS).rag).toBe(
      "RED",
    );
  });

  it("follows the organisation's thresholds", () => {
    const strict = { ...DEFAULT_SETTINGS, scheduleAmberPercent: 2, scheduleRedPercent: 5 };
    expect(rag("2026-04-14", strict)).toBe("AMBER"); // 3%
    expect(rag("2026-04-17", strict)).toBe("RED"); // 6%
    const lenient = { ...DEFAULT_SETTINGS, scheduleAmberPercent: 30, scheduleRedPercent: 50 };
    expect(rag("2026-05-11", lenient)).toBe("GREEN"); // 30%
  });

  it("grades a closed project by its actual end", () => {
    const closed = { ...plan, forecastEndDate: day("2026-04-11"), actualEndDate: day("2026-05-11") };
    expect(computeScheduleRag(closed, DEFAULT_SETTINGS).rag).toBe("RED");
  });
});
