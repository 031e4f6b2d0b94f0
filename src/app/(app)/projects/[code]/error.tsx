"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

// Inside the project's layout: a tab that fails leaves the header and the other tabs usable.
export default function ProjectTabError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} headingLevel={2} />;
}
