import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { createRisk, updateRisk } from "@/lib/server/operations/risks";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Risk", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let pm: Actor; // R on the project
let sponsor: Actor; // A on the project
let pmo: Actor;
let executive: Actor; // no letter on the project
let otherPm: Actor; // a project manager with no letter on this project
let champion: Actor; // C on the project
let viewer: Actor; // I on the project
let inactiveUserId: string;
let projectId: string;
let closedProjectId: string;

beforeAll(async () => {
  ({
    responsible: pm,
    accountable: sponsor,
    pmo,
    executive,
    outsider: otherPm,
    champion,
    viewer,
    projectId,
    closedProjectId,
  } = await createProjectTeam());
  inactiveUserId = (await make.createUser({ active: false })).id;
});

/** What a risk form submits: every value a string, blanks for the optional texts. */
const form = (overrides: Record<string, unknown> = {}) => ({
  projectId,
  title: "Supplier misses the interface build date",
  description: "",
  likelihood: "4",
  impact: "3",
  mitigation: "",
  ownerId: pm.id,
  ...overrides,
});

async function riskRow() {
  return db().risk.create({
    data: {
      projectId,
      title: "Night-shift staff untrained at go-live",
      likelihood: 3,
      impact: 4,
      ownerId: pm.id,
    },
  });
}

const edit = (riskId: string, overrides: Record<string, unknown> = {}) => {
  const { projectId: _ignored, ...fields } = form(overrides);
  return { riskId, version: "0", status: "OPEN", ...fields };
};

describe("createRisk", () => {
  it("adds an open risk from form strings for the R, audited once", async () => {
    const result = await createRisk(pm, form());
    expect(result).toMatchObject({ ok: true, data: { version: 0 } });
    if (!result.ok) return;
    const saved = await db().risk.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({
      projectId,
      likelihood: 4,
      impact: 3,
      status: "OPEN",
      description: null,
      mitigation: null,
      ownerId: pm.id,
    });
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.create", entityType: "Risk", actorId: pm.id });
  });

  it("lets the A and the PMO add risks, already being mitigated when they say how", async () => {
    expect(
      await createRisk(
        sponsor,
        form({ status: "MITIGATING", mitigation: "Weekly build review with the supplier" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await createRisk(pmo, form({ likelihood: 1, impact: 5 }))).toMatchObject({ ok: true });
  });

  it.each([
    ["an executive with no letter on the project", () => executive],
    ["a project manager who is not R or A", () => otherPm],
    ["a clinical champion consulted on the project", () => champion],
    ["a viewer, even when informed", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => createRisk(who(), form()));
  });

  it("refuses scores off the 1–5 scale and other bad input, with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createRisk(pm, form({ title: "", likelihood: "6", impact: "2.5", status: "WORRYING" })),
    );
    expect(refused.fieldErrors?.likelihood).toEqual(["Choose the likelihood from 1 to 5"]);
    expect(refused.fieldErrors?.impact).toEqual(["Choose the impact from 1 to 5"]);
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["title", "status"]));
    const missing = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createRisk(pm, form({ likelihood: "", impact: undefined })),
    );
    expect(Object.keys(missing.fieldErrors ?? {})).toEqual(expect.arrayContaining(["likelihood", "impact"]));
  });

  it("refuses an inactive owner beside the owner field", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createRisk(pm, form({ ownerId: inactiveUserId })),
    );
    expect(refused.fieldErrors?.ownerId).toBeDefined();
  });

  it("refuses 'being mitigated' with no mitigation written down", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      createRisk(pm, form({ status: "MITIGATING", mitigation: "  " })),
    );
    expect(refused.fieldErrors?.mitigation).toBeDefined();
  });

  it("refuses a new risk on a closed project, and an unknown project", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      createRisk(pm, form({ projectId: closedProjectId })),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      createRisk(pmo, form({ projectId: UNKNOWN })),
    );
  });
});

describe("updateRisk", () => {
  it("saves the whole form against its version, audited with before and after", async () => {
    const risk = await riskRow();
    const result = await updateRisk(
      sponsor,
      edit(risk.id, {
        likelihood: "2",
        status: "MITIGATING",
        mitigation: "Super-users rostered on nights for two weeks",
        ownerId: sponsor.id,
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { id: risk.id, version: 1 } });
    const saved = await db().risk.findUniqueOrThrow({ where: { id: risk.id } });
    expect(saved).toMatchObject({ likelihood: 2, status: "MITIGATING", ownerId: sponsor.id, version: 1 });
    const events = await db().auditEvent.findMany({ where: { entityId: risk.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.update", actorId: sponsor.id });
    expect(events[0]?.before).toMatchObject({ likelihood: 3, status: "OPEN", version: 0 });
    expect(events[0]?.after).toMatchObject({ likelihood: 2, status: "MITIGATING", version: 1 });
  });

  it("refuses someone who is not R or A, and an executive with no letter", async () => {
    const risk = await riskRow();
    for (const who of [otherPm, champion, viewer, executive]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => updateRisk(who, edit(risk.id)));
    }
  });

  it("refuses a stale version with CONFLICT", async () => {
    const risk = await riskRow();
    await db().risk.update({ where: { id: risk.id }, data: { version: { increment: 1 } } });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      updateRisk(pm, edit(risk.id, { impact: "5" })),
    );
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const risk = await riskRow();
    const results = await Promise.all([
      updateRisk(pm, edit(risk.id, { impact: "5" })),
      updateRisk(sponsor, edit(risk.id, { impact: "1" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await db().auditEvent.count({ where: { entityId: risk.id } })).toBe(1);
  });

  it("refuses a broken rule, bad input, a form with the status left out, and an inactive owner", async () => {
    const risk = await riskRow();
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      updateRisk(pm, edit(risk.id, { status: "MITIGATING" })),
    );
    const bad = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateRisk(pm, edit(risk.id, { impact: "0", status: undefined })),
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["impact", "status"]));
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateRisk(pm, edit(risk.id, { ownerId: inactiveUserId })),
    );
  });

  it("refuses an unknown risk", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () => updateRisk(pmo, edit(UNKNOWN)));
  });
});
