// The security log's rows: what happened, to which account, from where (docs/security-sessions.md).
import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { Table } from "@/components/ui/table";
import { REVOCATION_REASON_LABEL, SECURITY_ACTION_LABEL } from "@/lib/domain/labels";

export interface SecurityEventRow {
  id: string;
  at: string;
  action: string;
  account: { id: string; name: string; email: string } | null;
  by: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  detail: Record<string, string | number | boolean | null>;
  requestId: string | null;
}

const FAILURE_REASON: Record<string, string> = {
  unknown_account: "no account has this email",
  wrong_password: "wrong password",
  inactive: "account deactivated",
};

/** The facts recorded with an event, in words. */
function detailsOf(row: SecurityEventRow): string {
  const { detail } = row;
  const parts: string[] = [];
  if (typeof detail.email === "string" && detail.email !== row.account?.email)
    parts.push(`tried ${detail.email}`);
  if (typeof detail.reason === "string") {
    parts.push(REVOCATION_REASON_LABEL[detail.reason] ?? FAILURE_REASON[detail.reason] ?? detail.reason);
  }
  if (typeof detail.sessions === "number")
    parts.push(`${detail.sessions} open session${detail.sessions === 1 ? "" : "s"}`);
  if (typeof detail.minutes === "number") {
    const by = detail.by === "address" ? "address" : "account";
    parts.push(`${by} locked for ${detail.minutes} min after ${detail.failures} failures`);
  }
  if (row.by) parts.push(`by ${row.by}`);
  return parts.join(" · ");
}

const linkClass = "font-medium text-teal-800 underline-offset-2 hover:underline";
const unknown = <span className="text-slate-500">Not known</span>;

export function SecurityLogTable({
  rows,
  timeZone,
  caption,
}: {
  rows: readonly SecurityEventRow[];
  timeZone: string;
  caption: string;
}) {
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      rowClassName={(r) => (r.action === "auth.locked_out" ? "bg-amber-50" : undefined)}
      columns={[
        { header: "When", className: "whitespace-nowrap", cell: (r) => formatDateTime(r.at, timeZone) },
        {
          header: "Event",
          className: "whitespace-nowrap",
          cell: (r) => SECURITY_ACTION_LABEL[r.action] ?? r.action,
        },
        {
          header: "Account",
          cell: (r) =>
            r.account ? (
              <>
                <Link href={`/admin/users/${r.account.id}`} className={linkClass}>
                  {r.account.name}
                </Link>
                <span className="block text-xs text-slate-500">{r.account.email}</span>
              </>
            ) : (
              <span className="text-slate-500">No account</span>
            ),
        },
        { header: "Details", cell: (r) => detailsOf(r) },
        { header: "Address", className: "whitespace-nowrap", cell: (r) => r.clientAddress ?? unknown },
        {
          header: "Browser",
          className: "max-w-xs break-words text-xs text-slate-600",
          cell: (r) => r.userAgent ?? unknown,
        },
      ]}
    />
  );
}
