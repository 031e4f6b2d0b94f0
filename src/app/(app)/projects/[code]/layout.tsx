import { ProjectTabs } from "@/components/projects/project-tabs";
import { Badge, StageBadge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PROJECT_KIND_LABEL } from "@/lib/domain/labels";
import { requireProjectPage } from "@/lib/server/project-page";

export default async function ProjectLayout({
  params,
  children,
}: {
  params: Promise<{ code: string }>;
  children: React.ReactNode;
}) {
  const { header: project } = await requireProjectPage((await params).code);
  return (
    <>
      <PageHeader title={`${project.code} · ${project.name}`} description={project.summary}>
        <div className="flex flex-wrap items-center gap-2">
          <StageBadge stage={project.stage} />
          <Badge>{PROJECT_KIND_LABEL[project.kind]}</Badge>
          <Badge>{project.siteName}</Badge>
        </div>
      </PageHeader>
      <ProjectTabs code={project.code} />
      {children}
    </>
  );
}
