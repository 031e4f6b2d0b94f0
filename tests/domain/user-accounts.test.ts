import { describe, expect, it } from "vitest";
import {
  canBeAccountable,
  canBeResponsible,
  deactivationViolations,
  projectsLeftShort,
  reactivationViolations,
  roleChangeViolations,
  type StaffedProject,
  USER_VIOLATION as V,
} from "@/lib/domain/user-accounts";

const projects = [
  { code: "DIG-01", name: "ePMA rollout" },
  { code: "CLN-03", name: "Sepsis bundle" },
];
const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe("canBeAccountable", () => {
  it("accepts any active user who can act", () => {
    expect(canBeAccountable({ role: "PROJECT_MANAGER", active: true })).toBe(true);
    expect(canBeAccountable({ role: "VIEWER", active: true })).toBe(false);
    expect(canBeAccountable({ role: "EXECUTIVE", active: false })).toBe(false);
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
    expect(deactivationViolations({ isSelf: false, name: "Ben", active: true, accountableFor: [] })).toEqual(
      [],
    );
  });

  it("refuses yourself, an inactive user, and a live project's Accountable (naming the projects)", () => {
    expect(
      codes(deactivationViolations({ isSelf: true, name: "Me", active: true, accountableFor: [] })),
    ).toEqual([V.deactivateSelf]);
    expect(
      codes(deactivationViolations({ isSelf: false, name: "Ben", active: false, accountableFor: [] })),
    ).toEqual([V.alreadyInactive]);
    const many = Array.from({ length: 7 }, (_, i) => ({ code: `OPS-0${i + 1}`, name: `Project ${i + 1}` }));
    const violations = deactivationViolations({
      isSelf: false,
      name: "Ben",
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
  const nurse = { userId: "u1", name: "Nurse", discipline: "CLINICAL" as const, active: true };
  const lead = { userId: "u2", name: "Lead", discipline: "OPERATIONAL" as const, active: true };
  const sponsor = { userId: "u3", name: "Sponsor", discipline: "EXECUTIVE" as const, active: true };
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

  it("counts a viewer as no Responsible but still a champion, and a move out of CLINICAL as no champion", () => {
    const viewer = projectsLeftShort(staffed, "u1", { role: "VIEWER", discipline: "CLINICAL", active: true });
    expect(labels(viewer.responsible)).toEqual(["MIX-1"]);
    expect(viewer.champion).toEqual([]);
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
        deactivationViolations({ isSelf: false, name: "Nurse", active: true, accountableFor: [], leftShort }),
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
