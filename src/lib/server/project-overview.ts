import "server-only";
// The project overview tab in one statement: its key facts, its stage panel and its editors' data,
// each list aggregated as JSON in PostgreSQL beside the project's row, so the page costs the same
// few statements however many milestones, metrics, requests or objectives there are (issue #12,
// "Scale and speed"). The team, plan, metrics, feedback and risks are each read by their own tab
// (project-team.ts, project-milestones.ts, …), so the overview neither queries them nor carries a
// copy of what it does not show.
import { cache } from "react";
import { db } from "@/lib/db/client";
import { hasFinalValue } from "@/lib/domain/benefits-review";
import { type CalendarDate, type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { mayDecideStageGate } from "@/lib/domain/stage-gate-requests";
import {
  allowedNextStages,
  computePilotStartedAt,
  GATE_STAGES,
  type Gap,
  isGateMove,
  isOpenStage,
  type RaciEntry,
  type ProjectFacts as StageFacts,
  stageMoveGaps,
} from "@/lib/domain/stage-gates";
import type {
  Cadence,
  Contribution,
  MilestoneStatus,
  ProjectKind,
  ProjectStage,
  RaciLetter,
  ScorecardCategory,
  StageGateStatus,
} from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type ProjectSchedule, toProjectSchedule } from "./project-schedule";

/** The key facts at the top of the tab: money, dates, schedule, time in stage, expected benefits. */
export interface ProjectFacts extends ProjectSchedule {
  expectedBenefits: string;
  /** When it entered its stage (an instant). */
  stageChangedAt: string;
  /** Pounds; numeric(14,2) fits a double exactly enough for display. */
  baselineBudget: number;
  /**
   * The ledger's plain sum, reversals included (docs/governance-rules.md FRAME-8), as stored on the
   * project by its trigger (FRAME-10), so the page does not sum a growing ledger per request.
   */
  spentToDate: number;
  startDate: IsoDate;
}

export interface GateCheck {
  toStage: ProjectStage;
  /** Every gap the gate check names now; empty when the gate may be requested. */
  gaps: Pick<Gap, "code" | "message">[];
}

export interface StageGateRequestRow {
  id: string;
  version: number;
  fromStage: ProjectStage;
  toStage: ProjectStage;
  status: StageGateStatus;
  reason: string;
  requestedAt: string;
  requestedBy: { id: string; name: string };
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionReason: string | null;
}

/**
 * The stage panel: where the project stands, what blocks each gate the stage machine allows next
 * (the same facts and gap check the gate operations run, so the checklist never says "ready" where
 * a request would be refused), the request waiting, the history, and the direct moves. Separation
 * of duties (docs/governance-rules.md GATE-2) is worked out here too, so the page offers "Approve"
 * only to an executive whom the rule lets decide; the operation still checks.
 */
export interface ProjectStageView {
  projectId: string;
  /** The project's version as read, for gate requests and direct moves. */
  version: number;
  stage: ProjectStage;
  heldFromStage: ProjectStage | null;
  /** The gates the machine allows next, each with its gaps (none while on hold or finished). */
  gates: GateCheck[];
  /** Direct moves the machine allows now (GATE-4): on hold, resume into the held stage, cancel. */
  directMoves: ProjectStage[];
  pending: StageGateRequestRow | null;
  /** Decided and withdrawn requests, newest first. */
  history: StageGateRequestRow[];
  historyTotal: number;
  /** The actor could decide the pending request under GATE-2 (they did not ask and are not its R). */
  actorMayDecidePending: boolean;
  /** The actor asked for the pending request (the requester may always withdraw it). */
  actorRequestedPending: boolean;
}

/** What the editors need: the describing fields with the version read, sites, alignments, choices. */
export interface ProjectDetails {
  projectId: string;
  version: number;
  stage: ProjectStage;
  name: string;
  summary: string;
  kind: ProjectKind;
  siteId: string;
  expectedBenefits: string;
  forecastEndDate: IsoDate;
  alignments: {
    objectiveId: string;
    objectiveCode: string;
    objectiveTitle: string;
    category: ScorecardCategory;
    contribution: Contribution;
    rationale: string;
    /** The project's metrics (retired ones too) feeding this objective (docs/governance-rules.md NUM-9). */
    feedingMetricCount: number;
  }[];
  /** Active objectives the project is not yet aligned to, for the picker. */
  objectiveChoices: { id: string; code: string; title: string }[];
  sites: { id: string; name: string }[];
}

export interface ProjectOverview {
  facts: ProjectFacts;
  stage: ProjectStageView;
  details: ProjectDetails;
}

/** json_build_object writes timestamp(3) columns without a zone; they are UTC (Prisma's DateTime). */
const instant = (text: string): Date => new Date(text.endsWith("Z") ? text : `${text}Z`);
/** …and date columns as "YYYY-MM-DD": the day at UTC midnight, as a `date` column reads. */
const day = (text: string): CalendarDate => new Date(`${text}T00:00:00Z`);

/** A request as json_build_object writes it: the row's shape, its instants without a zone. */
type RequestJson = StageGateRequestRow;

interface OverviewRow {
  id: string;
  version: number;
  stage: ProjectStage;
  heldFromStage: ProjectStage | null;
  kind: ProjectKind;
  name: string;
  summary: string;
  siteId: string;
  expectedBenefits: string;
  stageChangedAt: Date;
  baselineBudget: number;
  startDate: Date;
  baselineEndDate: Date;
  forecastEndDate: Date;
  actualEndDate: Date | null;
  spent: number;
  amber: number;
  red: number;
  // As the editors take them: json_build_object writes COUNT(*) as a plain JSON number.
  alignments: ProjectDetails["alignments"];
  objectiveChoices: ProjectDetails["objectiveChoices"];
  sites: ProjectDetails["sites"];
  raci: RaciEntry[];
  milestones: { title: string; status: MilestoneStatus; isGate: boolean; gateApproved: boolean }[];
  metrics: {
    name: string;
    baselineValue: number;
    targetValue: number;
    cadence: Cadence;
    lastConfirmed: string | null;
  }[];
  pilotGateDecidedAt: Date | null;
  decisions: { kind: "SCALE" | "DO_NOT_SCALE"; title: string; decidedAt: string }[];
  pending: RequestJson | null;
  history: RequestJson[];
  historyTotal: number;
}

const HISTORY_LIMIT = 10;

const toRequestRow = (r: RequestJson): StageGateRequestRow => ({
  ...r,
  requestedAt: instant(r.requestedAt).toISOString(),
  decidedAt: r.decidedAt ? instant(r.decidedAt).toISOString() : null,
});

/**
 * The panel from what was read: the gates and direct moves the machine allows, each gate's gaps by
 * the same check the gate operations run, and what the actor may do with the pending request.
 */
function toStageView(input: {
  project: { id: string; version: number; stage: ProjectStage; heldFromStage: ProjectStage | null };
  facts: StageFacts;
  pending: StageGateRequestRow | null;
  history: StageGateRequestRow[];
  historyTotal: number;
  actor: { id: string; letter: RaciLetter | null };
}): ProjectStageView {
  const { project, facts, pending, history, historyTotal, actor } = input;
  const next = allowedNextStages(facts.stage, facts.heldFrom);
  const gates =
    facts.stage === "ON_HOLD"
      ? []
      : next
          .filter((s) => GATE_STAGES.includes(s) && isGateMove(facts.stage, s))
          .map((toStage) => ({
            toStage,
            gaps: stageMoveGaps(facts, toStage).map(({ code, message }) => ({ code, message })),
          }));
  return {
    projectId: project.id,
    version: project.version,
    stage: project.stage,
    heldFromStage: project.heldFromStage,
    gates,
    directMoves: next.filter((s) => !isGateMove(facts.stage, s)),
    pending,
    history,
    historyTotal,
    actorMayDecidePending: pending
      ? mayDecideStageGate({
          requestedById: pending.requestedBy.id,
          deciderId: actor.id,
          deciderLetter: actor.letter,
        })
      : false,
    actorRequestedPending: pending?.requestedBy.id === actor.id,
  };
}

async function readOverview(projectId: string): Promise<OverviewRow | undefined> {
  const [row] = await db().$queryRaw<OverviewRow[]>`
    WITH requests AS (
      SELECT g."projectId", g."status", g."requestedAt", json_build_object(
        'id', g."id", 'version', g."version", 'fromStage', g."fromStage", 'toStage', g."toStage",
        'status', g."status", 'reason', g."reason", 'requestedAt', g."requestedAt",
        'requestedBy', json_build_object('id', rb."id", 'name', rb."name"),
        'decidedAt', g."decidedAt",
        'decidedBy', CASE WHEN db."id" IS NULL THEN NULL ELSE json_build_object('id', db."id", 'name', db."name") END,
        'decisionReason', g."decisionReason") AS json
      FROM "StageGateRequest" g
      JOIN "User" rb ON rb."id" = g."requestedById"
      LEFT JOIN "User" db ON db."id" = g."decidedById"
      WHERE g."projectId" = ${projectId}
    )
    SELECT p."id", p."version", p."stage"::text AS "stage", p."heldFromStage"::text AS "heldFromStage",
      p."kind"::text AS "kind", p."name", p."summary", p."siteId", p."expectedBenefits", p."stageChangedAt",
      p."baselineBudget"::float8 AS "baselineBudget", p."startDate", p."baselineEndDate", p."forecastEndDate",
      p."actualEndDate",
      -- The ledger's sum, kept by a trigger on every entry and reversal (FRAME-8, FRAME-10).
      p."spentToDate"::float8 AS "spent",
      COALESCE(o."scheduleAmberPercent", ${DEFAULT_SETTINGS.scheduleAmberPercent}::float8) AS "amber",
      COALESCE(o."scheduleRedPercent", ${DEFAULT_SETTINGS.scheduleRedPercent}::float8) AS "red",
      COALESCE((SELECT json_agg(json_build_object(
          'objectiveId', so."id", 'objectiveCode', so."code", 'objectiveTitle', so."title",
          'category', so."category", 'contribution', a."contribution", 'rationale', a."rationale",
          -- The project's metrics (retired ones too) feeding this objective (NUM-9).
          'feedingMetricCount', (SELECT COUNT(*) FROM "Metric" fm
                                 WHERE fm."projectId" = p."id" AND fm."objectiveId" = so."id"))
          ORDER BY a."contribution", so."code")
        FROM "Alignment" a JOIN "StrategicObjective" so ON so."id" = a."objectiveId"
        WHERE a."projectId" = p."id"), '[]') AS "alignments",
      COALESCE((SELECT json_agg(json_build_object('id', so."id", 'code', so."code", 'title', so."title")
          ORDER BY so."code")
        FROM "StrategicObjective" so
        WHERE so."status" = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM "Alignment" a WHERE a."objectiveId" = so."id" AND a."projectId" = p."id")),
        '[]') AS "objectiveChoices",
      COALESCE((SELECT json_agg(json_build_object('id', s."id", 'name', s."name") ORDER BY s."name")
        FROM "Site" s), '[]') AS "sites",
      COALESCE((SELECT json_agg(json_build_object(
          'userId', r."userId", 'letter', r."letter", 'name', u."name", 'role', u."role",
          'discipline', u."discipline", 'active', u."active"))
        FROM "RaciAssignment" r JOIN "User" u ON u."id" = r."userId"
        WHERE r."projectId" = p."id"), '[]') AS "raci",
      COALESCE((SELECT json_agg(json_build_object(
          'title', m."title", 'status', m."status", 'isGate', m."isGate",
          'gateApproved', m."gateApprovedById" IS NOT NULL))
        FROM "Milestone" m WHERE m."projectId" = p."id"), '[]') AS "milestones",
      -- Retired metrics no longer measure the project; provisional values are never final (NUM-5).
      COALESCE((SELECT json_agg(json_build_object(
          'name', mt."name", 'baselineValue', mt."baselineValue", 'targetValue', mt."targetValue",
          'cadence', mt."cadence",
          'lastConfirmed', (SELECT MAX(v."periodStart") FROM "MetricValue" v
                            WHERE v."metricId" = mt."id" AND NOT v."provisional")))
        FROM "Metric" mt WHERE mt."projectId" = p."id" AND mt."active"), '[]') AS "metrics",
      (SELECT MAX(g."decidedAt") FROM "StageGateRequest" g
        WHERE g."projectId" = p."id" AND g."toStage" = 'PILOT' AND g."status" = 'APPROVED') AS "pilotGateDecidedAt",
      COALESCE((SELECT json_agg(json_build_object('kind', d."kind", 'title', d."title", 'decidedAt', d."decidedAt"))
        FROM "Decision" d WHERE d."projectId" = p."id" AND d."kind" IN ('SCALE', 'DO_NOT_SCALE')), '[]') AS "decisions",
      (SELECT rq.json FROM requests rq WHERE rq."status" = 'REQUESTED' LIMIT 1) AS "pending",
      COALESCE((SELECT json_agg(h.json ORDER BY h."requestedAt" DESC) FROM (
          SELECT rq.json, rq."requestedAt" FROM requests rq WHERE rq."status" <> 'REQUESTED'
          ORDER BY rq."requestedAt" DESC LIMIT ${HISTORY_LIMIT}) h), '[]') AS "history",
      (SELECT COUNT(*)::int FROM "StageGateRequest" g
        WHERE g."projectId" = p."id" AND g."status" <> 'REQUESTED') AS "historyTotal"
    FROM "Project" p
    LEFT JOIN "Organisation" o ON o."id" = 1
    WHERE p."id" = ${projectId}`;
  return row;
}

/** The overview tab's reads in one statement; null when no such project. Cached per request. */
export const getProjectOverview = cache(
  async (
    projectId: string,
    clock: Pick<Clock, "today" | "timeZone">,
    actor: { id: string; letter: RaciLetter | null },
  ): Promise<ProjectOverview | null> => {
    const row = await readOverview(projectId);
    if (!row) return null;
    const stageFacts: StageFacts = {
      kind: row.kind,
      stage: row.stage,
      heldFrom: row.heldFromStage && isOpenStage(row.heldFromStage) ? row.heldFromStage : null,
      alignmentCount: row.alignments.length,
      raci: row.raci,
      milestones: row.milestones,
      metrics: row.metrics.map((m) => {
        const last = m.lastConfirmed ? day(m.lastConfirmed) : null;
        return {
          name: m.name,
          baselineValue: m.baselineValue,
          targetValue: m.targetValue,
          hasFinalValue: hasFinalValue({ cadence: m.cadence, lastValuePeriodStart: last }, clock.today),
          lastConfirmedPeriodStart: last,
        };
      }),
      pilot:
        row.stage === "PILOT"
          ? {
              startedAt: computePilotStartedAt({
                pilotGateApprovedAt: row.pilotGateDecidedAt,
                stageChangedAt: row.stageChangedAt,
              }),
              timeZone: clock.timeZone,
              decisions: row.decisions.map((d) => ({ ...d, decidedAt: instant(d.decidedAt) })),
            }
          : null,
    };
    const pending = row.pending ? toRequestRow(row.pending) : null;
    const stage = toStageView({
      project: { id: row.id, version: row.version, stage: row.stage, heldFromStage: row.heldFromStage },
      facts: stageFacts,
      pending,
      history: row.history.map(toRequestRow),
      historyTotal: row.historyTotal,
      actor,
    });
    const facts: ProjectFacts = {
      expectedBenefits: row.expectedBenefits,
      stageChangedAt: row.stageChangedAt.toISOString(),
      baselineBudget: row.baselineBudget,
      spentToDate: row.spent,
      startDate: toIsoDate(row.startDate),
      ...toProjectSchedule(row, { scheduleAmberPercent: row.amber, scheduleRedPercent: row.red }),
    };
    const details: ProjectDetails = {
      projectId: row.id,
      version: row.version,
      stage: row.stage,
      name: row.name,
      summary: row.summary,
      kind: row.kind,
      siteId: row.siteId,
      expectedBenefits: row.expectedBenefits,
      forecastEndDate: toIsoDate(row.forecastEndDate),
      alignments: row.alignments,
      objectiveChoices: row.objectiveChoices,
      sites: row.sites,
    };
    return { facts, stage, details };
  },
);
