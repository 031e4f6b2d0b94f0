import { z } from "zod";
import { DISCIPLINES, ROLES } from "@/lib/domain/vocabulary";
import { checkbox, id, optionalText, text, version } from "./common";

export const PASSWORD_MIN_LENGTH = 12;

/** Stored lower-cased, which is what makes the unique index case-insensitive. */
export const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .pipe(
    z.email({ error: "Enter an email address such as name@trust.nhs.uk" }).max(254, "That email is too long"),
  );

// Length is what makes a password strong; no composition rules (NCSC and NIST guidance). Not
// trimmed: spaces are characters too.
export const password = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "Use 256 characters or fewer");

const role = z.enum(ROLES, { error: "Choose a role" });
const discipline = z.enum(DISCIPLINES, { error: "Choose a discipline" });

export const createUserSchema = z.object({
  name: text("their name", 200),
  email,
  jobTitle: optionalText("the job title", 200),
  password,
  role,
  discipline,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const changeUserRoleSchema = z.object({ userId: id("person"), version, role, discipline });
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

export const userRefSchema = z.object({ userId: id("person"), version });
export type UserRefInput = z.input<typeof userRefSchema>;

export const resetPasswordSchema = z.object({ userId: id("person"), version, password });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** Ticked: the trust allows the person to be a project's Accountable without being an executive. */
export const setSroEligibilitySchema = z.object({ userId: id("person"), version, sroEligible: checkbox });
export type SetSroEligibilityInput = z.input<typeof setSroEligibilitySchema>;
