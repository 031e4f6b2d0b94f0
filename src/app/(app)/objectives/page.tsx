import type { Metadata } from "next";
import {
  objectiveCodeColumn,
  objectiveOwnerColumn,
  objectiveTargetDateColumn,
} from "@/components/objectives/objective-columns";
import { ObjectiveForm } from "@/components/objectives/objective-form";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL } from "@/lib/domain/labels";
import { can } from "@/lib/domain/permissions";
import { getObjectiveChoices } from "@/lib/server/objective-detail";
import { listObjectivePage } from "@/lib/server/objectives";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Objectives" };

export default async function ObjectivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor("objectives");
  // Paged, so the list stays small however many objectives a system sets (issue 12).
  const { page } = parsePageQuery(await searchParams);
  // Executives set strategy (and admins keep the records): the matrix says who may create.
  const mayCreate = can("objective.create", { role: actor.role });
  const [objectives, choices] = await Promise.all([
    listObjectivePage(page),
    mayCreate ? getObjectiveChoices() : null,
  ]);
  return (
    <>
      <PageHeader
        title="Strategic objectives"
        description="What the trust has committed to achieve, who owns each objective, how many projects are aligned to it and whether it is being delivered: a project approved, in pilot or in rollout has it as its primary objective."
      />
      {choices ? (
        <div className="mb-6">
          <Disclosure summary="New objective">
            <ObjectiveForm owners={choices.owners} objectives={choices.objectives} />
          </Disclosure>
        </div>
      ) : null}
      {objectives.total === 0 ? (
        <EmptyState title="No strategic objectives yet">
          {mayCreate
            ? "Create the first objective above: what the trust commits to achieve, and by when."
            : "Objectives appear here once the executive team has set them."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Strategic objectives, page ${objectives.page} of ${objectives.pageCount}`}
            rows={objectives.rows}
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
          <Pagination path="/objectives" paged={objectives} noun="objective" />
        </>
      )}
    </>
  );
}
