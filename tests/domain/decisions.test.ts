import { describe, expect, it } from "vitest";
import { computeDecidedAt, decisionViolations, isScaleDecision } from "@/lib/domain/decisions";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const today = d("2026-06-17");
const pilot = { stage: "PILOT" as const };

describe("decisionViolations: the day (docs/governance-rules.md FRAME-3)", () => {
  it("takes today and earlier days: minutes are written after the meeting", () => {
    expect(decisionViolations({ kind: "GENERAL", decidedOn: today, today, project: null })).toEqual([]);
    expect(decisionViolations({ kind: "GENERAL", decidedOn: d("2026-05-02"), today, project: null })).toEqual(
      [],
    );
  });

  it("refuses a day that has not come, beside the date field, naming today", () => {
    const violations = decisionViolations({
      kind: "GENERAL",
      decidedOn: d("2026-06-18"),
      today,
      project: null,
    });
    expect(violations).toEqual([
      expect.objectContaining({ code: "DECISION_DATE_IN_FUTURE", field: "decidedOn" }),
    ]);
    expect(violations[0]?.message).toContain("Thursday 18 June 2026 has not come yet");
    expect(violations[0]?.message).toContain("today, Wednesday 17 June 2026, or earlier");
  });
});

describe("decisionViolations: scale decisions (docs/governance-rules.md FRAME-4)", () => {
  it.each(["SCALE", "DO_NOT_SCALE"] as const)("takes %s on a project in its pilot", (kind) => {
    expect(isScaleDecision(kind)).toBe(true);
    expect(decisionViolations({ kind, decidedOn: today, today, project: pilot })).toEqual([]);
  });

  it("refuses a scale decision with no project, beside the project field", () => {
    expect(decisionViolations({ kind: "SCALE", decidedOn: today, today, project: null })).toEqual([
      expect.objectContaining({ code: "SCALE_DECISION_WITHOUT_PROJECT", field: "projectId" }),
    ]);
  });

  it.each(["PROPOSED", "APPROVED", "ROLLOUT", "ON_HOLD", "CLOSED", "CANCELLED"] as const)(
    "refuses a scale decision on a project at %s, naming the stage",
    (stage) => {
      const violations = decisionViolations({
        kind: "DO_NOT_SCALE",
        decidedOn: today,
        today,
        project: { stage },
      });
      expect(violations).toEqual([
        expect.objectContaining({ code: "SCALE_DECISION_NOT_IN_PILOT", field: "kind" }),
      ]);
      expect(violations[0]?.message).toMatch(/not in its pilot/);
    },
  );

  it("takes a general decision on a project at any stage", () => {
    expect(isScaleDecision("GENERAL")).toBe(false);
    expect(
      decisionViolations({ kind: "GENERAL", decidedOn: today, today, project: { stage: "APPROVED" } }),
    ).toEqual([]);
  });

  it("names every gap at once", () => {
    const violations = decisionViolations({
      kind: "SCALE",
      decidedOn: d("2026-07-01"),
      today,
      project: null,
    });
    expect(violations.map((v) => v.code)).toEqual([
      "DECISION_DATE_IN_FUTURE",
      "SCALE_DECISION_WITHOUT_PROJECT",
    ]);
  });
});

describe("computeDecidedAt (docs/governance-rules.md FRAME-3)", () => {
  const now = new Date("2026-06-17T15:42:10.000Z");

  it("is now for a decision taken today", () => {
    expect(computeDecidedAt({ decidedOn: today, today, now, timeZone: "Europe/London" })).toEqual(now);
  });

  it("is midday of an earlier day in the organisation's time zone", () => {
    // British Summer Time: midday in London is 11:00 UTC; in winter it is 12:00 UTC.
    expect(
      computeDecidedAt({ decidedOn: d("2026-06-03"), today, now, timeZone: "Europe/London" }).toISOString(),
    ).toBe("2026-06-03T11:00:00.000Z");
    expect(
      computeDecidedAt({ decidedOn: d("2026-01-14"), today, now, timeZone: "Europe/London" }).toISOString(),
    ).toBe("2026-01-14T12:00:00.000Z");
    expect(
      computeDecidedAt({
        decidedOn: d("2026-06-03"),
        today,
        now,
        timeZone: "Australia/Sydney",
      }).toISOString(),
    ).toBe("2026-06-03T02:00:00.000Z");
  });
});
