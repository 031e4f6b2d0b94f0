import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { getProjectHistory } from "@/lib/server/project-history";
import { requireProjectPage } from "@/lib/server/project-page";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export const metadata = { title: "History" };

export default async function ProjectHistoryPage({ params, searchParams }: Props) {
  const { clock, code, projectId } = await requireProjectPage((await params).code);
  const { page } = parsePageQuery(await searchParams);
  const history = await getProjectHistory(projectId, page);
  return (
    <Section
      id="history"
      title="History"
      description="Every change made to this project and its records in Throughline, newest first: who made it, when, and the reason they gave."
    >
      {history.total === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Changes to the project, its team, milestones, requests, metrics, costs, risks and feedback appear
          here as they are made.
        </EmptyState>
      ) : (
        <>
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
            {history.rows.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4">
                <time
                  dateTime={entry.at}
                  className="shrink-0 text-sm whitespace-nowrap text-slate-600 tabular-nums sm:w-40"
                >
                  {formatDateTime(entry.at, clock.timeZone)}
                </time>
                <p className="min-w-0 text-sm break-words text-slate-900">{entry.sentence}</p>
              </li>
            ))}
          </ol>
          <Pagination path={`/projects/${encodeURIComponent(code)}/history`} paged={history} noun="event" />
        </>
      )}
    </Section>
  );
}
