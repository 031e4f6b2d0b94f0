// What a sign-in may submit (issue #11, ASVS 5.0 V2.2): both fields length-capped, so a megabyte
// "password" never reaches argon2, and NUL refused, since no real email or password carries one and
// some layers cut strings at it. Pure and free of server code: the sign-in form checks the same
// limits in the browser (with its own messages) that authorize() enforces on the server.
import { z } from "zod";

/** RFC 5321's limit for a forward path, so the longest deliverable address. */
export const EMAIL_MAX_LENGTH = 254;
/** Far beyond any passphrase a person types or a manager pastes. */
export const PASSWORD_MAX_LENGTH = 1024;

/** A TOTP code or a recovery code, with room for spaces and dashes. */
export const CODE_MAX_LENGTH = 32;

export const hasNul = (value: string): boolean => value.includes("\u0000");

/** The credentials authorize() accepts; anything else is refused before the database is asked. */
export const credentialsSchema = z.object({
  email: z
    .string()
    .min(1)
    .max(EMAIL_MAX_LENGTH)
    .refine((value) => !hasNul(value)),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH)
    .refine((value) => !hasNul(value)),
  /** The second step's code: six digits or a recovery code; absent on the first step. */
  code: z
    .string()
    .max(CODE_MAX_LENGTH)
    .refine((value) => !hasNul(value))
    .optional(),
});

export type Credentials = z.infer<typeof credentialsSchema>;
