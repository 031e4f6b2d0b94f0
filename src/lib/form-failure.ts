// What a form shows when the browser's own check of its input fails: the same INVALID result, with
// the same field messages, that the server would send for that input (both parse with one schema).
import { z } from "zod";
import type { Failure, FieldErrors } from "./action-result";

export const INVALID_MESSAGE = "Some fields need attention.";

export function invalidInput(error: z.ZodError): Failure {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const clean: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages?.length) clean[field] = messages;
  return { ok: false, code: "INVALID", message: INVALID_MESSAGE, fieldErrors: clean };
}
