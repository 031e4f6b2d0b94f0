import { notFound } from "next/navigation";
import { RiskForm } from "@/components/risks/risk-form";
import { RiskGrid } from "@/components/risks/risk-grid";
import { Badge, RagBadge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { RAG_LABEL, RISK_STATUS_LABEL } from "@/lib/domain/labels";
import { requireProjectPage } from "@/lib/server/project-page";
import { getProjectRisks } from "@/lib/server/project-risks";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Risks" };

export default async function ProjectRisksPage({ params }: Props) {
  const { projectId, may } = await requireProjectPage((await params).code);
  const project = await getProjectRisks(projectId);
  if (!project) notFound();
  // A closed or cancelled project's register is kept as it ended (operations/risks.ts).
  const canManage = may["risk.manage"] && project.stage !== "CLOSED" && project.stage !== "CANCELLED";

  return (
    <Section id="risks" title="Risks" description="Scored likelihood × impact, each from 1 to 5.">
      {canManage ? (
        <div className="mb-6">
          <Disclosure summary="Add a risk">
            <RiskForm projectId={project.projectId} people={project.people} />
          </Disclosure>
        </div>
      ) : null}
      {project.risks.length === 0 ? (
        <EmptyState title="No risks recorded">
          {canManage
            ? "Add the first risk above: what could stop the project delivering, how likely and how harmful."
            : "The project team keeps the register."}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <RiskGrid grid={project.grid} />
          <Table
            caption="Risks, open and most severe first"
            rows={project.risks}
            rowKey={(r) => r.id}
            columns={[
              {
                header: "Risk",
                className: "min-w-56",
                cell: (r) => (
                  <>
                    <span className="font-medium">{r.title}</span>
                    {r.description ? (
                      <span className="block text-xs text-slate-600">{r.description}</span>
                    ) : null}
                  </>
                ),
              },
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
                className: "min-w-56",
                cell: (r) => r.mitigation ?? <span className="text-slate-500">None recorded</span>,
              },
              { header: "Owner", className: "whitespace-nowrap", cell: (r) => r.owner.name },
              { header: "Status", cell: (r) => <Badge>{RISK_STATUS_LABEL[r.status]}</Badge> },
              ...(canManage
                ? [
                    {
                      header: "Action",
                      className: "min-w-72",
                      cell: (r: (typeof project.risks)[number]) => (
                        <Disclosure summary="Edit">
                          <RiskForm key={r.version} risk={r} people={project.people} />
                        </Disclosure>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
    </Section>
  );
}
