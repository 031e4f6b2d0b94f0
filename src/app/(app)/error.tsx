"use client";

import { DatabaseOutageNotice } from "@/components/ui/database-outage-notice";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <DatabaseOutageNotice />
      <ErrorPanel error={error} retry={retry} />
    </>
  );
}
