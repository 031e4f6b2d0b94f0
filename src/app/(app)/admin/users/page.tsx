import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { hasUserFilters, UserFilters } from "@/components/admin/user-filters";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";
import { listUsers, parseUserListQuery } from "@/lib/server/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("admin-users");
  const query = parseUserListQuery(await searchParams);
  const [clock, users] = await Promise.all([getClock(), listUsers(query)]);
  const filters = { q: query.q, role: query.role, status: query.status };
  const filtered = hasUserFilters(filters);

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to Throughline, their role and discipline. Open a person to change their role, reset their password or deactivate them."
      />
      <div className="mb-6">
        <Disclosure summary="Add a user">
          <CreateUserForm />
        </Disclosure>
      </div>
      <UserFilters values={filters} />
      {users.total === 0 ? (
        <EmptyState title={filtered ? "Nobody matches this search" : "No users yet"}>
          {filtered
            ? "Try part of the name or email only, or clear the role and status."
            : "Add the first user above."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Users${filtered ? " matching the search" : ""}, page ${users.page} of ${users.pageCount}, by name`}
            rows={users.rows}
            rowKey={(u) => u.id}
            rowClassName={(u) => (u.active ? undefined : "bg-slate-50")}
            columns={[
              {
                header: "Name",
                className: "min-w-48",
                cell: (u) => (
                  <>
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="font-medium text-teal-800 underline-offset-2 hover:underline"
                    >
                      {u.name}
                    </Link>
                    {u.jobTitle ? <span className="block text-xs text-slate-500">{u.jobTitle}</span> : null}
                  </>
                ),
              },
              { header: "Email", className: "whitespace-nowrap", cell: (u) => u.email },
              {
                header: "Role",
                className: "whitespace-nowrap",
                cell: (u) => (
                  <>
                    {ROLE_LABEL[u.role]}
                    {u.sroEligible ? (
                      <span className="block text-xs text-slate-500">SRO-eligible</span>
                    ) : null}
                  </>
                ),
              },
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
          <Pagination path="/admin/users" params={filters} paged={users} noun="user" />
        </>
      )}
    </>
  );
}
