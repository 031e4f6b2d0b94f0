import { describe, expect, it } from "vitest";
import type { ObjectiveStatus } from "@/generated/prisma/enums";
import {
  type AlignedProjectFacts,
  canOwnObjective,
  parentViolations,
  retirementViolations,
  OBJECTIVE_VIOLATION as V,
} from "@/lib/domain/objectives";

describe("canOwnObjective", () => {
  it("accepts active executives and admins only", () => {
    expect(canOwnObjective({ role: "EXECUTIVE", active: true })).toBe(true);
    expect(canOwnObjective({ role: "ADMIN", active: true })).toBe(true);
    expect(canOwnObjective({ role: "EXECUTIVE", active: false })).toBe(false);
    for (const role of ["PORTFOLIO_MANAGER", "PROJECT_MANAGER", "CLINICAL_CHAMPION", "VIEWER"] as const) {
      expect(canOwnObjective({ role, active: true })).toBe(false);
    }
  });
});

describe("parentViolations", () => {
  // pillar ← so1 ← so1a ← so1a-i, and a separate so2.
  const tree = [
    { id: "pillar", code: "PIL-1", parentId: null },
    { id: "so1", code: "SO-01", parentId: "pillar" },
    { id: "so1a", code: "SO-11", parentId: "so1" },
    { id: "so1ai", code: "SO-111", parentId: "so1a" },
    { id: "so2", code: "SO-02", parentId: null },
  ];

  it("accepts any parent for a new objective, and a parent outside the objective's subtree", () => {
    expect(parentViolations({ objectiveId: null, parentId: "so1ai", tree })).toEqual([]);
    expect(parentViolations({ objectiveId: "so1", parentId: "so2", tree })).toEqual([]);
    expect(parentViolations({ objectiveId: "so1a", parentId: "pillar", tree })).toEqual([]);
  });

  it("refuses the objective itself", () => {
    expect(parentViolations({ objectiveId: "so1", parentId: "so1", tree })).toEqual([
      expect.objectContaining({ code: V.parentIsSelf, field: "parentId" }),
    ]);
  });

  it("refuses a descendant, however deep, naming it", () => {
    const child = parentViolations({ objectiveId: "so1", parentId: "so1a", tree });
    expect(child).toEqual([expect.objectContaining({ code: V.parentCycle, field: "parentId" })]);
    expect(child[0]?.message).toContain("SO-11");
    expect(parentViolations({ objectiveId: "pillar", parentId: "so1ai", tree }).map((v) => v.code)).toEqual([
      V.parentCycle,
    ]);
  });

  it("terminates on data that is already cyclic", () => {
    const cyclic = [
      { id: "x", code: "SO-X", parentId: "y" },
      { id: "y", code: "SO-Y", parentId: "x" },
    ];
    expect(parentViolations({ objectiveId: "z", parentId: "x", tree: cyclic })).toEqual([]);
  });
});

describe("retirementViolations", () => {
  const objective = { code: "SO-03", title: "Sepsis within the hour" };
  const project = (overrides: Partial<AlignedProjectFacts> = {}): AlignedProjectFacts => ({
    code: "CLN-01",
    name: "Sepsis bundle",
    stage: "PILOT",
    otherObjectiveStatuses: [],
    ...overrides,
  });
  const retire = (alignedProjects: AlignedProjectFacts[], from: ObjectiveStatus = "ACTIVE") =>
    retirementViolations({ objective, from, to: "RETIRED", alignedProjects });

  it("refuses retiring the only objective a live project serves, naming the projects, beside the status", () => {
    const violations = retire([
      project(),
      project({ code: "CLN-02", name: "Early warning", stage: "ON_HOLD", heldFrom: "APPROVED" }),
    ]);
    expect(violations).toEqual([
      {
        code: V.retiresLastAlignment,
        field: "status",
        message: expect.stringMatching(
          /^SO-03 “Sepsis within the hour” is the only objective CLN-01 “Sepsis bundle”, CLN-02 “Early warning” serve, and a live project must serve one/,
        ),
      },
    ]);
  });

  it("counts only other objectives that are not retired", () => {
    expect(retire([project({ otherObjectiveStatuses: ["RETIRED"] })])).toHaveLength(1);
    expect(retire([project({ otherObjectiveStatuses: ["RETIRED", "ACTIVE"] })])).toEqual([]);
    expect(retire([project({ otherObjectiveStatuses: ["ACHIEVED"] })])).toEqual([]);
  });

  it("ignores proposals, paused proposals, closed and cancelled projects", () => {
    expect(
      retire([
        project({ stage: "PROPOSED" }),
        project({ stage: "ON_HOLD", heldFrom: "PROPOSED" }),
        project({ stage: "CLOSED" }),
        project({ stage: "CANCELLED" }),
      ]),
    ).toEqual([]);
  });

  it("checks only a move into RETIRED", () => {
    expect(retire([project()], "RETIRED")).toEqual([]);
    expect(
      retirementViolations({ objective, from: "ACTIVE", to: "ACHIEVED", alignedProjects: [project()] }),
    ).toEqual([]);
  });
});
