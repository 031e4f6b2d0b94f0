import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th } from "@/components/ui/table";
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
        description="What the trust has committed to achieve, who owns each objective, and how many projects are aligned to it."
      />
      {objectives.length === 0 ? (
        <EmptyState title="No strategic objectives yet">
          Objectives appear here once the executive team has set them.
        </EmptyState>
      ) : (
        <Table caption="Strategic objectives">
          <thead>
            <tr>
              <Th>Code</Th>
              <Th>Objective</Th>
              <Th>Category</Th>
              <Th>Owner</Th>
              <Th>Status</Th>
              <Th>Target date</Th>
              <Th align="right">Aligned projects</Th>
            </tr>
          </thead>
          <TBody>
            {objectives.map((o) => (
              <tr key={o.code}>
                <Td className="font-medium whitespace-nowrap">{o.code}</Td>
                <Td>{o.title}</Td>
                <Td>{CATEGORY_LABEL[o.category]}</Td>
                <Td className="whitespace-nowrap">{o.owner.name}</Td>
                <Td>
                  <Badge>{OBJECTIVE_STATUS_LABEL[o.status]}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{formatDate(o.targetDate)}</Td>
                <Td align="right">{o.alignedProjectCount}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
