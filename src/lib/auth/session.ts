import "server-only";
// The one session reader. Cached per request, so a layout and its page share one database read.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { type Actor, loadActor, requestIdFrom } from "./authenticate";
import { authOptions } from "./options";

export type { Actor };

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const requestId = requestIdFrom((await headers()).get("x-request-id"));
  return loadActor(db(), session.user.id, session.user.sessionVersion, requestId);
});

/** The acting user, or a redirect to the sign-in page (for pages). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  return actor;
}
