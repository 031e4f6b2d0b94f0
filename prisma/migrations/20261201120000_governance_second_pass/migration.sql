-- Governance, second pass: stage-gate requests, scope changes as rebaselines, organisation
-- settings for tolerances, schedule RAG and answer times, accountable eligibility, provisional
-- metric values, feedback acceptance, scale decisions and reversing cost entries.

-- CreateEnum
CREATE TYPE "RebaselineKind" AS ENUM ('BASELINE', 'ADD_MILESTONE', 'CANCEL_MILESTONE');

-- CreateEnum
CREATE TYPE "StageGateStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FeedbackClosure" AS ENUM ('ACCEPTED', 'ACCEPTANCE_TIMED_OUT', 'ENDORSEMENT_ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('GENERAL', 'SCALE', 'DO_NOT_SCALE');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "dutyExecutiveId" TEXT,
ADD COLUMN     "feedbackAcceptanceTimeoutDays" INTEGER,
ADD COLUMN     "feedbackAnswerWorkingDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "rebaselineToleranceDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "rebaselineTolerancePercent" DOUBLE PRECISION NOT NULL DEFAULT 5,
ADD COLUMN     "safetyCriticalAnswerHours" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "safetyHighAnswerHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "safetyOtherAnswerWorkingDays" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "scheduleAmberPercent" DOUBLE PRECISION NOT NULL DEFAULT 10,
ADD COLUMN     "scheduleRedPercent" DOUBLE PRECISION NOT NULL DEFAULT 20,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sroEligible" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "actualEndDate" DATE;

-- AlterTable
ALTER TABLE "Rebaseline" ADD COLUMN     "kind" "RebaselineKind" NOT NULL DEFAULT 'BASELINE',
ADD COLUMN     "proposedMilestoneIsGate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "proposedMilestoneTitle" TEXT;

-- AlterTable
ALTER TABLE "CostEntry" ADD COLUMN     "reversesId" TEXT;

-- AlterTable
ALTER TABLE "MetricValue" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "closure" "FeedbackClosure",
ADD COLUMN     "reopenComment" TEXT,
ADD COLUMN     "reopenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reopenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "kind" "DecisionKind" NOT NULL DEFAULT 'GENERAL';

-- CreateTable
CREATE TABLE "StageGateRequest" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromStage" "ProjectStage" NOT NULL,
    "toStage" "ProjectStage" NOT NULL,
    "status" "StageGateStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StageGateRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organisation_dutyExecutiveId_idx" ON "Organisation"("dutyExecutiveId");

-- CreateIndex
CREATE INDEX "StageGateRequest_projectId_requestedAt_idx" ON "StageGateRequest"("projectId", "requestedAt");

-- CreateIndex
CREATE INDEX "StageGateRequest_status_requestedAt_idx" ON "StageGateRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "StageGateRequest_requestedById_idx" ON "StageGateRequest"("requestedById");

-- CreateIndex
CREATE INDEX "StageGateRequest_decidedById_idx" ON "StageGateRequest"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "CostEntry_reversesId_key" ON "CostEntry"("reversesId");

-- CreateIndex
CREATE INDEX "Feedback_closedById_idx" ON "Feedback"("closedById");

-- CreateIndex
CREATE INDEX "Decision_projectId_kind_idx" ON "Decision"("projectId", "kind");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_dutyExecutiveId_fkey" FOREIGN KEY ("dutyExecutiveId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGateRequest" ADD CONSTRAINT "StageGateRequest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGateRequest" ADD CONSTRAINT "StageGateRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGateRequest" ADD CONSTRAINT "StageGateRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "CostEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Hand-written below this line: guards that schema.prisma cannot express.
-- ─────────────────────────────────────────────────────────────────────────────

-- At most one gate request waits for a decision per project.
CREATE UNIQUE INDEX "StageGateRequest_one_pending_key" ON "StageGateRequest"("projectId") WHERE "status" = 'REQUESTED';

-- A rejected gate says why; a decided gate names who decided it.
ALTER TABLE "StageGateRequest" ADD CONSTRAINT "StageGateRequest_rejection_reason_check" CHECK ("status" <> 'REJECTED' OR "decisionReason" IS NOT NULL);
ALTER TABLE "StageGateRequest" ADD CONSTRAINT "StageGateRequest_decided_check" CHECK (("status" IN ('APPROVED', 'REJECTED')) = ("decidedById" IS NOT NULL AND "decidedAt" IS NOT NULL));

-- A closed project has the day it ended.
ALTER TABLE "Project" ADD CONSTRAINT "Project_closed_has_actual_end_check" CHECK ("stage" <> 'CLOSED' OR "actualEndDate" IS NOT NULL);

-- The cost ledger is append-only: an entry is positive, a reversal negative and names what it reverses.
ALTER TABLE "CostEntry" DROP CONSTRAINT "CostEntry_amount_positive_check";
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_amount_sign_check" CHECK (("reversesId" IS NULL AND "amount" > 0) OR ("reversesId" IS NOT NULL AND "amount" < 0));

-- Settings stay in ranges the rules can use.
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_settings_check" CHECK (
    "rebaselineToleranceDays" >= 0 AND "rebaselineTolerancePercent" >= 0
    AND "scheduleAmberPercent" > 0 AND "scheduleRedPercent" > "scheduleAmberPercent"
    AND "safetyCriticalAnswerHours" > 0 AND "safetyHighAnswerHours" > 0
    AND "safetyOtherAnswerWorkingDays" > 0 AND "feedbackAnswerWorkingDays" > 0
    AND ("feedbackAcceptanceTimeoutDays" IS NULL OR "feedbackAcceptanceTimeoutDays" > 0)
);

-- A closed feedback item says how it closed.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_closure_check" CHECK (("status" = 'CLOSED') = ("closure" IS NOT NULL));
