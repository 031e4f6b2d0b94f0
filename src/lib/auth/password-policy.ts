// The password rules (src/lib/domain/password-policy.ts) with the common-password list they are
// checked against: the 49,000 passwords of @zxcvbn-ts/language-common, gathered from breaches.
// Server only: the list is large, so forms check the length in the browser and the server the rest.
import { dictionary } from "@zxcvbn-ts/language-common";
import {
  type PasswordOwner,
  passwordViolations as passwordRuleViolations,
} from "@/lib/domain/password-policy";
import type { FieldViolation } from "@/lib/domain/violations";

let common: ReadonlySet<string> | undefined;

export function isCommonPassword(candidate: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(candidate.toLowerCase());
}

export function passwordPolicyViolations(
  password: string,
  owner: PasswordOwner,
  field = "password",
): FieldViolation[] {
  return passwordRuleViolations(password, owner, isCommonPassword, field);
}
