// A project's life on the calendar: when it started, which milestones are behind it given its
// stage, how each milestone's forecast moved (and why), and when it reached its current stage.
// Pure and deterministic: the same spec, day and random stream give the same history.
import type { MilestoneStatus } from "@/generated/prisma/enums";
import { computeForecastEndAfterMilestone, isOpenMilestone } from "@/lib/domain/schedule";
import type { OpenStage } from "@/lib/domain/stage-gates";
import { addDays, addMonths, daysBetween, maxDate, minDate, toWeekday } from "./calendar";
import { PULL_FORWARD_REASONS, SLIP_REASONS } from "./demo-activity";
import type { PersonKey } from "./demo-organisation";
import { MILESTONE_TEMPLATES, type MilestoneSpec, type Phase, type ProjectSpec } from "./demo-projects";
import type { Random } from "./random";

export interface ChangePlan {
  oldDate: Date;
  newDate: Date;
  reason: string;
  changedAt: Date;
  by: PersonKey;
}

export interface MilestonePlan {
  title: string;
  phase: Phase;
  isGate: boolean;
  baselineDate: Date;
  forecastDate: Date;
  actualDate: Date | null;
  status: MilestoneStatus;
  owner: PersonKey;
  changes: ChangePlan[];
  gateApproval: { by: PersonKey; at: Date } | null;
}

/** A gate the project passed: the stage it entered and the instant its gate request was approved. */
export interface GatePlan {
  stage: "APPROVED" | "PILOT" | "ROLLOUT" | "CLOSED";
  at: Date;
}

export interface TimelinePlan {
  start: Date;
  /** The last day the project was live: today, or the day it was paused, cancelled or closed. */
  cutoff: Date;
  createdAt: Date;
  stageChangedAt: Date;
  milestones: MilestonePlan[];
  baselineEnd: Date;
  forecastEnd: Date;
  /**
   * The gates behind the project, in order (docs/governance-rules.md GATE-1): the last one is
   * decided at `stageChangedAt` when the project is still in that stage, and before it when the
   * project was later put on hold or cancelled (direct moves, GATE-4).
   */
  gates: GatePlan[];
}

export interface TimelineContext {
  /** The organisation's calendar day. */
  today: Date;
  now: Date;
  random: Random;
  /** People who own milestones (the project's Responsible, else its Accountable). */
  owners: readonly PersonKey[];
  approver: PersonKey;
  /** Milestones (by part of their title) that a planned rebaseline needs to have slipped. */
  mustSlip: readonly string[];
  /**
   * The day by which a pilot that began on the given day has a confirmed result recorded (its
   * first whole period of the project's metric, plus the recording lag); absent without a metric.
   */
  pilotResultsBy?: (pilotDay: Date) => Date;
  /** A stream of its own for the gate history, so adding it left the rest of the demo unchanged. */
  gateRandom: Random;
}

const PHASE_ORDER: Record<Phase, number> = { APPROVAL: 0, PILOT: 1, ROLLOUT: 2, CLOSE: 3 };
const DAY_MS = 86_400_000;

/** A moment during working hours on the calendar day of `day`, never later than `notAfter`. */
export function during(day: Date, random: Random, notAfter: Date): Date {
  const midnight = Math.floor(day.getTime() / DAY_MS) * DAY_MS;
  const moment = new Date(midnight + random.int(8 * 60, 17 * 60) * 60_000);
  return moment.getTime() < notAfter.getTime() ? moment : new Date(notAfter.getTime() - 60_000);
}

/** Saturday and Sunday move back to Friday, for dates that must stay before a limit. */
function weekdayOnOrBefore(day: Date): Date {
  const weekday = day.getUTCDay();
  if (weekday === 6) return addDays(day, -1);
  if (weekday === 0) return addDays(day, -2);
  return day;
}

function chooseMilestones(spec: ProjectSpec, random: Random): MilestoneSpec[] {
  if (spec.milestones) return [...spec.milestones];
  const kept = MILESTONE_TEMPLATES[spec.template].filter((m) => !m.optional || random.chance(0.5));
  // Plans stay within 3–8 milestones, as real project plans at this level do.
  for (let i = kept.length - 1; kept.length > 8 && i >= 0; i--) {
    if (kept[i]?.optional) kept.splice(i, 1);
  }
  return kept;
}

/** How far along a project is: the stage whose work it is doing (paused and stopped ones included). */
function workingStage(spec: ProjectSpec): OpenStage | "CLOSED" {
  if (spec.stage === "ON_HOLD") return spec.hold?.from ?? "APPROVED";
  if (spec.stage === "CANCELLED") return spec.stop?.in ?? "APPROVED";
  return spec.stage;
}

function doneCount(
  milestones: readonly MilestoneSpec[],
  stage: OpenStage | "CLOSED",
  random: Random,
): number {
  const before = (phase: Phase) => milestones.filter((m) => PHASE_ORDER[m.phase] < PHASE_ORDER[phase]).length;
  switch (stage) {
    case "PROPOSED":
      return 0;
    case "CLOSED":
      return milestones.length;
    case "APPROVED":
      return before("PILOT");
    case "PILOT": {
      // Being in pilot means the pilot has gone live: everything up to its gate is done.
      const pilot = milestones.filter((m) => m.phase === "PILOT");
      const gate = pilot.findIndex((m) => m.gate);
      return before("PILOT") + (gate >= 0 ? gate + 1 : Math.ceil(pilot.length / 2));
    }
    case "ROLLOUT": {
      const rollout = milestones.filter((m) => m.phase === "ROLLOUT").length;
      const partway = Math.max(1, Math.round(rollout * random.between(0.3, 0.6)));
      return before("ROLLOUT") + Math.min(rollout - 1, partway);
    }
  }
}

/** DEMO-DATA's slip profile: 60% on time, 25% one to four weeks late, 15% over a month. */
function sampleSlipDays(random: Random): number {
  const r = random.next();
  if (r < 0.6) return 0;
  if (r < 0.85) return 7 * random.int(1, 4);
  return 7 * random.int(5, 13);
}

/** Split a forecast move into 1–3 re-forecasts, each on its own working day inside the window. */
function planChanges(
  baseline: Date,
  forecast: Date,
  window: { from: Date; to: Date },
  random: Random,
  reasons: readonly string[],
  by: PersonKey,
  now: Date,
): ChangePlan[] {
  const weeks = Math.round(daysBetween(baseline, forecast) / 7);
  if (weeks === 0) return [];
  const steps = weeks < 0 || weeks <= 4 ? 1 : random.int(1, Math.min(3, weeks));
  const parts: number[] = Array.from({ length: steps }, () => 1);
  for (let left = Math.abs(weeks) - steps; left > 0; left--) {
    const at = random.int(0, steps - 1);
    parts[at] = (parts[at] ?? 0) + 1;
  }
  const sign = Math.sign(weeks);
  const from = window.from;
  const to = maxDate(window.to, from);
  const span = Math.max(daysBetween(from, to), steps);
  const pool = weeks < 0 ? PULL_FORWARD_REASONS : reasons;
  const changes: ChangePlan[] = [];
  let old = baseline;
  let previousAt = new Date(from.getTime() - DAY_MS);
  parts.forEach((part, i) => {
    const day = addDays(from, Math.round((span * (i + random.between(0.2, 0.9))) / steps));
    let changedAt = during(minDate(day, to), random, now);
    if (changedAt.getTime() <= previousAt.getTime()) changedAt = new Date(previousAt.getTime() + 3_600_000);
    const next = addDays(old, sign * part * 7);
    changes.push({ oldDate: old, newDate: next, reason: random.pick(pool), changedAt, by });
    old = next;
    previousAt = changedAt;
  });
  return changes;
}

export function planTimeline(spec: ProjectSpec, context: TimelineContext): TimelinePlan {
  const { today, now, random, owners, approver } = context;
  const stage = workingStage(spec);
  const start = toWeekday(addMonths(today, spec.start));
  const plannedEnd = toWeekday(addMonths(today, spec.end));
  const holdDay = spec.hold ? toWeekday(addMonths(today, -spec.hold.monthsAgo)) : null;
  const stopDay = spec.stop ? toWeekday(addMonths(today, -spec.stop.monthsAgo)) : null;
  const live = spec.stage === "APPROVED" || spec.stage === "PILOT" || spec.stage === "ROLLOUT";
  // Where recorded history ends for this project (closed projects are fixed below).
  const stopped = holdDay ?? stopDay ?? today;

  const specs = chooseMilestones(spec, random);
  const done = doneCount(specs, stage, random);
  const reasons = [...SLIP_REASONS[spec.template], ...SLIP_REASONS.any];
  const ownerAt = (i: number): PersonKey => owners[i % owners.length] ?? approver;

  // Milestones behind the project: placed on their forecast (when they happened), baseline earlier
  // by the slip. Closed projects end on their planned end; live ones a week or more before today.
  const pastEnd = stage === "CLOSED" ? plannedEnd : addDays(stopped, -7);
  const pastSpan = Math.max(daysBetween(start, pastEnd), 14 * done);
  const futureFrom = spec.stage === "PROPOSED" ? start : addDays(stopped, stopDay || holdDay ? 14 : 10);
  const futureEnd = maxDate(plannedEnd, addDays(futureFrom, 21 * Math.max(1, specs.length - done)));
  const futureSpan = daysBetween(futureFrom, futureEnd);

  const slips = specs.map((_, i) => {
    if (spec.stage === "PROPOSED") return 0;
    if (i >= done && spec.stage === "CANCELLED") return 0;
    return sampleSlipDays(random);
  });
  for (const title of context.mustSlip) {
    const index = specs.findIndex((m) => m.title.includes(title));
    if (index < 0) throw new Error(`${spec.code} has no milestone “${title}” to slip`);
    if ((slips[index] ?? 0) < 21) slips[index] = 42;
  }

  const milestones: MilestonePlan[] = specs.map((m, i) => {
    const owner = ownerAt(i);
    const isPast = i < done;
    let baselineDate: Date;
    let forecastDate: Date;
    let slip = slips[i] ?? 0;
    if (isPast) {
      const fraction = stage === "CLOSED" ? (i + 1) / done : (i + 1) / (done + 0.4);
      forecastDate = toWeekday(addDays(start, Math.round(pastSpan * fraction)));
      if (stage === "CLOSED") forecastDate = minDate(forecastDate, plannedEnd);
      slip = Math.min(slip, Math.floor(daysBetween(start, forecastDate) / 7) * 7);
      baselineDate = addDays(forecastDate, -slip);
    } else {
      const j = i - done;
      baselineDate = toWeekday(
        addDays(futureFrom, Math.round((futureSpan * (j + 1)) / (specs.length - done))),
      );
      if (live && slip === 0 && random.chance(0.06) && daysBetween(today, baselineDate) > 21) slip = -7;
      forecastDate = addDays(baselineDate, slip);
    }
    return {
      title: m.title,
      phase: m.phase,
      isGate: m.gate ?? false,
      baselineDate,
      forecastDate,
      actualDate: null,
      status: "NOT_STARTED",
      owner,
      changes: [],
      gateApproval: null,
    };
  });

  // Overdue: sometimes the latest milestone due is still open and nobody has re-forecast it.
  const last = milestones[done - 1];
  if (live && last && !last.isGate && random.chance(0.35)) {
    const forecast = weekdayOnOrBefore(addDays(today, -random.int(3, 20)));
    const slip = Math.max(0, daysBetween(last.baselineDate, last.forecastDate));
    last.forecastDate = maxDate(forecast, addDays(start, 7));
    last.baselineDate = addDays(
      last.forecastDate,
      -Math.min(slip, Math.floor(daysBetween(start, last.forecastDate) / 7) * 7),
    );
    last.status = "IN_PROGRESS";
  }

  let closedOn: Date | null = null;
  milestones.forEach((m, i) => {
    const isPast = i < done;
    const window = isPast
      ? {
          from: maxDate(addDays(start, 1), addDays(m.baselineDate, -42)),
          to: minDate(addDays(m.forecastDate, -1), addDays(stopped, -1)),
        }
      : { from: maxDate(addDays(start, 1), addDays(stopped, -120)), to: addDays(stopped, -1) };
    m.changes = planChanges(m.baselineDate, m.forecastDate, window, random, reasons, m.owner, now);
    if (isPast && m.status === "NOT_STARTED") {
      m.status = "DONE";
      const jitter = random.chance(0.3) ? random.int(-2, 3) : 0;
      const limit = stage === "CLOSED" ? plannedEnd : addDays(minDate(stopped, today), -1);
      m.actualDate = maxDate(start, minDate(toWeekday(addDays(m.forecastDate, jitter)), limit));
      if (m.isGate) m.gateApproval = { by: approver, at: during(m.actualDate, random, now) };
    } else if (!isPast) {
      if (spec.stage === "CANCELLED") m.status = "CANCELLED";
      else if (i === done && live) m.status = "IN_PROGRESS";
    }
  });

  if (spec.stage === "CLOSED") {
    // A descoped wave is cancelled rather than done; closing still passes rule 4.
    const descoped = milestones.find((m) => m.phase === "ROLLOUT" && !m.isGate && random.chance(0.3));
    if (descoped) {
      descoped.status = "CANCELLED";
      descoped.actualDate = null;
    }
    const lastActual = milestones.reduce<Date>(
      (latest, m) => (m.actualDate ? maxDate(latest, m.actualDate) : latest),
      start,
    );
    closedOn = minDate(toWeekday(addDays(lastActual, random.int(7, 20))), addDays(today, -1));
  }

  if (holdDay && spec.hold) {
    // Pausing pushes every open milestone out to after the expected restart, with the reason.
    const open = milestones.filter((m) => m.status !== "DONE");
    const first = open[0];
    if (first) {
      const gap = daysBetween(first.forecastDate, addDays(today, 60));
      const shift = 7 * (Math.max(0, Math.ceil(gap / 7)) + random.int(1, 4));
      const changedAt = during(addDays(holdDay, random.int(1, 5)), random, now);
      for (const m of open) {
        const next = addDays(m.forecastDate, shift);
        m.changes.push({
          oldDate: m.forecastDate,
          newDate: next,
          reason: `Paused while the project is on hold: ${spec.hold.reason.charAt(0).toLowerCase()}${spec.hold.reason.slice(1)}`,
          changedAt,
          by: m.owner,
        });
        m.forecastDate = next;
        m.status = "NOT_STARTED";
      }
    }
  }

  const cutoff = closedOn ?? stopped;
  const finalMilestone = milestones[milestones.length - 1];
  const baselineEnd = finalMilestone?.baselineDate ?? plannedEnd;
  // The project ends no earlier than its open milestones (docs/governance-rules.md NUM-1): a middle
  // milestone that slipped past the last one carries the forecast end along, as the app does.
  const forecastEnd =
    spec.stage === "CANCELLED"
      ? baselineEnd
      : milestones.reduce(
          (end, m) =>
            isOpenMilestone(m.status) ? computeForecastEndAfterMilestone(end, m.forecastDate) : end,
          finalMilestone?.forecastDate ?? plannedEnd,
        );

  const doneOf = (phase: Phase) =>
    milestones.filter((m) => m.phase === phase && m.actualDate).map((m) => m.actualDate as Date);
  const lastOf = (dates: Date[]) => dates.reduce<Date | null>((a, b) => (a ? maxDate(a, b) : b), null);
  const approvedOn = lastOf(doneOf("APPROVAL")) ?? addDays(start, 7);
  const pilotEndedOn = lastOf(doneOf("PILOT")) ?? approvedOn;
  // A project is in pilot from the day its pilot goes live.
  const pilotGate = milestones.find((m) => m.phase === "PILOT" && m.isGate && m.actualDate);
  const createdAt =
    spec.stage === "PROPOSED"
      ? during(addDays(today, -random.int(5, 40)), random, now)
      : during(addDays(start, -random.int(20, 60)), random, now);
  const pilotOn = pilotGate?.actualDate ?? addDays(approvedOn, random.int(7, 21));
  // A pilot scales only on its evidence (docs/governance-rules.md GATE-5): rollout waits for the
  // pilot's first confirmed result and leaves two days for the decision to scale and the request.
  const piloted = milestones.some((m) => m.phase === "PILOT");
  const rolloutAfterPilot = addDays(pilotEndedOn, random.int(3, 10));
  const resultsBy = piloted && context.pilotResultsBy ? context.pilotResultsBy(pilotOn) : null;
  const stageDay: Record<typeof spec.stage, Date> = {
    PROPOSED: createdAt,
    APPROVED: approvedOn,
    PILOT: pilotOn,
    ROLLOUT: resultsBy ? maxDate(rolloutAfterPilot, addDays(resultsBy, 2)) : rolloutAfterPilot,
    CLOSED: closedOn ?? today,
    ON_HOLD: holdDay ?? today,
    CANCELLED: stopDay ?? today,
  };
  const stageChangedAt =
    spec.stage === "PROPOSED"
      ? createdAt
      : during(minDate(stageDay[spec.stage], addDays(today, -1)), random, now);

  // The gates it passed to get where it is; work that cannot be piloted goes from Approved
  // straight to Rollout (OPERATIONAL only, which the governance check confirms).
  const path: GatePlan["stage"][] =
    stage === "PROPOSED"
      ? []
      : stage === "APPROVED"
        ? ["APPROVED"]
        : stage === "PILOT"
          ? ["APPROVED", "PILOT"]
          : [
              "APPROVED",
              ...(piloted ? (["PILOT"] as const) : []),
              "ROLLOUT",
              ...(stage === "CLOSED" ? (["CLOSED"] as const) : []),
            ];
  const gates: GatePlan[] = [];
  for (const gate of path) {
    const previous = gates[gates.length - 1]?.at ?? createdAt;
    let at =
      gate === spec.stage
        ? stageChangedAt
        : during(minDate(stageDay[gate], addDays(today, -1)), context.gateRandom, now);
    if (at.getTime() <= previous.getTime()) at = new Date(previous.getTime() + 3_600_000);
    gates.push({ stage: gate, at });
  }

  return { start, cutoff, createdAt, stageChangedAt, milestones, baselineEnd, forecastEnd, gates };
}
