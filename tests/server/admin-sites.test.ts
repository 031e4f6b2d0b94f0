// The sites page's read: each site with its projects counted in one grouped query.
import { describe, expect, it } from "vitest";
import { listSitesWithProjects } from "@/lib/server/admin-sites";
import { useMigratedDatabase } from "../support/test-database";
import * as make from "./fixtures";

useMigratedDatabase();

describe("listSitesWithProjects", () => {
  it("lists every site by name with its open and its closed or cancelled projects counted", async () => {
    const riverside = await make.createSite({ code: "RDH", name: "Riverside District Hospital" });
    const castlegate = await make.createSite({ code: "CCC", name: "Castlegate Centre" });
    const empty = await make.createSite({ code: "WTC", name: "Westbridge Treatment Centre" });
    for (const stage of ["PROPOSED", "PILOT", "ON_HOLD", "CLOSED", "CANCELLED"] as const) {
      await make.createProject({ siteId: riverside.id, stage });
    }
    await make.createProject({ siteId: castlegate.id, stage: "ROLLOUT" });

    const sites = await listSitesWithProjects({ page: 1 });
    expect(sites).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(sites.rows).toEqual([
      {
        id: castlegate.id,
        code: "CCC",
        name: "Castlegate Centre",
        kind: "Acute hospital",
        openProjects: 1,
        closedProjects: 0,
      },
      {
        id: riverside.id,
        code: "RDH",
        name: "Riverside District Hospital",
        kind: "Acute hospital",
        openProjects: 3,
        closedProjects: 2,
      },
      {
        id: empty.id,
        code: "WTC",
        name: "Westbridge Treatment Centre",
        kind: "Acute hospital",
        openProjects: 0,
        closedProjects: 0,
      },
    ]);
  });

  it("shows the last page for a page past the end", async () => {
    expect(await listSitesWithProjects({ page: 9 })).toMatchObject({ page: 1, pageCount: 1, total: 3 });
  });
});
