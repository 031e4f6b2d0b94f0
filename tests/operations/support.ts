// Helpers for operation tests: actors from user rows, and a fingerprint of the tables an
// operation may touch, so a refused call can be shown to have changed nothing.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ActionResult, FailureCode } from "@/lib/action-result";
import type { Actor, Identity } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";

/** The user as an actor in a request of its own (each call of actorOf is a new request). */
export function actorOf(user: Identity): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    discipline: user.discipline,
    requestId: randomUUID(),
  };
}

/** Every row of the tables listed, in a stable order: equal fingerprints mean nothing was written. */
export async function fingerprint(tables: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db().$queryRawUnsafe<unknown[]>(
      `SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY to_jsonb(t)::text`,
    );
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

export async function expectRefusedWithoutChange<T>(
  tables: readonly string[],
  code: FailureCode,
  call: () => Promise<ActionResult<T>>,
): Promise<Extract<ActionResult<T>, { ok: false }>> {
  const before = await fingerprint(tables);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  // An unexpected crash also comes back as a failure (UNEXPECTED); a refusal must be a real one.
  expect(result.ok ? "" : result.message).not.toMatch(/^Something went wrong/);
  expect(await fingerprint(tables)).toBe(before);
  return result as Extract<ActionResult<T>, { ok: false }>;
}
