import "server-only";
// What a project's milestones tab shows: the plan (every milestone with its baseline, forecast and
// actual dates, health by the domain's rule, and the version each form sends back), the project's
// own baselines a rebaseline would move, whether its scope is governed (docs/governance-rules.md
// REB-4: adding or cancelling a milestone is then a scope change), and its rebaselines and scope
// changes, those waiting first. A project's plan is a handful of milestones, so it is read whole;
// requests already decided are capped to the latest few.
import { db } from "@/lib/db/client";
import { type IsoDate, toIsoDate } from "@/lib/domain/calendar";
import { isScopeGoverned } from "@/lib/domain/rebaselines";
import type { ProjectStage, RaciLetter, RebaselineKind, RebaselineStatus } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { type MilestoneRow, milestoneRowSelect, toMilestoneRow } from "./milestone-rows";
import { getGovernanceSettings } from "./organisation";

/** Decided requests shown under the waiting ones; older ones are in the project's history. */
export const DECIDED_REQUESTS_SHOWN = 5;

export interface PlanMilestone extends MilestoneRow {
  version: number;
  ownerId: string | null;
  ownerName: string | null;
  /** Who signed its gate off, and when (an instant); null while not signed off. */
  gateSignedOff: { byName: string; at: string } | null;
  /** The reason given for the latest forecast move, for the timeline's reader. */
  lastChange: { reason: string; byName: string; at: string } | null;
}

export interface PlanRequest {
  id: string;
  kind: RebaselineKind;
  status: RebaselineStatus;
  reason: string;
  milestoneTitle: string | null;
  previousEndDate: IsoDate | null;
  proposedEndDate: IsoDate | null;
  /** Decimal strings, e.g. "210000.00". */
  previousBudget: string | null;
  proposedBudget: string | null;
  previousMilestoneDate: IsoDate | null;
  proposedMilestoneDate: IsoDate | null;
  proposedMilestoneTitle: string | null;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface ProjectPlan {
  projectId: string;
  code: string;
  stage: ProjectStage;
  startDate: IsoDate;
  baselineEndDate: IsoDate;
  forecastEndDate: IsoDate;
  baselineBudget: string;
  /** docs/governance-rules.md REB-4: adding or cancelling a milestone needs a scope change. */
  scopeGoverned: boolean;
  /** Closed or cancelled: nothing on the plan changes any more. */
  final: boolean;
  milestones: PlanMilestone[];
  /** The project's R and A, who may own a milestone. */
  team: { id: string; name: string; letter: RaciLetter }[];
  waiting: PlanRequest[];
  decided: PlanRequest[];
  decidedTotal: number;
  /** The trust's rebaseline tolerance (docs/governance-rules.md REB-3), to say who will decide. */
  tolerance: { days: number; percent: number };
}

const requestSelect = {
  id: true,
  kind: true,
  status: true,
  reason: true,
  previousEndDate: true,
  proposedEndDate: true,
  previousBudget: true,
  proposedBudget: true,
  previousMilestoneDate: true,
  proposedMilestoneDate: true,
  proposedMilestoneTitle: true,
  requestedAt: true,
  decidedAt: true,
  decisionReason: true,
  milestone: { select: { title: true } },
  requestedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} as const;

type RequestRecord = {
  id: string;
  kind: RebaselineKind;
  status: RebaselineStatus;
  reason: string;
  previousEndDate: Date | null;
  proposedEndDate: Date | null;
  previousBudget: { toFixed(digits: number): string } | null;
  proposedBudget: { toFixed(digits: number): string } | null;
  previousMilestoneDate: Date | null;
  proposedMilestoneDate: Date | null;
  proposedMilestoneTitle: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  milestone: { title: string } | null;
  requestedBy: { name: string };
  decidedBy: { name: string } | null;
};

const day = (date: Date | null) => (date ? toIsoDate(date) : null);

export function toPlanRequest(r: RequestRecord): PlanRequest {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    milestoneTitle: r.milestone?.title ?? null,
    previousEndDate: day(r.previousEndDate),
    proposedEndDate: day(r.proposedEndDate),
    previousBudget: r.previousBudget?.toFixed(2) ?? null,
    proposedBudget: r.proposedBudget?.toFixed(2) ?? null,
    previousMilestoneDate: day(r.previousMilestoneDate),
    proposedMilestoneDate: day(r.proposedMilestoneDate),
    proposedMilestoneTitle: r.proposedMilestoneTitle,
    requestedByName: r.requestedBy.name,
    requestedAt: r.requestedAt.toISOString(),
    decidedByName: r.decidedBy?.name ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
  };
}

export async function getProjectPlan(projectId: string, clock: Clock): Promise<ProjectPlan | null> {
  const [project, waiting, decided, decidedTotal, settings] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        code: true,
        stage: true,
        heldFromStage: true,
        startDate: true,
        baselineEndDate: true,
        forecastEndDate: true,
        baselineBudget: true,
        milestones: {
          orderBy: [{ baselineDate: "asc" }, { title: "asc" }],
          select: {
            ...milestoneRowSelect,
            version: true,
            ownerId: true,
            gateApprovedAt: true,
            owner: { select: { name: true } },
            gateApprover: { select: { name: true } },
            changes: {
              orderBy: { changedAt: "desc" },
              take: 1,
              select: { reason: true, changedAt: true, changedBy: { select: { name: true } } },
            },
          },
        },
        raci: {
          where: { letter: { in: ["R", "A"] }, user: { active: true } },
          orderBy: { user: { name: "asc" } },
          select: { letter: true, user: { select: { id: true, name: true } } },
        },
      },
    }),
    db().rebaseline.findMany({
      where: { projectId, status: "REQUESTED" },
      orderBy: { requestedAt: "asc" },
      select: requestSelect,
    }),
    db().rebaseline.findMany({
      where: { projectId, status: { not: "REQUESTED" } },
      orderBy: [{ decidedAt: "desc" }, { requestedAt: "desc" }],
      take: DECIDED_REQUESTS_SHOWN,
      select: requestSelect,
    }),
    db().rebaseline.count({ where: { projectId, status: { not: "REQUESTED" } } }),
    getGovernanceSettings(),
  ]);
  if (!project) return null;
  return {
    projectId: project.id,
    code: project.code,
    stage: project.stage,
    startDate: toIsoDate(project.startDate),
    baselineEndDate: toIsoDate(project.baselineEndDate),
    forecastEndDate: toIsoDate(project.forecastEndDate),
    baselineBudget: project.baselineBudget.toFixed(2),
    scopeGoverned: isScopeGoverned(project),
    final: project.stage === "CLOSED" || project.stage === "CANCELLED",
    milestones: project.milestones.map((m) => {
      const change = m.changes[0];
      return {
        ...toMilestoneRow(m, clock.today),
        version: m.version,
        ownerId: m.ownerId,
        ownerName: m.owner?.name ?? null,
        gateSignedOff:
          m.gateApprover && m.gateApprovedAt
            ? { byName: m.gateApprover.name, at: m.gateApprovedAt.toISOString() }
            : null,
        lastChange: change
          ? { reason: change.reason, byName: change.changedBy.name, at: change.changedAt.toISOString() }
          : null,
      };
    }),
    team: project.raci.map((r) => ({ id: r.user.id, name: r.user.name, letter: r.letter })),
    waiting: waiting.map(toPlanRequest),
    decided: decided.map(toPlanRequest),
    decidedTotal,
    tolerance: { days: settings.rebaselineToleranceDays, percent: settings.rebaselineTolerancePercent },
  };
}
