import "server-only";
// What every tab of a project's pages starts with: the signed-in actor allowed to see projects, the
// project's code from the URL (anything that cannot be a code is a 404 without a query), its
// header, the organisation's clock, and the actor's RACI letter on the project, from which the page works out
// which controls to show (the server still refuses the rest).
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { type Action, abilitiesIn } from "@/lib/domain/permissions";
import type { RaciLetter } from "@/lib/domain/vocabulary";
import { type Clock, clockAt } from "./dates";
import { DEFAULT_TIME_ZONE } from "./organisation";
import { requirePageActor } from "./page-access";
import type { ProjectHeader } from "./project-header";

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
  /** What every tab shows in its header (as getProjectHeader reads it). */
  header: ProjectHeader;
  /** The actor's letter on this project; null when they hold none. */
  letter: RaciLetter | null;
  /** What the matrix lets the actor attempt on this project, to decide which controls to show. */
  may: Readonly<Record<Action, boolean>>;
}

interface ContextRow extends ProjectHeader {
  id: string;
  letter: RaciLetter | null;
  timeZone: string | null;
}

/**
 * Cached per request, so the layout and the tab share one lookup. One statement after the session
 * check: the project by its code with the header every tab shows, the actor's letter on it and the
 * organisation's time zone for the clock.
 */
export const requireProjectPage = cache(async (rawCode: string): Promise<ProjectPageContext> => {
  const actor = await requirePageActor("project");
  const code = parseProjectCode(rawCode);
  if (!code) notFound();
  const [project] = await db().$queryRaw<ContextRow[]>`
    SELECT p."id", p."code", p."name", p."summary", p."kind"::text AS "kind", p."stage"::text AS "stage",
      s."name" AS "siteName", r."letter"::text AS "letter", o."timeZone"
    FROM "Project" p
    JOIN "Site" s ON s."id" = p."siteId"
    LEFT JOIN "RaciAssignment" r ON r."projectId" = p."id" AND r."userId" = ${actor.id}
    LEFT JOIN "Organisation" o ON o."id" = 1
    WHERE p."code" = ${code}`;
  if (!project) notFound();
  const { id, letter, timeZone, ...header } = project;
  return {
    actor,
    clock: clockAt(new Date(), timeZone ?? DEFAULT_TIME_ZONE),
    code,
    projectId: id,
    header,
    letter,
    may: abilitiesIn({ role: actor.role, letter }),
  };
});
