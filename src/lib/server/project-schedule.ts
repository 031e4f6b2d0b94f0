import "server-only";
import { type CalendarDate, computeDaysBetween } from "@/lib/domain/milestones";
import { type IsoDate, toIsoDate } from "./dates";
import { type Rag, scheduleRag } from "./rag";

/** A project's end date against its baseline, as every project list and page shows it. */
export interface ProjectSchedule {
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  /** Forecast end minus baseline end: positive is late. */
  slipDays: number;
  scheduleRag: Rag;
}

export function toProjectSchedule(project: {
  baselineEndDate: CalendarDate;
  forecastEndDate: CalendarDate;
}): ProjectSchedule {
  const slipDays = computeDaysBetween(project.baselineEndDate, project.forecastEndDate);
  return {
    baselineEndDate: toIsoDate(project.baselineEndDate),
    forecastEndDate: toIsoDate(project.forecastEndDate),
    slipDays,
    scheduleRag: scheduleRag(slipDays),
  };
}
