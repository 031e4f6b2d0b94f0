import "server-only";
// The frame every operation runs in: parse the input, run the work, turn any failure into a typed
// result. Authority, rules and the transaction (change + audit event) live in the operation itself.
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { fromZodError, toFailure } from "./errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/**
 * Runs `work` for `actor`. Taking the actor (not an optional request id) means no operation can
 * forget it: an unexpected failure's log line names the actor's request, so the reference a user
 * quotes leads to the request and its audit events (docs/governance-rules.md FRAME-1, FRAME-2).
 */
export async function runOperation<T>(
  actor: Pick<Actor, "requestId">,
  work: () => Promise<T>,
  message?: string,
): Promise<ActionResult<T>> {
  try {
    const data = await work();
    return message ? { ok: true, data, message } : { ok: true, data };
  } catch (error) {
    return toFailure(error, actor.requestId);
  }
}
