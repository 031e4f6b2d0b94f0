import "server-only";
// What the overview's editors need: the project's describing fields with the version they were
// read at (project.edit), the sites to choose from, and its alignments with the objectives it
// could still be linked to (alignment.manage). Plain objects, ids included, for the forms.
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import type { Contribution, ProjectKind, ProjectStage, ScorecardCategory } from "@/lib/domain/vocabulary";

export interface ProjectDetails {
  projectId: string;
  version: number;
  stage: ProjectStage;
  name: string;
  summary: string;
  kind: ProjectKind;
  siteId: string;
  expectedBenefits: string;
  forecastEndDate: IsoDate;
  alignments: {
    objectiveId: string;
    objectiveCode: string;
    objectiveTitle: string;
    category: ScorecardCategory;
    contribution: Contribution;
    rationale: string;
    /** The project's metrics (retired ones too) feeding this objective (docs/governance-rules.md NUM-9). */
    feedingMetricCount: number;
  }[];
  /** Active objectives the project is not yet aligned to, for the picker. */
  objectiveChoices: { id: string; code: string; title: string }[];
  sites: { id: string; name: string }[];
}

export async function getProjectDetails(projectId: string): Promise<ProjectDetails | null> {
  const [project, objectives, sites, feeding] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        version: true,
        stage: true,
        name: true,
        summary: true,
        kind: true,
        siteId: true,
        expectedBenefits: true,
        forecastEndDate: true,
        alignments: {
          orderBy: [{ contribution: "asc" }, { objective: { code: "asc" } }],
          select: {
            contribution: true,
            rationale: true,
            objective: { select: { id: true, code: true, title: true, category: true } },
          },
        },
      },
    }),
    db().strategicObjective.findMany({
      where: { status: "ACTIVE", alignments: { none: { projectId } } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, title: true },
    }),
    db().site.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().metric.groupBy({ by: ["objectiveId"], where: { projectId }, _count: { _all: true } }),
  ]);
  if (!project) return null;
  const feedingCount = new Map(feeding.map((f) => [f.objectiveId, f._count._all]));
  return {
    projectId: project.id,
    version: project.version,
    stage: project.stage,
    name: project.name,
    summary: project.summary,
    kind: project.kind,
    siteId: project.siteId,
    expectedBenefits: project.expectedBenefits,
    forecastEndDate: toIsoDate(project.forecastEndDate),
    alignments: project.alignments.map((a) => ({
      objectiveId: a.objective.id,
      objectiveCode: a.objective.code,
      objectiveTitle: a.objective.title,
      category: a.objective.category,
      contribution: a.contribution,
      rationale: a.rationale,
      feedingMetricCount: feedingCount.get(a.objective.id) ?? 0,
    })),
    objectiveChoices: objectives,
    sites,
  };
}
