import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { Discipline, RaciLetter, Role } from "@/lib/domain/vocabulary";
import { ROLES } from "@/lib/domain/vocabulary";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";
import { firstValues, pageNumberSchema, type RawSearchParams, searchTextSchema } from "./search-params";

export const USERS_PAGE_SIZE = 25;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  role: Role;
  discipline: Discipline;
  active: boolean;
  sroEligible: boolean;
  lastSignInAt: string | null;
  /** The version the page was read at, sent back by every form that changes the account (rule 8). */
  version: number;
}

// An explicit select: password hashes and session versions never leave this module.
const userSelect = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  role: true,
  discipline: true,
  active: true,
  sroEligible: true,
  lastSignInAt: true,
  version: true,
} as const;

type SelectedUser = Prisma.UserGetPayload<{ select: typeof userSelect }>;

const toRow = (u: SelectedUser): UserRow => ({ ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null });

export interface UserListQuery {
  page: number;
  pageSize?: number;
  /** Part of a name or an email address, any case. */
  q?: string;
  role?: Role;
  /** Active accounts only, deactivated ones only, or both (absent). */
  status?: "active" | "deactivated";
}

const userListQuerySchema = z.object({
  page: pageNumberSchema,
  q: searchTextSchema,
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
});

/** The users list's query string; anything malformed is ignored rather than refused. */
export function parseUserListQuery(raw: RawSearchParams): UserListQuery & { page: number } {
  return userListQuerySchema.parse(firstValues(raw));
}

export async function listUsers(query: UserListQuery): Promise<Paged<UserRow>> {
  const where: Prisma.UserWhereInput = {
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { active: query.status === "active" } : {}),
  };
  const result = await loadPage({
    page: query.page,
    pageSize: query.pageSize ?? USERS_PAGE_SIZE,
    count: () => db().user.count({ where }),
    fetch: (skip, take) =>
      db().user.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        skip,
        take,
        select: userSelect,
      }),
  });
  return { ...result, rows: result.rows.map(toRow) };
}

export interface UserHolding {
  code: string;
  name: string;
  letter: RaciLetter;
}

/** One account and what it holds, so an administrator sees what a change would take from whom. */
export interface UserDetail extends UserRow {
  /** Letters on live projects (not closed or cancelled), by project code. */
  liveLetters: UserHolding[];
  /** Open (draft or active) objectives the person owns. */
  ownedObjectives: { code: string; title: string }[];
  /** The organisation's executive on duty (docs/governance-rules.md ACC-5). */
  onDuty: boolean;
  /** The latest changes to the account, newest first, from the audit trail. */
  recentChanges: AccountChange[];
}

export interface AccountChange {
  id: string;
  /** The audit action, e.g. "user.deactivate". */
  action: string;
  at: string;
  by: string | null;
}

export const RECENT_CHANGES = 5;

export async function getUserDetail(userId: string): Promise<UserDetail | null> {
  const [user, letters, objectives, settings, changes] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: userSelect }),
    db().raciAssignment.findMany({
      where: { userId, project: { stage: { notIn: ["CLOSED", "CANCELLED"] } } },
      select: { letter: true, project: { select: { code: true, name: true } } },
      orderBy: [{ project: { code: "asc" } }, { letter: "asc" }],
    }),
    db().strategicObjective.findMany({
      where: { ownerId: userId, status: { in: ["DRAFT", "ACTIVE"] } },
      select: { code: true, title: true },
      orderBy: { code: "asc" },
    }),
    getGovernanceSettings(),
    db().auditEvent.findMany({
      // Changes to the account ("user.*"), not the person's own sign-ins.
      where: { entityType: "User", entityId: userId, action: { startsWith: "user." } },
      select: { id: true, action: true, at: true, actor: { select: { name: true } } },
      orderBy: { id: "desc" },
      take: RECENT_CHANGES,
    }),
  ]);
  if (!user) return null;
  return {
    ...toRow(user),
    liveLetters: letters.map((l) => ({ code: l.project.code, name: l.project.name, letter: l.letter })),
    ownedObjectives: objectives,
    onDuty: settings.dutyExecutiveId === user.id,
    recentChanges: changes.map((c) => ({
      id: c.id.toString(),
      action: c.action,
      at: c.at.toISOString(),
      by: c.actor?.name ?? null,
    })),
  };
}

/** Active executives, by name: the people who may be the executive on duty (ACC-5). */
export async function listActiveExecutives(): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { role: "EXECUTIVE", active: true },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
