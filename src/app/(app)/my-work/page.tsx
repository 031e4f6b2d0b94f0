import type { Metadata } from "next";
import { ProjectLink } from "@/components/projects/project-link";
import { Badge, StageBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatSlip } from "@/components/ui/format";
import {
  FEEDBACK_KIND_LABEL,
  FEEDBACK_STATUS_LABEL,
  RACI_LABEL,
  SEVERITY_LABEL,
} from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { DUE_SOON_DAYS, getMyWork } from "@/lib/server/my-work";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const actor = await requirePageActor("my-work");
  const clock = await getClock();
  const work = await getMyWork(actor.id, clock);
  const overdueFeedback = work.feedback.filter((f) => f.overdue).length;

  return (
    <>
      <PageHeader
        title="My work"
        description={`The projects you are Responsible or Accountable for, their milestones overdue or due in the next ${DUE_SOON_DAYS} days, and feedback waiting for your answer.`}
      />

      <Section id="projects" title="My projects">
        {work.projects.length === 0 ? (
          <EmptyState title="You are not Responsible or Accountable for any project">
            When a project's RACI names you as R or A, it appears here.
          </EmptyState>
        ) : (
          <Table caption="Projects where you are Responsible or Accountable">
            <thead>
              <tr>
                <Th>Code</Th>
                <Th>Name</Th>
                <Th>My role</Th>
                <Th>Stage</Th>
                <Th>Forecast end</Th>
              </tr>
            </thead>
            <TBody>
              {work.projects.map((p) => (
                <tr key={p.code}>
                  <Td>
                    <ProjectLink code={p.code} />
                  </Td>
                  <Td>{p.name}</Td>
                  <Td className="whitespace-nowrap">
                    <abbr title={RACI_LABEL[p.letter]} className="font-semibold no-underline">
                      {p.letter}
                    </abbr>{" "}
                    <span className="text-slate-600">{RACI_LABEL[p.letter]}</span>
                  </Td>
                  <Td>
                    <StageBadge stage={p.stage} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(p.forecastEndDate)}
                    <span className="block text-xs text-slate-500">{formatSlip(p.slipDays)}</span>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section
        id="milestones"
        title="Milestones overdue or due soon"
        description={`Not yet done, with a forecast date before today or within the next ${DUE_SOON_DAYS} days. A forecast later than the baseline puts a milestone at risk.`}
      >
        {work.milestones.length === 0 ? (
          <EmptyState title={`Nothing overdue and nothing due in the next ${DUE_SOON_DAYS} days`} />
        ) : (
          <Table caption="Milestones overdue or due soon, earliest first">
            <thead>
              <tr>
                <Th>Project</Th>
                <Th>Milestone</Th>
                <Th>Baseline</Th>
                <Th>Forecast</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <TBody>
              {work.milestones.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <ProjectLink code={m.projectCode} name={m.projectName} />
                  </Td>
                  <Td>
                    {m.title}
                    {m.isGate ? (
                      <span className="ml-2">
                        <Badge tone="info">Stage gate</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(m.baselineDate)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(m.forecastDate)}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {m.overdue ? <Badge tone="red">Overdue</Badge> : <Badge>Due soon</Badge>}
                      {m.atRisk ? <Badge tone="amber">At risk</Badge> : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>

      <Section
        id="feedback"
        title="Feedback awaiting an answer"
        description={
          overdueFeedback > 0
            ? `${overdueFeedback} past the answer deadline. Safety feedback must be answered within one day; other feedback within five working days.`
            : "Safety feedback must be answered within one day; other feedback within five working days."
        }
      >
        {work.feedback.length === 0 ? (
          <EmptyState title="No feedback is waiting for an answer on your projects" />
        ) : (
          <Table caption="Open feedback on your projects, earliest due first">
            <thead>
              <tr>
                <Th>Project</Th>
                <Th>Kind</Th>
                <Th>Feedback</Th>
                <Th>From</Th>
                <Th>Status</Th>
                <Th>Answer due</Th>
              </tr>
            </thead>
            <TBody>
              {work.feedback.map((f) => (
                <tr key={f.id} className={f.overdue ? "bg-red-50/40" : undefined}>
                  <Td>
                    <ProjectLink code={f.projectCode} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {FEEDBACK_KIND_LABEL[f.kind]}
                    <span className="block text-xs text-slate-500">
                      {SEVERITY_LABEL[f.severity]} severity
                    </span>
                  </Td>
                  <Td className="max-w-xl">{f.body}</Td>
                  <Td className="whitespace-nowrap">{f.authorName}</Td>
                  <Td>
                    <Badge>{FEEDBACK_STATUS_LABEL[f.status]}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(f.dueAt, clock.timeZone)}
                    {f.overdue ? (
                      <span className="mt-1 block">
                        <Badge tone="red">Overdue</Badge>
                      </span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
