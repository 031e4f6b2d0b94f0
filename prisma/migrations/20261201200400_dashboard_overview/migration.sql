-- The leadership dashboard's filters and counts (issue #12): each replaces an index it extends,
-- so the narrower one's queries keep an index.
-- An objective's delivering projects: its PRIMARY alignments (NUM-7).
DROP INDEX "Alignment_objectiveId_idx";
CREATE INDEX "Alignment_objectiveId_contribution_idx" ON "Alignment"("objectiveId", "contribution");
-- Overdue feedback of a kind: awaiting an answer, past its due time.
DROP INDEX "Feedback_kind_status_idx";
CREATE INDEX "Feedback_kind_status_dueAt_idx" ON "Feedback"("kind", "status", "dueAt");
-- Open risks of the filtered projects.
DROP INDEX "Risk_projectId_idx";
CREATE INDEX "Risk_projectId_status_idx" ON "Risk"("projectId", "status");
-- Rebaselines waiting for a decision, oldest first.
DROP INDEX "Rebaseline_status_idx";
CREATE INDEX "Rebaseline_status_requestedAt_idx" ON "Rebaseline"("status", "requestedAt");
