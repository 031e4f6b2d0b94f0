import type { Metadata } from "next";
import {
  objectiveCodeColumn,
  objectiveOwnerColumn,
  objectiveTargetDateColumn,
} from "@/components/objectives/objective-columns";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL } from "@/lib/domain/labels";
import { listObjectives } from "@/lib/server/objectives";
import { requirePageActor } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Objectives" };

export default async function ObjectivesPage() {
  await requirePageActor("objectives");
  const objectives = await listObjectives();
  return (
    <>
      <PageHeader
        title="Strategic objectives"
        description="What the trust has committed to achieve, who owns each objective, how many projects are aligned to it and whether it is being delivered: a project approved, in pilot or in rollout has it as its primary objective."
      />
      {objectives.length === 0 ? (
        <EmptyState title="No strategic objectives yet">
          Objectives appear here once the executive team has set them.
        </EmptyState>
      ) : (
        <Table
          caption="Strategic objectives"
          rows={objectives}
          rowKey={(o) => o.code}
          columns={[
            objectiveCodeColumn,
            { header: "Objective", cell: (o) => o.title },
            { header: "Category", cell: (o) => CATEGORY_LABEL[o.category] },
            objectiveOwnerColumn,
            { header: "Status", cell: (o) => <Badge>{OBJECTIVE_STATUS_LABEL[o.status]}</Badge> },
            objectiveTargetDateColumn,
            { header: "Aligned projects", align: "right", cell: (o) => o.alignedProjectCount },
            { header: "Delivering projects", align: "right", cell: (o) => o.deliveringProjectCount },
            {
              header: "Delivery",
              cell: (o) =>
                o.visionWithoutDelivery ? (
                  <Badge tone="red">Vision without delivery</Badge>
                ) : o.beingDelivered ? (
                  <Badge tone="green">Being delivered</Badge>
                ) : (
                  <span className="text-slate-500">—</span>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
