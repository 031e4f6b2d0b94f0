import "server-only";
import { type CalendarDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { computeMilestoneHealth, type MilestoneHealth } from "@/lib/domain/milestones";
import type { MilestoneStatus } from "@/lib/domain/vocabulary";

/** What every milestone list reads; each list adds its own relations (owner, project). */
export const milestoneRowSelect = {
  id: true,
  title: true,
  status: true,
  isGate: true,
  baselineDate: true,
  forecastDate: true,
  actualDate: true,
} as const;

export interface MilestoneRow {
  id: string;
  title: string;
  status: MilestoneStatus;
  isGate: boolean;
  baselineDate: IsoDate;
  forecastDate: IsoDate;
  actualDate: IsoDate | null;
  health: MilestoneHealth;
  /** Days after the baseline it landed (done) or is forecast to land. */
  slipDays: number;
}

/** Dates as calendar days so the row is plain data for a page; health by the domain's rule as of `today`. */
export function toMilestoneRow(
  milestone: {
    id: string;
    title: string;
    status: MilestoneStatus;
    isGate: boolean;
    baselineDate: CalendarDate;
    forecastDate: CalendarDate;
    actualDate: CalendarDate | null;
  },
  today: CalendarDate,
): MilestoneRow {
  const report = computeMilestoneHealth(milestone, today);
  return {
    id: milestone.id,
    title: milestone.title,
    status: milestone.status,
    isGate: milestone.isGate,
    baselineDate: toIsoDate(milestone.baselineDate),
    forecastDate: toIsoDate(milestone.forecastDate),
    actualDate: milestone.actualDate ? toIsoDate(milestone.actualDate) : null,
    health: report.health,
    slipDays: report.slipDays,
  };
}
