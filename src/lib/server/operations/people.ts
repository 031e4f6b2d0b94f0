import "server-only";
// The person chosen in a form field (an owner, a RACI letter's holder, the Accountable): someone
// who exists, is active and (for R and A) can act, refused beside that field otherwise.
//
// The person's row is read FOR SHARE: an account change (deactivation, a new role) locks the row
// FOR UPDATE before it checks what the person is Accountable for, so the two take turns. A choice
// made while such a change is in flight waits for it and sees its outcome, and the change, once it
// has the row, sees the letter this transaction gave the person.
import type { Discipline, Role } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { canBeAccountable, canBeResponsible } from "@/lib/domain/user-accounts";
import { invalid } from "./errors";

interface Person {
  id: string;
  name: string;
  role: Role;
  discipline: Discipline;
  active: boolean;
}

async function lockPerson(tx: DbTx, userId: string): Promise<Person | undefined> {
  const rows = await tx.$queryRaw<Person[]>`
    SELECT "id", "name", "role"::text AS "role", "discipline"::text AS "discipline", "active"
    FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  return rows[0];
}

/**
 * The active user `userId`, or INVALID beside `field`. `as` names what they are chosen as, for the
 * message ("the owner": "Choose an active user as the owner").
 */
export async function requireActiveUser(tx: DbTx, userId: string, field: string, as?: string) {
  const user = await lockPerson(tx, userId);
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

/** An active user who can do the work (DESIGN.md rule 1): a viewer is read-only, so cannot be Responsible. */
export async function requireResponsible(tx: DbTx, userId: string, field: string) {
  const user = await requireActiveUser(tx, userId, field);
  if (!canBeResponsible(user)) {
    throw invalid({
      [field]: [
        "A viewer cannot be Responsible: viewers are read-only, so choose someone who can do the work",
      ],
    });
  }
  return user;
}
