import "server-only";
// The person chosen in a form field (an owner, a RACI letter's holder, the Accountable): someone
// who exists, is active and (for R and A) can act, refused beside that field otherwise. The
// Accountable is an executive or an SRO-eligible colleague (docs/governance-rules.md ACC-1).
//
// The person's row is read FOR SHARE: an account change (deactivation, a new role) locks the row
// FOR UPDATE before it checks what the person is Accountable for, so the two take turns. A choice
// made while such a change is in flight waits for it and sees its outcome, and the change, once it
// has the row, sees the letter this transaction gave the person.
import type { Discipline, Role } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { accountableChoiceViolations, canBeResponsible } from "@/lib/domain/user-accounts";
import { groupByField } from "@/lib/domain/violations";
import { invalid } from "./errors";

interface Person {
  id: string;
  name: string;
  role: Role;
  discipline: Discipline;
  active: boolean;
  sroEligible: boolean;
}

async function lockPerson(tx: DbTx, userId: string): Promise<Person | undefined> {
  const rows = await tx.$queryRaw<Person[]>`
    SELECT "id", "name", "role"::text AS "role", "discipline"::text AS "discipline", "active",
      "sroEligible"
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

/**
 * An active user who may hold a project's A (docs/governance-rules.md rule 2 and ACC-1): an
 * executive or an SRO-eligible colleague, never a viewer.
 */
export async function requireAccountable(tx: DbTx, userId: string, field: string) {
  const user = await requireActiveUser(tx, userId, field);
  const violations = accountableChoiceViolations(user, field);
  if (violations.length) throw invalid(groupByField(violations) ?? {});
  return user;
}

/** An active user who can do the work (docs/governance-rules.md rule 1): a viewer is read-only, so cannot be Responsible. */
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
