import "server-only";
// Audit events are written with the transaction client of the change they record, so both commit
// or neither does, and carry the request id of the actor's request (docs/governance-rules.md
// FRAME-2). before/after are plain JSON snapshots (dates as ISO strings, decimals as text).
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authenticate";
import type { DbTx } from "@/lib/db/client";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The JSON an audit event keeps of a value; also for writes that insert their event in SQL. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function recordAudit(tx: DbTx, actor: Actor, entry: AuditEntry): Promise<void> {
  const before = snapshot(entry.before);
  const after = snapshot(entry.after);
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      requestId: actor.requestId,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    },
  });
}
