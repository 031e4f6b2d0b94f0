import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from "@/lib/domain/vocabulary";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";
import { type ProjectSchedule, projectScheduleSelect, toProjectSchedule } from "./project-schedule";
import { firstValues, pageNumberSchema, type RawSearchParams, searchTextSchema } from "./search-params";

export const PORTFOLIO_PAGE_SIZE = 25;

const portfolioQuerySchema = z.object({
  page: pageNumberSchema,
  stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
  kind: z.enum(PROJECT_KINDS).optional().catch(undefined),
  /** A site's code, e.g. "NGH". */
  site: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .optional()
    .catch(undefined),
  /** Matches project code or name. */
  q: searchTextSchema,
});

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

export function parsePortfolioQuery(raw: RawSearchParams): PortfolioQuery {
  return portfolioQuerySchema.parse(firstValues(raw));
}

export interface PortfolioRow extends ProjectSchedule {
  code: string;
  name: string;
  kind: ProjectKind;
  stage: ProjectStage;
  site: { code: string; name: string };
  accountable: { id: string; name: string } | null;
  primaryObjectiveCode: string | null;
}

/** Prisma passes `contains` into ILIKE as is: escape its wildcards so "%" or "_" match themselves. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

function portfolioWhere(query: PortfolioQuery): Prisma.ProjectWhereInput {
  // strictUndefinedChecks: absent filters are left out, never passed as undefined.
  const where: Prisma.ProjectWhereInput = {};
  if (query.stage) where.stage = query.stage;
  if (query.kind) where.kind = query.kind;
  if (query.site) where.site = { is: { code: query.site } };
  if (query.q) {
    const text = escapeLikePattern(query.q);
    where.OR = [
      { code: { contains: text, mode: "insensitive" } },
      { name: { contains: text, mode: "insensitive" } },
    ];
  }
  return where;
}

const portfolioSelect = {
  code: true,
  name: true,
  kind: true,
  stage: true,
  ...projectScheduleSelect,
  site: { select: { code: true, name: true } },
  raci: { where: { letter: "A" }, take: 1, select: { user: { select: { id: true, name: true } } } },
  alignments: {
    where: { contribution: "PRIMARY" },
    orderBy: { objective: { code: "asc" } },
    take: 1,
    select: { objective: { select: { code: true } } },
  },
} satisfies Prisma.ProjectSelect;

/** One page of the portfolio, sorted by project code. Relations load in one batched query each. */
export async function listPortfolio(
  query: PortfolioQuery,
  pageSize: number = PORTFOLIO_PAGE_SIZE,
): Promise<Paged<PortfolioRow>> {
  const where = portfolioWhere(query);
  const settings = await getGovernanceSettings();
  const result = await loadPage({
    page: query.page,
    pageSize,
    count: () => db().project.count({ where }),
    fetch: (skip, take) =>
      db().project.findMany({ where, orderBy: { code: "asc" }, skip, take, select: portfolioSelect }),
  });
  return {
    ...result,
    rows: result.rows.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind,
      stage: p.stage,
      site: p.site,
      accountable: p.raci[0]?.user ?? null,
      primaryObjectiveCode: p.alignments[0]?.objective.code ?? null,
      ...toProjectSchedule(p, settings),
    })),
  };
}

export interface SiteOption {
  code: string;
  name: string;
}

export async function listSites(): Promise<SiteOption[]> {
  return db().site.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } });
}
