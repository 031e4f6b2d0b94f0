// Who must sign in with a second factor, and what a session owes first (src/lib/domain/mfa-policy.ts).
import { describe, expect, it } from "vitest";
import { canDisableOwnMfa, mfaRequired, pendingSignInStep } from "@/lib/domain/mfa-policy";
import { ROLES } from "@/lib/domain/vocabulary";

describe("the second-factor policy", () => {
  it("requires it of admins and executives only, unless the organisation requires it of everyone", () => {
    expect(ROLES.filter((role) => mfaRequired(role, false))).toEqual(["ADMIN", "EXECUTIVE"]);
    expect(ROLES.every((role) => mfaRequired(role, true))).toBe(true);
    expect(canDisableOwnMfa("PROJECT_MANAGER", false)).toBe(true);
    expect(canDisableOwnMfa("PROJECT_MANAGER", true)).toBe(false);
    expect(canDisableOwnMfa("EXECUTIVE", false)).toBe(false);
  });

  it("owes a password of one's own first, then the enrolment, then nothing", () => {
    const executive = { role: "EXECUTIVE" as const, mustChangePassword: true, mfaEnabled: false };
    expect(pendingSignInStep(executive, false)).toBe("change_password");
    expect(pendingSignInStep({ ...executive, mustChangePassword: false }, false)).toBe("enrol_mfa");
    expect(
      pendingSignInStep({ ...executive, mustChangePassword: false, mfaEnabled: true }, false),
    ).toBeNull();
    const viewer = { role: "VIEWER" as const, mustChangePassword: false, mfaEnabled: false };
    expect(pendingSignInStep(viewer, false)).toBeNull();
    expect(pendingSignInStep(viewer, true)).toBe("enrol_mfa");
  });
});
