import "server-only";
// A project's audit trail, newest first, a page at a time, each event told as a sentence by the
// domain's one formatter (src/lib/domain/audit-story.ts).
//
// Audit events name their record (entityType, entityId), not the project, so the query first lists
// the project's records, each through its own projectId index (the project itself, milestones,
// rebaselines, gate requests, feedback, risks, costs, decisions, metrics and their values), then
// joins the events on the (entityType, entityId, at) index. Team letters and alignments are deleted
// when removed, so their events are found by the projectId their snapshots carry instead. One
// query for the page, one for the count, one each for the names the sentences use.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { type AuditNames, describeAuditEvent, referencedIds } from "@/lib/domain/audit-story";
import { loadPage, type Paged } from "./paging";

export const HISTORY_PAGE_SIZE = 25;

export interface HistoryEntry {
  id: string;
  /** The instant, as ISO text, for the page to show in the organisation's time zone. */
  at: string;
  actorName: string | null;
  action: string;
  sentence: string;
}

interface EventRow {
  id: bigint;
  at: Date;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
}

/** The project's events as a derived table, for the page and the count to share. */
function projectEvents(projectId: string): Prisma.Sql {
  return Prisma.sql`
    WITH records ("entityType", "entityId") AS (
      SELECT 'Project', "id" FROM "Project" WHERE "id" = ${projectId}
      UNION ALL SELECT 'Milestone', "id" FROM "Milestone" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'Rebaseline', "id" FROM "Rebaseline" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'StageGateRequest', "id" FROM "StageGateRequest" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'Feedback', "id" FROM "Feedback" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'Risk', "id" FROM "Risk" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'CostEntry', "id" FROM "CostEntry" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'Decision', "id" FROM "Decision" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'Metric', "id" FROM "Metric" WHERE "projectId" = ${projectId}
      UNION ALL SELECT 'MetricValue', v."id" FROM "MetricValue" v
        JOIN "Metric" m ON m."id" = v."metricId" WHERE m."projectId" = ${projectId}
    ),
    events AS (
      SELECT a.* FROM "AuditEvent" a
        JOIN records r ON r."entityType" = a."entityType" AND r."entityId" = a."entityId"
      UNION ALL
      SELECT a.* FROM "AuditEvent" a
        WHERE a."entityType" IN ('RaciAssignment', 'Alignment')
          AND COALESCE(a."after"->>'projectId', a."before"->>'projectId') = ${projectId}
    )`;
}

export async function getProjectHistory(projectId: string, page: number): Promise<Paged<HistoryEntry>> {
  const events = projectEvents(projectId);
  const paged = await loadPage<EventRow>({
    page,
    pageSize: HISTORY_PAGE_SIZE,
    count: async () => {
      const [row] = await db().$queryRaw<{ count: bigint }[]>`${events} SELECT count(*) AS count FROM events`;
      return Number(row?.count ?? 0);
    },
    fetch: (skip, take) =>
      db().$queryRaw<EventRow[]>`${events}
        SELECT e."id", e."at", e."action", e."entityType", e."before", e."after", u."name" AS "actorName"
        FROM events e LEFT JOIN "User" u ON u."id" = e."actorId"
        ORDER BY e."at" DESC, e."id" DESC
        LIMIT ${take} OFFSET ${skip}`,
  });

  const wanted = { users: new Set<string>(), milestones: new Set<string>(), metrics: new Set<string>() };
  for (const row of paged.rows) {
    const ids = referencedIds(row);
    for (const id of ids.users) wanted.users.add(id);
    for (const id of ids.milestones) wanted.milestones.add(id);
    for (const id of ids.metrics) wanted.metrics.add(id);
  }
  const [users, milestones, metrics] = await Promise.all([
    wanted.users.size
      ? db().user.findMany({ where: { id: { in: [...wanted.users] } }, select: { id: true, name: true } })
      : [],
    wanted.milestones.size
      ? db().milestone.findMany({
          where: { id: { in: [...wanted.milestones] } },
          select: { id: true, title: true },
        })
      : [],
    wanted.metrics.size
      ? db().metric.findMany({ where: { id: { in: [...wanted.metrics] } }, select: { id: true, name: true } })
      : [],
  ]);
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const milestoneTitles = new Map(milestones.map((m) => [m.id, m.title]));
  const metricNames = new Map(metrics.map((m) => [m.id, m.name]));
  const names: AuditNames = {
    user: (id) => userNames.get(id),
    milestone: (id) => milestoneTitles.get(id),
    metric: (id) => metricNames.get(id),
  };

  return {
    ...paged,
    rows: paged.rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actorName: row.actorName,
      action: row.action,
      sentence: describeAuditEvent(row, names),
    })),
  };
}
