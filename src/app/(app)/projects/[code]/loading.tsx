import { LoadingPanel } from "@/components/ui/loading-panel";

// Inside the project's layout: the header and tabs stay while the tab's data loads.
export default function ProjectTabLoading() {
  return <LoadingPanel label="Loading this tab…" rows={4} />;
}
