import "server-only";
import { db } from "@/lib/db/client";
import type { Discipline, Role } from "@/lib/domain/vocabulary";
import { loadPage, type Paged } from "./paging";

export const USERS_PAGE_SIZE = 25;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  role: Role;
  discipline: Discipline;
  active: boolean;
  lastSignInAt: string | null;
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
  lastSignInAt: true,
} as const;

export async function listUsers(options: { page: number; pageSize?: number }): Promise<Paged<UserRow>> {
  const result = await loadPage({
    page: options.page,
    pageSize: options.pageSize ?? USERS_PAGE_SIZE,
    count: () => db().user.count(),
    fetch: (skip, take) =>
      db().user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], skip, take, select: userSelect }),
  });
  return {
    ...result,
    rows: result.rows.map((u) => ({ ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null })),
  };
}
