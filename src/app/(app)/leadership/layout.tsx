// Every tab of the leadership dashboard under one header and one row of tabs; each page checks
// its reader itself (a layout does not re-run on client-side navigation).
import { Suspense } from "react";
import { DashboardTabs } from "@/components/dashboard/dashboard-tabs";
import { PageHeader } from "@/components/ui/page-header";

export default function LeadershipLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader
        title="Leadership dashboard"
        description="Where the trust's strategy and its delivery have drifted apart, and what is waiting on a decision. Every number opens the rows behind it."
      />
      {/* The tabs read the filters from the URL; until they can, they render without them. */}
      <Suspense fallback={null}>
        <DashboardTabs />
      </Suspense>
      {children}
    </>
  );
}
