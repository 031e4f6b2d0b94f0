import { notFound } from "next/navigation";
import { Badge, RagBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { RAG_LABEL, RISK_STATUS_LABEL } from "@/lib/domain/labels";
import { getProjectOverview } from "@/lib/server/project-overview";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Risks" };

export default async function ProjectRisksPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();
  return (
    <Section id="risks" title="Risks" description="Scored likelihood × impact, each from 1 to 5.">
      {project.risks.length === 0 ? (
        <EmptyState title="No risks recorded" />
      ) : (
        <Table
          caption="Risks, open and most severe first"
          rows={project.risks}
          rowKey={(r) => r.id}
          columns={[
            { header: "Risk", className: "font-medium", cell: (r) => r.title },
            { header: "Likelihood", align: "right", cell: (r) => r.likelihood },
            { header: "Impact", align: "right", cell: (r) => r.impact },
            {
              header: "Score",
              cell: (r) => (
                <RagBadge rag={r.rag}>
                  {r.score} · {RAG_LABEL[r.rag]}
                </RagBadge>
              ),
            },
            {
              header: "Mitigation",
              className: "max-w-md",
              cell: (r) => r.mitigation ?? <span className="text-slate-500">None recorded</span>,
            },
            { header: "Owner", className: "whitespace-nowrap", cell: (r) => r.ownerName },
            { header: "Status", cell: (r) => <Badge>{RISK_STATUS_LABEL[r.status]}</Badge> },
          ]}
        />
      )}
    </Section>
  );
}
