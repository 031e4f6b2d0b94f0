import "server-only";
// The tail every versioned edit shares (rule 8): write the change only if nobody else has since the
// caller read the row, bump its version, write its history row if it keeps one, and audit before
// and after, all in the caller's transaction. One helper, so no operation forgets a step.
import type { Actor } from "@/lib/auth/authenticate";
import type { DbTx } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { conflict } from "./errors";

/** The two calls of a Prisma model delegate the tail needs (tx.risk, tx.milestone, …). */
export interface VersionedTable<Row, Data> {
  updateMany(args: { where: { id: string; version: number }; data: Data }): Promise<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: string } }): Promise<Row>;
}

export interface VersionedWrite<Row> {
  /** The audit event's action, e.g. "risk.update". */
  action: string;
  entityType: string;
  /** The record as people call it, for the conflict message ("Someone else changed this milestone…"). */
  what: string;
  /** The audit event's `after`: the saved row unless given (e.g. the row plus the reason for it). */
  after?: (saved: Row) => unknown;
  /** The audit event's `before`: the row as read unless given (e.g. without secrets). */
  before?: unknown;
  /** A history row kept beside the change (a milestone's forecast change), in the same transaction. */
  history?: (saved: Row) => Promise<unknown>;
  /** Reads the saved row back when the table's own read is not what may be audited (secrets). */
  reload?: (id: string) => Promise<Row>;
}

export async function saveVersioned<Row extends { id: string; version: number }, Data extends object>(
  tx: DbTx,
  actor: Actor,
  table: VersionedTable<Row, Data & { version: { increment: 1 } }>,
  current: Row,
  data: Data,
  write: VersionedWrite<Row>,
): Promise<Row> {
  const { count } = await table.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(write.what);
  const saved = write.reload
    ? await write.reload(current.id)
    : await table.findUniqueOrThrow({ where: { id: current.id } });
  if (write.history) await write.history(saved);
  await recordAudit(tx, actor, {
    action: write.action,
    entityType: write.entityType,
    entityId: current.id,
    before: write.before ?? current,
    after: write.after ? write.after(saved) : saved,
  });
  return saved;
}
