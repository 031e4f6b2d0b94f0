import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Render floor" };

// The benchmark's render floor (BENCHMARKS.md): the signed-in layout with trivial content, so a
// page's time can be set against what any signed-in page costs. It exists only on a server started
// for the benchmark.
export default async function RenderFloorPage() {
  if (getEnv().THROUGHLINE_BENCH !== "1") notFound();
  // The layout has already read the session; this is the same cached read and keeps the page dynamic.
  await requireActor();
  return <PageHeader title="Render floor" description="A signed-in page with nothing else on it." />;
}
