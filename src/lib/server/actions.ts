import "server-only";
// What every "use server" action does around its operation: refuse a request from another site,
// read the session (refusing an anonymous caller before anything else), turn the form into plain
// input, and on success revalidate so every page shows the change. The work itself is the operation's.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { getActor } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { isOwnOrigin } from "@/lib/security/origin";
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
  // First of all, before the session is read: a page on another site must not act with this
  // user's cookies (issue #11, cross-site request forgery).
  const request = await headers();
  const sameOrigin = isOwnOrigin({
    origin: request.get("origin"),
    nextAuthUrl: getEnv().NEXTAUTH_URL,
    host: request.get("host"),
    forwardedHost: request.get("x-forwarded-host"),
    forwardedProto: request.get("x-forwarded-proto"),
  });
  if (!sameOrigin)
    return {
      ok: false,
      code: "FORBIDDEN",
      message: "This request came from another site, so it was refused. Open Throughline and try again.",
    };
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
