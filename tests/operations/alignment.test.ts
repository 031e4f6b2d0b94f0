import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { alignProject, removeAlignment } from "@/lib/server/operations/alignment";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Alignment", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const RATIONALE = "Cuts the time to antibiotics on the acute wards.";

let sponsor: Actor; // A
let pm: Actor; // R
let champion: Actor; // C
let pmo: Actor;
let otherPm: Actor;
let viewer: Actor;
let siteId: string;
let safety: { id: string; code: string };
let access: { id: string; code: string };
let workforce: { id: string; code: string };
let retired: { id: string; code: string };

beforeAll(async () => {
  ({
    siteId,
    accountable: sponsor,
    responsible: pm,
    champion,
    pmo,
    outsider: otherPm,
    viewer,
  } = await createProjectTeam());
  safety = await make.createObjective({ ownerId: sponsor.id, code: "SO-01" });
  access = await make.createObjective({ ownerId: sponsor.id, code: "SO-02" });
  workforce = await make.createObjective({ ownerId: sponsor.id, code: "SO-03" });
  retired = await make.createObjective({ ownerId: sponsor.id, code: "SO-04", status: "RETIRED" });
});

function project(overrides: Partial<Parameters<typeof make.createProject>[0]> = {}) {
  return make.createProject({
    siteId,
    stage: "PROPOSED",
    raci: [
      { userId: sponsor.id, letter: "A" },
      { userId: pm.id, letter: "R" },
      { userId: champion.id, letter: "C" },
    ],
    ...overrides,
  });
}

const link = (projectId: string, objectiveId: string, contribution = "PRIMARY") => ({
  projectId,
  objectiveId,
  contribution,
  rationale: RATIONALE,
});

describe("alignProject", () => {
  it("links the project to an active objective, audited once", async () => {
    const { id } = await project();
    const result = await alignProject(pm, link(id, safety.id));
    expect(result).toMatchObject({ ok: true, data: { contribution: "PRIMARY" } });
    if (!result.ok) return;
    expect(await db().alignment.findMany({ where: { projectId: id } })).toEqual([
      expect.objectContaining({ objectiveId: safety.id, contribution: "PRIMARY", rationale: RATIONALE }),
    ]);
    const events = await db().auditEvent.findMany({ where: { entityId: result.data.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "alignment.create", actorId: pm.id, entityType: "Alignment" });
  });

  it("keeps one PRIMARY objective: a second is refused on the contribution field, a SUPPORTING one is fine", async () => {
    const { id } = await project({ alignments: [{ objectiveId: safety.id, contribution: "PRIMARY" }] });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      alignProject(pmo, link(id, access.id)),
    );
    expect(refused.fieldErrors?.contribution?.[0]).toContain("SO-01");
    expect(await alignProject(pmo, link(id, access.id, "SUPPORTING"))).toMatchObject({ ok: true });
  });

  it("refuses a link that already exists with a clear CONFLICT", async () => {
    const { id } = await project({ alignments: [{ objectiveId: safety.id, contribution: "SUPPORTING" }] });
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      alignProject(pm, link(id, safety.id, "SUPPORTING")),
    );
    expect(refused.message).toContain("already aligned to SO-01");
    expect(refused.fieldErrors?.objectiveId).toHaveLength(1);
  });

  it("refuses an objective that is not active, and any link on a closed project", async () => {
    const { id } = await project();
    const notActive = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      alignProject(pm, link(id, retired.id)),
    );
    expect(notActive.fieldErrors?.objectiveId?.[0]).toContain("retired");
    const closed = await project({ stage: "CLOSED" });
    await expectRefusedWithoutChange(TABLES, "RULE", () => alignProject(pmo, link(closed.id, safety.id)));
  });

  it.each([
    ["a project manager with no letter", () => otherPm],
    ["the clinical champion consulted on it", () => champion],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    const { id } = await project();
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => alignProject(who(), link(id, safety.id)));
  });

  it("refuses an unknown project or objective, and bad input", async () => {
    const { id } = await project();
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => alignProject(pmo, link(UNKNOWN, safety.id)));
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => alignProject(pmo, link(id, UNKNOWN)));
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      alignProject(pm, { projectId: id, objectiveId: safety.id, contribution: "MAIN", rationale: "  " }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["contribution", "rationale"]),
    );
  });
});

describe("removeAlignment", () => {
  it("removes a link while another remains, audited once", async () => {
    const { id } = await project({
      stage: "PILOT",
      alignments: [{ objectiveId: safety.id }, { objectiveId: access.id, contribution: "SUPPORTING" }],
    });
    const removedId = (
      await db().alignment.findFirstOrThrow({ where: { projectId: id, objectiveId: access.id } })
    ).id;
    expect(await removeAlignment(pm, { projectId: id, objectiveId: access.id })).toMatchObject({ ok: true });
    expect(await db().alignment.count({ where: { projectId: id } })).toBe(1);
    const events = await db().auditEvent.findMany({ where: { entityId: removedId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "alignment.remove", before: { objectiveCode: "SO-02" } });
  });

  it("refuses to remove a live project's last link, but lets a proposal drop it", async () => {
    const live = await project({ stage: "APPROVED", alignments: [{ objectiveId: safety.id }] });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeAlignment(pmo, { projectId: live.id, objectiveId: safety.id }),
    );
    expect(refused.message).toContain("only objective this project serves");
    const proposal = await project({ alignments: [{ objectiveId: safety.id }] });
    expect(await removeAlignment(pmo, { projectId: proposal.id, objectiveId: safety.id })).toMatchObject({
      ok: true,
    });
  });

  it("refuses to remove a link while the project's metrics feed that objective, naming them (NUM-9)", async () => {
    const { id } = await project({
      stage: "PILOT",
      alignments: [{ objectiveId: safety.id }, { objectiveId: access.id, contribution: "SUPPORTING" }],
    });
    await make.createMetric({ ownerId: pm.id, objectiveId: access.id, projectId: id });
    // A metric of the same project feeding the other objective does not hold this link.
    await make.createMetric({ ownerId: pm.id, objectiveId: safety.id, projectId: id });
    const refused = await expectRefusedWithoutChange([...TABLES, "Metric"], "RULE", () =>
      removeAlignment(pm, { projectId: id, objectiveId: access.id }),
    );
    expect(refused.message).toBe(
      "The metric “Discharges before noon” of this project feeds SO-02: point it at another objective the project serves before removing this alignment",
    );
    // Once the metric feeds the other objective, the link may go.
    await db().metric.updateMany({ where: { projectId: id }, data: { objectiveId: safety.id } });
    expect(await removeAlignment(pm, { projectId: id, objectiveId: access.id })).toMatchObject({ ok: true });
  });

  it("refuses changes to a closed project's alignment", async () => {
    const closed = await project({
      stage: "CLOSED",
      alignments: [{ objectiveId: safety.id }, { objectiveId: access.id, contribution: "SUPPORTING" }],
    });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeAlignment(pmo, { projectId: closed.id, objectiveId: access.id }),
    );
  });

  it("refuses anyone who is not R or A, an unknown link or project, and bad input", async () => {
    const { id } = await project({ alignments: [{ objectiveId: safety.id }] });
    for (const who of [otherPm, champion, viewer]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        removeAlignment(who, { projectId: id, objectiveId: safety.id }),
      );
    }
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      removeAlignment(pm, { projectId: id, objectiveId: access.id }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      removeAlignment(pm, { projectId: UNKNOWN, objectiveId: safety.id }),
    );
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      removeAlignment(pm, { projectId: id, objectiveId: "SO-01" }),
    );
    expect(refused.fieldErrors?.objectiveId).toHaveLength(1);
  });

  it("never lets two concurrent removals leave a live project with no objective", async () => {
    const { id } = await project({
      stage: "ROLLOUT",
      alignments: [{ objectiveId: safety.id }, { objectiveId: workforce.id, contribution: "SUPPORTING" }],
    });
    const results = await Promise.all([
      removeAlignment(pm, { projectId: id, objectiveId: safety.id }),
      removeAlignment(sponsor, { projectId: id, objectiveId: workforce.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "RULE" })]);
    expect(await db().alignment.count({ where: { projectId: id } })).toBe(1);
  });
});
