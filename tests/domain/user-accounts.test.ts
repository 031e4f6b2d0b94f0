import { describe, expect, it } from "vitest";
import {
  ACCOUNTABLE_VIOLATION,
  accountableChoiceViolations,
  adminCoverViolations,
  canBeAccountable,
  canBeResponsible,
  deactivationViolations,
  mayNameSelfAccountable,
  projectsLeftShort,
  reactivationViolations,
  roleChangeViolations,
  type StaffedProject,
  sroEligibilityViolations,
  USER_VIOLATION as V,
} from "@/lib/domain/user-accounts";

const projects = [
  { code: "DIG-01", name: "ePMA rollout" },
  { code: "CLN-03", name: "Sepsis bundle" },
];
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("canBeAccountable (ACC-1)", () => {
  it("accepts an active executive, marked or not", () => {
    expect(canBeAccountable({ role: "EXECUTIVE", active: true, sroEligible: false })).toBe(true);
    expect(canBeAccountable({ role: "EXECUTIVE", active: false, sroEligible: true })).toBe(false);
  });

  it("accepts anyone else who can act only when the trust has marked them SRO-eligible", () => {
    for (const role of ["PORTFOLIO_MANAGER", "PROJECT_MANAGER", "CLINICAL_CHAMPION"] as const) {
      expect(canBeAccountable({ role, active: true, sroEligible: false })).toBe(false);
      expect(canBeAccountable({ role, active: true, sroEligible: true })).toBe(true);
      expect(canBeAccountable({ role, active: false, sroEligible: true })).toBe(false);
    }
  });

  it("never accepts a viewer, marked or not", () => {
    expect(canBeAccountable({ role: "VIEWER", active: true, sroEligible: true })).toBe(false);
  });

  it("never accepts an administrator, marked or not: admins take no portfolio decision", () => {
    expect(canBeAccountable({ role: "ADMIN", active: true, sroEligible: true })).toBe(false);
    expect(canBeAccountable({ role: "ADMIN", active: true, sroEligible: false })).toBe(false);
  });
});

describe("accountableChoiceViolations (ACC-1)", () => {
  const person = { name: "Aisha Khan", role: "PROJECT_MANAGER" as const, active: true, sroEligible: false };

  it("names what is missing beside the field", () => {
    const [violation] = accountableChoiceViolations(person, "accountableId");
    expect(violation).toMatchObject({ code: ACCOUNTABLE_VIOLATION.notEligible, field: "accountableId" });
    expect(violation?.message).toMatch(/Aisha Khan is not an executive and has not been marked SRO-eligible/);
    expect(codes(accountableChoiceViolations({ ...person, active: false }, "x"))).toEqual([
      ACCOUNTABLE_VIOLATION.inactive,
    ]);
    expect(codes(accountableChoiceViolations({ ...person, role: "VIEWER", sroEligible: true }, "x"))).toEqual(
      [ACCOUNTABLE_VIOLATION.viewer],
    );
    expect(codes(accountableChoiceViolations({ ...person, role: "ADMIN", sroEligible: true }, "x"))).toEqual([
      ACCOUNTABLE_VIOLATION.admin,
    ]);
  });

  it("accepts an executive or a marked colleague", () => {
    expect(accountableChoiceViolations({ ...person, sroEligible: true }, "x")).toEqual([]);
    expect(accountableChoiceViolations({ ...person, role: "EXECUTIVE" }, "x")).toEqual([]);
  });
});

describe("mayNameSelfAccountable (ACC-2)", () => {
  it("lets only an executive name themselves as the A of their own proposal", () => {
    expect(mayNameSelfAccountable({ actorId: "me", actorRole: "EXECUTIVE", accountableId: "me" })).toBe(true);
    for (const actorRole of ["ADMIN", "PORTFOLIO_MANAGER", "PROJECT_MANAGER"] as const) {
      expect(mayNameSelfAccountable({ actorId: "me", actorRole, accountableId: "me" })).toBe(false);
      expect(mayNameSelfAccountable({ actorId: "me", actorRole, accountableId: "exec" })).toBe(true);
    }
  });
});

describe("canBeResponsible", () => {
  it("accepts any active user who can do the work, never a viewer", () => {
    expect(canBeResponsible({ role: "CLINICAL_CHAMPION", active: true })).toBe(true);
    expect(canBeResponsible({ role: "PROJECT_MANAGER", active: true })).toBe(true);
    expect(canBeResponsible({ role: "VIEWER", active: true })).toBe(false);
    expect(canBeResponsible({ role: "PROJECT_MANAGER", active: false })).toBe(false);
  });
});

describe("roleChangeViolations", () => {
  const pm = { role: "PROJECT_MANAGER" as const, discipline: "DIGITAL" as const };

  it("accepts a change of role or of discipline", () => {
    const input = { isSelf: false, name: "Aisha", current: pm, accountableFor: projects };
    expect(roleChangeViolations({ ...input, next: { ...pm, role: "PORTFOLIO_MANAGER" } })).toEqual([]);
    expect(roleChangeViolations({ ...input, next: { ...pm, discipline: "CLINICAL" } })).toEqual([]);
  });

  it("refuses a change that changes nothing", () => {
    expect(
      codes(
        roleChangeViolations({ isSelf: false, name: "Aisha", current: pm, next: pm, accountableFor: [] }),
      ),
    ).toEqual([V.unchanged]);
  });

  it("refuses an admin removing their own admin role, but not changing their discipline", () => {
    const admin = { role: "ADMIN" as const, discipline: "OPERATIONAL" as const };
    expect(
      codes(
        roleChangeViolations({
          isSelf: true,
          name: "Me",
          current: admin,
          next: { ...admin, role: "EXECUTIVE" },
          accountableFor: [],
        }),
      ),
    ).toEqual([V.ownAdminRole]);
    expect(
      roleChangeViolations({
        isSelf: true,
        name: "Me",
        current: admin,
        next: { ...admin, discipline: "DIGITAL" },
        accountableFor: [],
      }),
    ).toEqual([]);
  });

  it("refuses making a live project's Accountable a viewer, naming the projects", () => {
    const violations = roleChangeViolations({
      isSelf: false,
      name: "Aisha",
      current: pm,
      next: { ...pm, role: "VIEWER" },
      accountableFor: projects,
    });
    expect(codes(violations)).toEqual([V.accountableBecomesViewer]);
    expect(violations[0]?.message).toContain("DIG-01 “ePMA rollout”, CLN-03 “Sepsis bundle”");
  });
});

describe("deactivationViolations", () => {
  it("accepts an active user who is Accountable for nothing live", () => {
    expect(
      deactivationViolations({
        isSelf: false,
        name: "Ben",
        role: "PROJECT_MANAGER",
        active: true,
        accountableFor: [],
      }),
    ).toEqual([]);
  });

  it("refuses yourself, an inactive user, and a live project's Accountable (naming the projects)", () => {
    expect(
      codes(
        deactivationViolations({ isSelf: true, name: "Me", role: "ADMIN", active: true, accountableFor: [] }),
      ),
    ).toEqual([V.deactivateSelf]);
    expect(
      codes(
        deactivationViolations({
          isSelf: false,
          name: "Ben",
          role: "PROJECT_MANAGER",
          active: false,
          accountableFor: [],
        }),
      ),
    ).toEqual([V.alreadyInactive]);
    const many = Array.from({ length: 7 }, (_, i) => ({ code: `OPS-0${i + 1}`, name: `Project ${i + 1}` }));
    const violations = deactivationViolations({
      isSelf: false,
      name: "Ben",
      role: "EXECUTIVE",
      active: true,
      accountableFor: many,
    });
    expect(codes(violations)).toEqual([V.accountableDeactivated]);
    expect(violations[0]?.message).toContain("OPS-01");
    expect(violations[0]?.message).toContain("and 2 more");
  });
});

describe("reactivationViolations", () => {
  it("refuses an account that is already active", () => {
    expect(reactivationViolations({ name: "Ben", active: false })).toEqual([]);
    expect(codes(reactivationViolations({ name: "Ben", active: true }))).toEqual([V.alreadyActive]);
  });
});

describe("projectsLeftShort", () => {
  const nurse = {
    userId: "u1",
    name: "Nurse",
    role: "CLINICAL_CHAMPION" as const,
    discipline: "CLINICAL" as const,
    active: true,
  };
  const lead = {
    userId: "u2",
    name: "Lead",
    role: "PROJECT_MANAGER" as const,
    discipline: "OPERATIONAL" as const,
    active: true,
  };
  const sponsor = {
    userId: "u3",
    name: "Sponsor",
    role: "EXECUTIVE" as const,
    discipline: "EXECUTIVE" as const,
    active: true,
  };
  const project = (code: string, over: Partial<StaffedProject>): StaffedProject => ({
    code,
    name: code,
    kind: "DIGITAL",
    stage: "PILOT",
    raci: [],
    ...over,
  });
  const staffed = [
    // The nurse is the only R and only champion.
    project("MIX-1", {
      kind: "MIXED",
      raci: [
        { ...sponsor, letter: "A" },
        { ...nurse, letter: "R" },
      ],
    }),
    // The only champion, not the only R.
    project("DIG-2", {
      raci: [
        { ...sponsor, letter: "A" },
        { ...lead, letter: "R" },
        { ...nurse, letter: "C" },
      ],
    }),
    // Neither matters: a proposal, a closed project, an operational one with another R.
    project("DIG-3", { stage: "PROPOSED", raci: [{ ...nurse, letter: "R" }] }),
    project("DIG-4", { stage: "CLOSED", raci: [{ ...nurse, letter: "R" }] }),
    project("OPS-5", {
      kind: "OPERATIONAL",
      raci: [
        { ...lead, letter: "R" },
        { ...nurse, letter: "C" },
      ],
    }),
  ];
  const labels = (ps: readonly { code: string }[]) => ps.map((p) => p.code);

  it("names live projects left without an active R or a clinical champion by a deactivation", () => {
    const short = projectsLeftShort(staffed, "u1", {
      role: "CLINICAL_CHAMPION",
      discipline: "CLINICAL",
      active: false,
    });
    expect(labels(short.responsible)).toEqual(["MIX-1"]);
    expect(labels(short.champion)).toEqual(["MIX-1", "DIG-2"]);
  });

  it("counts a viewer as neither a Responsible nor a champion (a champion acts), and a move out of CLINICAL as no champion", () => {
    const viewer = projectsLeftShort(staffed, "u1", { role: "VIEWER", discipline: "CLINICAL", active: true });
    expect(labels(viewer.responsible)).toEqual(["MIX-1"]);
    expect(labels(viewer.champion)).toEqual(["MIX-1", "DIG-2"]);
    const moved = projectsLeftShort(staffed, "u1", {
      role: "CLINICAL_CHAMPION",
      discipline: "DIGITAL",
      active: true,
    });
    expect(moved.responsible).toEqual([]);
    expect(labels(moved.champion)).toEqual(["MIX-1", "DIG-2"]);
  });

  it("turns what is left short into violations naming the projects", () => {
    const leftShort = { responsible: projects.slice(0, 1), champion: projects.slice(1) };
    expect(
      codes(
        deactivationViolations({
          isSelf: false,
          name: "Nurse",
          role: "CLINICAL_CHAMPION",
          active: true,
          accountableFor: [],
          leftShort,
        }),
      ),
    ).toEqual([V.onlyResponsibleLost, V.onlyChampionLost]);
    const role = roleChangeViolations({
      isSelf: false,
      name: "Nurse",
      current: { role: "CLINICAL_CHAMPION", discipline: "CLINICAL" },
      next: { role: "VIEWER", discipline: "DIGITAL" },
      accountableFor: [],
      leftShort,
    });
    expect(role.map((v) => [v.code, v.field])).toEqual([
      [V.onlyResponsibleLost, "role"],
      [V.onlyChampionLost, "role"],
    ]);
    expect(role[0]?.message).toContain("DIG-01 “ePMA rollout”");
  });
});

describe("an Accountable keeps the right to hold the A (ACC-3)", () => {
  const exec = { role: "EXECUTIVE" as const, discipline: "EXECUTIVE" as const };

  it("refuses demoting an executive who is a live project's A, naming the projects", () => {
    const violations = roleChangeViolations({
      isSelf: false,
      name: "Helen",
      current: exec,
      next: { ...exec, role: "PORTFOLIO_MANAGER" },
      accountableFor: projects,
    });
    expect(violations.map((v) => [v.code, v.field])).toEqual([[V.accountableIneligible, "role"]]);
    expect(violations[0]?.message).toMatch(
      /Helen is the Accountable of DIG-01 “ePMA rollout”, CLN-03 “Sepsis bundle”.*hand the A of each/,
    );
  });

  it("lets an SRO-eligible executive step down, and anyone be demoted who is nobody's A", () => {
    const next = { ...exec, role: "PROJECT_MANAGER" as const };
    const input = { isSelf: false, name: "Helen", current: exec, next };
    expect(roleChangeViolations({ ...input, sroEligible: true, accountableFor: projects })).toEqual([]);
    expect(roleChangeViolations({ ...input, accountableFor: [] })).toEqual([]);
  });

  it("does not refuse a change that takes away no eligibility the person had", () => {
    // A project manager left as A from before the rule: a change of discipline takes nothing away.
    const pm = { role: "PROJECT_MANAGER" as const, discipline: "DIGITAL" as const };
    expect(
      roleChangeViolations({
        isSelf: false,
        name: "Aisha",
        current: pm,
        next: { ...pm, discipline: "OPERATIONAL" },
        accountableFor: projects,
      }),
    ).toEqual([]);
  });

  it("refuses clearing the SRO mark of a non-executive who is a live project's A", () => {
    const base = { name: "Aisha", role: "PROJECT_MANAGER" as const, active: true };
    const violations = sroEligibilityViolations({
      ...base,
      current: true,
      next: false,
      accountableFor: projects,
    });
    expect(violations.map((v) => [v.code, v.field])).toEqual([[V.accountableIneligible, "sroEligible"]]);
    expect(violations[0]?.message).toContain("DIG-01 “ePMA rollout”");
    // An executive keeps the right through the role; nobody's A loses nothing.
    expect(
      sroEligibilityViolations({
        ...base,
        role: "EXECUTIVE",
        current: true,
        next: false,
        accountableFor: projects,
      }),
    ).toEqual([]);
    expect(sroEligibilityViolations({ ...base, current: true, next: false, accountableFor: [] })).toEqual([]);
  });

  it("marks anyone but a viewer or an administrator, and refuses a mark that changes nothing", () => {
    const base = { name: "Aisha", role: "PROJECT_MANAGER" as const, active: true, accountableFor: [] };
    expect(sroEligibilityViolations({ ...base, current: false, next: true })).toEqual([]);
    expect(codes(sroEligibilityViolations({ ...base, role: "VIEWER", current: false, next: true }))).toEqual([
      V.viewerNotEligible,
    ]);
    expect(codes(sroEligibilityViolations({ ...base, current: true, next: true }))).toEqual([V.unchanged]);
    expect(codes(sroEligibilityViolations({ ...base, role: "ADMIN", current: false, next: true }))).toEqual([
      V.adminNotEligible,
    ]);
  });
});

describe("the executive role's rights go with it (ACC-4, ACC-5)", () => {
  const exec = { role: "EXECUTIVE" as const, discipline: "EXECUTIVE" as const };
  const objectives = [{ code: "SO-01", title: "Reduce avoidable harm" }];
  const demote = (over: Partial<Parameters<typeof roleChangeViolations>[0]>) =>
    roleChangeViolations({
      isSelf: false,
      name: "Helen",
      current: exec,
      next: { ...exec, role: "PROJECT_MANAGER" },
      accountableFor: [],
      ...over,
    });

  it("refuses demoting the owner of open objectives, naming them", () => {
    const violations = demote({ ownedObjectives: objectives });
    expect(violations.map((v) => [v.code, v.field])).toEqual([[V.ownsObjectives, "role"]]);
    expect(violations[0]?.message).toMatch(
      /Helen owns SO-01 “Reduce avoidable harm”.*another executive first/,
    );
    // An admin may still own an objective (and edits it by role).
    expect(demote({ ownedObjectives: objectives, next: { ...exec, role: "ADMIN" } })).toEqual([]);
  });

  it("refuses demoting the duty executive, even to admin", () => {
    expect(codes(demote({ onDuty: true }))).toEqual([V.onDuty]);
    expect(codes(demote({ onDuty: true, next: { ...exec, role: "ADMIN" } }))).toEqual([V.onDuty]);
    expect(demote({ onDuty: true, next: { ...exec, discipline: "CLINICAL" } })).toEqual([]);
  });

  it("refuses deactivating an objective owner or the duty executive", () => {
    const input = {
      isSelf: false,
      name: "Helen",
      role: "EXECUTIVE" as const,
      active: true,
      accountableFor: [],
    };
    expect(codes(deactivationViolations({ ...input, ownedObjectives: objectives, onDuty: true }))).toEqual([
      V.ownsObjectives,
      V.onDuty,
    ]);
    expect(deactivationViolations(input)).toEqual([]);
  });
});

describe("adminCoverViolations (ACC-6)", () => {
  const input = { name: "Priya", userId: "a1", activeAdminIds: ["a1"] };

  it("refuses removing the last active admin, by demotion or deactivation", () => {
    expect(codes(adminCoverViolations({ ...input, after: { role: "EXECUTIVE", active: true } }))).toEqual([
      V.lastAdmin,
    ]);
    expect(codes(adminCoverViolations({ ...input, after: { role: "ADMIN", active: false } }))).toEqual([
      V.lastAdmin,
    ]);
  });

  it("accepts the change when another active admin remains, or the person was no active admin", () => {
    const after = { role: "EXECUTIVE" as const, active: true };
    expect(adminCoverViolations({ ...input, activeAdminIds: ["a1", "a2"], after })).toEqual([]);
    expect(adminCoverViolations({ ...input, activeAdminIds: ["a2"], after })).toEqual([]);
    expect(adminCoverViolations({ ...input, after: { role: "ADMIN", active: true } })).toEqual([]);
  });
});
