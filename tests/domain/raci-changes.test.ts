import { describe, expect, it } from "vitest";
import { RACI_GAP, type RaciEntry } from "@/lib/domain/raci";
import { introducedRaciGaps, type RaciChangeProject } from "@/lib/domain/raci-changes";
import { STAGE_GAP } from "@/lib/domain/stage-gates";

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

const sponsor = entry("Ana", "A");
const lead = entry("Ben", "R");
const champion = entry("Dr Shah", "C", { discipline: "CLINICAL" });
const team = [sponsor, lead, champion];
const without = (userId: string) => team.filter((e) => e.userId !== userId);
const live: RaciChangeProject = { kind: "DIGITAL", stage: "PILOT" };
const codes = (project: RaciChangeProject, proposed: RaciEntry[], current = team) =>
  introducedRaciGaps(project, current, proposed).map((g) => g.code);

describe("introducedRaciGaps", () => {
  it("accepts a change that keeps every rule", () => {
    expect(codes(live, [...team, entry("Cal", "I")])).toEqual([]);
  });

  it("names the last Responsible leaving once past PROPOSED, but not on a proposal", () => {
    expect(codes(live, without("Ben"))).toEqual([RACI_GAP.noResponsible]);
    expect(codes({ ...live, stage: "PROPOSED" }, without("Ben"))).toEqual([]);
  });

  it("names the only clinical champion leaving a live clinical, digital or mixed project", () => {
    for (const kind of ["CLINICAL", "DIGITAL", "MIXED"] as const) {
      const gaps = introducedRaciGaps({ ...live, kind }, team, without("Dr Shah"));
      expect(gaps.map((g) => g.code)).toEqual([STAGE_GAP.noClinicalChampion]);
      expect(gaps[0]?.message).toMatch(/^Dr Shah is this project's only clinical champion/);
    }
  });

  it("counts a champion demoted to I, or made A, as leaving the role, but not R to C", () => {
    const demoted = [...without("Dr Shah"), { ...champion, letter: "I" as const }];
    expect(codes(live, demoted)).toEqual([STAGE_GAP.noClinicalChampion]);
    const asR = [sponsor, lead, { ...champion, letter: "R" as const }];
    expect(codes(live, [sponsor, lead, champion], asR)).toEqual([]);
  });

  it("lets the champion go once another active clinical colleague is R or C", () => {
    const nurse = entry("Nurse Okafor", "R", { discipline: "CLINICAL" });
    expect(codes(live, [...without("Dr Shah"), nurse], [...team, nurse])).toEqual([]);
    const inactiveNurse = { ...nurse, active: false };
    expect(codes(live, [...without("Dr Shah"), inactiveNurse], [...team, inactiveNurse])).toEqual([
      STAGE_GAP.noClinicalChampion,
    ]);
  });

  it("holds the champion on a live project on hold, not on a paused proposal, a finished project or operational work", () => {
    expect(codes({ ...live, stage: "ON_HOLD", heldFrom: "ROLLOUT" }, without("Dr Shah"))).toEqual([
      STAGE_GAP.noClinicalChampion,
    ]);
    expect(codes({ ...live, stage: "ON_HOLD", heldFrom: "PROPOSED" }, without("Dr Shah"))).toEqual([]);
    expect(codes({ ...live, stage: "PROPOSED" }, without("Dr Shah"))).toEqual([]);
    expect(codes({ ...live, stage: "CLOSED" }, without("Dr Shah"))).toEqual([]);
    expect(codes({ ...live, stage: "CANCELLED" }, without("Dr Shah"))).toEqual([]);
    expect(codes({ ...live, kind: "OPERATIONAL" }, without("Dr Shah"))).toEqual([]);
  });

  it("lets a project already short of a champion or a Responsible be mended one step at a time", () => {
    const short = [sponsor, entry("Cal", "I")];
    expect(codes(live, [...short, entry("Dev", "C")], short)).toEqual([]);
  });
});
