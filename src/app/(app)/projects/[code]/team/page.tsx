import { notFound } from "next/navigation";
import { RaciRole } from "@/components/projects/raci-role";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { getProjectOverview } from "@/lib/server/project-overview";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Team" };

export default async function ProjectTeamPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();
  return (
    <Section id="raci" title="RACI">
      {project.raci.length === 0 ? (
        <EmptyState title="No one is assigned yet">
          Every project needs one Accountable and at least one Responsible before it can be approved.
        </EmptyState>
      ) : (
        <Table
          caption="Who is Responsible, Accountable, Consulted and Informed"
          rows={project.raci}
          rowKey={(r) => r.user.id}
          columns={[
            {
              header: "Letter",
              className: "whitespace-nowrap",
              cell: (r) => <RaciRole letter={r.letter} />,
            },
            { header: "Person", className: "font-medium", cell: (r) => r.user.name },
            { header: "Role", cell: (r) => ROLE_LABEL[r.user.role] },
            { header: "Discipline", cell: (r) => DISCIPLINE_LABEL[r.user.discipline] },
          ]}
        />
      )}
    </Section>
  );
}
