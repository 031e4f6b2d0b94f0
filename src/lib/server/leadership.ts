import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  type ProjectKind,
  type ProjectStage,
  ScorecardCategory,
  type Severity,
} from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { computeObjectiveCoverage } from "@/lib/domain/alignment";
import { computeFeedbackEscalation, type FeedbackEscalation } from "@/lib/domain/feedback-loop";
import { AWAITING_ANSWER_STATUSES } from "./feedback-filters";
import { listDutyEscalatedFeedbackIds } from "./feedback-queue";
import { type ObjectiveRow, objectiveRowSelect, toObjectiveRow } from "./objective-rows";

const FINISHED_STAGES = ["CLOSED", "CANCELLED"] as const satisfies readonly ProjectStage[];
const OVERDUE_SAFETY_LISTED = 10;

export interface LeadershipObjective extends ObjectiveRow {
  /** Aligned projects approved, in pilot or in rollout. */
  activeProjectCount: number;
  /** An active objective that no delivering project serves. */
  visionWithoutDelivery: boolean;
}

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
  deliveryWithoutVision: UnalignedProject[];
  overdueSafetyFeedbackCount: number;
  /** The most overdue first, at most a handful; the count above is the full number. */
  overdueSafetyFeedback: OverdueSafetyItem[];
  /** Of the overdue safety feedback, how much has reached the executive on duty (FB-5). */
  overdueSafetyEscalatedCount: number;
  rebaselinesAwaitingDecision: number;
}

export async function getLeadershipOverview(now: Date): Promise<LeadershipOverview> {
  const overdueSafety: Prisma.FeedbackWhereInput = {
    kind: "SAFETY",
    status: { in: AWAITING_ANSWER_STATUSES },
    dueAt: { lt: now },
  };
  const [objectives, unaligned, overdueSafetyFeedbackCount, overdueSafetyFeedback, rebaselines, escalated] =
    await Promise.all([
      db().strategicObjective.findMany({
        orderBy: { code: "asc" },
        select: {
          ...objectiveRowSelect,
          // Every alignment with its project's stage, in one batched query: the domain's coverage
          // rule decides which count as delivery.
          alignments: { select: { contribution: true, project: { select: { stage: true } } } },
        },
      }),
      db().project.findMany({
        where: { stage: { notIn: [...FINISHED_STAGES] }, alignments: { none: {} } },
        orderBy: { code: "asc" },
        select: { code: true, name: true, kind: true, stage: true, site: { select: { name: true } } },
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
    ]);

  const rows = objectives.map((o): LeadershipObjective => {
    const coverage = computeObjectiveCoverage({
      status: o.status,
      alignedProjects: o.alignments.map((a) => ({ stage: a.project.stage, contribution: a.contribution })),
    });
    return {
      ...toObjectiveRow(o),
      activeProjectCount: coverage.activeProjectCount,
      visionWithoutDelivery: coverage.visionWithoutDelivery,
    };
  });

  return {
    categories: Object.values(ScorecardCategory)
      .map((category) => ({ category, objectives: rows.filter((o) => o.category === category) }))
      .filter((group) => group.objectives.length > 0),
    visionWithoutDeliveryCount: rows.filter((o) => o.visionWithoutDelivery).length,
    deliveryWithoutVision: unaligned.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind,
      stage: p.stage,
      siteName: p.site.name,
    })),
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
    rebaselinesAwaitingDecision: rebaselines,
  };
}
