import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar";
import type { Contribution, ObjectiveStatus, ProjectStage, ScorecardCategory } from "@/lib/domain/vocabulary";
import { type ObjectiveDelivery, type ObjectiveRow, toObjectiveDelivery } from "./objective-rows";
import { clampPage, type Paged } from "./paging";

export const OBJECTIVES_PAGE_SIZE = 50;

export interface ListedObjective extends ObjectiveRow, ObjectiveDelivery {}

interface ObjectiveSqlRow {
  total: number;
  code: string | null;
  title: string;
  category: ScorecardCategory;
  status: ObjectiveStatus;
  targetDate: IsoDate;
  ownerId: string;
  ownerName: string;
  /** Aligned projects counted by contribution and stage: what the coverage rule needs (NUM-7). */
  coverage: { contribution: Contribution; stage: ProjectStage; count: number }[];
}

/**
 * Objectives by code with their total, in one statement: each with its owner and its aligned
 * projects counted in PostgreSQL by contribution and stage, so delivery is judged by the same rule
 * as the leadership overview (docs/governance-rules.md NUM-7) without loading every alignment.
 * Without a page, every objective.
 */
async function readObjectives(paging: { page: number; pageSize: number } | null) {
  const window = paging
    ? Prisma.sql`LIMIT ${paging.pageSize}
        OFFSET ${paging.pageSize}::int * (LEAST(${paging.page}::int, GREATEST(1, CEIL(counted.total / ${paging.pageSize}::numeric)::int)) - 1)`
    : Prisma.empty;
  const rows = await db().$queryRaw<ObjectiveSqlRow[]>`
    WITH counted AS (SELECT count(*)::int AS total FROM "StrategicObjective")
    SELECT counted.total, page.*
    FROM counted
    LEFT JOIN LATERAL (
      SELECT o.code, o.title, o.category::text AS category, o.status::text AS status,
        o."targetDate"::text AS "targetDate", u.id AS "ownerId", u.name AS "ownerName",
        COALESCE((
          SELECT json_agg(json_build_object('contribution', g.contribution, 'stage', g.stage, 'count', g.n))
          FROM (
            SELECT a.contribution, p.stage, count(*)::int AS n
            FROM "Alignment" a JOIN "Project" p ON p.id = a."projectId"
            WHERE a."objectiveId" = o.id
            GROUP BY a.contribution, p.stage
          ) g
        ), '[]'::json) AS coverage
      FROM "StrategicObjective" o JOIN "User" u ON u.id = o."ownerId"
      ORDER BY o.code
      ${window}
    ) page ON true`;
  const total = rows[0]?.total ?? 0;
  const listed = rows.flatMap((o): ListedObjective[] =>
    o.code === null
      ? []
      : [
          {
            code: o.code,
            title: o.title,
            category: o.category,
            status: o.status,
            owner: { id: o.ownerId, name: o.ownerName },
            targetDate: o.targetDate,
            ...toObjectiveDelivery({
              status: o.status,
              alignments: o.coverage.flatMap((g) =>
                Array.from({ length: g.count }, () => ({
                  contribution: g.contribution,
                  project: { stage: g.stage },
                })),
              ),
            }),
          },
        ],
  );
  return { total, listed };
}

/** Every objective, by code, with its delivery (NUM-7). */
export async function listObjectives(): Promise<ListedObjective[]> {
  return (await readObjectives(null)).listed;
}

/** One page of the objectives list, by code, with the total; past the end reads the last page. */
export async function listObjectivePage(
  page: number,
  pageSize: number = OBJECTIVES_PAGE_SIZE,
): Promise<Paged<ListedObjective>> {
  const { total, listed } = await readObjectives({ page, pageSize });
  return { ...clampPage(page, total, pageSize), pageSize, total, rows: listed };
}
