import { describe, expect, it } from "vitest";
import {
  alignViolations,
  isPastProposal,
  metricObjectiveViolations,
  removeAlignmentViolations,
  ALIGNMENT_VIOLATION as V,
} from "@/lib/domain/alignment-links";

const objective = { code: "SO-03", title: "Cut elective waits", status: "ACTIVE" as const };
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("isPastProposal", () => {
  it("is false for a proposal, paused or not, and true for everything after", () => {
    expect(isPastProposal("PROPOSED")).toBe(false);
    expect(isPastProposal("ON_HOLD", "PROPOSED")).toBe(false);
    expect(isPastProposal("ON_HOLD", "PILOT")).toBe(true);
    expect(isPastProposal("ON_HOLD", null)).toBe(true);
    for (const stage of ["APPROVED", "PILOT", "ROLLOUT", "CLOSED", "CANCELLED"] as const) {
      expect(isPastProposal(stage)).toBe(true);
    }
  });
});

describe("alignViolations", () => {
  it("accepts a link to an active objective", () => {
    expect(
      alignViolations({ projectStage: "PILOT", objective, contribution: "PRIMARY", currentPrimary: null }),
    ).toEqual([]);
    expect(
      alignViolations({
        projectStage: "PROPOSED",
        objective,
        contribution: "SUPPORTING",
        currentPrimary: { code: "SO-01", title: "Safer care" },
      }),
    ).toEqual([]);
  });

  it("refuses a second PRIMARY, naming the current one", () => {
    const violations = alignViolations({
      projectStage: "PILOT",
      objective,
      contribution: "PRIMARY",
      currentPrimary: { code: "SO-01", title: "Safer care" },
    });
    expect(violations).toEqual([expect.objectContaining({ code: V.secondPrimary, field: "contribution" })]);
    expect(violations[0]?.message).toContain("SO-01");
  });

  it.each(["DRAFT", "ACHIEVED", "RETIRED"] as const)("refuses an objective that is %s", (status) => {
    const violations = alignViolations({
      projectStage: "APPROVED",
      objective: { ...objective, status },
      contribution: "SUPPORTING",
      currentPrimary: null,
    });
    expect(violations.map((v) => [v.code, v.field])).toEqual([[V.objectiveNotActive, "objectiveId"]]);
  });

  it("refuses any change on a closed or cancelled project", () => {
    expect(
      codes(
        alignViolations({
          projectStage: "CLOSED",
          objective,
          contribution: "SUPPORTING",
          currentPrimary: null,
        }),
      ),
    ).toEqual([V.projectFinal]);
  });
});

describe("removeAlignmentViolations", () => {
  const ref = { code: "SO-03", title: "Cut elective waits" };

  it("lets a proposal drop its last link, but not a live project", () => {
    expect(
      removeAlignmentViolations({ projectStage: "PROPOSED", objective: ref, alignmentCount: 1 }),
    ).toEqual([]);
    expect(
      removeAlignmentViolations({
        projectStage: "ON_HOLD",
        heldFrom: "PROPOSED",
        objective: ref,
        alignmentCount: 1,
      }),
    ).toEqual([]);
    expect(
      codes(removeAlignmentViolations({ projectStage: "PILOT", objective: ref, alignmentCount: 1 })),
    ).toEqual([V.lastAlignment]);
    expect(
      codes(
        removeAlignmentViolations({
          projectStage: "ON_HOLD",
          heldFrom: "ROLLOUT",
          objective: ref,
          alignmentCount: 1,
        }),
      ),
    ).toEqual([V.lastAlignment]);
  });

  it("lets a live project drop a link while another remains", () => {
    expect(removeAlignmentViolations({ projectStage: "ROLLOUT", objective: ref, alignmentCount: 2 })).toEqual(
      [],
    );
  });

  it("refuses any change on a closed or cancelled project", () => {
    expect(
      codes(removeAlignmentViolations({ projectStage: "CANCELLED", objective: ref, alignmentCount: 3 })),
    ).toEqual([V.projectFinal]);
  });
});

describe("NUM-9: a project's metrics feed only objectives it serves", () => {
  const ref = { code: "SO-03", title: "Cut elective waits" };

  it("refuses to remove a link while project metrics feed that objective, naming them", () => {
    const violations = removeAlignmentViolations({
      projectStage: "PILOT",
      objective: ref,
      alignmentCount: 2,
      feedingMetrics: [{ name: "Theatre utilisation" }, { name: "Day-case rate" }],
    });
    expect(codes(violations)).toEqual([V.metricsFeedObjective]);
    expect(violations[0]?.message).toBe(
      "The metrics “Theatre utilisation”, “Day-case rate” of this project feed SO-03: point them at another objective the project serves before removing this alignment",
    );
    expect(
      removeAlignmentViolations({
        projectStage: "PROPOSED",
        objective: ref,
        alignmentCount: 1,
        feedingMetrics: [{ name: "Theatre utilisation" }],
      })[0]?.message,
    ).toBe(
      "The metric “Theatre utilisation” of this project feeds SO-03: point it at another objective the project serves before removing this alignment",
    );
  });

  it("reports both the last link and the metrics on a live project's only link", () => {
    expect(
      codes(
        removeAlignmentViolations({
          projectStage: "APPROVED",
          objective: ref,
          alignmentCount: 1,
          feedingMetrics: [{ name: "Theatre utilisation" }],
        }),
      ),
    ).toEqual([V.lastAlignment, V.metricsFeedObjective]);
  });

  it("lets a project metric feed an objective the project is aligned to, and an objective-level metric any", () => {
    expect(
      metricObjectiveViolations({ objectiveId: "o1", objective: ref, projectObjectiveIds: ["o2", "o1"] }),
    ).toEqual([]);
    expect(
      metricObjectiveViolations({ objectiveId: "o1", objective: ref, projectObjectiveIds: null }),
    ).toEqual([]);
  });

  it("refuses a project metric feeding an objective the project does not serve, beside the objective", () => {
    expect(
      metricObjectiveViolations({ objectiveId: "o1", objective: ref, projectObjectiveIds: ["o2"] }),
    ).toEqual([
      {
        code: V.metricObjectiveNotAligned,
        field: "objectiveId",
        message:
          "The project is not aligned to SO-03 “Cut elective waits”: choose an objective the project serves, or align the project to this one first",
      },
    ]);
    expect(
      codes(metricObjectiveViolations({ objectiveId: "o1", objective: ref, projectObjectiveIds: [] })),
    ).toEqual([V.metricObjectiveNotAligned]);
  });
});
