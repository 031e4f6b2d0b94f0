import { describe, expect, it } from "vitest";
import {
  canBeAccountable,
  canBeResponsible,
  deactivationViolations,
  reactivationViolations,
  roleChangeViolations,
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
