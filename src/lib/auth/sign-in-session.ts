import "server-only";
// The session of someone who has signed in but still owes a step (a password of their own, a second
// factor): the one reader the step's pages and actions use. getActor() refuses such a session, so
// every other page sends them to /signin, which sends them on here (docs/security-mfa.md).
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { SignInStep } from "@/lib/domain/mfa-policy";
import { type Actor, requestIdFrom } from "./authenticate";
import { loadPendingSignIn } from "./mfa";
import { authOptions } from "./options";
import { type ClientInfo, clientInfoFrom } from "./security-log";

export const getPendingSignIn = cache(async (): Promise<{ actor: Actor; step: SignInStep } | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const requestId = requestIdFrom((await headers()).get("x-request-id"));
  return loadPendingSignIn(db(), session.user.id, session.user.sessionVersion, requestId);
});

/** The client of the current request, for security events. */
export async function currentClient(): Promise<ClientInfo> {
  const request = await headers();
  return clientInfoFrom((name) => request.get(name));
}
