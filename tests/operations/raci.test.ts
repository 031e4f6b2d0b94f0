import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { assignRaci, handOverAccountable, removeRaci } from "@/lib/server/operations/raci";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["RaciAssignment", "AuditEvent"] as const;

let sponsor: Actor; // A
let lead: Actor; // R
let pmo: Actor;
let colleague: Actor; // not on the project
let projectId: string;

async function lettersOf(id: string) {
  const rows = await db().raciAssignment.findMany({
    where: { projectId: id },
    select: { userId: true, letter: true },
  });
  return Object.fromEntries(rows.map((r) => [r.userId, r.letter]));
}

beforeEach(async () => {
  const site = await make.createSite();
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  lead = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  colleague = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  projectId = (
    await make.createProject({
      siteId: site.id,
      stage: "PILOT",
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: lead.id, letter: "R" },
      ],
    })
  ).id;
});

describe("handing over the Accountable", () => {
  it("moves the A atomically, keeping the old holder as I by default, audited once", async () => {
    expect(await handOverAccountable(pmo, { projectId, toUserId: colleague.id })).toMatchObject({ ok: true });
    expect(await lettersOf(projectId)).toEqual({ [sponsor.id]: "I", [lead.id]: "R", [colleague.id]: "A" });
    const events = await db().auditEvent.findMany({ where: { entityId: projectId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "raci.hand_over_accountable", actorId: pmo.id });
  });

  it("refuses a hand-over that would leave no Responsible", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      handOverAccountable(sponsor, { projectId, toUserId: lead.id, previousHolderBecomes: "C" }),
    );
  });

  it("refuses an inactive new Accountable, and the Responsible who is not A", async () => {
    const retired = await make.createUser({ active: false });
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      handOverAccountable(pmo, { projectId, toUserId: retired.id }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      handOverAccountable(lead, { projectId, toUserId: colleague.id }),
    );
  });

  it("refuses a viewer as the new Accountable, beside the field: a viewer cannot act on the project", async () => {
    const viewer = await make.createUser({ role: "VIEWER" });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      handOverAccountable(pmo, { projectId, toUserId: viewer.id }),
    );
    expect(refused.fieldErrors?.toUserId?.[0]).toMatch(/viewer cannot be Accountable/);
  });
});

describe("assigning and removing letters", () => {
  it("assigns and changes a letter, but never the A through assignment", async () => {
    expect(await assignRaci(sponsor, { projectId, userId: colleague.id, letter: "C" })).toMatchObject({
      ok: true,
    });
    expect((await lettersOf(projectId))[colleague.id]).toBe("C");
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      assignRaci(sponsor, { projectId, userId: colleague.id, letter: "A" }),
    );
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      assignRaci(pmo, { projectId, userId: sponsor.id, letter: "R" }),
    );
  });

  it("refuses to remove the Accountable or the only Responsible once past PROPOSED", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeRaci(pmo, { projectId, userId: sponsor.id }),
    );
    await expectRefusedWithoutChange(TABLES, "RULE", () => removeRaci(pmo, { projectId, userId: lead.id }));
    expect(await assignRaci(pmo, { projectId, userId: colleague.id, letter: "R" })).toMatchObject({
      ok: true,
    });
    expect(await removeRaci(pmo, { projectId, userId: lead.id })).toMatchObject({ ok: true });
    expect(await lettersOf(projectId)).toEqual({ [sponsor.id]: "A", [colleague.id]: "R" });
  });

  it("never lets two concurrent removals leave a project past PROPOSED with no Responsible", async () => {
    expect(await assignRaci(pmo, { projectId, userId: colleague.id, letter: "R" })).toMatchObject({
      ok: true,
    });
    const results = await Promise.all([
      removeRaci(pmo, { projectId, userId: lead.id }),
      removeRaci(sponsor, { projectId, userId: colleague.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "RULE" })]);
    expect(Object.values(await lettersOf(projectId))).toContain("R");
  });

  it("refuses someone with no letter on the project", async () => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      assignRaci(colleague, { projectId, userId: colleague.id, letter: "R" }),
    );
  });
});
