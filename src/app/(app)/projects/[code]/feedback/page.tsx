import { notFound } from "next/navigation";
import { openFeedbackColumns } from "@/components/feedback/feedback-columns";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { getProjectOverview } from "@/lib/server/project-overview";
import { requireProjectPage } from "@/lib/server/project-page";

interface Props {
  params: Promise<{ code: string }>;
}

export const metadata = { title: "Feedback" };

export default async function ProjectFeedbackPage({ params }: Props) {
  const { clock, code } = await requireProjectPage((await params).code);
  const project = await getProjectOverview(code, clock);
  if (!project) notFound();
  return (
    <Section id="feedback" title="Open feedback">
      {project.openFeedback.length === 0 ? (
        <EmptyState title="No open feedback on this project" />
      ) : (
        <Table
          caption="Open feedback, earliest due first"
          rows={project.openFeedback}
          rowKey={(f) => f.id}
          columns={[...openFeedbackColumns(clock.timeZone)]}
        />
      )}
    </Section>
  );
}
