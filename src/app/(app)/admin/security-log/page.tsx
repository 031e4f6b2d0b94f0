import type { Metadata } from "next";
import { hasSecurityLogFilters, SecurityLogFilters } from "@/components/admin/security-log-filters";
import { SecurityLogTable } from "@/components/admin/security-log-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getClock } from "@/lib/server/organisation";
import { requirePageActor } from "@/lib/server/page-access";
import type { RawSearchParams } from "@/lib/server/search-params";
import { listSecurityEvents, parseSecurityLogQuery } from "@/lib/server/security-log";

export const metadata: Metadata = { title: "Security log" };

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePageActor("admin-security-log");
  const query = parseSecurityLogQuery(await searchParams);
  const [clock, events] = await Promise.all([getClock(), listSecurityEvents(query)]);
  const filters = { action: query.action, q: query.q };
  const filtered = hasSecurityLogFilters(filters);
  return (
    <>
      <PageHeader
        title="Security log"
        description="Sign-ins, failed attempts, lockouts, sign-outs, ended sessions and two-step sign-in events, newest first, with the address and browser each came from. Kept in the audit trail, which cannot be changed."
      />
      <SecurityLogFilters values={filters} />
      {events.total === 0 ? (
        <EmptyState title={filtered ? "No events match" : "No security events yet"}>
          {filtered
            ? "Try another event, or part of the name or email only."
            : "Events appear as people sign in."}
        </EmptyState>
      ) : (
        <>
          <SecurityLogTable
            rows={events.rows}
            timeZone={clock.timeZone}
            caption={`Security events${filtered ? " matching the filter" : ""}, page ${events.page} of ${events.pageCount}, newest first`}
          />
          <Pagination path="/admin/security-log" params={filters} paged={events} noun="event" />
        </>
      )}
    </>
  );
}
