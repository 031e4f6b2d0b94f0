import "server-only";
// "Sign out everywhere" (issue #11; docs/security-sessions.md): a person ends every session of
// their own account, or an admin ends every session of someone else's. Either way it is
// src/lib/auth/sessions.ts revokeAllSessions, audited as auth.sessions_revoked in the same
// transaction, and every app instance refuses those sessions from the next request on.
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { id } from "@/lib/schemas/common";
import { assertCan } from "./authority";
import { notFound } from "./errors";
import { parseInput, runOperation } from "./run";

export interface SessionsEnded {
  sessions: number;
}

const contextOf = (actor: Actor) => ({ requestId: actor.requestId, client: actor.client ?? UNKNOWN_CLIENT });

/** Ends every session of the actor's own account, this one included: they sign in again. */
export function signOutEverywhere(actor: Actor): Promise<ActionResult<SessionsEnded>> {
  return runOperation(
    actor,
    async () =>
      db().$transaction(async (tx) => ({
        sessions: await revokeAllSessions(tx, actor.id, "signed_out_everywhere", contextOf(actor)),
      })),
    "You have been signed out everywhere.",
  );
}

export const endUserSessionsSchema = z.object({ userId: id("person") });

/** An admin ends every session of someone's account (a lost laptop, a suspected misuse). */
export function endUserSessions(actor: Actor, input: unknown): Promise<ActionResult<SessionsEnded>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(endUserSessionsSchema, input);
      assertCan("user.manage", actor);
      return db().$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true } });
        if (!user) throw notFound("The user");
        const sessions = await revokeAllSessions(tx, user.id, "ended_by_admin", {
          ...contextOf(actor),
          actorId: actor.id,
        });
        return { sessions };
      });
    },
    "Their sessions have ended: they must sign in again.",
  );
}
