import type { Metadata } from "next";
import { ProjectLink } from "@/components/projects/project-link";
import { Badge, StageBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import {
  CATEGORY_LABEL,
  OBJECTIVE_STATUS_LABEL,
  PROJECT_KIND_LABEL,
  SEVERITY_LABEL,
} from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { getLeadershipOverview } from "@/lib/server/leadership";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Leadership" };

export default async function LeadershipPage() {
  await requirePageActor("leadership");
  const now = new Date();
  const [clock, overview] = await Promise.all([getClock(now), getLeadershipOverview(now)]);
  const objectiveCount = overview.categories.reduce((n, c) => n + c.objectives.length, 0);

  return (
    <>
      <PageHeader
        title="Leadership overview"
        description="Where the trust's strategy and its delivery have drifted apart: objectives nobody is delivering, projects serving no objective, and decisions waiting on you."
      />

      <StatGrid>
        <StatCard
          label="Vision without delivery"
          value={overview.visionWithoutDeliveryCount}
          detail="Active objectives with no project approved, in pilot or in rollout"
          tone={overview.visionWithoutDeliveryCount > 0 ? "red" : "green"}
        />
        <StatCard
          label="Delivery without vision"
          value={overview.deliveryWithoutVision.length}
          detail="Open projects not aligned to any objective"
          tone={overview.deliveryWithoutVision.length > 0 ? "amber" : "green"}
        />
        <StatCard
          label="Overdue safety feedback"
          value={overview.overdueSafetyFeedbackCount}
          detail="Safety concerns past their one-day answer deadline"
          tone={overview.overdueSafetyFeedbackCount > 0 ? "red" : "green"}
        />
        <StatCard
          label="Rebaselines awaiting decision"
          value={overview.rebaselinesAwaitingDecision}
          detail="Requests to move a baseline date or budget"
          tone={overview.rebaselinesAwaitingDecision > 0 ? "amber" : "green"}
        />
      </StatGrid>

      <Section
        id="objectives"
        title="Objectives by scorecard category"
        description="Active projects are those approved, in pilot or in rollout."
      >
        {objectiveCount === 0 ? (
          <EmptyState title="No strategic objectives yet">
            Once objectives are set, each one shows here with the projects delivering it.
          </EmptyState>
        ) : (
          <div className="space-y-6">
            {overview.categories.map((group) => (
              <div key={group.category}>
                <h3 className="mb-2 text-sm font-semibold text-slate-800">
                  {CATEGORY_LABEL[group.category]}
                </h3>
                <Table fixed caption={`${CATEGORY_LABEL[group.category]} objectives`}>
                  <thead>
                    <tr>
                      <Th className="w-20">Code</Th>
                      <Th>Objective</Th>
                      <Th className="w-48">Owner</Th>
                      <Th className="w-32">Target date</Th>
                      <Th align="right" className="w-36">
                        Active projects
                      </Th>
                      <Th className="w-52">Delivery</Th>
                    </tr>
                  </thead>
                  <TBody>
                    {group.objectives.map((o) => (
                      <tr key={o.code} className={o.visionWithoutDelivery ? "bg-red-50/40" : undefined}>
                        <Td className="font-medium whitespace-nowrap">{o.code}</Td>
                        <Td>
                          {o.title}
                          {o.status !== "ACTIVE" ? (
                            <span className="ml-2">
                              <Badge>{OBJECTIVE_STATUS_LABEL[o.status]}</Badge>
                            </span>
                          ) : null}
                        </Td>
                        <Td className="whitespace-nowrap">{o.owner.name}</Td>
                        <Td className="whitespace-nowrap">{formatDate(o.targetDate)}</Td>
                        <Td align="right">{o.activeProjectCount}</Td>
                        <Td>
                          {o.visionWithoutDelivery ? (
                            <Badge tone="red">Vision without delivery</Badge>
                          ) : o.activeProjectCount > 0 ? (
                            <Badge tone="green">Being delivered</Badge>
                          ) : (
                            <span className="text-slate-500">—</span>
                          )}
                        </Td>
                      </tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        id="unaligned"
        title="Delivery without vision"
        description="Projects that are not closed or cancelled but serve no strategic objective."
      >
        {overview.deliveryWithoutVision.length === 0 ? (
          <EmptyState title="Every open project serves at least one objective" />
        ) : (
          <Table caption="Projects not aligned to any objective">
            <thead>
              <tr>
                <Th>Code</Th>
                <Th>Name</Th>
                <Th>Kind</Th>
                <Th>Stage</Th>
                <Th>Site</Th>
              </tr>
            </thead>
            <TBody>
              {overview.deliveryWithoutVision.map((p) => (
                <tr key={p.code}>
                  <Td>
                    <ProjectLink code={p.code} />
                  </Td>
                  <Td>{p.name}</Td>
                  <Td>{PROJECT_KIND_LABEL[p.kind]}</Td>
                  <Td>
                    <StageBadge stage={p.stage} />
                  </Td>
                  <Td className="whitespace-nowrap">{p.siteName}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section
        id="safety"
        title="Overdue safety feedback"
        description="Safety feedback must be answered by the project's Responsible or Accountable within one day."
      >
        {overview.overdueSafetyFeedbackCount === 0 ? (
          <EmptyState title="No safety feedback is overdue" />
        ) : (
          <>
            <Table caption="Overdue safety feedback, most overdue first">
              <thead>
                <tr>
                  <Th>Project</Th>
                  <Th>Severity</Th>
                  <Th>Feedback</Th>
                  <Th>Answer was due</Th>
                </tr>
              </thead>
              <TBody>
                {overview.overdueSafetyFeedback.map((f) => (
                  <tr key={f.id}>
                    <Td>
                      <ProjectLink code={f.projectCode} name={f.projectName} />
                    </Td>
                    <Td>
                      <Badge tone={f.severity === "HIGH" || f.severity === "CRITICAL" ? "red" : "amber"}>
                        {SEVERITY_LABEL[f.severity]}
                      </Badge>
                    </Td>
                    <Td className="max-w-xl">{f.body}</Td>
                    <Td className="whitespace-nowrap text-red-800">
                      {formatDateTime(f.dueAt, clock.timeZone)}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            {overview.overdueSafetyFeedbackCount > overview.overdueSafetyFeedback.length ? (
              <p className="mt-2 text-sm text-slate-600">
                Showing the {overview.overdueSafetyFeedback.length} most overdue of{" "}
                {overview.overdueSafetyFeedbackCount}.
              </p>
            ) : null}
          </>
        )}
      </Section>
    </>
  );
}
