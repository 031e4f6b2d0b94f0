import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th } from "@/components/ui/table";
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
          <Table caption={`Users, page ${users.page} of ${users.pageCount}, by name`}>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Discipline</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
              </tr>
            </thead>
            <TBody>
              {users.rows.map((u) => (
                <tr key={u.id}>
                  <Td>
                    <span className="font-medium">{u.name}</span>
                    {u.jobTitle ? <span className="block text-xs text-slate-500">{u.jobTitle}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">{u.email}</Td>
                  <Td className="whitespace-nowrap">{ROLE_LABEL[u.role]}</Td>
                  <Td>{DISCIPLINE_LABEL[u.discipline]}</Td>
                  <Td>{u.active ? <Badge>Active</Badge> : <Badge tone="amber">Deactivated</Badge>}</Td>
                  <Td className="whitespace-nowrap">
                    {u.lastSignInAt ? (
                      formatDateTime(u.lastSignInAt, clock.timeZone)
                    ) : (
                      <span className="text-slate-500">Never</span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            path="/admin/users"
            params={{}}
            page={users.page}
            pageCount={users.pageCount}
            total={users.total}
            noun="user"
          />
        </>
      )}
    </>
  );
}
