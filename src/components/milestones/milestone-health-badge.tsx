import { MILESTONE_HEALTH_LABEL } from "@/lib/domain/labels";
import type { MilestoneHealth } from "@/lib/domain/milestones";
import { Badge, type Tone } from "../ui/badge";

// Late or slipping is amber, past due is red; on time or finished well is green.
const HEALTH_TONE: Record<MilestoneHealth, Tone> = {
  OVERDUE: "red",
  AT_RISK: "amber",
  DONE_LATE: "amber",
  DUE_SOON: "neutral",
  ON_TRACK: "green",
  DONE_ON_TIME: "green",
  CANCELLED: "neutral",
};

export function MilestoneHealthBadge({ health }: { health: MilestoneHealth }) {
  return <Badge tone={HEALTH_TONE[health]}>{MILESTONE_HEALTH_LABEL[health]}</Badge>;
}
