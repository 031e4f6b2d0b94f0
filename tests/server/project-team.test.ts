// The team tab's read: the RACI from Accountable down (then by name), who else may be given a
// letter, who may take over the A (docs/governance-rules.md ACC-1), and the rule 1 and 2 gaps in
// words, worked out by the same domain functions the RACI operations use.
import { beforeAll, describe, expect, it } from "vitest";
import { getProjectTeam } from "@/lib/server/project-team";
import { useMigratedDatabase } from "../support/test-database";
import { createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

let soundId = "";
let gappyId = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  const site = await createSite();
  const person = async (key: string, input: Parameters<typeof createUser>[0]) => {
    ids[key] = (await createUser({ name: key, ...input })).id;
  };
  await person("Dr Helen Ashworth", { role: "EXECUTIVE", discipline: "EXECUTIVE" });
  await person("Aisha Okafor", { discipline: "DIGITAL" });
  await person("Ben Adeyemi", { discipline: "DIGITAL" });
  await person("Sister Grace Mensah", { role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
  await person("Tom Whitfield", { role: "VIEWER" });
  await person("Marcus Bell", { role: "PORTFOLIO_MANAGER", sroEligible: true });
  await person("Priya Natarajan", { role: "ADMIN", sroEligible: true });
  await person("Dr Former Sponsor", { role: "EXECUTIVE", discipline: "EXECUTIVE", active: false });
  await person("Nurse Retired", { role: "CLINICAL_CHAMPION", discipline: "CLINICAL", active: false });
  const id = (key: string) => ids[key] ?? "";
  soundId = (
    await createProject({
      siteId: site.id,
      kind: "CLINICAL",
      raci: [
        { userId: id("Tom Whitfield"), letter: "I" },
        { userId: id("Sister Grace Mensah"), letter: "C" },
        { userId: id("Ben Adeyemi"), letter: "R" },
        { userId: id("Aisha Okafor"), letter: "R" },
        { userId: id("Dr Helen Ashworth"), letter: "A" },
      ],
    })
  ).id;
  // A clinical project whose A has left and whose only clinical colleague is deactivated.
  gappyId = (
    await createProject({
      siteId: site.id,
      kind: "CLINICAL",
      raci: [
        { userId: id("Dr Former Sponsor"), letter: "A" },
        { userId: id("Aisha Okafor"), letter: "R" },
        { userId: id("Nurse Retired"), letter: "C" },
      ],
    })
  ).id;
});

describe("a project's team", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectTeam("6f1c1f0e-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists the RACI from Accountable down, then by name, and marks the clinical champion", async () => {
    const team = (await getProjectTeam(soundId))!;
    expect(team.members.map((m) => [m.letter, m.name, m.isClinicalChampion])).toEqual([
      ["A", "Dr Helen Ashworth", false],
      ["R", "Aisha Okafor", false],
      ["R", "Ben Adeyemi", false],
      ["C", "Sister Grace Mensah", true],
      ["I", "Tom Whitfield", false],
    ]);
    expect(team.accountableId).toBe(ids["Dr Helen Ashworth"]);
    expect(team).toMatchObject({ gaps: [], needsClinicalChampion: true, hasClinicalChampion: true });
  });

  it("offers active people without a letter, and as A only executives and SRO-eligible people who are not admins (ACC-1)", async () => {
    const team = (await getProjectTeam(soundId))!;
    expect(team.others.map((p) => [p.name, p.mayBeResponsible])).toEqual([
      ["Marcus Bell", true],
      ["Priya Natarajan", true],
    ]);
    // The current A is left out; the viewer, the admin and the deactivated never qualify.
    expect(team.accountableCandidates.map((p) => p.name)).toEqual(["Marcus Bell"]);
  });

  it("names the gaps of rules 1 and 2 in words", async () => {
    const team = (await getProjectTeam(gappyId))!;
    expect(team.hasClinicalChampion).toBe(false);
    expect(team.gaps).toEqual([
      "The Accountable, Dr Former Sponsor, is no longer an active user: hand A to an active colleague",
      "No clinical champion: assign an active clinical colleague (not a viewer) as R or C",
    ]);
    // A deactivated member is still listed, so the team can see whom to replace.
    expect(team.members.find((m) => m.name === "Nurse Retired")).toMatchObject({
      active: false,
      isClinicalChampion: false,
    });
  });
});
