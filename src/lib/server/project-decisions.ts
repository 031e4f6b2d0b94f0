import "server-only";
// The decision log of a project, newest first, a page at a time: what was decided, under what
// authority, why, by whom and on which day (the day in the organisation's time zone,
// docs/governance-rules.md FRAME-3).
import { db } from "@/lib/db/client";
import { computeLocalDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import type { DecisionKind, ProjectStage } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { loadPage, type Paged } from "./paging";

export const DECISION_PAGE_SIZE = 10;

export interface DecisionRow {
  id: string;
  kind: DecisionKind;
  title: string;
  detail: string;
  authority: string;
  rationale: string;
  decidedByName: string;
  /** The day it was taken, in the organisation's time zone. */
  decidedOn: IsoDate;
  recordedAt: string;
}

export interface ProjectDecisions {
  projectId: string;
  stage: ProjectStage;
  decisions: Paged<DecisionRow>;
}

export async function getProjectDecisions(
  projectId: string,
  page: number,
  clock: Clock,
): Promise<ProjectDecisions | null> {
  const where = { projectId };
  const [project, decisions] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, select: { id: true, stage: true } }),
    loadPage({
      page,
      pageSize: DECISION_PAGE_SIZE,
      count: () => db().decision.count({ where }),
      fetch: (skip, take) =>
        db().decision.findMany({
          where,
          orderBy: [{ decidedAt: "desc" }, { createdAt: "desc" }],
          skip,
          take,
          select: {
            id: true,
            kind: true,
            title: true,
            detail: true,
            authority: true,
            rationale: true,
            decidedAt: true,
            createdAt: true,
            decidedBy: { select: { name: true } },
          },
        }),
    }),
  ]);
  if (!project) return null;
  return {
    projectId: project.id,
    stage: project.stage,
    decisions: {
      ...decisions,
      rows: decisions.rows.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        detail: d.detail,
        authority: d.authority,
        rationale: d.rationale,
        decidedByName: d.decidedBy.name,
        decidedOn: toIsoDate(computeLocalDate(d.decidedAt, clock.timeZone)),
        recordedAt: d.createdAt.toISOString(),
      })),
    },
  };
}
