"use client";

import { DatabaseOutageNotice } from "@/components/ui/database-outage-notice";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <DatabaseOutageNotice />
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
