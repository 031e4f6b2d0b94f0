import "server-only";
// The few facts every tab of a project shows in its header.
import { db } from "@/lib/db/client";
import type { ProjectKind, ProjectStage } from "@/lib/domain/vocabulary";

export interface ProjectHeader {
  code: string;
  name: string;
  summary: string;
  kind: ProjectKind;
  stage: ProjectStage;
  siteName: string;
}

export async function getProjectHeader(projectId: string): Promise<ProjectHeader | null> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: {
      code: true,
      name: true,
      summary: true,
      kind: true,
      stage: true,
      site: { select: { name: true } },
    },
  });
  if (!project) return null;
  const { site, ...rest } = project;
  return { ...rest, siteName: site.name };
}
