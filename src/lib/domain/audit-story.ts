// A project's audit trail read as sentences: "Priya Shah moved the forecast of “Go live” from
// 3 Mar 2027 to 17 Mar 2027: supplier delay". Pure: the caller passes the event (its before and
// after snapshots as written by the operations: dates as ISO text, money as decimal text) and the
// names of the people, milestones and metrics it refers to. One phrase per audit action; anything
// not known here still reads as a sentence naming who did what to which record.
import { formatShortCalendarDate } from "./calendar";
import {
  CONTRIBUTION_LABEL,
  DECISION_KIND_LABEL,
  FEEDBACK_KIND_LABEL,
  RACI_LABEL,
  RISK_STATUS_LABEL,
  SEVERITY_LABEL,
  STAGE_LABEL,
} from "./labels";
import { formatMoney } from "./money";

export interface AuditRecord {
  action: string;
  entityType: string;
  /** Null for an event with no actor (a system step). */
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/** Names for the ids an event refers to; undefined when not known (a deleted or foreign record). */
export interface AuditNames {
  user(id: string): string | undefined;
  milestone(id: string): string | undefined;
  metric(id: string): string | undefined;
}

type Snapshot = Record<string, unknown>;

const asSnapshot = (value: unknown): Snapshot =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : {};

const text = (s: Snapshot, key: string): string | undefined => {
  const v = s[key];
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
};

const day = (s: Snapshot, key: string): string | undefined => {
  const v = text(s, key);
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatShortCalendarDate(v.slice(0, 10)) : undefined;
};

const money = (s: Snapshot, key: string): string | undefined => {
  const v = text(s, key);
  return v === undefined ? undefined : formatMoney(v);
};

function label<K extends string>(
  table: Readonly<Record<K, string>>,
  value: string | undefined,
): string | undefined {
  return value !== undefined && value in table ? table[value as K] : undefined;
}

const quoted = (title: string | undefined, fallback: string) => (title ? `“${title}”` : fallback);
const because = (reason: string | undefined) => (reason ? `: ${reason}` : "");

/** "end date from 1 Jul 2027 to 15 Aug 2027, budget from £210,000.00 to £230,000.00". */
function baselineMoves(s: Snapshot, names: AuditNames): string[] {
  const moves: string[] = [];
  const endTo = day(s, "proposedEndDate");
  if (endTo) moves.push(`the end date from ${day(s, "previousEndDate") ?? "its baseline"} to ${endTo}`);
  const budgetTo = money(s, "proposedBudget");
  if (budgetTo) moves.push(`the budget from ${money(s, "previousBudget") ?? "its baseline"} to ${budgetTo}`);
  const milestoneTo = day(s, "proposedMilestoneDate");
  if (milestoneTo) {
    const id = text(s, "milestoneId");
    const title = id ? names.milestone(id) : undefined;
    moves.push(
      `the baseline of ${quoted(title, "a milestone")} from ${day(s, "previousMilestoneDate") ?? "its baseline"} to ${milestoneTo}`,
    );
  }
  return moves;
}

/** What a rebaseline or scope change asks for, as the object of "asked to …" or "approved …". */
function requestedChange(s: Snapshot, names: AuditNames): string {
  const kind = text(s, "kind") ?? "BASELINE";
  if (kind === "ADD_MILESTONE") {
    const date = day(s, "proposedMilestoneDate");
    return `add the milestone ${quoted(text(s, "proposedMilestoneTitle"), "a milestone")}${date ? ` with a baseline of ${date}` : ""}`;
  }
  if (kind === "CANCEL_MILESTONE") {
    const id = text(s, "milestoneId");
    return `cancel the milestone ${quoted(id ? names.milestone(id) : undefined, "a milestone")}`;
  }
  const moves = baselineMoves(s, names);
  return moves.length ? `move ${moves.join(", and ")}` : "move the baseline";
}

function requestNoun(s: Snapshot): string {
  const kind = text(s, "kind") ?? "BASELINE";
  return kind === "BASELINE" ? "the rebaseline" : "the scope change";
}

const stage = (s: Snapshot, key: string) => label(STAGE_LABEL, text(s, key)) ?? "another stage";

type Phrase = (before: Snapshot, after: Snapshot, names: AuditNames) => string;

const PHRASES: Readonly<Record<string, Phrase>> = {
  "project.create": (_, a) => `proposed the project ${quoted(text(a, "name"), "")}`.trim(),
  "project.update": (b, a) => {
    const changed = ["name", "summary", "expectedBenefits", "kind", "siteId", "startDate", "forecastEndDate"]
      .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]) && a[key] !== undefined)
      .map((key) => PROJECT_FIELD[key] ?? key);
    const forecast = day(a, "forecastEndDate");
    return changed.length
      ? `updated the project's ${changed.join(", ")}${changed.includes("forecast end date") && forecast ? ` (now ${forecast})` : ""}`
      : "updated the project's details";
  },
  "project.change_stage": (b, a) =>
    `moved the project from ${stage(b, "stage")} to ${stage(a, "stage")}${because(text(a, "reason"))}`,
  "stage_gate.request": (_, a) =>
    `asked for the ${stage(a, "toStage")} gate (from ${stage(a, "fromStage")})${because(text(a, "reason"))}`,
  "stage_gate.approve": (b, a) =>
    `approved the ${stage(a.toStage ? a : b, "toStage")} gate: the project moved to ${stage(a.toStage ? a : b, "toStage")}${because(text(a, "decisionReason"))}`,
  "stage_gate.reject": (b, a) =>
    `rejected the ${stage(a.toStage ? a : b, "toStage")} gate${because(text(a, "decisionReason"))}`,
  "stage_gate.withdraw": (b, a) => `withdrew the request for the ${stage(a.toStage ? a : b, "toStage")} gate`,
  "milestone.create": (_, a) =>
    `added the milestone ${quoted(text(a, "title"), "a milestone")}${day(a, "baselineDate") ? ` with a baseline of ${day(a, "baselineDate")}` : ""}`,
  "milestone.change_forecast": (b, a) => {
    const project =
      day(a, "projectForecastEndDate") &&
      day(b, "projectForecastEndDate") !== day(a, "projectForecastEndDate")
        ? ` (the project's forecast end moved to ${day(a, "projectForecastEndDate")})`
        : "";
    return `moved the forecast of ${quoted(text(a, "title") ?? text(b, "title"), "a milestone")} from ${day(b, "forecastDate") ?? "its forecast"} to ${day(a, "forecastDate") ?? "a new date"}${because(text(a, "reason"))}${project}`;
  },
  "milestone.complete": (b, a) =>
    `marked ${quoted(text(a, "title") ?? text(b, "title"), "a milestone")} done${day(a, "actualDate") ? ` on ${day(a, "actualDate")}` : ""}`,
  "milestone.cancel": (b, a) =>
    `cancelled the milestone ${quoted(text(a, "title") ?? text(b, "title"), "a milestone")}${because(text(a, "reason"))}`,
  "milestone.approve_gate": (b, a) =>
    `signed off the gate milestone ${quoted(text(a, "title") ?? text(b, "title"), "a milestone")}`,
  "rebaseline.request": (_, a, names) => `asked to ${requestedChange(a, names)}${because(text(a, "reason"))}`,
  "rebaseline.approve": (b, a, names) =>
    `approved ${requestNoun(a)} to ${requestedChange({ ...b, ...a }, names)}${because(text(a, "decisionReason"))}`,
  "rebaseline.reject": (b, a, names) =>
    `rejected ${requestNoun(a)} to ${requestedChange({ ...b, ...a }, names)}${because(text(a, "decisionReason"))}`,
  "raci.assign": (b, a, names) => {
    const who = personIn(a, names) ?? personIn(b, names) ?? "someone";
    const to = label(RACI_LABEL, text(a, "letter")) ?? "a member";
    const from = label(RACI_LABEL, text(b, "letter"));
    return from ? `changed ${who} from ${from} to ${to}` : `made ${who} ${to}`;
  },
  "raci.remove": (b, _, names) =>
    `removed ${personIn(b, names) ?? "someone"}${label(RACI_LABEL, text(b, "letter")) ? ` (${label(RACI_LABEL, text(b, "letter"))})` : ""} from the team`,
  "raci.hand_over_accountable": (b, a, names) => {
    const from = text(b, "accountableUserId");
    const to = text(a, "accountableUserId");
    const fromName = from ? names.user(from) : undefined;
    const toName = (to ? names.user(to) : undefined) ?? "someone else";
    return fromName
      ? `handed the Accountable from ${fromName} to ${toName}`
      : `made ${toName} the Accountable`;
  },
  "alignment.create": (_, a) =>
    `aligned the project to ${text(a, "objectiveCode") ?? "an objective"}${label(CONTRIBUTION_LABEL, text(a, "contribution")) ? ` (${label(CONTRIBUTION_LABEL, text(a, "contribution"))?.toLowerCase()})` : ""}`,
  "alignment.remove": (b) =>
    `removed the project's alignment to ${text(b, "objectiveCode") ?? "an objective"}`,
  "feedback.log": (_, a) => {
    const kind = label(FEEDBACK_KIND_LABEL, text(a, "kind"))?.toLowerCase() ?? "";
    const severity = text(a, "kind") === "SAFETY" ? label(SEVERITY_LABEL, text(a, "severity")) : undefined;
    return `logged ${severity ? `${severity.toLowerCase()} ` : ""}${kind} feedback`.replace(/\s+/g, " ");
  },
  "feedback.acknowledge": () => "acknowledged feedback",
  "feedback.respond": (_, a) => `answered feedback${because(text(a, "responseText"))}`,
  "feedback.accept": () => "accepted the answer to their feedback",
  "feedback.reopen": (_, a) => `reopened their feedback${because(text(a, "reopenComment"))}`,
  "feedback.close": () => "closed feedback whose answer had waited past the acceptance time",
  "metric.define": (_, a) => `defined the metric ${quoted(text(a, "name"), "a metric")}`,
  "metric.update": (b, a) => `updated the metric ${quoted(text(a, "name") ?? text(b, "name"), "a metric")}`,
  "metric_value.record": (_, a, names) =>
    `recorded ${text(a, "value") ?? "a value"} for ${metricIn(a, names)}${day(a, "periodStart") ? ` (period from ${day(a, "periodStart")})` : ""}${a.provisional === true ? ", provisional" : ""}`,
  "metric_value.correct": (b, a, names) =>
    `corrected ${metricIn(a, names)}${day(a, "periodStart") ? ` for the period from ${day(a, "periodStart")}` : ""} from ${text(b, "value") ?? "?"} to ${text(a, "value") ?? "?"}${because(text(a, "reason"))}`,
  "cost_entry.record": (_, a) =>
    `recorded a cost of ${money(a, "amount") ?? "an amount"}${text(a, "description") ? ` for ${text(a, "description")}` : ""}`,
  "cost_entry.reverse": (_, a) =>
    `reversed a cost entry (${money(a, "amount") ?? "an amount"})${because(text(a, "description"))}`,
  "risk.create": (_, a) => `raised the risk ${quoted(text(a, "title"), "a risk")}`,
  "risk.update": (b, a) => {
    const status = label(RISK_STATUS_LABEL, text(a, "status"));
    const was = label(RISK_STATUS_LABEL, text(b, "status"));
    return `updated the risk ${quoted(text(a, "title") ?? text(b, "title"), "a risk")}${status && status !== was ? ` (now ${status.toLowerCase()})` : ""}`;
  },
  "decision.record": (_, a) => {
    const kind = text(a, "kind");
    const prefix =
      kind && kind !== "GENERAL" ? `${label(DECISION_KIND_LABEL, kind) ?? ""} decision ` : "decision ";
    return `recorded the ${prefix}${quoted(text(a, "title"), "")}`.trim();
  },
};

const PROJECT_FIELD: Record<string, string> = {
  name: "name",
  summary: "summary",
  expectedBenefits: "expected benefits",
  kind: "kind",
  siteId: "site",
  startDate: "start date",
  forecastEndDate: "forecast end date",
};

function personIn(s: Snapshot, names: AuditNames): string | undefined {
  const id = text(s, "userId");
  return id ? names.user(id) : undefined;
}

function metricIn(s: Snapshot, names: AuditNames): string {
  const id = text(s, "metricId");
  return quoted(id ? names.metric(id) : undefined, "a metric");
}

/** "record.verb" → "verb"; "change_stage" → "change stage": the fallback's words. */
function actionWords(action: string): string {
  const verb = action.includes(".") ? action.slice(action.indexOf(".") + 1) : action;
  return verb.replace(/_/g, " ");
}

const ENTITY_WORDS: Record<string, string> = {
  Project: "the project",
  Milestone: "a milestone",
  Rebaseline: "a rebaseline",
  StageGateRequest: "a stage gate request",
  RaciAssignment: "the team",
  Alignment: "an alignment",
  Feedback: "feedback",
  Metric: "a metric",
  MetricValue: "a metric value",
  CostEntry: "a cost entry",
  Risk: "a risk",
  Decision: "a decision",
};

/** One audit event as a sentence starting with who did it. */
export function describeAuditEvent(event: AuditRecord, names: AuditNames): string {
  const who = event.actorName ?? "Throughline";
  const phrase = PHRASES[event.action];
  if (phrase) return `${who} ${phrase(asSnapshot(event.before), asSnapshot(event.after), names)}`;
  const what = ENTITY_WORDS[event.entityType] ?? event.entityType;
  return `${who}: ${actionWords(event.action)} on ${what}`;
}

/** Every id an event refers to that the sentence names, so the caller can look them up at once. */
export function referencedIds(event: Pick<AuditRecord, "before" | "after">): {
  users: string[];
  milestones: string[];
  metrics: string[];
} {
  const users = new Set<string>();
  const milestones = new Set<string>();
  const metrics = new Set<string>();
  for (const s of [asSnapshot(event.before), asSnapshot(event.after)]) {
    for (const key of ["userId", "accountableUserId"]) {
      const id = text(s, key);
      if (id) users.add(id);
    }
    const milestone = text(s, "milestoneId");
    if (milestone) milestones.add(milestone);
    const metric = text(s, "metricId");
    if (metric) metrics.add(metric);
  }
  return { users: [...users], milestones: [...milestones], metrics: [...metrics] };
}
