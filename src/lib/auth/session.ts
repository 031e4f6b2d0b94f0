import "server-only";
// The one session reader. Cached per request, so a layout and its page share one check. It reads
// the session token itself and checks its stored session (./sessions checkSession) rather than
// going through getServerSession: a database fault then reaches the page as a fault (an error
// state), where getServerSession would swallow it and answer "signed out".
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { type Actor, requestIdFrom } from "./authenticate";
import { cookiePolicy } from "./cookies";
import { clientInfoFrom } from "./security-log";
import { checkSession, type SessionClaims, sessionClaimsOf } from "./sessions";

export type { Actor };

/** The session the request's cookie names, if the cookie is ours, intact and not past its end. */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const env = getEnv();
  const value = (await cookies()).get(cookiePolicy(env.NEXTAUTH_URL).sessionTokenName)?.value;
  if (!value || !env.AUTH_SECRET) return null;
  try {
    return sessionClaimsOf(await decode({ token: value, secret: env.AUTH_SECRET }));
  } catch {
    // Not a token this secret made, or one past its expiry: no session.
    return null;
  }
}

export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const identity = await checkSession(db(), claims);
  // A step still owed after signing in (a new password, a second factor) opens only its own pages
  // (./sign-in-session); every other page and action sees no signed-in user.
  if (!identity || identity.owes) return null;
  const request = await headers();
  return {
    id: identity.id,
    name: identity.name,
    email: identity.email,
    role: identity.role,
    discipline: identity.discipline,
    requestId: requestIdFrom(request.get("x-request-id")),
    sessionId: identity.sessionId,
    client: clientInfoFrom((name) => request.get(name)),
  };
});

/** The acting user, or a redirect to the sign-in page (for pages). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  return actor;
}
