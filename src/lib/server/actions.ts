import "server-only";
// What every "use server" action does around its operation: read the session (refusing an
// anonymous caller before anything else), turn the form into plain input, and on success
// revalidate so every page shows the change. The work itself is the operation's.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { getActor } from "@/lib/auth/session";
import { toFailure } from "./operations/errors";

export type Operation<T> = (actor: Actor, input: unknown) => Promise<ActionResult<T>>;

/** Form fields as plain values: empty fields are absent, repeated fields become arrays. */
export function formInput(form: FormData): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const values = form.getAll(key).filter((v): v is string => typeof v === "string" && v.trim() !== "");
    if (values.length === 1) input[key] = values[0] as string;
    else if (values.length > 1) input[key] = values;
  }
  return input;
}

export async function act<T>(
  operation: Operation<T>,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  let actor: Actor | null;
  try {
    actor = await getActor();
  } catch (error) {
    // Reading the session needs the database; if it is unreachable, say so without its error text.
    return toFailure(error);
  }
  if (!actor)
    return {
      ok: false,
      code: "UNAUTHENTICATED",
      message: "Your session has ended. Sign in again to continue.",
    };
  const result = await operation(actor, input instanceof FormData ? formInput(input) : input);
  // Pages are rendered per request; this clears the client's router cache of stale pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
