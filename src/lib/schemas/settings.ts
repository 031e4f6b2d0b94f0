import { z } from "zod";
import {
  calendarDate,
  checkbox,
  formNumber,
  numberField,
  optionalId,
  optionalText,
  text,
  version,
} from "./common";

const wholeNumber = (label: string) =>
  formNumber(
    z
      .number({
        error: (issue) =>
          issue.input === undefined ? `Enter ${label}` : `Enter ${label} as a whole number, for example 5`,
      })
      .int(`Enter ${label} as a whole number, for example 5`),
  );

const ACCEPTANCE_TIMEOUT = "Enter the acceptance timeout as a whole number of days, or leave it blank";

/**
 * The organisation settings form, sent whole. Ranges and relations (red after amber, a valid time
 * zone, an executive on duty) are the domain's to judge (domain/organisation-settings); here only
 * the shapes. Blank optional fields mean none: no acceptance timeout, no duty executive.
 */
export const updateOrganisationSettingsSchema = z.object({
  version,
  /** Left out: the name stays as it is. */
  name: optionalText("the organisation's name", 200),
  timeZone: text("the time zone", 100),
  rebaselineToleranceDays: wholeNumber("the rebaseline tolerance in days"),
  rebaselineTolerancePercent: numberField("the rebaseline budget tolerance"),
  scheduleAmberPercent: numberField("the amber threshold"),
  scheduleRedPercent: numberField("the red threshold"),
  safetyCriticalAnswerHours: wholeNumber("the answer time for critical safety feedback"),
  safetyHighAnswerHours: wholeNumber("the answer time for high-severity safety feedback"),
  safetyOtherAnswerWorkingDays: wholeNumber("the answer time for other safety feedback"),
  feedbackAnswerWorkingDays: wholeNumber("the answer time for feedback"),
  feedbackAcceptanceTimeoutDays: formNumber(
    z.number({ error: ACCEPTANCE_TIMEOUT }).int(ACCEPTANCE_TIMEOUT).optional(),
  )
    .optional()
    .transform((value) => value ?? null),
  dutyExecutiveId: optionalId("duty executive").transform((value) => value ?? null),
  /** Left out: the session lifetimes stay as they are (docs/security-sessions.md). */
  sessionAbsoluteHours: wholeNumber("the longest a session lasts, in hours").optional(),
  sessionIdleMinutes: wholeNumber("the idle timeout, in minutes").optional(),
  /** Ticked: everyone signs in with a second factor (admins and executives always do). */
  mfaRequiredForAll: checkbox,
});
export type UpdateOrganisationSettingsInput = z.input<typeof updateOrganisationSettingsSchema>;

export const addHolidaySchema = z.object({
  date: calendarDate("the date"),
  name: text("the holiday's name", 200),
});
export type AddHolidayInput = z.input<typeof addHolidaySchema>;

export const removeHolidaySchema = z.object({ date: calendarDate("the date") });
export type RemoveHolidayInput = z.input<typeof removeHolidaySchema>;
