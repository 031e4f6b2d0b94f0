import "server-only";
// The frame every operation runs in: parse the input, run the work, turn any failure into a typed
// result. Authority, rules and the transaction (change + audit event) live in the operation itself.
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { fromZodError, toFailure } from "./errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/**
 * `requestId` (the actor's) goes into the log line of an unexpected failure, so the reference a
 * user quotes leads to the request and its audit events (docs/governance-rules.md FRAME-1, FRAME-2).
 */
export async function runOperation<T>(
  work: () => Promise<T>,
  message?: string,
  requestId?: string,
): Promise<ActionResult<T>> {
  try {
    const data = await work();
    return message ? { ok: true, data, message } : { ok: true, data };
  } catch (error) {
    return toFailure(error, requestId);
  }
}
