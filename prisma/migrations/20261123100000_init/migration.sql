-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EXECUTIVE', 'PORTFOLIO_MANAGER', 'PROJECT_MANAGER', 'CLINICAL_CHAMPION', 'VIEWER');

-- CreateEnum
CREATE TYPE "Discipline" AS ENUM ('CLINICAL', 'OPERATIONAL', 'DIGITAL', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "ScorecardCategory" AS ENUM ('QUALITY_SAFETY', 'PATIENT_ACCESS_EXPERIENCE', 'FINANCIAL', 'OPERATIONAL_EFFICIENCY', 'WORKFORCE');

-- CreateEnum
CREATE TYPE "ObjectiveStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ACHIEVED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ProjectKind" AS ENUM ('CLINICAL', 'OPERATIONAL', 'DIGITAL', 'MIXED');

-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('PROPOSED', 'APPROVED', 'PILOT', 'ROLLOUT', 'CLOSED', 'ON_HOLD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Contribution" AS ENUM ('PRIMARY', 'SUPPORTING');

-- CreateEnum
CREATE TYPE "RaciLetter" AS ENUM ('R', 'A', 'C', 'I');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RebaselineStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "MetricFocus" AS ENUM ('LEADERSHIP', 'OPERATIONS');

-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('CONCERN', 'SAFETY', 'SUGGESTION', 'ENDORSEMENT');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'MITIGATING', 'CLOSED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "discipline" "Discipline" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategicObjective" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "ScorecardCategory" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "targetDate" DATE NOT NULL,
    "status" "ObjectiveStatus" NOT NULL DEFAULT 'ACTIVE',
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StrategicObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "kind" "ProjectKind" NOT NULL,
    "siteId" TEXT NOT NULL,
    "stage" "ProjectStage" NOT NULL DEFAULT 'PROPOSED',
    "heldFromStage" "ProjectStage",
    "startDate" DATE NOT NULL,
    "baselineBudget" DECIMAL(14,2) NOT NULL,
    "baselineEndDate" DATE NOT NULL,
    "forecastEndDate" DATE NOT NULL,
    "expectedBenefits" TEXT NOT NULL,
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alignment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "contribution" "Contribution" NOT NULL,
    "rationale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RaciAssignment" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "letter" "RaciLetter" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RaciAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerId" TEXT,
    "baselineDate" DATE NOT NULL,
    "forecastDate" DATE NOT NULL,
    "actualDate" DATE,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "isGate" BOOLEAN NOT NULL DEFAULT false,
    "gateApprovedById" TEXT,
    "gateApprovedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneChange" (
    "id" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "oldDate" DATE NOT NULL,
    "newDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rebaseline" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "status" "RebaselineStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "previousEndDate" DATE,
    "proposedEndDate" DATE,
    "previousBudget" DECIMAL(14,2),
    "proposedBudget" DECIMAL(14,2),
    "previousMilestoneDate" DATE,
    "proposedMilestoneDate" DATE,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Rebaseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostEntry" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "description" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" "ScorecardCategory" NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "MetricDirection" NOT NULL,
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "targetDate" DATE NOT NULL,
    "amberThreshold" DOUBLE PRECISION NOT NULL,
    "redThreshold" DOUBLE PRECISION NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "projectId" TEXT,
    "focus" "MetricFocus" NOT NULL DEFAULT 'LEADERSHIP',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "authorId" TEXT NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "severity" "Severity" NOT NULL,
    "body" TEXT NOT NULL,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'OPEN',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "responseText" TEXT,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "mitigation" TEXT,
    "ownerId" TEXT NOT NULL,
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "projectId" TEXT,
    "objectiveId" TEXT,
    "feedbackId" TEXT,
    "rebaselineId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_active_idx" ON "User"("active");

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "Site"("name");

-- CreateIndex
CREATE UNIQUE INDEX "StrategicObjective_code_key" ON "StrategicObjective"("code");

-- CreateIndex
CREATE INDEX "StrategicObjective_ownerId_idx" ON "StrategicObjective"("ownerId");

-- CreateIndex
CREATE INDEX "StrategicObjective_parentId_idx" ON "StrategicObjective"("parentId");

-- CreateIndex
CREATE INDEX "StrategicObjective_category_status_idx" ON "StrategicObjective"("category", "status");

-- CreateIndex
CREATE INDEX "StrategicObjective_status_idx" ON "StrategicObjective"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_siteId_idx" ON "Project"("siteId");

-- CreateIndex
CREATE INDEX "Project_stage_kind_idx" ON "Project"("stage", "kind");

-- CreateIndex
CREATE INDEX "Project_kind_idx" ON "Project"("kind");

-- CreateIndex
CREATE INDEX "Project_forecastEndDate_idx" ON "Project"("forecastEndDate");

-- CreateIndex
CREATE INDEX "Project_name_idx" ON "Project"("name");

-- CreateIndex
CREATE INDEX "Alignment_objectiveId_idx" ON "Alignment"("objectiveId");

-- CreateIndex
CREATE UNIQUE INDEX "Alignment_projectId_objectiveId_key" ON "Alignment"("projectId", "objectiveId");

-- CreateIndex
CREATE INDEX "RaciAssignment_userId_letter_idx" ON "RaciAssignment"("userId", "letter");

-- CreateIndex
CREATE INDEX "RaciAssignment_projectId_letter_idx" ON "RaciAssignment"("projectId", "letter");

-- CreateIndex
CREATE UNIQUE INDEX "RaciAssignment_projectId_userId_key" ON "RaciAssignment"("projectId", "userId");

-- CreateIndex
CREATE INDEX "Milestone_projectId_forecastDate_idx" ON "Milestone"("projectId", "forecastDate");

-- CreateIndex
CREATE INDEX "Milestone_ownerId_status_idx" ON "Milestone"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Milestone_gateApprovedById_idx" ON "Milestone"("gateApprovedById");

-- CreateIndex
CREATE INDEX "Milestone_status_forecastDate_idx" ON "Milestone"("status", "forecastDate");

-- CreateIndex
CREATE INDEX "MilestoneChange_milestoneId_changedAt_idx" ON "MilestoneChange"("milestoneId", "changedAt");

-- CreateIndex
CREATE INDEX "MilestoneChange_changedById_idx" ON "MilestoneChange"("changedById");

-- CreateIndex
CREATE INDEX "Rebaseline_projectId_requestedAt_idx" ON "Rebaseline"("projectId", "requestedAt");

-- CreateIndex
CREATE INDEX "Rebaseline_milestoneId_idx" ON "Rebaseline"("milestoneId");

-- CreateIndex
CREATE INDEX "Rebaseline_status_idx" ON "Rebaseline"("status");

-- CreateIndex
CREATE INDEX "Rebaseline_requestedById_idx" ON "Rebaseline"("requestedById");

-- CreateIndex
CREATE INDEX "Rebaseline_decidedById_idx" ON "Rebaseline"("decidedById");

-- CreateIndex
CREATE INDEX "CostEntry_projectId_period_idx" ON "CostEntry"("projectId", "period");

-- CreateIndex
CREATE INDEX "CostEntry_recordedById_idx" ON "CostEntry"("recordedById");

-- CreateIndex
CREATE INDEX "Metric_objectiveId_idx" ON "Metric"("objectiveId");

-- CreateIndex
CREATE INDEX "Metric_projectId_idx" ON "Metric"("projectId");

-- CreateIndex
CREATE INDEX "Metric_ownerId_idx" ON "Metric"("ownerId");

-- CreateIndex
CREATE INDEX "Metric_focus_category_idx" ON "Metric"("focus", "category");

-- CreateIndex
CREATE INDEX "MetricValue_recordedById_idx" ON "MetricValue"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValue_metricId_periodStart_key" ON "MetricValue"("metricId", "periodStart");

-- CreateIndex
CREATE INDEX "Feedback_projectId_createdAt_idx" ON "Feedback"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_milestoneId_idx" ON "Feedback"("milestoneId");

-- CreateIndex
CREATE INDEX "Feedback_authorId_createdAt_idx" ON "Feedback"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_acknowledgedById_idx" ON "Feedback"("acknowledgedById");

-- CreateIndex
CREATE INDEX "Feedback_respondedById_idx" ON "Feedback"("respondedById");

-- CreateIndex
CREATE INDEX "Feedback_status_dueAt_idx" ON "Feedback"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Feedback_kind_status_idx" ON "Feedback"("kind", "status");

-- CreateIndex
CREATE INDEX "Risk_projectId_idx" ON "Risk"("projectId");

-- CreateIndex
CREATE INDEX "Risk_ownerId_idx" ON "Risk"("ownerId");

-- CreateIndex
CREATE INDEX "Risk_status_likelihood_impact_idx" ON "Risk"("status", "likelihood", "impact");

-- CreateIndex
CREATE INDEX "Decision_decidedById_idx" ON "Decision"("decidedById");

-- CreateIndex
CREATE INDEX "Decision_projectId_decidedAt_idx" ON "Decision"("projectId", "decidedAt");

-- CreateIndex
CREATE INDEX "Decision_objectiveId_idx" ON "Decision"("objectiveId");

-- CreateIndex
CREATE INDEX "Decision_feedbackId_idx" ON "Decision"("feedbackId");

-- CreateIndex
CREATE INDEX "Decision_rebaselineId_idx" ON "Decision"("rebaselineId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "StrategicObjective" ADD CONSTRAINT "StrategicObjective_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategicObjective" ADD CONSTRAINT "StrategicObjective_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "StrategicObjective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alignment" ADD CONSTRAINT "Alignment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "StrategicObjective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaciAssignment" ADD CONSTRAINT "RaciAssignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaciAssignment" ADD CONSTRAINT "RaciAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_gateApprovedById_fkey" FOREIGN KEY ("gateApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneChange" ADD CONSTRAINT "MilestoneChange_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneChange" ADD CONSTRAINT "MilestoneChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rebaseline" ADD CONSTRAINT "Rebaseline_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rebaseline" ADD CONSTRAINT "Rebaseline_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rebaseline" ADD CONSTRAINT "Rebaseline_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rebaseline" ADD CONSTRAINT "Rebaseline_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "StrategicObjective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "StrategicObjective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_rebaselineId_fkey" FOREIGN KEY ("rebaselineId") REFERENCES "Rebaseline"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Hand-written below this line: guards that schema.prisma cannot express.
-- Everything above is exactly what `prisma migrate dev` generates for the schema.
-- tests/db/drift.test.ts lists the extra index as an allowed difference and checks each guard.
-- ─────────────────────────────────────────────────────────────────────────────

-- Emails are stored lower-cased, which makes "User_email_key" a case-insensitive unique index.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));

-- At most one Accountable per project; the governance rules make it exactly one.
CREATE UNIQUE INDEX "RaciAssignment_one_accountable_key" ON "RaciAssignment"("projectId") WHERE "letter" = 'A';

-- At most one primary objective per project; the others it serves are supporting.
CREATE UNIQUE INDEX "Alignment_one_primary_key" ON "Alignment"("projectId") WHERE "contribution" = 'PRIMARY';

-- Money and dates that cannot be negative or backwards.
ALTER TABLE "Project" ADD CONSTRAINT "Project_budget_not_negative_check" CHECK ("baselineBudget" >= 0);
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_amount_positive_check" CHECK ("amount" > 0);
ALTER TABLE "StrategicObjective" ADD CONSTRAINT "StrategicObjective_dates_check" CHECK ("targetDate" > "startDate");

-- A rejected rebaseline says why.
ALTER TABLE "Rebaseline" ADD CONSTRAINT "Rebaseline_rejection_reason_check" CHECK ("status" <> 'REJECTED' OR "decisionReason" IS NOT NULL);

-- Risk scores are on a 1–5 scale.
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_likelihood_check" CHECK ("likelihood" BETWEEN 1 AND 5);
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_impact_check" CHECK ("impact" BETWEEN 1 AND 5);

-- One installation, one organisation row.
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_single_row_check" CHECK ("id" = 1);

-- A project on hold remembers the stage it resumes into, and only then.
ALTER TABLE "Project" ADD CONSTRAINT "Project_held_from_check" CHECK (("stage" = 'ON_HOLD') = ("heldFromStage" IS NOT NULL));

-- A milestone is only done on a known date.
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_done_has_actual_date_check" CHECK ("status" <> 'DONE' OR "actualDate" IS NOT NULL);

-- The audit log is append-only: rows are inserted with the change they record and never altered.
CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();
