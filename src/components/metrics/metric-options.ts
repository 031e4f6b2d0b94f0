// The choices the metric forms offer, from the one table of words (src/lib/domain/labels.ts).
import {
  CADENCE_LABEL,
  CATEGORY_LABEL,
  METRIC_DIRECTION_LABEL,
  METRIC_FOCUS_LABEL,
} from "@/lib/domain/labels";
import { CADENCES, METRIC_DIRECTIONS, METRIC_FOCUSES, SCORECARD_CATEGORIES } from "@/lib/domain/vocabulary";
import type { Option } from "../forms/fields";

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const CATEGORY_OPTIONS = options(SCORECARD_CATEGORIES, CATEGORY_LABEL);
export const DIRECTION_OPTIONS = options(METRIC_DIRECTIONS, METRIC_DIRECTION_LABEL);
export const CADENCE_OPTIONS = options(CADENCES, CADENCE_LABEL);
export const FOCUS_OPTIONS = options(METRIC_FOCUSES, METRIC_FOCUS_LABEL);
