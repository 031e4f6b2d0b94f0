import { beforeAll, describe, expect, it } from "vitest";
import { getProposalChoices } from "@/lib/server/project-proposal";
import { useMigratedDatabase } from "../support/test-database";
import { createSite, createUser } from "./fixtures";

useMigratedDatabase();

type Person = Awaited<ReturnType<typeof createUser>>;
let exec: Person;
let sro: Person;
let pm: Person;
let pmo: Person;
let admin: Person;
let viewer: Person;
let leaver: Person;

beforeAll(async () => {
  await createSite({ code: "RDH", name: "Riverside District Hospital" });
  await createSite({ code: "NGH", name: "Northbridge General Hospital" });
  exec = await createUser({ name: "Dr Helen Ashworth", role: "EXECUTIVE", discipline: "EXECUTIVE" });
  sro = await createUser({ name: "Paul Hughes", role: "PROJECT_MANAGER", sroEligible: true });
  pm = await createUser({ name: "Aisha Okafor", role: "PROJECT_MANAGER", discipline: "DIGITAL" });
  pmo = await createUser({ name: "Marcus Bell", role: "PORTFOLIO_MANAGER" });
  admin = await createUser({ name: "Priya Natarajan", role: "ADMIN", discipline: "DIGITAL" });
  viewer = await createUser({ name: "Tom Whitfield", role: "VIEWER", discipline: "EXECUTIVE" });
  leaver = await createUser({ name: "Old Executive", role: "EXECUTIVE", active: false });
});

const names = (people: { name: string }[]) => people.map((p) => p.name);

describe("getProposalChoices", () => {
  it("offers the sites by name, with their ids", async () => {
    const choices = await getProposalChoices(pm);
    expect(choices.sites.map((s) => s.name)).toEqual([
      "Northbridge General Hospital",
      "Riverside District Hospital",
    ]);
    expect(choices.sites.every((s) => typeof s.id === "string")).toBe(true);
  });

  it("offers as Accountable only active executives and SRO-eligible colleagues, never the proposer unless an executive (ACC-1, ACC-2)", async () => {
    expect(names((await getProposalChoices(pm)).accountables)).toEqual(["Dr Helen Ashworth", "Paul Hughes"]);
    // Paul is eligible, but may not name himself.
    expect(names((await getProposalChoices(sro)).accountables)).toEqual(["Dr Helen Ashworth"]);
    expect(names((await getProposalChoices(exec)).accountables)).toEqual([
      "Dr Helen Ashworth",
      "Paul Hughes",
    ]);
    expect((await getProposalChoices(exec)).proposerMayBeAccountable).toBe(true);
    expect((await getProposalChoices(pm)).proposerMayBeAccountable).toBe(false);
    const offered = (await getProposalChoices(pmo)).accountables.map((p) => p.id);
    for (const never of [admin, viewer, leaver, pm, pmo]) expect(offered).not.toContain(never.id);
  });

  it("offers as Responsible every active person but a viewer, the proposer included", async () => {
    expect(names((await getProposalChoices(pm)).responsibles)).toEqual([
      "Aisha Okafor",
      "Dr Helen Ashworth",
      "Marcus Bell",
      "Paul Hughes",
      "Priya Natarajan",
    ]);
  });

  it("says when the proposer becomes the Responsible: when they could not otherwise edit the project", async () => {
    expect((await getProposalChoices(pm)).proposerBecomesResponsible).toBe(true);
    expect((await getProposalChoices(exec)).proposerBecomesResponsible).toBe(true);
    expect((await getProposalChoices(pmo)).proposerBecomesResponsible).toBe(false);
    expect((await getProposalChoices(admin)).proposerBecomesResponsible).toBe(false);
  });
});
