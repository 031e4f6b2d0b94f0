// What a person sends about their own account: their password, their second factor. The length
// rules are checked here (in the browser too); the common-password list and the person's own name
// and email are checked by the server (src/lib/auth/password-policy.ts), the list being large.
import { z } from "zod";
import { password } from "./users";

const currentPassword = z
  .string({ error: "Enter your current password" })
  .min(1, "Enter your current password")
  .max(1024, "That is not your current password");

export const changePasswordSchema = z
  .object({
    currentPassword,
    newPassword: password,
    confirmPassword: z
      .string({ error: "Enter the new password again" })
      .min(1, "Enter the new password again"),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** A password set where the old one is not asked for: at sign-in, after an admin chose it. */
export const choosePasswordSchema = z
  .object({
    newPassword: password,
    confirmPassword: z
      .string({ error: "Enter the new password again" })
      .min(1, "Enter the new password again"),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same",
  });
export type ChoosePasswordInput = z.input<typeof choosePasswordSchema>;

export const mfaCodeSchema = z.object({
  code: z
    .string({ error: "Enter the six-digit code from your authenticator app" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the six-digit code from your authenticator app")),
});
export type MfaCodeInput = z.input<typeof mfaCodeSchema>;

/** Switching the factor off or replacing recovery codes asks for the password again. */
export const confirmWithPasswordSchema = z.object({ currentPassword });
export type ConfirmWithPasswordInput = z.input<typeof confirmWithPasswordSchema>;
