import { describe, expect, it } from "vitest";
import {
  holidayViolations,
  isTimeZone,
  SETTINGS_VIOLATION as S,
  type SettingsValues,
  settingsViolations,
} from "@/lib/domain/organisation-settings";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";

const { dutyExecutiveId: _none, ...defaults } = DEFAULT_SETTINGS;
const values = (over: Partial<SettingsValues> = {}): SettingsValues => ({
  ...defaults,
  timeZone: "Europe/London",
  ...over,
});
const fields = (violations: { field?: string }[]) => violations.map((v) => v.field);
const exec = { name: "Helen Ward", role: "EXECUTIVE" as const, active: true };

describe("settingsViolations (ACC-7)", () => {
  it("accepts the schema's defaults and a valid change", () => {
    expect(settingsViolations(values(), null)).toEqual([]);
    expect(
      settingsViolations(
        values({ rebaselineToleranceDays: 0, scheduleRedPercent: 150, feedbackAcceptanceTimeoutDays: 14 }),
        exec,
      ),
    ).toEqual([]);
  });

  it("refuses values out of range, each beside its field", () => {
    const violations = settingsViolations(
      values({
        rebaselineToleranceDays: -1,
        rebaselineTolerancePercent: 101,
        scheduleAmberPercent: 0,
        safetyCriticalAnswerHours: 0,
        safetyHighAnswerHours: 200,
        safetyOtherAnswerWorkingDays: 0,
        feedbackAnswerWorkingDays: 61,
        feedbackAcceptanceTimeoutDays: 0,
      }),
      null,
    );
    expect(violations.every((v) => v.code === S.outOfRange)).toBe(true);
    expect(fields(violations)).toEqual([
      "rebaselineToleranceDays",
      "rebaselineTolerancePercent",
      "scheduleAmberPercent",
      "safetyCriticalAnswerHours",
      "safetyHighAnswerHours",
      "safetyOtherAnswerWorkingDays",
      "feedbackAnswerWorkingDays",
      "feedbackAcceptanceTimeoutDays",
    ]);
    expect(violations[0]?.message).toBe("Enter a number of days from 0 to 365");
  });

  it("refuses red at or before amber, and safety answer times longer than those they come before", () => {
    const violations = settingsViolations(
      values({
        scheduleAmberPercent: 20,
        scheduleRedPercent: 20,
        safetyCriticalAnswerHours: 12,
        safetyHighAnswerHours: 8,
        safetyOtherAnswerWorkingDays: 6,
        feedbackAnswerWorkingDays: 5,
      }),
      null,
    );
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      [S.redNotAfterAmber, "scheduleRedPercent"],
      [S.criticalSlowerThanHigh, "safetyCriticalAnswerHours"],
      [S.safetySlowerThanFeedback, "safetyOtherAnswerWorkingDays"],
    ]);
    expect(violations[0]?.message).toBe("Red must start after amber: enter more than 20%");
  });

  it("judges a relation only between values that are in range: one message per slip", () => {
    expect(
      fields(settingsViolations(values({ scheduleAmberPercent: 0, scheduleRedPercent: 0 }), null)),
    ).toEqual(["scheduleAmberPercent", "scheduleRedPercent"]);
  });

  it("refuses a time zone that is not an IANA name", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("GMT+1 (London)")).toBe(false);
    expect(settingsViolations(values({ timeZone: "London" }), null).map((v) => [v.code, v.field])).toEqual([
      [S.unknownTimeZone, "timeZone"],
    ]);
  });
});

describe("the duty executive is an active executive (ACC-5)", () => {
  it("refuses someone who is not an executive, or deactivated, naming them", () => {
    const notExec = settingsViolations(values(), { ...exec, role: "PORTFOLIO_MANAGER" });
    expect(notExec.map((v) => [v.code, v.field])).toEqual([[S.dutyNotExecutive, "dutyExecutiveId"]]);
    expect(notExec[0]?.message).toMatch(/Helen Ward is not an executive/);
    expect(settingsViolations(values(), { ...exec, active: false })[0]?.message).toMatch(
      /Helen Ward has been deactivated/,
    );
  });
});

describe("holidayViolations (ACC-8)", () => {
  it("accepts a weekday and refuses a weekend, pointing to the substitute day", () => {
    expect(holidayViolations(new Date("2026-12-25T00:00:00Z"))).toEqual([]); // a Friday
    const saturday = holidayViolations(new Date("2026-12-26T00:00:00Z"));
    expect(saturday.map((v) => [v.code, v.field])).toEqual([[S.holidayOnWeekend, "date"]]);
    expect(saturday[0]?.message).toMatch(/substitute day/);
    expect(holidayViolations(new Date("2026-12-27T00:00:00Z"))).toHaveLength(1);
  });
});
