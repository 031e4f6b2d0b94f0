import "server-only";
// RACI operations (docs/governance-rules.md rule 2: exactly one active Accountable, always, who is
// an executive or an SRO-eligible colleague (ACC-1); rule 1's RACI facts keep holding once a
// project is live). A change is refused when it would introduce a RACI gap the
// project does not already have (domain/raci-changes). Each change takes the project's lock before
// reading its RACI, so it cannot slip between a stage move's gate check and its write (or another
// RACI change's); the partial unique index on A backs this up. RACI rows carry no version: a
// change names the letter the form showed, and is refused when someone has changed it since (rule 8).
import type { RaciLetter, Role } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import type { RaciEntry } from "@/lib/domain/raci";
import { introducedRaciGaps, type RaciChangeProject } from "@/lib/domain/raci-changes";
import { canBeResponsible } from "@/lib/domain/user-accounts";
import { assignRaciSchema, handOverAccountableSchema, removeRaciSchema } from "@/lib/schemas/raci";
import { recordAudit } from "./audit";
import { assertCanOnProject } from "./authority";
import { conflict, invalid, notFound, OperationError, refuse } from "./errors";
import { requireAccountable, requireActiveUser, requireResponsible } from "./people";
import { lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";

interface ProjectRaci {
  project: RaciChangeProject;
  entries: (RaciEntry & { role: Role })[];
}

async function loadRaci(tx: DbTx, projectId: string): Promise<ProjectRaci> {
  // Hold the people on the RACI steady: a deactivation or role change in flight finishes first,
  // and the RACI rules then judge the team with their accounts as they now are.
  await tx.$queryRaw`SELECT u."id" FROM "User" u JOIN "RaciAssignment" r ON r."userId" = u."id"
    WHERE r."projectId" = ${projectId} ORDER BY u."id" FOR SHARE OF u`;
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      kind: true,
      stage: true,
      heldFromStage: true,
      raci: {
        select: {
          userId: true,
          letter: true,
          user: { select: { name: true, role: true, discipline: true, active: true } },
        },
      },
    },
  });
  if (!project) throw notFound("The project");
  return {
    project: { kind: project.kind, stage: project.stage, heldFrom: project.heldFromStage },
    entries: project.raci.map((r) => ({
      userId: r.userId,
      letter: r.letter,
      name: r.user.name,
      role: r.user.role,
      discipline: r.user.discipline,
      active: r.user.active,
    })),
  };
}

/** Gaps the proposed RACI has that the current one does not. */
const introducedGaps = (current: ProjectRaci, proposed: RaciEntry[]) =>
  introducedRaciGaps(current.project, current.entries, proposed);

/** Refuses when the person's letter is no longer the one the form showed ("NONE": no letter). */
function assertLetterUnchanged(current: ProjectRaci, userId: string, seen: RaciLetter | "NONE"): void {
  const letter = current.entries.find((e) => e.userId === userId)?.letter ?? "NONE";
  if (letter !== seen) throw conflict("person's RACI letter");
}

export function assignRaci(actor: Actor, input: unknown): Promise<ActionResult<{ letter: RaciLetter }>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(assignRaciSchema, input);
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const current = await loadRaci(tx, data.projectId);
        await assertCanOnProject(tx, "raci.manage", actor, data.projectId);
        assertLetterUnchanged(current, data.userId, data.currentLetter);
        const user =
          data.letter === "R"
            ? await requireResponsible(tx, data.userId, "userId")
            : await requireActiveUser(tx, data.userId, "userId");
        const existing = current.entries.find((e) => e.userId === data.userId);
        if (existing?.letter === "A") {
          throw new OperationError(
            "RULE",
            `${user.name} is the Accountable: hand the A to someone else first.`,
          );
        }
        const proposed: RaciEntry[] = [
          ...current.entries.filter((e) => e.userId !== data.userId),
          {
            userId: user.id,
            name: user.name,
            role: user.role,
            discipline: user.discipline,
            active: user.active,
            letter: data.letter,
          },
        ];
        const gaps = introducedGaps(current, proposed);
        if (gaps.length) throw refuse(gaps, "letter");
        const saved = await tx.raciAssignment.upsert({
          where: { projectId_userId: { projectId: data.projectId, userId: data.userId } },
          create: { projectId: data.projectId, userId: data.userId, letter: data.letter },
          update: { letter: data.letter },
        });
        await recordAudit(tx, actor, {
          action: "raci.assign",
          entityType: "RaciAssignment",
          entityId: saved.id,
          before: existing ? { userId: existing.userId, letter: existing.letter } : undefined,
          after: saved,
        });
        return { letter: saved.letter };
      });
    },
    "RACI updated.",
  );
}

export function removeRaci(actor: Actor, input: unknown): Promise<ActionResult<null>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(removeRaciSchema, input);
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const current = await loadRaci(tx, data.projectId);
        await assertCanOnProject(tx, "raci.manage", actor, data.projectId);
        assertLetterUnchanged(current, data.userId, data.currentLetter);
        const existing = await tx.raciAssignment.findUnique({
          where: { projectId_userId: { projectId: data.projectId, userId: data.userId } },
        });
        if (!existing) throw notFound("That person's RACI letter");
        if (existing.letter === "A") {
          throw new OperationError(
            "RULE",
            "The Accountable cannot be removed: hand the A to someone else first.",
          );
        }
        const gaps = introducedGaps(
          current,
          current.entries.filter((e) => e.userId !== data.userId),
        );
        if (gaps.length) throw refuse(gaps);
        await tx.raciAssignment.delete({ where: { id: existing.id } });
        await recordAudit(tx, actor, {
          action: "raci.remove",
          entityType: "RaciAssignment",
          entityId: existing.id,
          before: existing,
        });
        return null;
      });
    },
    "Removed from the RACI.",
  );
}

/**
 * Moves the A from its holder to another active person who may hold it (an executive or an
 * SRO-eligible colleague, docs/governance-rules.md ACC-1) in one transaction: never zero, never two.
 */
export function handOverAccountable(actor: Actor, input: unknown): Promise<ActionResult<null>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(handOverAccountableSchema, input);
      return db().$transaction(async (tx) => {
        await lockProject(tx, data.projectId);
        const current = await loadRaci(tx, data.projectId);
        await assertCanOnProject(tx, "raci.manage", actor, data.projectId);
        const incoming = await requireAccountable(tx, data.toUserId, "toUserId");
        const outgoing = current.entries.find((e) => e.letter === "A");
        if ((outgoing?.userId ?? "NONE") !== data.currentAccountableId)
          throw conflict("project's Accountable");
        if (outgoing?.userId === incoming.id) {
          throw new OperationError("RULE", `${incoming.name} is already the Accountable.`, {
            toUserId: ["Choose someone other than the current Accountable"],
          });
        }
        const keeps = data.previousHolderBecomes;
        // A closed project's A may since have become a viewer; as R they would do no work.
        if (outgoing && keeps === "R" && !canBeResponsible({ role: outgoing.role, active: true })) {
          throw invalid({
            previousHolderBecomes: [
              `${outgoing.name} is a viewer and cannot be Responsible: keep them as C or I, or remove them`,
            ],
          });
        }
        const proposed: RaciEntry[] = [
          ...current.entries.filter((e) => e.userId !== incoming.id && e.letter !== "A"),
          ...(outgoing && keeps !== "NONE" ? [{ ...outgoing, letter: keeps }] : []),
          {
            userId: incoming.id,
            name: incoming.name,
            role: incoming.role,
            discipline: incoming.discipline,
            active: true,
            letter: "A" as const,
          },
        ];
        const gaps = introducedGaps(current, proposed);
        if (gaps.length) throw refuse(gaps, "previousHolderBecomes");

        // Demote first: the partial unique index allows one A at a time, even inside a transaction.
        if (outgoing) {
          const where = { projectId_userId: { projectId: data.projectId, userId: outgoing.userId } };
          if (keeps === "NONE") await tx.raciAssignment.delete({ where });
          else await tx.raciAssignment.update({ where, data: { letter: keeps } });
        }
        const saved = await tx.raciAssignment.upsert({
          where: { projectId_userId: { projectId: data.projectId, userId: incoming.id } },
          create: { projectId: data.projectId, userId: incoming.id, letter: "A" },
          update: { letter: "A" },
        });
        await recordAudit(tx, actor, {
          action: "raci.hand_over_accountable",
          entityType: "Project",
          entityId: data.projectId,
          before: { accountableUserId: outgoing?.userId ?? null },
          after: { accountableUserId: saved.userId, previousHolderBecomes: keeps },
        });
        return null;
      });
    },
    "Accountable handed over.",
  );
}
