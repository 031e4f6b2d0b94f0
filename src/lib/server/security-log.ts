import "server-only";
// The security log (issue #11; docs/security-sessions.md): the audit trail's security events,
// newest first, a page at a time, for admins. Filtered by event and by person: a person matches
// by name or email as the one acting, the account concerned, or the email a failed sign-in tried
// (which may name no account at all). Each page is three queries however long it is.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { SECURITY_ACTIONS, type SecurityAction } from "@/lib/auth/security-log";
import { db } from "@/lib/db/client";
import { loadPage, type Paged } from "./paging";
import { firstValues, pageNumberSchema, type RawSearchParams, searchTextSchema } from "./search-params";

export const SECURITY_LOG_PAGE_SIZE = 50;
/** A person search naming more accounts than this is too broad to be useful: it matches the first. */
const PEOPLE_MATCHED = 200;

export interface SecurityLogQuery {
  page: number;
  pageSize?: number;
  action?: SecurityAction;
  /** Part of a name or an email address, any case. */
  q?: string;
}

const securityLogQuerySchema = z.object({
  page: pageNumberSchema,
  action: z.enum(SECURITY_ACTIONS).optional().catch(undefined),
  q: searchTextSchema,
});

/** The security log's query string; anything malformed is ignored rather than refused. */
export function parseSecurityLogQuery(raw: RawSearchParams): SecurityLogQuery {
  return securityLogQuerySchema.parse(firstValues(raw));
}

export interface SecurityLogRow {
  id: string;
  at: string;
  action: string;
  /** The account concerned; null for a sign-in that named no account. */
  account: { id: string; name: string; email: string } | null;
  /** Who acted, when not the account holder (an admin ending someone's sessions). */
  by: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  /** Non-secret facts recorded with the event (the email tried, a reason, minutes locked). */
  detail: Record<string, string | number | boolean | null>;
  requestId: string | null;
}

function detailOf(value: Prisma.JsonValue | null): SecurityLogRow["detail"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const detail: SecurityLogRow["detail"] = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      detail[key] = v;
  }
  return detail;
}

export async function listSecurityEvents(query: SecurityLogQuery): Promise<Paged<SecurityLogRow>> {
  const where: Prisma.AuditEventWhereInput = {
    action: query.action ? query.action : { in: [...SECURITY_ACTIONS] },
  };
  if (query.q) {
    const people = await db().user.findMany({
      where: {
        OR: [
          { name: { contains: query.q, mode: "insensitive" } },
          { email: { contains: query.q, mode: "insensitive" } },
        ],
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: PEOPLE_MATCHED,
    });
    const ids = people.map((p) => p.id);
    where.OR = [
      { actorId: { in: ids } },
      { entityType: "User", entityId: { in: ids } },
      // Emails are stored lower-cased, so a lower-cased search finds the one a failed sign-in tried.
      { after: { path: ["email"], string_contains: query.q.toLowerCase() } },
    ];
  }
  const pageSize = query.pageSize ?? SECURITY_LOG_PAGE_SIZE;
  const page = await loadPage({
    page: query.page,
    pageSize,
    count: () => db().auditEvent.count({ where }),
    fetch: (skip, take) =>
      db().auditEvent.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        skip,
        take,
        select: {
          id: true,
          at: true,
          action: true,
          entityType: true,
          entityId: true,
          actorId: true,
          clientAddress: true,
          userAgent: true,
          after: true,
          requestId: true,
          actor: { select: { name: true } },
        },
      }),
  });
  // The accounts concerned, for the whole page at once.
  const accountIds = [...new Set(page.rows.filter((e) => e.entityType === "User").map((e) => e.entityId))];
  const accounts = new Map(
    (
      await db().user.findMany({
        where: { id: { in: accountIds } },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, u]),
  );
  return {
    ...page,
    rows: page.rows.map((e) => {
      const account = e.entityType === "User" ? (accounts.get(e.entityId) ?? null) : null;
      return {
        id: e.id.toString(),
        at: e.at.toISOString(),
        action: e.action,
        account,
        by: e.actorId && e.actorId !== account?.id ? (e.actor?.name ?? null) : null,
        clientAddress: e.clientAddress,
        userAgent: e.userAgent,
        detail: detailOf(e.after),
        requestId: e.requestId,
      };
    }),
  };
}
