import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import { parsePageQuery, type RawSearchParams } from "@/lib/server/search-params";
import { listUsers } from "@/lib/server/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("admin-users");
  const { page } = parsePageQuery(await searchParams);
  const [clock, users] = await Promise.all([getClock(), listUsers({ page })]);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to Throughline, their role and discipline."
      />
      {users.total === 0 ? (
        <EmptyState title="No users yet" />
      ) : (
        <>
          <Table
            caption={`Users, page ${users.page} of ${users.pageCount}, by name`}
            rows={users.rows}
            rowKey={(u) => u.id}
            columns={[
              {
                header: "Name",
                cell: (u) => (
                  <>
                    <span className="font-medium">{u.name}</span>
                    {u.jobTitle ? <span className="block text-xs text-slate-500">{u.jobTitle}</span> : null}
                  </>
                ),
              },
              { header: "Email", className: "whitespace-nowrap", cell: (u) => u.email },
              { header: "Role", className: "whitespace-nowrap", cell: (u) => ROLE_LABEL[u.role] },
              { header: "Discipline", cell: (u) => DISCIPLINE_LABEL[u.discipline] },
              {
                header: "Status",
                cell: (u) => (u.active ? <Badge>Active</Badge> : <Badge tone="amber">Deactivated</Badge>),
              },
              {
                header: "Last sign-in",
                className: "whitespace-nowrap",
                cell: (u) =>
                  u.lastSignInAt ? (
                    formatDateTime(u.lastSignInAt, clock.timeZone)
                  ) : (
                    <span className="text-slate-500">Never</span>
                  ),
              },
            ]}
          />
          <Pagination path="/admin/users" paged={users} noun="user" />
        </>
      )}
    </>
  );
}
