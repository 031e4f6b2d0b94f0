import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { createProject } from "@/lib/server/operations/projects";
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

/** The Accountable as a form would have shown it. */
async function accountableIdOf(id: string) {
  return (await db().raciAssignment.findFirstOrThrow({ where: { projectId: id, letter: "A" } })).userId;
}

beforeEach(async () => {
  const site = await make.createSite();
  sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  // SRO-eligible, so that a hand-over to them is judged on what it does to the RACI (ACC-1).
  lead = actorOf(await make.createUser({ role: "PROJECT_MANAGER", sroEligible: true }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  colleague = actorOf(await make.createUser({ role: "PROJECT_MANAGER", sroEligible: true }));
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
  it("refuses a hand-over made from a page that showed a different Accountable (rule 8)", async () => {
    const first = await handOverAccountable(pmo, {
      projectId,
      currentAccountableId: sponsor.id,
      toUserId: colleague.id,
    });
    expect(first).toMatchObject({ ok: true });
    const successor = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      handOverAccountable(pmo, { projectId, currentAccountableId: sponsor.id, toUserId: successor.id }),
    );
    expect((await lettersOf(projectId))[colleague.id]).toBe("A");
  });

  it("moves the A atomically, keeping the old holder as I by default, audited once", async () => {
    expect(
      await handOverAccountable(pmo, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: colleague.id,
      }),
    ).toMatchObject({ ok: true });
    expect(await lettersOf(projectId)).toEqual({ [sponsor.id]: "I", [lead.id]: "R", [colleague.id]: "A" });
    const events = await db().auditEvent.findMany({ where: { entityId: projectId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "raci.hand_over_accountable", actorId: pmo.id });
  });

  it("refuses a hand-over that would leave no Responsible", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", async () =>
      handOverAccountable(sponsor, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: lead.id,
        previousHolderBecomes: "C",
      }),
    );
  });

  it("refuses an inactive new Accountable, and the Responsible who is not A", async () => {
    const retired = await make.createUser({ active: false });
    await expectRefusedWithoutChange(TABLES, "INVALID", async () =>
      handOverAccountable(pmo, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: retired.id,
      }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", async () =>
      handOverAccountable(lead, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: colleague.id,
      }),
    );
  });

  it("refuses a viewer as the new Accountable, beside the field: a viewer cannot act on the project", async () => {
    const viewer = await make.createUser({ role: "VIEWER" });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", async () =>
      handOverAccountable(pmo, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: viewer.id,
      }),
    );
    expect(refused.fieldErrors?.toUserId?.[0]).toMatch(/viewer cannot be Accountable/);
  });
});

describe("who may be handed the A (docs/governance-rules.md ACC-1)", () => {
  it("refuses a colleague who is neither an executive nor SRO-eligible, beside the field, changing nothing", async () => {
    const pm = await make.createUser({ name: "Ben Cole", role: "PROJECT_MANAGER" });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", async () =>
      handOverAccountable(pmo, {
        projectId,
        currentAccountableId: await accountableIdOf(projectId),
        toUserId: pm.id,
      }),
    );
    expect(refused.fieldErrors?.toUserId?.[0]).toMatch(
      /Ben Cole is not an executive and has not been marked SRO-eligible/,
    );
  });

  it("hands the A to an executive, or to a colleague the trust has marked SRO-eligible", async () => {
    const exec = await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    expect(
      await handOverAccountable(pmo, { projectId, currentAccountableId: sponsor.id, toUserId: exec.id }),
    ).toMatchObject({ ok: true });
    const marked = await make.createUser({
      role: "CLINICAL_CHAMPION",
      discipline: "CLINICAL",
      sroEligible: true,
    });
    expect(
      await handOverAccountable(pmo, { projectId, currentAccountableId: exec.id, toUserId: marked.id }),
    ).toMatchObject({ ok: true });
    expect((await lettersOf(projectId))[marked.id]).toBe("A");
  });
});

describe("assigning and removing letters", () => {
  it("assigns and changes a letter, but never the A through assignment", async () => {
    expect(
      await assignRaci(sponsor, { projectId, userId: colleague.id, letter: "C", currentLetter: "NONE" }),
    ).toMatchObject({
      ok: true,
    });
    expect((await lettersOf(projectId))[colleague.id]).toBe("C");
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      assignRaci(sponsor, { projectId, userId: colleague.id, letter: "A", currentLetter: "C" }),
    );
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      assignRaci(pmo, { projectId, userId: sponsor.id, letter: "R", currentLetter: "A" }),
    );
  });

  it("refuses to remove the Accountable or the only Responsible once past PROPOSED", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeRaci(pmo, { projectId, userId: sponsor.id, currentLetter: "A" }),
    );
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeRaci(pmo, { projectId, userId: lead.id, currentLetter: "R" }),
    );
    expect(
      await assignRaci(pmo, { projectId, userId: colleague.id, letter: "R", currentLetter: "NONE" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await removeRaci(pmo, { projectId, userId: lead.id, currentLetter: "R" })).toMatchObject({
      ok: true,
    });
    expect(await lettersOf(projectId)).toEqual({ [sponsor.id]: "A", [colleague.id]: "R" });
  });

  it("never lets two concurrent removals leave a project past PROPOSED with no Responsible", async () => {
    expect(
      await assignRaci(pmo, { projectId, userId: colleague.id, letter: "R", currentLetter: "NONE" }),
    ).toMatchObject({
      ok: true,
    });
    const results = await Promise.all([
      removeRaci(pmo, { projectId, userId: lead.id, currentLetter: "R" }),
      removeRaci(sponsor, { projectId, userId: colleague.id, currentLetter: "R" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "RULE" })]);
    expect(Object.values(await lettersOf(projectId))).toContain("R");
  });

  it("refuses someone with no letter on the project", async () => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      assignRaci(colleague, { projectId, userId: colleague.id, letter: "R", currentLetter: "NONE" }),
    );
  });
});

describe("a change someone else made first (rule 8)", () => {
  it("refuses an assignment or removal made against a letter that has since changed, writing nothing", async () => {
    await db().raciAssignment.create({ data: { projectId, userId: colleague.id, letter: "C" } });
    // The form was shown before the C was given: it believes the colleague holds nothing.
    const stale = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      assignRaci(pmo, { projectId, userId: colleague.id, letter: "I", currentLetter: "NONE" }),
    );
    expect(stale.message).toMatch(/Someone else changed this person's RACI letter/);
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      removeRaci(pmo, { projectId, userId: colleague.id, currentLetter: "I" }),
    );
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      removeRaci(pmo, { projectId, userId: lead.id, currentLetter: "C" }),
    );
    expect(
      await assignRaci(pmo, { projectId, userId: colleague.id, letter: "I", currentLetter: "C" }),
    ).toMatchObject({ ok: true, data: { letter: "I" } });
  });

  it("lets only the first of two concurrent assignments to the same person through", async () => {
    const results = await Promise.all([
      assignRaci(pmo, { projectId, userId: colleague.id, letter: "C", currentLetter: "NONE" }),
      assignRaci(sponsor, { projectId, userId: colleague.id, letter: "I", currentLetter: "NONE" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const saved = await db().raciAssignment.findUniqueOrThrow({
      where: { projectId_userId: { projectId, userId: colleague.id } },
    });
    expect(saved.letter).toBe(results[0]?.ok ? "C" : "I");
    expect(await db().auditEvent.count({ where: { action: "raci.assign", entityId: saved.id } })).toBe(1);
  });

  it("requires the letter the form saw", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      assignRaci(pmo, { projectId, userId: colleague.id, letter: "C" }),
    );
    expect(refused.fieldErrors?.currentLetter).toBeDefined();
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      removeRaci(pmo, { projectId, userId: lead.id, currentLetter: "NONE" }),
    );
  });
});

describe("a viewer is read-only, so never Responsible (rule 1)", () => {
  it("refuses a viewer as R beside the person field, but keeps them informed or consulted", async () => {
    const viewer = await make.createUser({ role: "VIEWER" });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      assignRaci(pmo, { projectId, userId: viewer.id, letter: "R", currentLetter: "NONE" }),
    );
    expect(refused.fieldErrors?.userId?.[0]).toMatch(/viewer cannot be Responsible/);
    expect(
      await assignRaci(pmo, { projectId, userId: viewer.id, letter: "I", currentLetter: "NONE" }),
    ).toMatchObject({ ok: true });
    await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      assignRaci(pmo, { projectId, userId: viewer.id, letter: "R", currentLetter: "I" }),
    );
    expect(
      await assignRaci(pmo, { projectId, userId: viewer.id, letter: "C", currentLetter: "I" }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a viewer as the proposed project's Responsible", async () => {
    const viewer = await make.createUser({ role: "VIEWER" });
    const site = await make.createSite();
    const refused = await expectRefusedWithoutChange(["Project", ...TABLES], "INVALID", () =>
      createProject(pmo, {
        code: "VW-1",
        name: "Discharge lounge",
        summary: "A lounge for patients awaiting transport.",
        kind: "OPERATIONAL",
        siteId: site.id,
        startDate: "2026-01-05",
        endDate: "2027-06-30",
        budget: "120000",
        expectedBenefits: "Beds freed earlier in the day.",
        accountableId: sponsor.id,
        responsibleId: viewer.id,
      }),
    );
    expect(refused.fieldErrors?.responsibleId?.[0]).toMatch(/viewer cannot be Responsible/);
  });

  it("refuses handing over the A of a closed project whose Accountable became a viewer, keeping them as R", async () => {
    const site = await make.createSite();
    const formerA = await make.createUser({ role: "VIEWER" });
    const closed = await make.createProject({
      siteId: site.id,
      stage: "CLOSED",
      raci: [
        { userId: formerA.id, letter: "A" },
        { userId: lead.id, letter: "R" },
      ],
    });
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", async () =>
      handOverAccountable(pmo, {
        projectId: closed.id,
        currentAccountableId: await accountableIdOf(closed.id),
        toUserId: sponsor.id,
        previousHolderBecomes: "R",
      }),
    );
    expect(refused.fieldErrors?.previousHolderBecomes?.[0]).toMatch(/viewer and cannot be Responsible/);
    expect(
      await handOverAccountable(pmo, {
        projectId: closed.id,
        currentAccountableId: await accountableIdOf(closed.id),
        toUserId: sponsor.id,
        previousHolderBecomes: "I",
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("a live project keeps its clinical champion (rule 1)", () => {
  let champion: Actor;
  let clinicalProjectId: string;

  async function projectWithChampion(
    stage: "PROPOSED" | "PILOT" | "ON_HOLD" | "CLOSED" | "CANCELLED",
    kind: "CLINICAL" | "DIGITAL" | "MIXED" | "OPERATIONAL" = "DIGITAL",
    letter: "R" | "C" = "C",
  ) {
    const site = await make.createSite();
    return (
      await make.createProject({
        siteId: site.id,
        stage,
        kind,
        raci: [
          { userId: sponsor.id, letter: "A" },
          { userId: lead.id, letter: "R" },
          { userId: champion.id, letter },
        ],
      })
    ).id;
  }

  beforeEach(async () => {
    champion = actorOf(
      await make.createUser({
        name: "Dr Priya Shah",
        role: "CLINICAL_CHAMPION",
        discipline: "CLINICAL",
        sroEligible: true,
      }),
    );
    clinicalProjectId = await projectWithChampion("PILOT");
  });

  it("refuses removing the only clinical champion, naming them and the gap", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeRaci(pmo, { projectId: clinicalProjectId, userId: champion.id, currentLetter: "C" }),
    );
    expect(refused.message).toMatch(/Dr Priya Shah is this project's only clinical champion/);
    expect(refused.message).toMatch(/live Digital project must keep one/);
  });

  it("refuses demoting the only clinical champion to I, but allows R to C", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      assignRaci(pmo, { projectId: clinicalProjectId, userId: champion.id, letter: "I", currentLetter: "C" }),
    );
    expect(refused.fieldErrors?.letter?.[0]).toMatch(/only clinical champion/);
    const asR = await projectWithChampion("PILOT", "CLINICAL", "R");
    expect(
      await assignRaci(pmo, { projectId: asR, userId: champion.id, letter: "C", currentLetter: "R" }),
    ).toMatchObject({ ok: true });
  });

  it("refuses handing the A to the only clinical champion, which would take them off R or C", async () => {
    await expectRefusedWithoutChange(TABLES, "RULE", async () =>
      handOverAccountable(pmo, {
        projectId: clinicalProjectId,
        currentAccountableId: await accountableIdOf(clinicalProjectId),
        toUserId: champion.id,
      }),
    );
  });

  it("lets the champion go once another clinical colleague is R or C", async () => {
    const nurse = await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    expect(
      await assignRaci(pmo, {
        projectId: clinicalProjectId,
        userId: nurse.id,
        letter: "C",
        currentLetter: "NONE",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await removeRaci(pmo, { projectId: clinicalProjectId, userId: champion.id, currentLetter: "C" }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ["a proposal, still finding its team", "PROPOSED", "DIGITAL"],
    ["a closed project, whose team is history", "CLOSED", "CLINICAL"],
    ["a cancelled project", "CANCELLED", "MIXED"],
    ["an operational project, which needs no champion", "PILOT", "OPERATIONAL"],
  ] as const)("does not hold the champion on %s", async (_what, stage, kind) => {
    const id = await projectWithChampion(stage, kind);
    expect(await removeRaci(pmo, { projectId: id, userId: champion.id, currentLetter: "C" })).toMatchObject({
      ok: true,
    });
  });

  it("holds the champion on a live project that is on hold", async () => {
    const held = await projectWithChampion("ON_HOLD", "MIXED");
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      removeRaci(pmo, { projectId: held, userId: champion.id, currentLetter: "C" }),
    );
  });
});
