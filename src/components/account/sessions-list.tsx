// A person's live sessions: when each started, when it was last used, and from where, so they can
// spot one that is not theirs (docs/security-sessions.md).
import { formatDateTime } from "@/components/ui/format";
import { Table } from "@/components/ui/table";

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

const unknown = <span className="text-slate-500">Not known</span>;

export function SessionsList({ sessions, timeZone }: { sessions: readonly SessionRow[]; timeZone: string }) {
  return (
    <Table
      caption="Your sessions, most recently used first"
      rows={sessions}
      rowKey={(s) => s.id}
      columns={[
        {
          header: "Signed in",
          className: "whitespace-nowrap",
          cell: (s) => (
            <>
              {formatDateTime(s.createdAt, timeZone)}
              {s.current ? (
                <span className="block text-xs font-medium text-teal-800">This session</span>
              ) : null}
            </>
          ),
        },
        {
          header: "Last used",
          className: "whitespace-nowrap",
          cell: (s) => formatDateTime(s.lastSeenAt, timeZone),
        },
        {
          header: "Ends at the latest",
          className: "whitespace-nowrap",
          cell: (s) => formatDateTime(s.expiresAt, timeZone),
        },
        { header: "Address", cell: (s) => s.clientAddress ?? unknown },
        { header: "Browser", className: "max-w-md break-words", cell: (s) => s.userAgent ?? unknown },
      ]}
    />
  );
}
