import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { isLiveProject, isProposal } from "@/lib/domain/alignment";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import {
  type ProjectKind,
  type ProjectStage,
  SCORECARD_CATEGORIES,
  type ScorecardCategory,
  type Severity,
} from "@/lib/domain/vocabulary";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import { listDutyEscalatedFeedbackIds } from "./feedback-queue";
import {
  type ObjectiveDelivery,
  type ObjectiveRow,
  objectiveDeliverySelect,
  objectiveRowSelect,
  toObjectiveDelivery,
  toObjectiveRow,
} from "./objective-rows";

const FINISHED_STAGES = ["CLOSED", "CANCELLED"] as const satisfies readonly ProjectStage[];
const OVERDUE_SAFETY_LISTED = 10;

/** An objective with its delivery by the one rule every page uses (docs/governance-rules.md NUM-7). */
export interface LeadershipObjective extends ObjectiveRow, ObjectiveDelivery {}

export interface UnalignedProject {
  code: string;
  name: string;
  kind: ProjectKind;
  stage: ProjectStage;
  siteName: string;
}

export interface OverdueSafetyItem {
  id: string;
  projectCode: string;
  projectName: string;
  severity: Severity;
  body: string;
  dueAt: string;
  /** FB-5: with the project's Accountable, or with the executive on duty as well. */
  escalation: FeedbackEscalation;
}

export interface LeadershipOverview {
  categories: { category: ScorecardCategory; objectives: LeadershipObjective[] }[];
  visionWithoutDeliveryCount: number;
  /** Live projects (delivering, or paused from delivering) serving no objective (NUM-8). */
  deliveryWithoutVision: UnalignedProject[];
  /** Proposals not aligned yet: they cannot be approved until they are (rule 1), but are not delivery (NUM-8). */
  unalignedProposals: UnalignedProject[];
  overdueSafetyFeedbackCount: number;
  /** The most overdue first, at most a handful; the count above is the full number. */
  overdueSafetyFeedback: OverdueSafetyItem[];
  /** Of the overdue safety feedback, how much has reached the executive on duty (FB-5). */
  overdueSafetyEscalatedCount: number;
  /** Who that is; null when the organisation has named nobody (escalations then reach no one). */
  dutyExecutiveName: string | null;
  rebaselinesAwaitingDecision: number;
}

export async function getLeadershipOverview(now: Date): Promise<LeadershipOverview> {
  const overdueSafety: Prisma.FeedbackWhereInput = {
    kind: "SAFETY",
    status: { in: AWAITING_ANSWER_STATUSES },
    dueAt: { lt: now },
  };
  const [
    objectives,
    unaligned,
    overdueSafetyFeedbackCount,
    overdueSafetyFeedback,
    rebaselines,
    escalated,
    organisation,
  ] = await Promise.all([
    db().strategicObjective.findMany({
      orderBy: { code: "asc" },
      select: { ...objectiveRowSelect, ...objectiveDeliverySelect },
    }),
    db().project.findMany({
      where: { stage: { notIn: [...FINISHED_STAGES] }, alignments: { none: {} } },
      orderBy: { code: "asc" },
      select: {
        code: true,
        name: true,
        kind: true,
        stage: true,
        heldFromStage: true,
        site: { select: { name: true } },
      },
    }),
    db().feedback.count({ where: overdueSafety }),
    db().feedback.findMany({
      where: overdueSafety,
      orderBy: { dueAt: "asc" },
      take: OVERDUE_SAFETY_LISTED,
      select: {
        id: true,
        kind: true,
        status: true,
        severity: true,
        body: true,
        createdAt: true,
        reopenedAt: true,
        dueAt: true,
        project: { select: { code: true, name: true } },
      },
    }),
    db().rebaseline.count({ where: { status: "REQUESTED" } }),
    listDutyEscalatedFeedbackIds(now),
    db().organisation.findUnique({
      where: { id: 1 },
      select: { dutyExecutive: { select: { name: true } } },
    }),
  ]);

  const rows = objectives.map(
    (o): LeadershipObjective => ({ ...toObjectiveRow(o), ...toObjectiveDelivery(o) }),
  );
  const unalignedRow = (p: (typeof unaligned)[number]): UnalignedProject => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    stage: p.stage,
    siteName: p.site.name,
  });

  return {
    categories: SCORECARD_CATEGORIES.map((category) => ({
      category,
      objectives: rows.filter((o) => o.category === category),
    })).filter((group) => group.objectives.length > 0),
    visionWithoutDeliveryCount: rows.filter((o) => o.visionWithoutDelivery).length,
    deliveryWithoutVision: unaligned.filter((p) => isLiveProject(p.stage, p.heldFromStage)).map(unalignedRow),
    unalignedProposals: unaligned.filter((p) => isProposal(p.stage, p.heldFromStage)).map(unalignedRow),
    overdueSafetyFeedbackCount,
    overdueSafetyFeedback: overdueSafetyFeedback.map((f) => ({
      id: f.id,
      projectCode: f.project.code,
      projectName: f.project.name,
      severity: f.severity,
      body: f.body,
      dueAt: f.dueAt.toISOString(),
      escalation: computeFeedbackEscalation(f, now),
    })),
    overdueSafetyEscalatedCount: escalated.length,
    dutyExecutiveName: organisation?.dutyExecutive?.name ?? null,
    rebaselinesAwaitingDecision: rebaselines,
  };
}
