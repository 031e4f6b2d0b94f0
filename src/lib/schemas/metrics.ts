import { z } from "zod";
import { CADENCES, METRIC_DIRECTIONS, METRIC_FOCUSES } from "@/lib/domain/vocabulary";
import {
  calendarDate,
  checkbox,
  id,
  numberField,
  optionalId,
  optionalText,
  scorecardCategory,
  text,
  version,
} from "./common";

const direction = z.enum(METRIC_DIRECTIONS, {
  error: "Choose whether higher or lower is better",
});
const cadence = z.enum(CADENCES, { error: "Choose how often it is reviewed" });
const focus = z.enum(METRIC_FOCUSES, { error: "Choose the dashboard it belongs on" });

const definition = z.object({
  name: text("a name", 200),
  description: optionalText("the description", 2000),
  category: scorecardCategory,
  unit: text("the unit", 40),
  direction,
  baselineValue: numberField("the baseline"),
  targetValue: numberField("the target"),
  targetDate: calendarDate("the target date"),
  amberThreshold: numberField("the amber threshold"),
  redThreshold: numberField("the red threshold"),
  ownerId: id("owner"),
  cadence,
  objectiveId: id("objective"),
});

export const defineMetricSchema = definition.extend({
  // Fixed once defined: the project decides who may record and change the metric.
  projectId: optionalId("project"),
  focus: focus.default("LEADERSHIP"),
});
export type DefineMetricInput = z.input<typeof defineMetricSchema>;

// A whole-form edit: no defaults, so a field left out is an error rather than a silent reset.
export const updateMetricSchema = definition.extend({ metricId: id("metric"), version, focus });
export type UpdateMetricInput = z.input<typeof updateMetricSchema>;

export const recordMetricValueSchema = z.object({
  metricId: id("metric"),
  periodStart: calendarDate("the start of the period"),
  value: numberField("the value"),
  note: optionalText("the note", 1000),
  // The period's data are not complete: allowed for the current period, never the final value.
  provisional: checkbox,
});
export type RecordMetricValueInput = z.input<typeof recordMetricValueSchema>;

export const correctMetricValueSchema = z.object({
  metricValueId: id("value"),
  version,
  value: numberField("the corrected value"),
  note: optionalText("the note", 1000),
  // Checked for substance by the rule (metricCorrectionViolations), so the message names what is missing.
  reason: z.string().default(""),
  // Ticked: the value is now final (its period has ended and its data are complete). Left out, a
  // provisional value stays provisional; a final value never goes back to provisional.
  final: checkbox,
});
export type CorrectMetricValueInput = z.input<typeof correctMetricValueSchema>;
