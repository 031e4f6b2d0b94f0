"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
