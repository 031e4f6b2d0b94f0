import { notFound } from "next/navigation";
import { RecordDecisionForm } from "@/components/decisions/record-decision-form";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { toIsoDate } from "@/lib/domain/calendar";
import { DECISION_KIND_LABEL } from "@/lib/domain/labels";
import { getProjectDecisions } from "@/lib/server/project-decisions";
import { requireProjectPage } from "@/lib/server/project-page";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export const metadata = { title: "Decisions" };

export default async function ProjectDecisionsPage({ params, searchParams }: Props) {
  const { clock, code, projectId, may } = await requireProjectPage((await params).code);
  const { page } = parsePageQuery(await searchParams);
  const project = await getProjectDecisions(projectId, page, clock);
  if (!project) notFound();
  const { decisions } = project;

  return (
    <Section
      id="decisions"
      title="Decisions"
      description="What was decided about this project, under what authority and why, newest first."
    >
      {may["decision.record"] ? (
        <div className="mb-6">
          <Disclosure summary="Record a decision">
            <RecordDecisionForm
              projectId={project.projectId}
              inPilot={project.stage === "PILOT"}
              today={toIsoDate(clock.today)}
            />
          </Disclosure>
        </div>
      ) : null}
      {decisions.total === 0 ? (
        <EmptyState title="No decisions recorded">
          {may["decision.record"]
            ? "Record the first decision above."
            : "Executives record decisions here as they take them."}
        </EmptyState>
      ) : (
        <>
          <ol className="space-y-4" aria-label="Decision log">
            {decisions.rows.map((d) => (
              <li key={d.id}>
                <article
                  aria-labelledby={`decision-${d.id}`}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 id={`decision-${d.id}`} className="text-base font-semibold text-slate-900">
                      {d.title}
                    </h3>
                    <Badge tone={d.kind === "GENERAL" ? "neutral" : "info"}>
                      {DECISION_KIND_LABEL[d.kind]}
                    </Badge>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    Decided {formatDate(d.decidedOn)} by {d.decidedByName} · {d.authority}
                  </p>
                  <dl className="mt-3 space-y-2 text-sm">
                    <div>
                      <dt className="font-medium text-slate-800">What was decided</dt>
                      <dd className="whitespace-pre-line text-slate-700">{d.detail}</dd>
                    </div>
                    <div>
                      <dt className="font-medium text-slate-800">Rationale</dt>
                      <dd className="whitespace-pre-line text-slate-700">{d.rationale}</dd>
                    </div>
                  </dl>
                  <p className="mt-2 text-xs text-slate-500">
                    Recorded {formatDateTime(d.recordedAt, clock.timeZone)}
                  </p>
                </article>
              </li>
            ))}
          </ol>
          <Pagination
            path={`/projects/${encodeURIComponent(code)}/decisions`}
            paged={decisions}
            noun="decision"
          />
        </>
      )}
    </Section>
  );
}
