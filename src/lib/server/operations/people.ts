import "server-only";
// The person chosen in a form field (an owner, a RACI letter's holder, the Accountable): someone
// who exists and is active, refused beside that field otherwise.
import type { DbTx } from "@/lib/db/client";
import { canBeAccountable } from "@/lib/domain/user-accounts";
import { invalid } from "./errors";

const personSelect = { id: true, name: true, role: true, discipline: true, active: true } as const;

/**
 * The active user `userId`, or INVALID beside `field`. `as` names what they are chosen as, for the
 * message ("the owner": "Choose an active user as the owner").
 */
export async function requireActiveUser(tx: DbTx, userId: string, field: string, as?: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: personSelect });
  if (!user?.active) {
    throw invalid({ [field]: [as ? `Choose an active user as ${as}` : "Choose an active user"] });
  }
  return user;
}

/** An active user who can act on a project (DESIGN.md rule 2): a viewer cannot be the Accountable. */
export async function requireAccountable(tx: DbTx, userId: string, field: string) {
  const user = await requireActiveUser(tx, userId, field);
  if (!canBeAccountable(user)) {
    throw invalid({ [field]: ["A viewer cannot be Accountable: choose someone who can act on the project"] });
  }
  return user;
}
