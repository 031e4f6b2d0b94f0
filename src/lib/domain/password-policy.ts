// What makes a password acceptable (docs/security-mfa.md; NCSC and NIST SP 800-63B guidance):
// length, not one of the passwords attackers try first, and nothing an attacker knows about the
// person (their name, their email). No composition rules: they make passwords harder to remember,
// not harder to guess. Pure: the caller passes the list of common passwords as a lookup.
import type { FieldViolation } from "./violations";

export const PASSWORD_RULE_MIN_LENGTH = 12;
export const PASSWORD_RULE_MAX_LENGTH = 256;

export const PASSWORD_VIOLATION = {
  tooShort: "PASSWORD_TOO_SHORT",
  tooLong: "PASSWORD_TOO_LONG",
  common: "PASSWORD_COMMON",
  personal: "PASSWORD_PERSONAL",
  unchanged: "PASSWORD_UNCHANGED",
} as const;

export interface PasswordOwner {
  name: string;
  email: string;
}

/** Whether a lower-cased candidate is on a list of common passwords. */
export type CommonPasswordLookup = (candidate: string) => boolean;

/**
 * The forms a password is tried in against the common list: as typed (lower-cased), and without the
 * digits and symbols people tack on the end ("password2024!") or put in front ("123qwerty...").
 */
export function commonPasswordCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  return trimmed.length >= 4 && trimmed !== lower ? [lower, trimmed] : [lower];
}

/** The parts of a name and email worth refusing inside a password: 3+ letters, lower-cased. */
export function personalWords(owner: PasswordOwner): string[] {
  const local = owner.email.toLowerCase().split("@")[0] ?? "";
  const words = [
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    owner.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""),
    ...owner.name.toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ];
  // Titles and initials are too short to say anything about the person.
  return [...new Set(words.filter((word) => word.length >= 3 && !["mrs", "miss", "sister"].includes(word)))];
}

export function passwordViolations(
  password: string,
  owner: PasswordOwner,
  isCommon: CommonPasswordLookup,
  field = "password",
): FieldViolation[] {
  if (password.length < PASSWORD_RULE_MIN_LENGTH) {
    return [
      {
        code: PASSWORD_VIOLATION.tooShort,
        field,
        message: `Use at least ${PASSWORD_RULE_MIN_LENGTH} characters`,
      },
    ];
  }
  if (password.length > PASSWORD_RULE_MAX_LENGTH) {
    return [
      {
        code: PASSWORD_VIOLATION.tooLong,
        field,
        message: `Use ${PASSWORD_RULE_MAX_LENGTH} characters or fewer`,
      },
    ];
  }
  const violations: FieldViolation[] = [];
  if (commonPasswordCandidates(password).some(isCommon)) {
    violations.push({
      code: PASSWORD_VIOLATION.common,
      field,
      message: "This is one of the most common passwords, which attackers try first: choose another",
    });
  }
  const lower = password.toLowerCase();
  if (personalWords(owner).some((word) => lower.includes(word))) {
    violations.push({
      code: PASSWORD_VIOLATION.personal,
      field,
      message: "Do not use your name or email address in your password: they are the first things tried",
    });
  }
  return violations;
}
