// The risks tab's read: the register open first, then mitigating, then closed, the most severe
// first within each, with the version each edit form sends back; the 5×5 likelihood × impact grid
// counting only risks not closed; and the people a risk may be given to.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getProjectRisks } from "@/lib/server/project-risks";
import { useMigratedDatabase } from "../support/test-database";
import { createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

let projectId = "";

beforeAll(async () => {
  const site = await createSite();
  const pm = await createUser({ name: "Aisha Okafor" });
  const lead = await createUser({ name: "Ben Adeyemi" });
  await createUser({ name: "Tom Whitfield", role: "VIEWER" });
  await createUser({ name: "Left Last Year", active: false });
  projectId = (await createProject({ siteId: site.id })).id;
  const other = await createProject({ siteId: site.id });
  const risk = (
    title: string,
    likelihood: number,
    impact: number,
    status: "OPEN" | "MITIGATING" | "CLOSED" = "OPEN",
    ownerId = pm.id,
  ) => ({ projectId, title, likelihood, impact, status, ownerId });
  // Created in this order; the register sorts them.
  for (const data of [
    risk("Night-shift engagement", 2, 3),
    risk("Closed risk", 5, 5, "CLOSED"),
    risk("Interface supplier capacity", 4, 4),
    risk("Pharmacy sign-off", 2, 4, "MITIGATING", lead.id),
    risk("Second interface risk", 4, 4),
    risk("Label printer stock", 1, 1, "MITIGATING"),
  ]) {
    await db().risk.create({ data });
  }
  await db().risk.create({
    data: { projectId: other.id, title: "Another project's risk", likelihood: 5, impact: 5, ownerId: pm.id },
  });
  await db().risk.updateMany({
    where: { title: "Interface supplier capacity" },
    data: { version: 2, mitigation: "Second supplier on standby" },
  });
});

describe("a project's risk register", () => {
  it("is null for a project that does not exist", async () => {
    expect(await getProjectRisks("6f1c1f0e-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists open risks first, then mitigating, then closed, the highest score first within each", async () => {
    const { risks } = (await getProjectRisks(projectId))!;
    expect(risks.map((r) => [r.title, r.status, r.score, r.rag])).toEqual([
      ["Interface supplier capacity", "OPEN", 16, "RED"],
      ["Second interface risk", "OPEN", 16, "RED"],
      ["Night-shift engagement", "OPEN", 6, "GREEN"],
      ["Pharmacy sign-off", "MITIGATING", 8, "AMBER"],
      ["Label printer stock", "MITIGATING", 1, "GREEN"],
      ["Closed risk", "CLOSED", 25, "RED"],
    ]);
    expect(risks[0]).toMatchObject({
      version: 2,
      mitigation: "Second supplier on standby",
      owner: { name: "Aisha Okafor" },
    });
    expect(risks[3]?.owner.name).toBe("Ben Adeyemi");
  });

  it("counts risks not closed in a 5×5 grid, impact 5 at the top, likelihood 1 to 5 across", async () => {
    const { grid } = (await getProjectRisks(projectId))!;
    expect(grid.map((row) => row.map((cell) => cell.count))).toEqual([
      [0, 0, 0, 0, 0], // impact 5: the closed 5×5 is not counted
      [0, 1, 0, 2, 0], // impact 4: pharmacy sign-off (2), both interface risks (4)
      [0, 1, 0, 0, 0], // impact 3: night-shift engagement
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0], // impact 1: label printer stock
    ]);
    expect(grid.map((row) => row[0]?.impact)).toEqual([5, 4, 3, 2, 1]);
    expect(grid[0]?.map((cell) => cell.likelihood)).toEqual([1, 2, 3, 4, 5]);
    // Each cell carries its band, so the grid says RED/AMBER/GREEN in words, not colour alone.
    expect(grid[0]?.map((cell) => cell.rag)).toEqual(["GREEN", "AMBER", "RED", "RED", "RED"]);
    expect(grid[4]?.map((cell) => cell.rag)).toEqual(["GREEN", "GREEN", "GREEN", "GREEN", "GREEN"]);
  });

  it("offers active people who can act as risk owners", async () => {
    const { people } = (await getProjectRisks(projectId))!;
    expect(people.map((p) => p.name)).toEqual(["Aisha Okafor", "Ben Adeyemi"]);
  });
});
