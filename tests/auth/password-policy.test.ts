// The password rules (docs/security-mfa.md): length, the common-password list shipped in
// @zxcvbn-ts/language-common, and the person's own name and email.
import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordPolicyViolations } from "@/lib/auth/password-policy";
import { commonPasswordCandidates, PASSWORD_VIOLATION, personalWords } from "@/lib/domain/password-policy";

const helen = { name: "Dr Helen Ashworth", email: "helen.ashworth@northbridge.example" };
const codes = (password: string) => passwordPolicyViolations(password, helen).map((v) => v.code);

describe("the password rules", () => {
  it("accept a long passphrase that is nobody's name", () => {
    expect(codes("copper kettle under the stairs")).toEqual([]);
  });

  it("refuse fewer than 12 characters, and more than 256", () => {
    expect(codes("short pass")).toEqual([PASSWORD_VIOLATION.tooShort]);
    expect(codes("x".repeat(257))).toEqual([PASSWORD_VIOLATION.tooLong]);
  });

  it("refuse passwords on the shipped list, as typed or with digits and symbols tacked on", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(codes("qwerty123456")).toEqual([PASSWORD_VIOLATION.common]);
    expect(codes("1q2w3e4r5t6y")).toEqual([PASSWORD_VIOLATION.common]);
    expect(codes("Password2024!")).toEqual([PASSWORD_VIOLATION.common]);
    expect(codes("sunshine12345")).toEqual([PASSWORD_VIOLATION.common]);
    expect(commonPasswordCandidates("!!Letmein2025")).toEqual(["!!letmein2025", "letmein"]);
  });

  it("refuse the person's name or email in any case", () => {
    expect(codes("Ashworth-rules-the-ward")).toEqual([PASSWORD_VIOLATION.personal]);
    expect(codes("my name is HELEN and hi")).toEqual([PASSWORD_VIOLATION.personal]);
    expect(codes("helen.ashworth@home")).toEqual([PASSWORD_VIOLATION.personal]);
    expect(personalWords(helen)).toEqual(
      expect.arrayContaining(["helen.ashworth", "helen", "ashworth", "drhelenashworth"]),
    );
    // Titles and initials say nothing about the person.
    expect(personalWords(helen)).not.toContain("dr");
  });

  it("name each problem beside the field it is about", () => {
    expect(passwordPolicyViolations("qwerty123456", helen, "newPassword")[0]?.field).toBe("newPassword");
  });
});
