import type { Metadata } from "next";
import Link from "next/link";
import { CreateSiteForm, EditSiteForm } from "@/components/admin/site-forms";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { listSitesWithProjects } from "@/lib/server/admin-sites";
import { requirePageActor } from "@/lib/server/page-access";
import { firstValues, pageNumberSchema, type RawSearchParams } from "@/lib/server/search-params";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("admin-sites");
  const page = pageNumberSchema.parse(firstValues(await searchParams).page);
  const sites = await listSitesWithProjects({ page });

  return (
    <>
      <PageHeader
        title="Sites"
        description="The trust's hospitals and centres. Every project is placed at one; the portfolio can be filtered by site. A site's code is fixed once added; its name and kind can be changed."
      />
      <div className="mb-6">
        <Disclosure summary="Add a site">
          <CreateSiteForm />
        </Disclosure>
      </div>
      {sites.total === 0 ? (
        <EmptyState title="No sites yet">
          Add the trust's first site above: projects are placed at a site when they are proposed.
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Sites, page ${sites.page} of ${sites.pageCount}, by name, with their projects`}
            rows={sites.rows}
            rowKey={(s) => s.id}
            columns={[
              {
                header: "Code",
                className: "whitespace-nowrap font-mono font-medium",
                cell: (s) => s.code,
              },
              {
                header: "Site",
                className: "min-w-72",
                // The edit form opens under the name and kind it changes, in the table's widest
                // column, so a long name stays readable in its field at a tablet's width.
                cell: (s) => (
                  <>
                    <span className="font-medium text-slate-900">{s.name}</span>
                    <span className="block text-xs text-slate-600">{s.kind}</span>
                    <div className="mt-2 max-w-xl">
                      <Disclosure summary={`Edit ${s.code}`}>
                        <EditSiteForm key={`${s.name}\u0000${s.kind}`} site={s} />
                      </Disclosure>
                    </div>
                  </>
                ),
              },
              {
                header: "Projects",
                className: "min-w-40",
                cell: (s) =>
                  s.openProjects + s.closedProjects === 0 ? (
                    <span className="text-slate-600">None yet</span>
                  ) : (
                    <>
                      <Link
                        href={`/portfolio?site=${encodeURIComponent(s.code)}`}
                        className="font-medium text-teal-800 underline underline-offset-2"
                      >
                        {plural(s.openProjects, "open project")}
                        <span className="sr-only"> at {s.name}</span>
                      </Link>
                      {s.closedProjects > 0 ? (
                        <span className="block text-xs text-slate-600">
                          {s.closedProjects} closed or cancelled
                        </span>
                      ) : null}
                    </>
                  ),
              },
            ]}
          />
          <Pagination path="/admin/sites" paged={sites} noun="site" />
        </>
      )}
    </>
  );
}
