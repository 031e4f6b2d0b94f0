import { describe, expect, it } from "vitest";
import {
  type ProjectEditInput,
  projectEditViolations,
  PROJECT_EDIT_VIOLATION as V,
} from "@/lib/domain/project-edits";
import { SCHEDULE_VIOLATION } from "@/lib/domain/schedule";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const base: ProjectEditInput = {
  stage: "PILOT",
  startDate: day("2025-06-01"),
  kind: { current: "DIGITAL", next: "DIGITAL" },
  forecastEndDate: { current: day("2026-12-31"), next: day("2026-12-31") },
  forecastReason: "",
  today: day("2025-10-15"),
};
const codes = (input: ProjectEditInput) => projectEditViolations(input).map((v) => v.code);

describe("projectEditViolations", () => {
  it("accepts an edit that leaves the kind and forecast alone, with no reason", () => {
    expect(projectEditViolations(base)).toEqual([]);
  });

  it("lets the kind change only while the project is proposed (or a paused proposal)", () => {
    const relabel = { ...base, kind: { current: "CLINICAL" as const, next: "OPERATIONAL" as const } };
    expect(codes({ ...relabel, stage: "PROPOSED" })).toEqual([]);
    expect(codes({ ...relabel, stage: "ON_HOLD", heldFrom: "PROPOSED" })).toEqual([]);
    expect(projectEditViolations({ ...relabel, stage: "APPROVED" })).toEqual([
      expect.objectContaining({ code: V.kindFixed, field: "kind" }),
    ]);
  });

  it("moves the forecast end date with a reason, from today on", () => {
    const move = { ...base, forecastEndDate: { current: day("2026-12-31"), next: day("2027-02-28") } };
    expect(codes({ ...move, forecastReason: "Supplier delivery slipped two months" })).toEqual([]);
    expect(projectEditViolations(move)).toEqual([
      expect.objectContaining({ code: "REASON_REQUIRED", field: "forecastReason" }),
    ]);
    expect(
      codes({
        ...move,
        forecastEndDate: { current: day("2026-12-31"), next: day("2025-10-14") },
        forecastReason: "Finished early on the last ward",
      }),
    ).toEqual([V.forecastInPast]);
    expect(
      codes({
        ...move,
        forecastEndDate: { current: day("2026-12-31"), next: day("2025-05-01") },
        forecastReason: "Typed the wrong year here",
      }),
    ).toEqual([V.forecastBeforeStart]);
  });

  it.each(["CLOSED", "CANCELLED"] as const)("refuses any edit of a %s project", (stage) => {
    expect(codes({ ...base, stage })).toEqual([V.projectFinal]);
  });
});

describe("NUM-1 in a project edit", () => {
  const milestones = [
    { title: "Go-live", status: "IN_PROGRESS" as const, forecastDate: day("2026-11-30") },
    { title: "Benefits review", status: "CANCELLED" as const, forecastDate: day("2027-06-30") },
  ];
  const moveTo = (next: string) => ({
    ...base,
    milestones,
    forecastEndDate: { current: day("2026-12-31"), next: day(next) },
    forecastReason: "Go-live brought forward by the supplier",
  });

  it("refuses a forecast end before an open milestone, naming it beside the forecast end date", () => {
    const violations = projectEditViolations(moveTo("2026-11-15"));
    expect(violations.map((v) => [v.code, v.field])).toEqual([
      [SCHEDULE_VIOLATION.forecastBeforeMilestone, "forecastEndDate"],
    ]);
    expect(violations[0]?.message).toContain("“Go-live”");
  });

  it("accepts a forecast end on or after the open milestones (a cancelled one does not count)", () => {
    expect(projectEditViolations(moveTo("2026-11-30"))).toEqual([]);
  });

  it("does not judge the milestones when the forecast end does not move", () => {
    expect(
      projectEditViolations({
        ...base,
        milestones: [{ title: "Go-live", status: "NOT_STARTED", forecastDate: day("2027-03-01") }],
      }),
    ).toEqual([]);
  });
});
