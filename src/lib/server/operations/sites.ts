import "server-only";
// The trust's sites (admins only: "settings.manage", like the organisation's other settings).
// Codes and names are unique: a duplicate is refused as a CONFLICT beside its field, naming the site
// that already has it (names compared without regard to case, so "riverside district hospital"
// cannot sit beside "Riverside District Hospital"). The code is fixed once the site exists; only
// the name and kind change. Site has no version column, so an edit is not version-checked: two
// admins renaming one site at once, the later save wins (and both are audited). Each change and its
// audit event are one transaction.
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { createSiteSchema, updateSiteSchema } from "@/lib/schemas/sites";
import { recordAudit } from "./audit";
import { assertCan } from "./authority";
import { notFound, OperationError } from "./errors";
import { parseInput, runOperation } from "./run";

export interface SiteRef {
  id: string;
  code: string;
  name: string;
  kind: string;
}

const siteSelect = { id: true, code: true, name: true, kind: true } as const;

/** Another site with this name, whatever its case; `exceptId` is the site being renamed. */
function siteNamed(tx: DbTx, name: string, exceptId?: string) {
  return tx.site.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: siteSelect,
  });
}

const nameTaken = (other: SiteRef) =>
  new OperationError("CONFLICT", `There is already a site called ${other.name} (${other.code}).`, {
    name: [`${other.code} is already called ${other.name}: choose another name`],
  });

export function createSite(actor: Actor, input: unknown): Promise<ActionResult<SiteRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createSiteSchema, input);
      assertCan("settings.manage", actor);
      return db().$transaction(async (tx) => {
        const sameCode = await tx.site.findUnique({ where: { code: data.code }, select: siteSelect });
        const sameName = await siteNamed(tx, data.name);
        if (sameCode) {
          // Both clashes at once, so the admin fixes the form in one go.
          const fieldErrors: Record<string, string[]> = {
            code: [`${sameCode.code} is already the code of ${sameCode.name}: choose another code`],
          };
          if (sameName) fieldErrors.name = nameTaken(sameName).fieldErrors?.name ?? [];
          throw new OperationError(
            "CONFLICT",
            `There is already a site with the code ${sameCode.code} (${sameCode.name}).`,
            fieldErrors,
          );
        }
        if (sameName) throw nameTaken(sameName);
        // Two admins adding the same code at the same moment: the unique index refuses the second,
        // which comes back as a CONFLICT (operations/errors).
        const site = await tx.site.create({ data, select: { ...siteSelect, createdAt: true } });
        await recordAudit(tx, actor, {
          action: "site.create",
          entityType: "Site",
          entityId: site.id,
          after: site,
        });
        const { createdAt: _createdAt, ...ref } = site;
        return ref;
      });
    },
    "Site added.",
  );
}

export function updateSite(actor: Actor, input: unknown): Promise<ActionResult<SiteRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(updateSiteSchema, input);
      assertCan("settings.manage", actor);
      return db().$transaction(async (tx) => {
        // Locked first, so a concurrent edit of the same site waits and its audit "before" is true.
        await tx.$queryRaw`SELECT "id" FROM "Site" WHERE "id" = ${data.siteId} FOR UPDATE`;
        const site = await tx.site.findUnique({ where: { id: data.siteId }, select: siteSelect });
        if (!site) throw notFound("The site");
        const sameName = await siteNamed(tx, data.name, site.id);
        if (sameName) throw nameTaken(sameName);
        const saved = await tx.site.update({
          where: { id: site.id },
          data: { name: data.name, kind: data.kind },
          select: siteSelect,
        });
        await recordAudit(tx, actor, {
          action: "site.update",
          entityType: "Site",
          entityId: site.id,
          before: site,
          after: saved,
        });
        return saved;
      });
    },
    "Site saved.",
  );
}
