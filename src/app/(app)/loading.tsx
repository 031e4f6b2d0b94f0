import { LoadingPanel } from "@/components/ui/loading-panel";

export default function AppLoading() {
  return <LoadingPanel />;
}
