// One table of labels (src/lib/domain/labels.ts): every value of every enum has its words, and no
// table labels a value the vocabulary does not have, so a page or a message never shows a raw code
// like "ON_HOLD" or an empty badge.
import { describe, expect, it } from "vitest";
import { SECURITY_ACTIONS } from "@/lib/auth/security-log";
import { REVOCATION_REASONS } from "@/lib/auth/sessions";
import * as labels from "@/lib/domain/labels";
import * as vocabulary from "@/lib/domain/vocabulary";

const TABLES: [string, Record<string, string>, readonly string[]][] = [
  ["ROLE_LABEL", labels.ROLE_LABEL, vocabulary.ROLES],
  ["DISCIPLINE_LABEL", labels.DISCIPLINE_LABEL, vocabulary.DISCIPLINES],
  ["CATEGORY_LABEL", labels.CATEGORY_LABEL, vocabulary.SCORECARD_CATEGORIES],
  ["OBJECTIVE_STATUS_LABEL", labels.OBJECTIVE_STATUS_LABEL, vocabulary.OBJECTIVE_STATUSES],
  ["PROJECT_KIND_LABEL", labels.PROJECT_KIND_LABEL, vocabulary.PROJECT_KINDS],
  ["STAGE_LABEL", labels.STAGE_LABEL, vocabulary.PROJECT_STAGES],
  ["CONTRIBUTION_LABEL", labels.CONTRIBUTION_LABEL, vocabulary.CONTRIBUTIONS],
  ["RACI_LABEL", labels.RACI_LABEL, vocabulary.RACI_LETTERS],
  ["MILESTONE_STATUS_LABEL", labels.MILESTONE_STATUS_LABEL, vocabulary.MILESTONE_STATUSES],
  ["REBASELINE_STATUS_LABEL", labels.REBASELINE_STATUS_LABEL, vocabulary.REBASELINE_STATUSES],
  ["REBASELINE_KIND_LABEL", labels.REBASELINE_KIND_LABEL, vocabulary.REBASELINE_KINDS],
  ["STAGE_GATE_STATUS_LABEL", labels.STAGE_GATE_STATUS_LABEL, vocabulary.STAGE_GATE_STATUSES],
  ["METRIC_DIRECTION_LABEL", labels.METRIC_DIRECTION_LABEL, vocabulary.METRIC_DIRECTIONS],
  ["CADENCE_LABEL", labels.CADENCE_LABEL, vocabulary.CADENCES],
  ["CADENCE_PERIOD_START_LABEL", labels.CADENCE_PERIOD_START_LABEL, vocabulary.CADENCES],
  ["METRIC_FOCUS_LABEL", labels.METRIC_FOCUS_LABEL, vocabulary.METRIC_FOCUSES],
  ["FEEDBACK_KIND_LABEL", labels.FEEDBACK_KIND_LABEL, vocabulary.FEEDBACK_KINDS],
  ["SEVERITY_LABEL", labels.SEVERITY_LABEL, vocabulary.SEVERITIES],
  ["FEEDBACK_STATUS_LABEL", labels.FEEDBACK_STATUS_LABEL, vocabulary.FEEDBACK_STATUSES],
  ["FEEDBACK_CLOSURE_LABEL", labels.FEEDBACK_CLOSURE_LABEL, vocabulary.FEEDBACK_CLOSURES],
  ["RISK_STATUS_LABEL", labels.RISK_STATUS_LABEL, vocabulary.RISK_STATUSES],
  ["DECISION_KIND_LABEL", labels.DECISION_KIND_LABEL, vocabulary.DECISION_KINDS],
  // The domain's own status words, which no database enum lists.
  ["RAG_LABEL", labels.RAG_LABEL, ["GREEN", "AMBER", "RED"]],
  ["METRIC_STATUS_LABEL", labels.METRIC_STATUS_LABEL, ["GREEN", "AMBER", "RED", "NO_RECENT_DATA", "NO_DATA"]],
  [
    "MILESTONE_HEALTH_LABEL",
    labels.MILESTONE_HEALTH_LABEL,
    ["DONE_ON_TIME", "DONE_LATE", "CANCELLED", "OVERDUE", "AT_RISK", "DUE_SOON", "ON_TRACK"],
  ],
  ["FEEDBACK_ESCALATION_LABEL", labels.FEEDBACK_ESCALATION_LABEL, ["NONE", "ACCOUNTABLE", "DUTY_EXECUTIVE"]],
  // The security log's words (src/lib/auth): its events and why sessions ended.
  ["SECURITY_ACTION_LABEL", labels.SECURITY_ACTION_LABEL, SECURITY_ACTIONS],
  ["REVOCATION_REASON_LABEL", labels.REVOCATION_REASON_LABEL, REVOCATION_REASONS],
];

describe("the one table of labels", () => {
  it.each(TABLES)("%s labels exactly the enum's values, each with words", (_name, table, values) => {
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const value of values) expect(table[value]?.trim(), value).toMatch(/\S/);
  });

  it("is every label table the module has, so none escapes this check", () => {
    const tables = Object.keys(labels).filter((name) => name.endsWith("_LABEL"));
    expect(tables.sort()).toEqual(TABLES.map(([name]) => name).sort());
  });

  it("uses the same words in the rules' messages as on pages", () => {
    expect(labels.STAGE_LABEL.ON_HOLD).toBe("On hold");
    expect(labels.METRIC_STATUS_LABEL.NO_RECENT_DATA).toBe("No recent data");
    expect(labels.METRIC_STATUS_LABEL.GREEN).toBe(labels.RAG_LABEL.GREEN);
  });
});
