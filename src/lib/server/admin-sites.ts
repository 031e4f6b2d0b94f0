import "server-only";
// What the sites page shows: each site with how many of its projects are open (proposed through
// rollout, or on hold) and how many are closed or cancelled. The counts come from one grouped
// query over the page's sites, never one query per site.
import { db } from "@/lib/db/client";
import { loadPage, type Paged } from "./paging";

export const SITES_PAGE_SIZE = 50;

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** Projects not closed or cancelled: the site is in use. */
  openProjects: number;
  closedProjects: number;
}

const FINISHED = new Set(["CLOSED", "CANCELLED"]);

export async function listSitesWithProjects(options: { page: number }): Promise<Paged<SiteRow>> {
  const sites = await loadPage({
    page: options.page,
    pageSize: SITES_PAGE_SIZE,
    count: () => db().site.count(),
    fetch: (skip, take) =>
      db().site.findMany({
        orderBy: { name: "asc" },
        select: { id: true, code: true, name: true, kind: true },
        skip,
        take,
      }),
  });
  const groups = sites.rows.length
    ? await db().project.groupBy({
        by: ["siteId", "stage"],
        where: { siteId: { in: sites.rows.map((s) => s.id) } },
        _count: { _all: true },
      })
    : [];
  const counts = new Map<string, { openProjects: number; closedProjects: number }>();
  for (const group of groups) {
    const count = counts.get(group.siteId) ?? { openProjects: 0, closedProjects: 0 };
    if (FINISHED.has(group.stage)) count.closedProjects += group._count._all;
    else count.openProjects += group._count._all;
    counts.set(group.siteId, count);
  }
  return {
    ...sites,
    rows: sites.rows.map((site) => ({
      ...site,
      ...(counts.get(site.id) ?? { openProjects: 0, closedProjects: 0 }),
    })),
  };
}
