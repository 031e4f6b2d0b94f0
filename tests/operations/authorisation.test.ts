// The authorisation matrix (tests/support/authorisation-matrix.ts) through the real operations
// against a real database: for every action and every kind of actor, an allowed call succeeds and
// a refused one comes back FORBIDDEN. Each cell gets a fresh project, so cells cannot interfere.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import * as make from "../server/fixtures";
import { columns, contextOf, rows } from "../support/authorisation-matrix";
import { CALLS, type CallCast, type CallContext } from "../support/operation-calls";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf } from "./support";

useMigratedDatabase();

let cast: CallCast;
const actors = new Map<string, Actor>();
let sequence = 0;

beforeAll(async () => {
  await db().organisation.create({ data: { id: 1, name: "Northbridge", timeZone: "Europe/London" } });
  const sponsor = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  cast = {
    siteId: (await make.createSite()).id,
    objectiveId: (await make.createObjective({ ownerId: sponsor.id })).id,
    // The Accountable wherever the actor is not.
    sponsor,
    // A Responsible on every project.
    lead: actorOf(await make.createUser({ role: "PROJECT_MANAGER" })),
    champion: actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" })),
    // The PMO: asks for the rebaselines and stage gates the actor decides.
    requester: actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" })),
  };
  for (const column of columns) {
    const { role } = contextOf(column);
    actors.set(
      column,
      actorOf(
        await make.createUser({
          role,
          discipline: role === "CLINICAL_CHAMPION" ? "CLINICAL" : "OPERATIONAL",
        }),
      ),
    );
  }
});

/** The actor of `column` on a fresh project of their own, with the letter the column gives them. */
async function cellFor(column: string): Promise<CallContext> {
  const actor = actors.get(column)!;
  const { letter, isOwner } = contextOf(column);
  const raci = [{ userId: cast.lead.id, letter: "R" as const }];
  if (letter === "A") raci.push({ userId: actor.id, letter: "A" as never });
  else {
    raci.push({ userId: cast.sponsor.id, letter: "A" as never });
    if (letter) raci.push({ userId: actor.id, letter: letter as never });
  }
  const project = await make.createProject({
    siteId: cast.siteId,
    kind: "OPERATIONAL",
    stage: "PILOT",
    raci,
    alignments: [{ objectiveId: cast.objectiveId }],
  });
  sequence += 1;
  return { actor, owns: isOwner === true, projectId: project.id, n: sequence, cast };
}

it("has a call for every action in the matrix", () => {
  expect(rows.map((r) => r.action).filter((action) => !Object.keys(CALLS[action] ?? {}).length)).toEqual([]);
});

// The first call under each action is named by the action; the action's other operations after it.
const CASES = rows.flatMap(({ action, cells }) =>
  Object.entries(CALLS[action] ?? {}).map(([operation, arrange], i) => ({
    name: i === 0 ? action : `${action}: ${operation}`,
    arrange,
    cells,
  })),
);

describe.each(CASES)("$name", ({ arrange, cells }) => {
  it.each(columns.map((column, i) => ({ column, allowed: cells[i] === "Y" })))(
    "$column → allowed: $allowed",
    async ({ column, allowed }) => {
      const call = await arrange(await cellFor(column));
      const result = await call();
      if (allowed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      else expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    },
  );
});
