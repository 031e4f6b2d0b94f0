import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { handOverAccountable } from "@/lib/server/operations/raci";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  resetPassword,
  setSroEligibility,
} from "@/lib/server/operations/users";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["User", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";
const PASSWORD = "correct horse battery staple";

let admin: Actor;
let exec: Actor;
let pmo: Actor;
let viewer: Actor;
let siteId: string;

beforeAll(async () => {
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
  exec = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  siteId = (await make.createSite()).id;
});

/** The audit trail of a user, with proof that no password hash ever reached it. */
async function auditOf(userId: string) {
  const events = await db().auditEvent.findMany({ where: { entityId: userId }, orderBy: { id: "asc" } });
  const { passwordHash } = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const snapshots = JSON.stringify(events.map((e) => [e.before, e.after]));
  expect(snapshots).not.toContain("passwordHash");
  expect(snapshots).not.toContain(passwordHash);
  return events;
}

const otherUser = (overrides: Parameters<typeof make.createUser>[0] = {}) => make.createUser(overrides);

describe("createUser", () => {
  it("creates the account with a lower-cased email and an argon2id hash, audited once without the hash", async () => {
    const result = await createUser(admin, {
      name: "Dr Priya Shah",
      email: "  Priya.Shah@Northbridge.NHS.uk ",
      jobTitle: "Consultant Anaesthetist",
      password: PASSWORD,
      role: "CLINICAL_CHAMPION",
      discipline: "CLINICAL",
    });
    expect(result).toMatchObject({ ok: true, data: { version: 0, active: true } });
    if (!result.ok) return;
    const saved = await db().user.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved).toMatchObject({ email: "priya.shah@northbridge.nhs.uk", role: "CLINICAL_CHAMPION" });
    expect(saved.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(saved.passwordHash, PASSWORD)).toBe(true);
    const events = await auditOf(saved.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.create", actorId: admin.id, entityType: "User" });
    expect(result.data).not.toHaveProperty("passwordHash");
  });

  it.each([
    ["an executive", () => exec],
    ["the PMO", () => pmo],
    ["a viewer", () => viewer],
  ])("refuses %s", async (_who, who) => {
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      createUser(who(), {
        name: "X",
        email: "x@example.org",
        password: PASSWORD,
        role: "VIEWER",
        discipline: "DIGITAL",
      }),
    );
  });

  it("refuses bad input with field errors", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createUser(admin, {
        name: "",
        email: "not-an-email",
        password: "short",
        role: "BOSS",
        discipline: "DIGITAL",
      }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["name", "email", "password", "role"]),
    );
    expect(refused.fieldErrors?.password).toEqual(["Use at least 12 characters"]);
  });

  it("refuses an email already in use, whatever its case, with a clear CONFLICT", async () => {
    await otherUser({ email: "ben.cole@northbridge.example" });
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      createUser(admin, {
        name: "Ben Cole",
        email: "Ben.Cole@Northbridge.example",
        password: PASSWORD,
        role: "PROJECT_MANAGER",
        discipline: "OPERATIONAL",
      }),
    );
    expect(refused.fieldErrors?.email).toEqual(["An account with this email already exists"]);
  });
});

describe("changeUserRole", () => {
  it("changes role and discipline, bumping the version and ending their sessions, audited", async () => {
    const user = await otherUser({ role: "PROJECT_MANAGER", discipline: "OPERATIONAL" });
    const result = await changeUserRole(admin, {
      userId: user.id,
      version: 0,
      role: "PORTFOLIO_MANAGER",
      discipline: "DIGITAL",
    });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "PORTFOLIO_MANAGER",
      discipline: "DIGITAL",
      // A new role starts with a new sign-in (docs/security-sessions.md).
      sessionVersion: 1,
    });
    const events = await auditOf(user.id);
    expect(events.map((e) => e.action)).toEqual(["user.change_role", "auth.sessions_revoked"]);
    expect(events[0]).toMatchObject({
      action: "user.change_role",
      before: { role: "PROJECT_MANAGER" },
      after: { role: "PORTFOLIO_MANAGER" },
    });
    expect(events[1]).toMatchObject({ actorId: admin.id, after: { reason: "role_changed", sessions: 0 } });
  });

  it("refuses an admin removing their own admin role", async () => {
    const me = await otherUser({ role: "ADMIN" });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      changeUserRole(actorOf(me), {
        userId: me.id,
        version: 0,
        role: "EXECUTIVE",
        discipline: "OPERATIONAL",
      }),
    );
    expect(refused.fieldErrors?.role?.[0]).toMatch(/your own admin role/);
  });

  it("refuses making a live project's Accountable a viewer, naming the project; a closed one does not count", async () => {
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await make.createProject({
      siteId,
      code: "OPS-81",
      stage: "CLOSED",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    const live = await make.createProject({
      siteId,
      code: "OPS-82",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    const toViewer = { userId: sponsor.id, version: 0, role: "VIEWER", discipline: "EXECUTIVE" };
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => changeUserRole(admin, toViewer));
    expect(refused.message).toContain(`OPS-82 “${live.name}”`);
    expect(refused.message).not.toContain("OPS-81");
    await db().project.update({ where: { id: live.id }, data: { stage: "CANCELLED" } });
    expect(await changeUserRole(admin, toViewer)).toMatchObject({ ok: true });
  });

  it("refuses making a live project's only active R a viewer, naming it; a proposal, a closed project or a second R do not count", async () => {
    const lead = await otherUser({ role: "PROJECT_MANAGER", discipline: "OPERATIONAL" });
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const team = (extra: { userId: string; letter: "R" | "C" }[] = []) => [
      { userId: sponsor.id, letter: "A" as const },
      { userId: lead.id, letter: "R" as const },
      ...extra,
    ];
    const live = await make.createProject({ siteId, code: "OPS-83", kind: "OPERATIONAL", raci: team() });
    await make.createProject({
      siteId,
      code: "OPS-84",
      kind: "OPERATIONAL",
      stage: "PROPOSED",
      raci: team(),
    });
    await make.createProject({ siteId, code: "OPS-85", kind: "OPERATIONAL", stage: "CLOSED", raci: team() });
    const colleague = await otherUser({ role: "PROJECT_MANAGER" });
    await make.createProject({
      siteId,
      code: "OPS-86",
      kind: "OPERATIONAL",
      raci: team([{ userId: colleague.id, letter: "R" }]),
    });
    const toViewer = { userId: lead.id, version: 0, role: "VIEWER", discipline: "OPERATIONAL" };
    const refused = await expectRefusedWithoutChange([...TABLES, "RaciAssignment"], "RULE", () =>
      changeUserRole(admin, toViewer),
    );
    expect(refused.fieldErrors?.role?.[0]).toMatch(
      /only active Responsible of OPS-83 “[^”]*”, .*make someone else R first/,
    );
    expect(refused.message).not.toMatch(/OPS-84|OPS-85|OPS-86/);
    // Another role that can still do the work is fine.
    expect(await changeUserRole(admin, { ...toViewer, role: "PORTFOLIO_MANAGER" })).toMatchObject({
      ok: true,
    });
    await db().raciAssignment.create({ data: { projectId: live.id, userId: colleague.id, letter: "R" } });
    expect(await changeUserRole(admin, { ...toViewer, version: 1 })).toMatchObject({ ok: true });
  });

  it("refuses moving a live project's only clinical champion out of CLINICAL, naming it", async () => {
    const champion = await otherUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const lead = await otherUser({ role: "PROJECT_MANAGER" });
    await make.createProject({
      siteId,
      code: "CLN-81",
      kind: "CLINICAL",
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: lead.id, letter: "R" },
        { userId: champion.id, letter: "C" },
      ],
    });
    const refused = await expectRefusedWithoutChange([...TABLES, "RaciAssignment"], "RULE", () =>
      changeUserRole(admin, {
        userId: champion.id,
        version: 0,
        role: "CLINICAL_CHAMPION",
        discipline: "DIGITAL",
      }),
    );
    expect(refused.message).toMatch(/only clinical champion of CLN-81 “.*”/);
    // A viewer only reads, so is no champion either (rule 1): becoming one is refused the same way.
    const toViewer = await expectRefusedWithoutChange([...TABLES, "RaciAssignment"], "RULE", () =>
      changeUserRole(admin, { userId: champion.id, version: 0, role: "VIEWER", discipline: "CLINICAL" }),
    );
    expect(toViewer.message).toMatch(/only clinical champion of CLN-81 “.*”/);
    // Another clinical role that acts keeps the voice.
    expect(
      await changeUserRole(admin, {
        userId: champion.id,
        version: 0,
        role: "PROJECT_MANAGER",
        discipline: "CLINICAL",
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a change that changes nothing, a stale version, an unknown user, a non-admin and bad input", async () => {
    const user = await otherUser({ role: "PROJECT_MANAGER", discipline: "OPERATIONAL" });
    const same = { userId: user.id, version: 0, role: "PROJECT_MANAGER", discipline: "OPERATIONAL" };
    await expectRefusedWithoutChange(TABLES, "RULE", () => changeUserRole(admin, same));
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      changeUserRole(admin, { ...same, version: 5, role: "VIEWER" }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      changeUserRole(admin, { ...same, userId: UNKNOWN, role: "VIEWER" }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      changeUserRole(exec, { ...same, role: "ADMIN" }),
    );
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      changeUserRole(admin, { ...same, role: "OWNER", discipline: "" }),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["role", "discipline"]));
  });
});

describe("deactivating and reactivating", () => {
  it("deactivates, ending the user's sessions, audited once; reactivation restores access for a new session", async () => {
    const user = await otherUser();
    expect(await loadActor(db(), user.id, 0)).not.toBeNull();
    const result = await deactivateUser(admin, { userId: user.id, version: 0 });
    expect(result).toMatchObject({ ok: true, data: { active: false, version: 1 } });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      active: false,
      sessionVersion: 1,
    });
    expect(await loadActor(db(), user.id, 0)).toBeNull();
    expect(await reactivateUser(admin, { userId: user.id, version: 1 })).toMatchObject({
      ok: true,
      data: { active: true, version: 2 },
    });
    expect(await loadActor(db(), user.id, 0)).toBeNull();
    expect(await loadActor(db(), user.id, 1)).not.toBeNull();
    const events = await auditOf(user.id);
    expect(events.map((e) => e.action)).toEqual([
      "user.deactivate",
      "auth.sessions_revoked",
      "user.reactivate",
    ]);
  });

  it("refuses deactivating yourself", async () => {
    const me = await otherUser({ role: "ADMIN" });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      deactivateUser(actorOf(me), { userId: me.id, version: 0 }),
    );
  });

  it("refuses deactivating a live project's Accountable, naming the projects to hand over", async () => {
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await make.createProject({
      siteId,
      code: "DIG-71",
      stage: "ON_HOLD",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    await make.createProject({
      siteId,
      code: "DIG-72",
      stage: "PROPOSED",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    await make.createProject({
      siteId,
      code: "DIG-73",
      stage: "CLOSED",
      raci: [{ userId: sponsor.id, letter: "A" }],
    });
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      deactivateUser(admin, { userId: sponsor.id, version: 0 }),
    );
    expect(refused.message).toMatch(/Accountable of DIG-71 “.*”, DIG-72 “.*”: hand each over/);
    expect(refused.message).not.toContain("DIG-73");
  });

  it("refuses deactivating a live project's only active R or only clinical champion, naming the projects", async () => {
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const nurse = await otherUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" });
    const lead = await otherUser({ role: "PROJECT_MANAGER" });
    await make.createProject({
      siteId,
      code: "MIX-71",
      kind: "MIXED",
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: nurse.id, letter: "R" },
      ],
    });
    await make.createProject({
      siteId,
      code: "DIG-74",
      kind: "DIGITAL",
      stage: "ON_HOLD",
      raci: [
        { userId: sponsor.id, letter: "A" },
        { userId: lead.id, letter: "R" },
        { userId: nurse.id, letter: "C" },
      ],
    });
    // A proposal is still finding its champion; an operational project needs none.
    await make.createProject({
      siteId,
      code: "DIG-75",
      kind: "DIGITAL",
      stage: "PROPOSED",
      raci: [{ userId: nurse.id, letter: "C" }],
    });
    await make.createProject({
      siteId,
      code: "OPS-75",
      kind: "OPERATIONAL",
      raci: [
        { userId: lead.id, letter: "R" },
        { userId: nurse.id, letter: "C" },
      ],
    });
    const tables = [...TABLES, "RaciAssignment"];
    const refused = await expectRefusedWithoutChange(tables, "RULE", () =>
      deactivateUser(admin, { userId: nurse.id, version: 0 }),
    );
    expect(refused.message).toMatch(/only active Responsible of MIX-71 “[^”]*”, .*make someone else R first/);
    expect(refused.message).toMatch(/only clinical champion of DIG-74 “.*”, MIX-71 “.*”/);
    expect(refused.message).not.toMatch(/DIG-75|OPS-75/);

    const leadRefused = await expectRefusedWithoutChange(tables, "RULE", () =>
      deactivateUser(admin, { userId: lead.id, version: 0 }),
    );
    expect(leadRefused.message).toMatch(/only active Responsible of DIG-74 “.*”, OPS-75 “.*”/);
  });

  it("refuses deactivating an inactive user and reactivating an active one", async () => {
    const gone = await otherUser({ active: false });
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      deactivateUser(admin, { userId: gone.id, version: 0 }),
    );
    const here = await otherUser();
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      reactivateUser(admin, { userId: here.id, version: 0 }),
    );
  });

  it("refuses a non-admin, a stale version, an unknown user and bad input", async () => {
    const user = await otherUser();
    for (const operation of [deactivateUser, reactivateUser]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        operation(pmo, { userId: user.id, version: 0 }),
      );
      await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
        operation(admin, { userId: user.id, version: 4 }),
      );
      await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
        operation(admin, { userId: UNKNOWN, version: 0 }),
      );
      const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
        operation(admin, { userId: "someone", version: -1 }),
      );
      expect(Object.keys(refused.fieldErrors ?? {})).toEqual(expect.arrayContaining(["userId", "version"]));
    }
  });
});

describe("resetPassword", () => {
  it("sets a new hash the person must change, ends existing sessions, audited without either hash", async () => {
    const user = await otherUser();
    const oldHash = user.passwordHash;
    const result = await resetPassword(admin, { userId: user.id, version: 0, password: PASSWORD });
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    const saved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.sessionVersion).toBe(1);
    expect(await verifyPassword(saved.passwordHash, PASSWORD)).toBe(true);
    expect(saved.mustChangePassword).toBe(true);
    expect(await loadActor(db(), user.id, 0)).toBeNull();
    const events = await auditOf(user.id);
    expect(events.map((e) => e.action).sort()).toEqual([
      "auth.password_changed",
      "auth.sessions_revoked",
      "user.reset_password",
    ]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(oldHash);
  });

  it("refuses a short password, a non-admin, a stale version and an unknown user", async () => {
    const user = await otherUser();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      resetPassword(admin, { userId: user.id, version: 0, password: "hunter2" }),
    );
    expect(refused.fieldErrors?.password).toHaveLength(1);
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      resetPassword(exec, { userId: user.id, version: 0, password: PASSWORD }),
    );
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      resetPassword(admin, { userId: user.id, version: 1, password: PASSWORD }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      resetPassword(admin, { userId: UNKNOWN, version: 0, password: PASSWORD }),
    );
  });
});

describe("setSroEligibility (ACC-1, ACC-3)", () => {
  it("marks a colleague SRO-eligible, so they may then be handed a project's A; audited once", async () => {
    const lead = await otherUser({ role: "PROJECT_MANAGER" });
    const result = await setSroEligibility(admin, { userId: lead.id, version: 0, sroEligible: "on" });
    expect(result).toMatchObject({ ok: true, data: { version: 1, sroEligible: true } });
    const events = await auditOf(lead.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.set_sro_eligibility",
      before: { sroEligible: false },
      after: { sroEligible: true },
    });
    const project = await make.createProject({ siteId, raci: [{ userId: exec.id, letter: "A" }] });
    expect(
      await handOverAccountable(pmo, {
        projectId: project.id,
        currentAccountableId: exec.id,
        toUserId: lead.id,
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses clearing the mark of a live project's Accountable, naming the project; a closed one does not count", async () => {
    const lead = await otherUser({ role: "PROJECT_MANAGER", sroEligible: true });
    await make.createProject({
      siteId,
      code: "OPS-91",
      stage: "CLOSED",
      raci: [{ userId: lead.id, letter: "A" }],
    });
    const live = await make.createProject({
      siteId,
      code: "OPS-92",
      raci: [{ userId: lead.id, letter: "A" }],
    });
    const clear = { userId: lead.id, version: 0 };
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => setSroEligibility(admin, clear));
    expect(refused.fieldErrors?.sroEligible?.[0]).toMatch(/Accountable of OPS-92 “.*”.*hand the A of each/);
    expect(refused.message).not.toContain("OPS-91");
    await db().project.update({ where: { id: live.id }, data: { stage: "CANCELLED" } });
    expect(await setSroEligibility(admin, clear)).toMatchObject({ ok: true, data: { sroEligible: false } });
  });

  it("refuses marking a viewer or an administrator, a mark that changes nothing, a stale version, an unknown user, a non-admin and bad input", async () => {
    const watcher = await otherUser({ role: "VIEWER" });
    const mark = { userId: watcher.id, version: 0, sroEligible: true };
    const refused = await expectRefusedWithoutChange(TABLES, "RULE", () => setSroEligibility(admin, mark));
    expect(refused.fieldErrors?.sroEligible?.[0]).toMatch(/a viewer cannot be Accountable/);
    const itAdmin = await otherUser({ role: "ADMIN" });
    const adminRefused = await expectRefusedWithoutChange(TABLES, "RULE", () =>
      setSroEligibility(admin, { userId: itAdmin.id, version: 0, sroEligible: true }),
    );
    expect(adminRefused.fieldErrors?.sroEligible?.[0]).toMatch(/an administrator is never Accountable/);
    await expectRefusedWithoutChange(TABLES, "RULE", () =>
      setSroEligibility(admin, { ...mark, sroEligible: false }),
    );
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      setSroEligibility(admin, { ...mark, version: 3 }),
    );
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      setSroEligibility(admin, { ...mark, userId: UNKNOWN }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () => setSroEligibility(pmo, mark));
    const invalid = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      setSroEligibility(admin, { userId: "someone", version: -1, sroEligible: "perhaps" }),
    );
    expect(Object.keys(invalid.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["userId", "version", "sroEligible"]),
    );
  });
});

describe("a demoted executive keeps no executive rights (ACC-3, ACC-4, ACC-5)", () => {
  const tables = [...TABLES, "StrategicObjective", "Organisation", "RaciAssignment"];
  const toPm = (user: { id: string }, version = 0) => ({
    userId: user.id,
    version,
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  });

  it("refuses demoting a live project's Accountable from executive, unless they are SRO-eligible", async () => {
    const sponsor = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await make.createProject({ siteId, code: "DIG-93", raci: [{ userId: sponsor.id, letter: "A" }] });
    const refused = await expectRefusedWithoutChange(tables, "RULE", () =>
      changeUserRole(admin, toPm(sponsor)),
    );
    expect(refused.fieldErrors?.role?.[0]).toMatch(/Accountable of DIG-93 “.*”.*hand the A of each/);
    expect(
      await setSroEligibility(admin, { userId: sponsor.id, version: 0, sroEligible: true }),
    ).toMatchObject({
      ok: true,
    });
    expect(await changeUserRole(admin, toPm(sponsor, 1))).toMatchObject({ ok: true });
  });

  it("refuses demoting or deactivating the owner of open objectives, naming them; achieved ones do not count", async () => {
    const owner = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const open = await make.createObjective({ ownerId: owner.id, code: "SO-91", status: "DRAFT" });
    await make.createObjective({ ownerId: owner.id, code: "SO-92", status: "ACHIEVED" });
    for (const change of [
      () => changeUserRole(admin, toPm(owner)),
      () => deactivateUser(admin, { userId: owner.id, version: 0 }),
    ]) {
      const refused = await expectRefusedWithoutChange(tables, "RULE", change);
      expect(refused.message).toMatch(
        /owns SO-91 “.*”, and an open objective is owned by an active executive/,
      );
      expect(refused.message).not.toContain("SO-92");
    }
    await db().strategicObjective.update({ where: { id: open.id }, data: { ownerId: exec.id } });
    expect(await changeUserRole(admin, toPm(owner))).toMatchObject({ ok: true });
  });

  it("refuses demoting or deactivating the duty executive", async () => {
    const onDuty = await otherUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await db().organisation.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Northbridge", dutyExecutiveId: onDuty.id },
      update: { dutyExecutiveId: onDuty.id },
    });
    for (const change of [
      () => changeUserRole(admin, { ...toPm(onDuty), role: "ADMIN" }),
      () => deactivateUser(admin, { userId: onDuty.id, version: 0 }),
    ]) {
      const refused = await expectRefusedWithoutChange(tables, "RULE", change);
      expect(refused.message).toMatch(/is the duty executive.*choose another duty executive/);
    }
    await db().organisation.update({ where: { id: 1 }, data: { dutyExecutiveId: null } });
    expect(await deactivateUser(admin, { userId: onDuty.id, version: 0 })).toMatchObject({ ok: true });
  });
});

describe("the trust keeps an active admin (ACC-6)", () => {
  it("lets one admin demote or deactivate another", async () => {
    const other = await otherUser({ role: "ADMIN" });
    expect(
      await changeUserRole(admin, {
        userId: other.id,
        version: 0,
        role: "EXECUTIVE",
        discipline: "EXECUTIVE",
      }),
    ).toMatchObject({ ok: true });
    const third = await otherUser({ role: "ADMIN" });
    expect(await deactivateUser(admin, { userId: third.id, version: 0 })).toMatchObject({ ok: true });
  });

  it("refuses an admin whose own admin role has since been removed, changing nothing", async () => {
    const former = await otherUser({ role: "ADMIN" });
    const session = actorOf(former);
    await db().user.update({ where: { id: former.id }, data: { role: "PORTFOLIO_MANAGER" } });
    const target = await otherUser({ role: "ADMIN" });
    const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      deactivateUser(session, { userId: target.id, version: 0 }),
    );
    expect(refused.message).toMatch(/no longer an active admin/);
  });
});
