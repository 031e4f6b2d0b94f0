// Helpers for operation tests: actors from user rows, and a fingerprint of the tables an
// operation may touch, so a refused call can be shown to have changed nothing.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ProjectStage, RaciLetter } from "@/generated/prisma/enums";
import type { ActionResult, FailureCode } from "@/lib/action-result";
import type { Actor, Identity } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import * as make from "../server/fixtures";

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

/**
 * The people around a project, as most operation tests need them: its R (a project manager), its
 * A (an executive sponsor), the PMO, an admin, an executive and a project manager with no letter
 * on it, a clinical champion consulted (C) and a viewer informed (I). `projectId` is open
 * (APPROVED, unless `stage` says otherwise) and `closedProjectId` is CLOSED, both with the same
 * RACI (`raci`, for more projects of the same team). Creates the organisation row (Europe/London)
 * when it is missing.
 */
export async function createProjectTeam(options: { stage?: ProjectStage } = {}) {
  await db().organisation.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Northbridge", timeZone: "Europe/London" },
    update: {},
  });
  const site = await make.createSite();
  const responsible = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  const accountable = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  const pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  const admin = actorOf(await make.createUser({ role: "ADMIN" }));
  const executive = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  const outsider = actorOf(await make.createUser({ role: "PROJECT_MANAGER" }));
  const champion = actorOf(await make.createUser({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL" }));
  const viewer = actorOf(await make.createUser({ role: "VIEWER" }));
  const raci: { userId: string; letter: RaciLetter }[] = [
    { userId: responsible.id, letter: "R" },
    { userId: accountable.id, letter: "A" },
    { userId: champion.id, letter: "C" },
    { userId: viewer.id, letter: "I" },
  ];
  const project = await make.createProject({ siteId: site.id, raci, ...options });
  const closed = await make.createProject({ siteId: site.id, raci, stage: "CLOSED" });
  return {
    siteId: site.id,
    raci,
    /** R on the projects. */
    responsible,
    /** A on the projects. */
    accountable,
    pmo,
    admin,
    /** An executive with no letter on the projects. */
    executive,
    /** A project manager with no letter on the projects. */
    outsider,
    /** C on the projects. */
    champion,
    /** I on the projects. */
    viewer,
    projectId: project.id,
    projectCode: project.code,
    closedProjectId: closed.id,
  };
}

export type ProjectTeam = Awaited<ReturnType<typeof createProjectTeam>>;
