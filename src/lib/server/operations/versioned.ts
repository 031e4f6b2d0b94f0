import "server-only";
// The tail every versioned edit shares (rule 8): write the change only if nobody else has since the
// caller read the row, bump its version, write what goes beside it (a history row, what an approval
// applies), read the row back and audit before and after, all in the caller's transaction. One
// helper, so no operation forgets a step or words its conflict differently.
import type { Actor } from "@/lib/auth/authenticate";
import type { DbTx } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { conflict } from "./errors";

type Id = string | number;

/** The row as the caller read it: what the write is guarded against. */
export interface VersionedRef<I extends Id = string> {
  id: I;
  version: number;
}

/** The two calls of a Prisma model delegate the tail needs (tx.risk, tx.milestone, …). */
export interface VersionedTable<Row, Data, I extends Id = string> {
  updateMany(args: { where: VersionedRef<I>; data: Data }): Promise<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: I } }): Promise<Row>;
}

export interface VersionedWrite<Row> {
  /** The audit event's action, e.g. "risk.update". */
  action: string;
  entityType: string;
  /** The record as people call it, for the conflict message ("Someone else changed this milestone…"). */
  what: string;
  /**
   * A further condition the row must still meet, e.g. `{ status: "REQUESTED" }`: a request decided
   * or withdrawn meanwhile is then a conflict too, whatever its version.
   */
  where?: Readonly<Record<string, unknown>>;
  /** The audit event's `after`: the saved row unless given (e.g. the row plus the reason for it). */
  after?: (saved: Row) => unknown;
  /** The audit event's `before`: the row as read unless given (e.g. without secrets). */
  before?: unknown;
  /**
   * Writes kept beside the change (a milestone's forecast history, what an approval applies), made
   * once the guarded write has succeeded and before the row is read back, in the same transaction.
   */
  history?: () => Promise<unknown>;
  /** Reads the saved row back when the table's own read is not what may be audited (secrets). */
  reload?: () => Promise<Row>;
}

/**
 * The guarded write alone: the change lands only on the version the caller read (and `where`),
 * bumping it; anything else is a CONFLICT naming `what`. For a second row an operation moves
 * alongside its audited one (a stage gate's approval moving the project).
 */
export async function updateVersioned<Data extends object, I extends Id>(
  table: Pick<VersionedTable<unknown, Data & { version: { increment: 1 } }, NoInfer<I>>, "updateMany">,
  current: VersionedRef<I>,
  data: Data,
  what: string,
  where: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const { count } = await table.updateMany({
    where: { ...where, id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(what);
}

export async function saveVersioned<Row, Data extends object, I extends Id = string>(
  tx: DbTx,
  actor: Actor,
  table: VersionedTable<Row, Data & { version: { increment: 1 } }, NoInfer<I>>,
  current: VersionedRef<I>,
  data: Data,
  write: VersionedWrite<Row>,
): Promise<Row> {
  await updateVersioned(table, current, data, write.what, write.where);
  if (write.history) await write.history();
  const saved = write.reload
    ? await write.reload()
    : await table.findUniqueOrThrow({ where: { id: current.id } });
  await recordAudit(tx, actor, {
    action: write.action,
    entityType: write.entityType,
    entityId: String(current.id),
    before: write.before ?? current,
    after: write.after ? write.after(saved) : saved,
  });
  return saved;
}
