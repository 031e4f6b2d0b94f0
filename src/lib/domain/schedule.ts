// A project's end date against its baseline (docs/governance-rules.md NUM-1, NUM-2, NUM-3). Pure.
//
// The forecast end is a promise the milestones underneath it must keep: a plan whose last open
// milestone lands after the project's "forecast end" shows a date nobody can deliver, so the
// forecast end is never earlier than the latest open milestone forecast (NUM-1). Slip is measured
// on what happened once the project has ended (its actual end date) and on the forecast before
// (NUM-2), and graded against the planned duration (NUM-3): two weeks late is nothing on a
// three-year programme and a disaster on a six-week pilot.

import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import type { Rag } from "./metrics";
import type { GovernanceSettings } from "./settings";
import type { FieldViolation } from "./violations";
import type { MilestoneStatus } from "./vocabulary";

export const SCHEDULE_VIOLATION = {
  forecastBeforeMilestone: "PROJECT_FORECAST_BEFORE_MILESTONE",
} as const;

/** Milestones still to deliver: neither done nor cancelled. */
export function isOpenMilestone(status: MilestoneStatus): boolean {
  return status !== "DONE" && status !== "CANCELLED";
}

export interface ScheduledMilestone {
  title: string;
  status: MilestoneStatus;
  forecastDate: CalendarDate;
}

/** The open milestone forecast to land last (the first of equals), or null when none is open. */
export function latestOpenMilestone<M extends ScheduledMilestone>(milestones: readonly M[]): M | null {
  let latest: M | null = null;
  for (const milestone of milestones) {
    if (!isOpenMilestone(milestone.status)) continue;
    if (!latest || computeDaysBetween(latest.forecastDate, milestone.forecastDate) > 0) latest = milestone;
  }
  return latest;
}

/**
 * NUM-1: a forecast end earlier than an open milestone's forecast, refused beside the forecast
 * end date and naming the milestone that holds it up.
 */
export function forecastEndViolations(input: {
  forecastEndDate: CalendarDate;
  milestones: readonly ScheduledMilestone[];
}): FieldViolation[] {
  const latest = latestOpenMilestone(input.milestones);
  if (!latest || computeDaysBetween(latest.forecastDate, input.forecastEndDate) >= 0) return [];
  return [
    {
      code: SCHEDULE_VIOLATION.forecastBeforeMilestone,
      field: "forecastEndDate",
      message: `Milestone “${latest.title}” is forecast for ${formatCalendarDate(latest.forecastDate)}, after ${formatCalendarDate(input.forecastEndDate)}: the project cannot end before its open milestones; choose ${formatCalendarDate(latest.forecastDate)} or later, or move that milestone first`,
    },
  ];
}

/**
 * NUM-1: the project's forecast end once a milestone is forecast for `milestoneForecast`: unchanged
 * when the milestone still lands by then, else carried to the milestone's date.
 */
export function computeForecastEndAfterMilestone(
  forecastEndDate: CalendarDate,
  milestoneForecast: CalendarDate,
): CalendarDate {
  return computeDaysBetween(forecastEndDate, milestoneForecast) > 0 ? milestoneForecast : forecastEndDate;
}

export interface ProjectEndDates {
  startDate: CalendarDate;
  baselineEndDate: CalendarDate;
  forecastEndDate: CalendarDate;
  /** Set once the project closed: the day delivery ended. */
  actualEndDate: CalendarDate | null;
}

/** NUM-2: the end that counts: the actual end once the project has closed, the forecast before. */
export function computeProjectEnd(project: Omit<ProjectEndDates, "startDate">): CalendarDate {
  return project.actualEndDate ?? project.forecastEndDate;
}

/** NUM-2: days the project ends (or is forecast to end) after its baseline end; negative is early. */
export function computeProjectSlipDays(project: Omit<ProjectEndDates, "startDate">): number {
  return computeDaysBetween(project.baselineEndDate, computeProjectEnd(project));
}

/** Days from the start to the baseline end; at least 1, so a same-day plan still grades a slip. */
export function computePlannedDurationDays(project: Pick<ProjectEndDates, "startDate" | "baselineEndDate">) {
  return Math.max(1, computeDaysBetween(project.startDate, project.baselineEndDate));
}

export interface ScheduleReport {
  slipDays: number;
  plannedDurationDays: number;
  /** Slip as a percentage of the planned duration; 0 or less is on time or early. */
  slipPercent: number;
  rag: Rag;
}

/**
 * NUM-3: green on or ahead of baseline and while the slip is at most `scheduleAmberPercent`% of
 * the planned duration; amber past that; red past `scheduleRedPercent`%. A slip exactly at a
 * threshold keeps the better colour, as metric thresholds do.
 */
export function computeScheduleRag(
  project: ProjectEndDates,
  settings: Pick<GovernanceSettings, "scheduleAmberPercent" | "scheduleRedPercent">,
): ScheduleReport {
  const slipDays = computeProjectSlipDays(project);
  const plannedDurationDays = computePlannedDurationDays(project);
  const slipPercent = (slipDays / plannedDurationDays) * 100;
  // Compared in days, not rounded percentages, so a slip of exactly 10% is exactly at the line.
  const amberAfter = (settings.scheduleAmberPercent / 100) * plannedDurationDays;
  const redAfter = (settings.scheduleRedPercent / 100) * plannedDurationDays;
  const rag: Rag = slipDays > redAfter ? "RED" : slipDays > amberAfter ? "AMBER" : "GREEN";
  return { slipDays, plannedDurationDays, slipPercent, rag };
}
