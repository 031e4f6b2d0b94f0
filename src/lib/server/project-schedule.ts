import "server-only";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import type { Rag } from "@/lib/domain/metrics";
import { computeProjectEnd, computeScheduleRag, type ProjectEndDates } from "@/lib/domain/schedule";
import type { GovernanceSettings } from "@/lib/domain/settings";

/** A project's end date against its baseline, as every project list and page shows it. */
export interface ProjectSchedule {
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  /** Set once the project has closed: the day delivery ended. */
  actualEndDate: IsoDate | null;
  /** The actual end once closed, the forecast before, minus the baseline end: positive is late (NUM-2). */
  slipDays: number;
  /** Slip as a share (%) of the planned duration, start to baseline end (NUM-3). */
  slipPercent: number;
  scheduleRag: Rag;
}

/** The schedule by the domain's rule (docs/governance-rules.md NUM-2, NUM-3) and the trust's thresholds. */
export function toProjectSchedule(
  project: ProjectEndDates,
  settings: Pick<GovernanceSettings, "scheduleAmberPercent" | "scheduleRedPercent">,
): ProjectSchedule {
  const report = computeScheduleRag(project, settings);
  return {
    baselineEndDate: toIsoDate(project.baselineEndDate),
    forecastEndDate: toIsoDate(project.forecastEndDate),
    actualEndDate: project.actualEndDate ? toIsoDate(computeProjectEnd(project)) : null,
    slipDays: report.slipDays,
    slipPercent: report.slipPercent,
    scheduleRag: report.rag,
  };
}
