import { describe, expect, it } from "vitest";
import {
  MILESTONE_GATE_VIOLATION,
  milestoneGateApproverViolations,
  milestoneGateViolations,
} from "@/lib/domain/milestone-gates";

const gate = { title: "Pilot evaluation", status: "DONE" as const, isGate: true, gateApproved: false };
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("signing off a gate milestone (GATE-6)", () => {
  it("signs off a done gate milestone not yet signed off", () => {
    expect(milestoneGateViolations(gate)).toEqual([]);
  });

  it("refuses a milestone that is not a gate, not done, or already signed off", () => {
    expect(codes(milestoneGateViolations({ ...gate, isGate: false }))).toEqual([
      MILESTONE_GATE_VIOLATION.notAGate,
    ]);
    for (const status of ["NOT_STARTED", "IN_PROGRESS", "CANCELLED"] as const) {
      expect(codes(milestoneGateViolations({ ...gate, status }))).toEqual([MILESTONE_GATE_VIOLATION.notDone]);
    }
    expect(milestoneGateViolations({ ...gate, status: "IN_PROGRESS" })[0]?.message).toBe(
      "“Pilot evaluation” is not done: mark it done with the date it happened, then sign its gate off",
    );
    expect(codes(milestoneGateViolations({ ...gate, gateApproved: true }))).toEqual([
      MILESTONE_GATE_VIOLATION.alreadyApproved,
    ]);
  });

  it("never lets the milestone's owner or the project's Responsible sign it off", () => {
    const owner = milestoneGateApproverViolations({ ownerId: "o", approverId: "o", approverLetter: "A" });
    expect(codes(owner)).toEqual([MILESTONE_GATE_VIOLATION.approverOwns]);
    expect(owner[0]?.message).toMatch(/^You own this milestone, so someone else signs its gate off/);
    expect(
      codes(milestoneGateApproverViolations({ ownerId: "o", approverId: "r", approverLetter: "R" })),
    ).toEqual([MILESTONE_GATE_VIOLATION.approverResponsible]);
    expect(
      codes(milestoneGateApproverViolations({ ownerId: null, approverId: "r", approverLetter: "R" })),
    ).toEqual([MILESTONE_GATE_VIOLATION.approverResponsible]);
  });

  it("lets the Accountable or another executive sign off", () => {
    expect(milestoneGateApproverViolations({ ownerId: "o", approverId: "a", approverLetter: "A" })).toEqual(
      [],
    );
    expect(milestoneGateApproverViolations({ ownerId: null, approverId: "x", approverLetter: null })).toEqual(
      [],
    );
  });
});
