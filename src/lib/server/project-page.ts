import "server-only";
// What every tab of a project's pages starts with: the signed-in actor allowed to see projects, the
// project's code from the URL (anything that cannot be a code is a 404 without a query), the
// organisation's clock, and the actor's RACI letter on the project, from which the page works out
// which controls to show (the server still refuses the rest).
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { type Action, abilitiesIn } from "@/lib/domain/permissions";
import type { RaciLetter } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { getClock } from "./organisation";
import { requirePageActor } from "./page-access";

// Codes are short identifiers; anything else cannot be a project and is not worth a query.
const codeSchema = z.string().trim().min(1).max(40);

export function parseProjectCode(code: string): string | null {
  const parsed = codeSchema.safeParse(code);
  return parsed.success ? parsed.data : null;
}

export interface ProjectPageContext {
  actor: Actor;
  clock: Clock;
  code: string;
  projectId: string;
  /** The actor's letter on this project; null when they hold none. */
  letter: RaciLetter | null;
  /** What the matrix lets the actor attempt on this project, to decide which controls to show. */
  may: Readonly<Record<Action, boolean>>;
}

/** Cached per request, so the layout and the tab share one lookup. */
export const requireProjectPage = cache(async (rawCode: string): Promise<ProjectPageContext> => {
  const actor = await requirePageActor("project");
  const code = parseProjectCode(rawCode);
  if (!code) notFound();
  const [clock, project] = await Promise.all([
    getClock(),
    db().project.findUnique({
      where: { code },
      select: { id: true, raci: { where: { userId: actor.id }, select: { letter: true } } },
    }),
  ]);
  if (!project) notFound();
  const letter = project.raci[0]?.letter ?? null;
  return {
    actor,
    clock,
    code,
    projectId: project.id,
    letter,
    may: abilitiesIn({ role: actor.role, letter }),
  };
});
