import "server-only";
// The signed-in person's own live sessions, for /account/sessions (docs/security-sessions.md).
import type { Actor } from "@/lib/auth/authenticate";
import { listActiveSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";

export interface MySession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  /** The session this request came in. */
  current: boolean;
}

export async function getMySessions(actor: Actor): Promise<{ sessions: MySession[]; total: number }> {
  const { sessions, total } = await listActiveSessions(db(), actor.id);
  return {
    total,
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      clientAddress: s.clientAddress,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    })),
  };
}
