import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { landingPathFor } from "@/lib/navigation";

export default async function HomePage() {
  const actor = await requireActor();
  redirect(landingPathFor(actor.role));
}
