import { describe, expect, it } from "vitest";
import { accountableOf, hasClinicalChampion, RACI_GAP, type RaciEntry, raciGaps } from "@/lib/domain/raci";

function entry(userId: string, letter: RaciEntry["letter"], overrides: Partial<RaciEntry> = {}): RaciEntry {
  return {
    userId,
    name: userId,
    letter,
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
    active: true,
    ...overrides,
  };
}

const codes = (entries: RaciEntry[], requireResponsible = true) =>
  raciGaps(entries, { requireResponsible }).map((g) => g.code);

describe("raciGaps", () => {
  it("accepts one active A and one active R", () => {
    expect(raciGaps([entry("ana", "A"), entry("ben", "R")], { requireResponsible: true })).toEqual([]);
  });

  it("accepts a proposal with an A but no R yet", () => {
    expect(codes([entry("ana", "A"), entry("cal", "C")], false)).toEqual([]);
  });

  it("names a missing Accountable", () => {
    const gaps = raciGaps([entry("ben", "R")], { requireResponsible: true });
    expect(gaps).toEqual([
      { code: RACI_GAP.noAccountable, message: expect.stringMatching(/No Accountable/) },
    ]);
  });

  it("reports an empty RACI as missing both A and R once R is required", () => {
    expect(codes([])).toEqual([RACI_GAP.noAccountable, RACI_GAP.noResponsible]);
    expect(codes([], false)).toEqual([RACI_GAP.noAccountable]);
  });

  it("names every Accountable when there is more than one", () => {
    const gaps = raciGaps([entry("ana", "A"), entry("dev", "A"), entry("ben", "R")], {
      requireResponsible: true,
    });
    expect(gaps.map((g) => g.code)).toEqual([RACI_GAP.multipleAccountable]);
    expect(gaps[0]?.message).toContain("2 people are Accountable (ana, dev)");
  });

  it("refuses a deactivated Accountable", () => {
    const gaps = raciGaps([entry("ana", "A", { active: false }), entry("ben", "R")], {
      requireResponsible: true,
    });
    expect(gaps.map((g) => g.code)).toEqual([RACI_GAP.accountableInactive]);
    expect(gaps[0]?.message).toContain("ana");
  });

  it("requires an active Responsible once past PROPOSED, and says when all of them left", () => {
    expect(codes([entry("ana", "A"), entry("cal", "C")])).toEqual([RACI_GAP.noResponsible]);
    const gaps = raciGaps([entry("ana", "A"), entry("ben", "R", { active: false })], {
      requireResponsible: true,
    });
    expect(gaps.map((g) => g.code)).toEqual([RACI_GAP.noResponsible]);
    expect(gaps[0]?.message).toContain("deactivated");
  });

  it("does not mind a deactivated R while an active R remains", () => {
    expect(codes([entry("ana", "A"), entry("ben", "R", { active: false }), entry("eve", "R")])).toEqual([]);
  });

  it("refuses one person holding two letters", () => {
    const gaps = raciGaps([entry("ana", "A"), entry("ana", "R"), entry("ben", "R")], {
      requireResponsible: true,
    });
    expect(gaps.map((g) => g.code)).toEqual([RACI_GAP.duplicatePerson]);
    expect(gaps[0]?.message).toContain("ana holds more than one letter (A, R)");
  });

  it("falls back to a neutral word when names are not supplied", () => {
    const gaps = raciGaps(
      [{ userId: "x", letter: "A", role: "EXECUTIVE", discipline: "EXECUTIVE", active: false }],
      {
        requireResponsible: false,
      },
    );
    expect(gaps[0]?.message).toContain("a user");
  });
});

describe("accountableOf", () => {
  it("returns the single A, or nothing when there is none or several", () => {
    expect(accountableOf([entry("ana", "A"), entry("ben", "R")])?.userId).toBe("ana");
    expect(accountableOf([entry("ben", "R")])).toBeUndefined();
    expect(accountableOf([entry("ana", "A"), entry("dev", "A")])).toBeUndefined();
  });
});

describe("hasClinicalChampion", () => {
  it("is an active CLINICAL user as R or C", () => {
    expect(hasClinicalChampion([entry("gm", "R", { discipline: "CLINICAL" })])).toBe(true);
    expect(hasClinicalChampion([entry("gm", "C", { discipline: "CLINICAL" })])).toBe(true);
  });

  it("does not count a clinician who is only A or I", () => {
    expect(hasClinicalChampion([entry("gm", "A", { discipline: "CLINICAL" })])).toBe(false);
    expect(hasClinicalChampion([entry("gm", "I", { discipline: "CLINICAL" })])).toBe(false);
  });

  it("does not count other disciplines or a deactivated clinician", () => {
    expect(hasClinicalChampion([entry("dd", "R", { discipline: "DIGITAL" })])).toBe(false);
    expect(hasClinicalChampion([entry("gm", "C", { discipline: "CLINICAL", active: false })])).toBe(false);
    expect(hasClinicalChampion([])).toBe(false);
  });

  it("does not count a clinical viewer: a champion acts on the work, a viewer only reads", () => {
    expect(hasClinicalChampion([entry("tw", "C", { discipline: "CLINICAL", role: "VIEWER" })])).toBe(false);
    expect(
      hasClinicalChampion([entry("gm", "C", { discipline: "CLINICAL", role: "CLINICAL_CHAMPION" })]),
    ).toBe(true);
  });
});
