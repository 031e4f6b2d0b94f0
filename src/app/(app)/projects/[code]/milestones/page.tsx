import { notFound } from "next/navigation";
import {
  milestoneBaselineColumn,
  milestoneForecastColumn,
  milestoneTitleColumn,
} from "@/components/milestones/milestone-columns";
import { MilestoneHealthBadge } from "@/components/milestones/milestone-health-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { MILESTONE_STATUS_LABEL } from "@/lib/domain/labels";
import { getProjectOverview } from "@/lib/server/project-overview";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Milestones" };

export default async function ProjectMilestonesPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();
  return (
    <Section
      id="milestones"
      title="Milestones"
      description="A forecast later than the baseline puts a milestone at risk; one past its forecast date and not done is overdue."
    >
      {project.milestones.length === 0 ? (
        <EmptyState title="No milestones yet" />
      ) : (
        <Table
          caption="Milestones by baseline date"
          rows={project.milestones}
          rowKey={(m) => m.id}
          columns={[
            milestoneTitleColumn,
            {
              header: "Owner",
              className: "whitespace-nowrap",
              cell: (m) => m.ownerName ?? <span className="text-slate-500">—</span>,
            },
            milestoneBaselineColumn,
            milestoneForecastColumn,
            {
              header: "Actual",
              className: "whitespace-nowrap",
              cell: (m) =>
                m.actualDate ? formatDate(m.actualDate) : <span className="text-slate-500">—</span>,
            },
            {
              header: "Status",
              cell: (m) => (
                <div className="flex flex-wrap items-center gap-2">
                  <MilestoneHealthBadge health={m.health} />
                  {m.status === "IN_PROGRESS" ? (
                    <span className="text-xs text-slate-500">{MILESTONE_STATUS_LABEL[m.status]}</span>
                  ) : null}
                </div>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
