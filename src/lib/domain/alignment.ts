import { type CalendarDate, computeDaysBetween, formatCalendarDate } from "./calendar";
import { computeMissingPeriods, computeNextPeriodStart, DEFAULT_OVERDUE_GRACE_DAYS } from "./metrics";
import type { MilestoneHealth } from "./milestones";
import { RACI_GAP } from "./raci";
import { STAGE_GAP } from "./stage-gates";
import type { Violation } from "./violations";
import type { Cadence, Contribution, ObjectiveStatus, ProjectStage } from "./vocabulary";

// Alignment, computed (docs/governance-rules.md NUM-7, NUM-8): the named gaps between a project and the
// governance rules, a score derived from them, and each objective's coverage by active delivery.
//
// RACI and stage-gate rules are owned by their own modules (raci.ts, stage-gates.ts); their
// results come in here as a gap list and are passed through with their codes and messages, so a
// rule is written once and reads the same on every screen. The two rule-1 gaps this module reports
// in its own terms (no objective, no measurable metric) are recomputed from the facts here, so the
// score is right whether the caller passes `readinessGaps` or only `raciGaps`, and dropped from
// the list to avoid saying the same thing twice.
//
// Score: 100 minus the points lost per category, each category capped so that one kind of
// problem cannot hide every other, floored at 0 and rounded.
//
// | category       | gap                                      | points per gap | category cap |
// |----------------|------------------------------------------|----------------|--------------|
// | STRATEGY       | DELIVERY_WITHOUT_VISION (no objective)   | 60             | 60           |
// | ACCOUNTABILITY | each RACI or clinical-champion gap       | 15             | 30           |
// | MEASUREMENT    | NO_MEASURED_METRIC (rule 1)              | 20             | 30           |
// |                | METRIC_VALUE_OVERDUE, per metric         | 5              |              |
// | GOVERNANCE     | any other gap passed in                  | 10             | 20           |
// | SCHEDULE       | MILESTONE_OVERDUE, per milestone         | 5              | 20           |
// | FEEDBACK       | SAFETY_FEEDBACK_OVERDUE, per item        | 15             | 30           |
// |                | FEEDBACK_ANSWER_OVERDUE, per item        | 5              |              |
//
// A project with no gaps scores 100; a project with no objective at all loses 60 and so scores
// at most 40, whatever else it does well: delivery without vision is the failure this product
// exists to expose. Safety feedback weighs three times other feedback because rule 6 gives it a
// one-day deadline for a reason.

export type GapCategory =
  | "STRATEGY"
  | "ACCOUNTABILITY"
  | "MEASUREMENT"
  | "GOVERNANCE"
  | "SCHEDULE"
  | "FEEDBACK";

export interface AlignmentGap extends Violation {
  category: GapCategory;
  /** Points this gap costs before the category cap. */
  penalty: number;
  /** The milestone or metric the gap is about, when it is about one. */
  subjectId?: string;
}

export const GAP_PENALTY = {
  DELIVERY_WITHOUT_VISION: 60,
  ACCOUNTABILITY_GAP: 15,
  NO_MEASURED_METRIC: 20,
  METRIC_VALUE_OVERDUE: 5,
  OTHER_GOVERNANCE_GAP: 10,
  MILESTONE_OVERDUE: 5,
  SAFETY_FEEDBACK_OVERDUE: 15,
  FEEDBACK_ANSWER_OVERDUE: 5,
} as const;

export const CATEGORY_CAP: Readonly<Record<GapCategory, number>> = {
  STRATEGY: 60,
  ACCOUNTABILITY: 30,
  MEASUREMENT: 30,
  GOVERNANCE: 20,
  SCHEDULE: 20,
  FEEDBACK: 30,
};

/** Stages in which a project is delivering; only these give an objective delivery. */
export const ACTIVE_PROJECT_STAGES: readonly ProjectStage[] = ["APPROVED", "PILOT", "ROLLOUT"];

// Once a project is closed or cancelled its dates and measurements are history, not commitments;
// an unanswered champion is still owed an answer, so feedback gaps stay.
const FINISHED_STAGES: readonly ProjectStage[] = ["CLOSED", "CANCELLED"];

export interface AlignmentMetricFacts {
  id: string;
  name: string;
  cadence: Cadence;
  baselineValue: number | null;
  targetValue: number | null;
  /** Inactive metrics are neither counted for rule 1 nor expected to have values. Default true. */
  active?: boolean;
  /** The first day values are expected for, e.g. when the metric was added or the project approved. */
  valuesExpectedFrom: CalendarDate;
  /** Period start of the latest value recorded, or null if none has been. */
  lastValuePeriodStart: CalendarDate | null;
}

export interface AlignmentMilestoneFacts {
  id: string;
  title: string;
  /** From `computeMilestoneHealth`. */
  health: MilestoneHealth;
  forecastDate: CalendarDate;
}

export interface ProjectAlignmentFacts {
  stage: ProjectStage;
  alignments: readonly { objectiveId: string; contribution: Contribution }[];
  /**
   * Rules 1 and 2 as the project stands, from the modules that own them: normally
   * `readinessGaps(projectFacts)` from ./stage-gates, which includes `raciGaps` from ./raci.
   */
  governanceGaps: readonly Violation[];
  metrics: readonly AlignmentMetricFacts[];
  milestones: readonly AlignmentMilestoneFacts[];
  /** Feedback waiting past its due time for an answer (`computeFeedbackSla(...).overdue`). */
  overdueFeedbackCount: number;
  /** How many of `overdueFeedbackCount` are SAFETY feedback. Default 0. */
  overdueSafetyFeedbackCount?: number;
}

export interface AlignmentOptions {
  /** Days after a period ends before a missing metric value is overdue; defaults to `DEFAULT_OVERDUE_GRACE_DAYS`. */
  overdueGraceDays?: Partial<Record<Cadence, number>>;
}

export interface ProjectAlignment {
  /** Most costly first, so the first gap is the one to fix first. */
  gaps: AlignmentGap[];
  /** 0–100, whole number; 100 only when there are no gaps. */
  score: number;
  fullyAligned: boolean;
  deliveryWithoutVision: boolean;
  /** Points lost per category after caps; they add up to 100 − score unless the floor at 0 applied. */
  pointsLost: Record<GapCategory, number>;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `${count} ${one}` : `${count} ${many}`;
}

function strategyGaps(facts: ProjectAlignmentFacts): AlignmentGap[] {
  if (facts.alignments.length > 0) return [];
  return [
    {
      code: "DELIVERY_WITHOUT_VISION",
      message:
        "Delivery without vision: not aligned to any strategic objective; link it to the objective it serves",
      category: "STRATEGY",
      penalty: GAP_PENALTY.DELIVERY_WITHOUT_VISION,
    },
  ];
}

const ACCOUNTABILITY_CODES: ReadonlySet<string> = new Set([
  ...Object.values(RACI_GAP),
  STAGE_GAP.noClinicalChampion,
]);
const RECOMPUTED_HERE: ReadonlySet<string> = new Set([STAGE_GAP.notAligned, STAGE_GAP.noMeasurableMetric]);

function governanceGaps(facts: ProjectAlignmentFacts): AlignmentGap[] {
  const seen = new Set<string>();
  const gaps: AlignmentGap[] = [];
  for (const { code, message } of facts.governanceGaps) {
    // A caller combining `raciGaps` with `readinessGaps` (which already contains it) gets each gap once.
    const key = `${code}\u0000${message}`;
    if (RECOMPUTED_HERE.has(code) || seen.has(key)) continue;
    seen.add(key);
    gaps.push(
      ACCOUNTABILITY_CODES.has(code)
        ? { code, message, category: "ACCOUNTABILITY", penalty: GAP_PENALTY.ACCOUNTABILITY_GAP }
        : { code, message, category: "GOVERNANCE", penalty: GAP_PENALTY.OTHER_GOVERNANCE_GAP },
    );
  }
  return gaps;
}

function measurementGaps(
  facts: ProjectAlignmentFacts,
  today: CalendarDate,
  options: AlignmentOptions,
): AlignmentGap[] {
  const gaps: AlignmentGap[] = [];
  const active = facts.metrics.filter((metric) => metric.active !== false);
  const measured = active.filter(
    (metric) =>
      metric.baselineValue !== null &&
      Number.isFinite(metric.baselineValue) &&
      metric.targetValue !== null &&
      Number.isFinite(metric.targetValue),
  );
  if (measured.length === 0) {
    gaps.push({
      code: "NO_MEASURED_METRIC",
      message:
        active.length === 0
          ? "No metric: add one with a baseline and a target that will show whether the project worked"
          : "No metric with a baseline and a target: set both on a metric that will show whether the project worked",
      category: "MEASUREMENT",
      penalty: GAP_PENALTY.NO_MEASURED_METRIC,
    });
  }

  if (FINISHED_STAGES.includes(facts.stage)) return gaps;
  for (const metric of active) {
    const afterLast = metric.lastValuePeriodStart
      ? computeNextPeriodStart(metric.cadence, metric.lastValuePeriodStart)
      : null;
    const from =
      afterLast && computeDaysBetween(metric.valuesExpectedFrom, afterLast) > 0
        ? afterLast
        : metric.valuesExpectedFrom;
    const graceDays =
      options.overdueGraceDays?.[metric.cadence] ?? DEFAULT_OVERDUE_GRACE_DAYS[metric.cadence];
    const missing = computeMissingPeriods({
      cadence: metric.cadence,
      from,
      to: today,
      recorded: [],
      graceDays,
    });
    const oldest = missing[0];
    if (!oldest) continue;
    gaps.push({
      code: "METRIC_VALUE_OVERDUE",
      message:
        missing.length === 1
          ? `No value for “${metric.name}” for the period starting ${formatCalendarDate(oldest)}: record it`
          : `“${metric.name}” is missing ${missing.length} values, the oldest for the period starting ${formatCalendarDate(oldest)}: record them`,
      category: "MEASUREMENT",
      penalty: GAP_PENALTY.METRIC_VALUE_OVERDUE,
      subjectId: metric.id,
    });
  }
  return gaps;
}

function scheduleGaps(facts: ProjectAlignmentFacts, today: CalendarDate): AlignmentGap[] {
  if (FINISHED_STAGES.includes(facts.stage)) return [];
  return facts.milestones
    .filter((milestone) => milestone.health === "OVERDUE")
    .map((milestone) => {
      const daysLate = computeDaysBetween(milestone.forecastDate, today);
      return {
        code: "MILESTONE_OVERDUE",
        message: `Milestone “${milestone.title}” is ${plural(daysLate, "day", "days")} overdue (forecast ${formatCalendarDate(milestone.forecastDate)}): mark it done, or give a new forecast and the reason`,
        category: "SCHEDULE" as const,
        penalty: GAP_PENALTY.MILESTONE_OVERDUE,
        subjectId: milestone.id,
      };
    });
}

function feedbackGaps(facts: ProjectAlignmentFacts): AlignmentGap[] {
  const overdue = facts.overdueFeedbackCount;
  const safety = facts.overdueSafetyFeedbackCount ?? 0;
  if (!Number.isInteger(overdue) || !Number.isInteger(safety) || safety < 0 || safety > overdue) {
    throw new RangeError(
      `Overdue feedback counts must be whole numbers with 0 <= safety <= total (got total ${overdue}, safety ${safety})`,
    );
  }
  const gaps: AlignmentGap[] = [];
  if (safety > 0) {
    gaps.push({
      code: "SAFETY_FEEDBACK_OVERDUE",
      message: `${plural(safety, "safety concern has", "safety concerns have")} gone unanswered past the one-day deadline: the project's R or A must respond now`,
      category: "FEEDBACK",
      penalty: GAP_PENALTY.SAFETY_FEEDBACK_OVERDUE * safety,
    });
  }
  const other = overdue - safety;
  if (other > 0) {
    gaps.push({
      code: "FEEDBACK_ANSWER_OVERDUE",
      message: `${plural(other, "piece of feedback has", "pieces of feedback have")} gone unanswered past the five-working-day deadline: the project's R or A must respond`,
      category: "FEEDBACK",
      penalty: GAP_PENALTY.FEEDBACK_ANSWER_OVERDUE * other,
    });
  }
  return gaps;
}

/**
 * A project's alignment gaps and score as of `today` (the organisation's local date). See the
 * table at the top of this file for how gaps become a score.
 */
export function computeProjectAlignment(
  facts: ProjectAlignmentFacts,
  today: CalendarDate,
  options: AlignmentOptions = {},
): ProjectAlignment {
  const gaps = [
    ...strategyGaps(facts),
    ...governanceGaps(facts),
    ...measurementGaps(facts, today, options),
    ...scheduleGaps(facts, today),
    ...feedbackGaps(facts),
  ];
  // Array.prototype.sort is stable, so equal penalties keep the order above.
  gaps.sort((a, b) => b.penalty - a.penalty);

  const pointsLost: Record<GapCategory, number> = {
    STRATEGY: 0,
    ACCOUNTABILITY: 0,
    MEASUREMENT: 0,
    GOVERNANCE: 0,
    SCHEDULE: 0,
    FEEDBACK: 0,
  };
  for (const gap of gaps) pointsLost[gap.category] += gap.penalty;
  let lost = 0;
  for (const category of Object.keys(pointsLost) as GapCategory[]) {
    pointsLost[category] = Math.min(pointsLost[category], CATEGORY_CAP[category]);
    lost += pointsLost[category];
  }

  return {
    gaps,
    score: Math.max(0, Math.round(100 - lost)),
    fullyAligned: gaps.length === 0,
    deliveryWithoutVision: facts.alignments.length === 0,
    pointsLost,
  };
}

/**
 * NUM-8: a live project is one delivering or paused from delivering: APPROVED, PILOT or ROLLOUT,
 * or ON_HOLD from one of them (a hold of unknown origin counts as live, the cautious reading).
 * Only a live project with no objective is "delivery without vision"; a proposal not yet aligned
 * is a proposal still being shaped (it cannot pass its first gate unaligned, rule 1).
 */
export function isLiveProject(stage: ProjectStage, heldFrom?: ProjectStage | null): boolean {
  if (stage === "ON_HOLD") return !heldFrom || ACTIVE_PROJECT_STAGES.includes(heldFrom);
  return ACTIVE_PROJECT_STAGES.includes(stage);
}

/** NUM-8: a proposal, or a proposal that was paused. */
export function isProposal(stage: ProjectStage, heldFrom?: ProjectStage | null): boolean {
  return stage === "PROPOSED" || (stage === "ON_HOLD" && heldFrom === "PROPOSED");
}

export interface ObjectiveCoverageFacts {
  status: ObjectiveStatus;
  alignedProjects: readonly { stage: ProjectStage; contribution: Contribution }[];
}

export interface ObjectiveCoverage {
  /** Aligned projects in APPROVED, PILOT or ROLLOUT, primary or supporting. */
  activeProjectCount: number;
  /** Of those, the ones for which this objective is the primary contribution: its delivery (NUM-7). */
  deliveringProjectCount: number;
  /** At least one delivering project (NUM-7). */
  beingDelivered: boolean;
  visionWithoutDelivery: boolean;
  gap: Violation | null;
}

/**
 * NUM-7, the one definition of coverage every page uses: an objective is being delivered when at
 * least one project that has it as its PRIMARY objective is APPROVED, in PILOT or in ROLLOUT. A
 * supporting link helps but does not deliver: a project is judged against its primary objective,
 * so counting its supporting links too would let one project "deliver" a whole scorecard.
 * Vision without delivery is an ACTIVE objective not being delivered; draft objectives are not
 * yet a commitment and achieved or retired ones no longer need delivery, so neither is flagged.
 */
export function computeObjectiveCoverage(facts: ObjectiveCoverageFacts): ObjectiveCoverage {
  const active = facts.alignedProjects.filter((project) => ACTIVE_PROJECT_STAGES.includes(project.stage));
  const deliveringProjectCount = active.filter((project) => project.contribution === "PRIMARY").length;
  const beingDelivered = deliveringProjectCount > 0;
  const visionWithoutDelivery = facts.status === "ACTIVE" && !beingDelivered;
  let message: string;
  if (facts.alignedProjects.length === 0) {
    message =
      "Vision without delivery: no project serves this objective; align a delivering project to it or propose one";
  } else if (active.length > 0) {
    message =
      "Vision without delivery: projects support this objective, but none that is approved, in pilot or in rollout has it as its primary objective";
  } else {
    message =
      "Vision without delivery: none of the projects aligned to this objective is approved, in pilot or in rollout";
  }
  return {
    activeProjectCount: active.length,
    deliveringProjectCount,
    beingDelivered,
    visionWithoutDelivery,
    gap: visionWithoutDelivery ? { code: "VISION_WITHOUT_DELIVERY", message } : null,
  };
}
