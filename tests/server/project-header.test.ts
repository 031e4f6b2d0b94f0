// The header every project tab shows: code, name, summary, kind, stage and site, read by id.
import { describe, expect, it } from "vitest";
import { getProjectHeader } from "@/lib/server/project-header";
import { useMigratedDatabase } from "../support/test-database";
import { createProject, createSite } from "./fixtures";

useMigratedDatabase();

describe("a project's header", () => {
  it("reads the few facts every tab shows, and null for a project that does not exist", async () => {
    const site = await createSite({ name: "Northbridge Royal Infirmary" });
    const project = await createProject({
      siteId: site.id,
      code: "EPMA-01",
      name: "ePMA rollout",
      kind: "CLINICAL",
      stage: "ON_HOLD",
    });
    expect(await getProjectHeader(project.id)).toMatchObject({
      code: "EPMA-01",
      name: "ePMA rollout",
      summary: "A project for a test.",
      kind: "CLINICAL",
      stage: "ON_HOLD",
      siteName: "Northbridge Royal Infirmary",
    });
    expect(await getProjectHeader("6f1c1f0e-0000-4000-8000-000000000000")).toBeNull();
  });
});
