import "server-only";
// Every page calls this itself: layouts do not re-run on client-side navigation, so a layout's
// check alone would not protect a page.
import { redirect } from "next/navigation";
import { type Actor, requireActor } from "@/lib/auth/session";
import { canViewPage, landingPathFor, type PageKey } from "@/lib/navigation";

/** The signed-in actor allowed to see `page`; anyone else goes to sign-in or their own landing page. */
export async function requirePageActor(page: PageKey): Promise<Actor> {
  const actor = await requireActor();
  if (!canViewPage(actor.role, page)) redirect(landingPathFor(actor.role));
  return actor;
}
