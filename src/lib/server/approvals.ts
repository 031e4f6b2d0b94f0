import "server-only";
// The approvals inbox: what waits for this person's decision, and, apart, what they asked for
// that waits for someone else.
//
// Who may decide is the matrix (src/lib/domain/permissions.ts) plus the separation rules:
// - a stage gate: an executive who neither asked for it nor is the project's R
//   (docs/governance-rules.md GATE-2);
// - a rebaseline or scope change: an executive or the project's A, never its requester (REB-2).
//   Anyone who may decide may reject; approving beyond tolerance is an executive's (REB-3), so an
//   Accountable sees such a request with only "Reject" and the reason why, judged now with the
//   domain's own computeRebaselineTolerance and the settings in force.
// Which requests are listed is decided in SQL from the same facts, so the counts and the pages
// agree; each page's evidence (the gate's gaps, the tolerance) is then computed for that page only.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { toIsoDate } from "@/lib/domain/calendar";
import { type Action, AUTHORITY, can } from "@/lib/domain/permissions";
import {
  computeRebaselineTolerance,
  rebaselineDeciderViolations,
  rebaselineDecisionViolations,
} from "@/lib/domain/rebaselines";
import { stageGateDeciderViolations, stageGateDecisionViolations } from "@/lib/domain/stage-gate-requests";
import type { ProjectStage, RaciLetter, RebaselineKind } from "@/lib/domain/vocabulary";
import type { Clock } from "./dates";
import { loadStageFacts } from "./operations/projects";
import { getGovernanceSettings } from "./organisation";
import { loadPage, type Paged } from "./paging";

export const APPROVALS_PAGE_SIZE = 10;

export type ApprovalsView = "decide" | "mine";

interface ItemBase {
  id: string;
  version: number;
  project: { code: string; name: string; stage: ProjectStage };
  reason: string;
  requestedByName: string;
  requestedAt: string;
}

export interface GateItem extends ItemBase {
  type: "GATE";
  fromStage: ProjectStage;
  toStage: ProjectStage;
  /** The gate's checklist as it stands now: every gap that would stop an approval (GATE-3). */
  gaps: string[];
  /** Whether this person may decide it; otherwise why not (GATE-2). */
  mayDecide: boolean;
  why: string | null;
}

export interface RebaselineItem extends ItemBase {
  type: "REBASELINE";
  kind: RebaselineKind;
  milestoneTitle: string | null;
  previousEndDate: string | null;
  proposedEndDate: string | null;
  previousBudget: string | null;
  proposedBudget: string | null;
  previousMilestoneDate: string | null;
  proposedMilestoneDate: string | null;
  proposedMilestoneTitle: string | null;
  /** Judged now (REB-3): each threshold passed, as "end date 45 days later; tolerance 30 days". */
  tolerance: { within: boolean; breaches: string[] };
  mayApprove: boolean;
  mayReject: boolean;
  /** Why this person may not approve (or decide at all), in the rule's words. */
  why: string | null;
  /** What stops an approval whoever decides, e.g. the baseline moved since (REB-1). */
  problems: string[];
}

export type ApprovalItem = GateItem | RebaselineItem;

export interface Approvals {
  view: ApprovalsView;
  decideCount: number;
  mineCount: number;
  items: Paged<ApprovalItem>;
}

const TRUE = Prisma.sql`TRUE`;
const FALSE = Prisma.sql`FALSE`;

/** The matrix as SQL: the role allows it everywhere, or these letters allow it on their project. */
function allowedBy(action: Action, actor: Actor, projectColumn: Prisma.Sql): Prisma.Sql {
  if (can(action, { role: actor.role, letter: null })) return TRUE;
  const letters = AUTHORITY[action].letters.filter((letter) => can(action, { role: actor.role, letter }));
  if (letters.length === 0) return FALSE;
  return Prisma.sql`EXISTS (SELECT 1 FROM "RaciAssignment" r WHERE r."projectId" = ${projectColumn}
    AND r."userId" = ${actor.id} AND r."letter"::text IN (${Prisma.join(letters)}))`;
}

function isResponsible(actor: Actor, projectColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "RaciAssignment" r WHERE r."projectId" = ${projectColumn}
    AND r."userId" = ${actor.id} AND r."letter" = 'R')`;
}

/** The waiting requests in a view, as (type, id, requestedAt). */
function listed(view: ApprovalsView, actor: Actor): Prisma.Sql {
  const gateProject = Prisma.sql`g."projectId"`;
  const rebaselineProject = Prisma.sql`b."projectId"`;
  const gateDecider = allowedBy("stageGate.decide", actor, gateProject);
  const gate =
    view === "decide"
      ? Prisma.sql`${gateDecider} AND g."requestedById" <> ${actor.id} AND NOT ${isResponsible(actor, gateProject)}`
      : // Apart: their own requests, and gates they could decide but for being the project's R (GATE-2).
        Prisma.sql`(g."requestedById" = ${actor.id} OR (${gateDecider} AND ${isResponsible(actor, gateProject)}))`;
  const rebaseline =
    view === "decide"
      ? Prisma.sql`${allowedBy("rebaseline.decide", actor, rebaselineProject)} AND b."requestedById" <> ${actor.id}`
      : Prisma.sql`b."requestedById" = ${actor.id}`;
  return Prisma.sql`
    SELECT 'GATE' AS "type", g."id", g."requestedAt" FROM "StageGateRequest" g
      WHERE g."status" = 'REQUESTED' AND ${gate}
    UNION ALL
    SELECT 'REBASELINE' AS "type", b."id", b."requestedAt" FROM "Rebaseline" b
      WHERE b."status" = 'REQUESTED' AND ${rebaseline}`;
}

async function countListed(view: ApprovalsView, actor: Actor): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM (${listed(view, actor)}) x`;
  return Number(row?.count ?? 0);
}

export async function getApprovals(
  actor: Actor,
  clock: Clock,
  options: { view: ApprovalsView; page: number },
): Promise<Approvals> {
  const { view } = options;
  const other: ApprovalsView = view === "decide" ? "mine" : "decide";
  const [items, otherCount] = await Promise.all([
    loadPage<{ type: "GATE" | "REBASELINE"; id: string }>({
      page: options.page,
      pageSize: APPROVALS_PAGE_SIZE,
      count: () => countListed(view, actor),
      // Oldest first: what has waited longest is decided first.
      fetch: (skip, take) =>
        db().$queryRaw<
          { type: "GATE" | "REBASELINE"; id: string }[]
        >`SELECT "type", "id" FROM (${listed(view, actor)}) x
          ORDER BY "requestedAt" ASC, "id" ASC LIMIT ${take} OFFSET ${skip}`,
    }),
    countListed(other, actor),
  ]);
  const rows = await describeItems(actor, clock, items.rows);
  return {
    view,
    decideCount: view === "decide" ? items.total : otherCount,
    mineCount: view === "mine" ? items.total : otherCount,
    items: { ...items, rows },
  };
}

const projectSelect = {
  id: true,
  code: true,
  name: true,
  stage: true,
  startDate: true,
  baselineEndDate: true,
  baselineBudget: true,
} as const;

async function describeItems(
  actor: Actor,
  clock: Clock,
  listedRows: { type: "GATE" | "REBASELINE"; id: string }[],
): Promise<ApprovalItem[]> {
  const gateIds = listedRows.filter((r) => r.type === "GATE").map((r) => r.id);
  const rebaselineIds = listedRows.filter((r) => r.type === "REBASELINE").map((r) => r.id);
  const [gates, rebaselines, settings] = await Promise.all([
    gateIds.length
      ? db().stageGateRequest.findMany({
          where: { id: { in: gateIds } },
          include: { project: { select: projectSelect }, requestedBy: { select: { name: true } } },
        })
      : [],
    rebaselineIds.length
      ? db().rebaseline.findMany({
          where: { id: { in: rebaselineIds } },
          include: {
            project: { select: projectSelect },
            requestedBy: { select: { name: true } },
            milestone: { select: { title: true, status: true, baselineDate: true, isGate: true } },
          },
        })
      : [],
    getGovernanceSettings(),
  ]);
  const projectIds = [...new Set([...gates, ...rebaselines].map((r) => r.projectId))];
  const addProjects = [
    ...new Set(rebaselines.filter((r) => r.kind === "ADD_MILESTONE").map((r) => r.projectId)),
  ];
  const [letters, openMilestones] = await Promise.all([
    db().raciAssignment.findMany({
      where: { userId: actor.id, projectId: { in: projectIds } },
      select: { projectId: true, letter: true },
    }),
    addProjects.length
      ? db().milestone.findMany({
          where: { projectId: { in: addProjects }, status: { not: "DONE" } },
          select: { projectId: true, title: true, status: true, baselineDate: true },
        })
      : [],
  ]);
  const letterOn = new Map<string, RaciLetter>(letters.map((l) => [l.projectId, l.letter]));
  // A gate's checklist needs the project's stage facts; a page holds at most a few gates (one can
  // wait per project), each read with the same function the decision itself uses.
  const facts = new Map(
    await Promise.all(
      gates.map(async (g) => [g.id, (await loadStageFacts(db(), g.projectId, clock)).facts] as const),
    ),
  );

  const byId = new Map<string, ApprovalItem>();
  for (const g of gates) {
    const letter = letterOn.get(g.projectId) ?? null;
    const barred = stageGateDeciderViolations({
      requestedById: g.requestedById,
      deciderId: actor.id,
      deciderLetter: letter,
    });
    const projectFacts = facts.get(g.id);
    const gaps = projectFacts
      ? stageGateDecisionViolations({ request: g, decision: "APPROVED", reason: "", facts: projectFacts })
      : [];
    byId.set(g.id, {
      type: "GATE",
      id: g.id,
      version: g.version,
      project: { code: g.project.code, name: g.project.name, stage: g.project.stage },
      reason: g.reason,
      requestedByName: g.requestedBy.name,
      requestedAt: g.requestedAt.toISOString(),
      fromStage: g.fromStage,
      toStage: g.toStage,
      gaps: gaps.map((v) => v.message),
      mayDecide: can("stageGate.decide", { role: actor.role, letter }) && barred.length === 0,
      why: barred[0]?.message ?? null,
    });
  }
  for (const r of rebaselines) {
    const letter = letterOn.get(r.projectId) ?? null;
    const project = { ...r.project, baselineBudget: r.project.baselineBudget.toFixed(2) };
    const request = {
      kind: r.kind,
      status: r.status,
      previousEndDate: r.previousEndDate,
      proposedEndDate: r.proposedEndDate,
      previousBudget: r.previousBudget?.toFixed(2) ?? null,
      proposedBudget: r.proposedBudget?.toFixed(2) ?? null,
      previousMilestoneDate: r.previousMilestoneDate,
      proposedMilestoneDate: r.proposedMilestoneDate,
    };
    const tolerance = computeRebaselineTolerance({
      request: { ...request, proposedMilestoneTitle: r.proposedMilestoneTitle },
      project,
      milestone: r.milestone,
      existingMilestones: openMilestones.filter((m) => m.projectId === r.projectId),
      settings,
    });
    const decider = { id: actor.id, role: actor.role, letter };
    const matrix = can("rebaseline.decide", { role: actor.role, letter });
    const approveBarred = rebaselineDeciderViolations({
      decision: "APPROVED",
      requestedById: r.requestedById,
      decider,
      tolerance,
    });
    const rejectBarred = rebaselineDeciderViolations({
      decision: "REJECTED",
      requestedById: r.requestedById,
      decider,
      tolerance,
    });
    const problems = rebaselineDecisionViolations({
      request,
      decision: "APPROVED",
      reason: "",
      project,
      milestone: r.milestone,
    });
    const mayReject = matrix && rejectBarred.length === 0;
    byId.set(r.id, {
      type: "REBASELINE",
      id: r.id,
      version: r.version,
      project: { code: r.project.code, name: r.project.name, stage: r.project.stage },
      reason: r.reason,
      requestedByName: r.requestedBy.name,
      requestedAt: r.requestedAt.toISOString(),
      kind: r.kind,
      milestoneTitle: r.milestone?.title ?? null,
      previousEndDate: r.previousEndDate ? toIsoDate(r.previousEndDate) : null,
      proposedEndDate: r.proposedEndDate ? toIsoDate(r.proposedEndDate) : null,
      previousBudget: request.previousBudget,
      proposedBudget: request.proposedBudget,
      previousMilestoneDate: r.previousMilestoneDate ? toIsoDate(r.previousMilestoneDate) : null,
      proposedMilestoneDate: r.proposedMilestoneDate ? toIsoDate(r.proposedMilestoneDate) : null,
      proposedMilestoneTitle: r.proposedMilestoneTitle,
      tolerance: { within: tolerance.within, breaches: tolerance.breaches.map((b) => b.message) },
      mayApprove: matrix && approveBarred.length === 0 && problems.length === 0,
      mayReject,
      why: approveBarred[0]?.message ?? null,
      problems: problems.map((p) => p.message),
    });
  }
  return listedRows.flatMap((row) => {
    const item = byId.get(row.id);
    return item ? [item] : [];
  });
}
