-- The worst offenders, walked from the top until ten live projects match the tab's filters:
-- slip as a share of planned duration (NUM-2, NUM-3) among late projects, and spend against budget
-- (a £0 budget with spend first) among projects with spend. The expressions are the tab's, as
-- src/lib/server/dashboard/delivery.ts writes them.
CREATE INDEX "Project_slipPercent_idx" ON "Project" (
    ((COALESCE("actualEndDate", "forecastEndDate") - "baselineEndDate") * 100.0::float8
      / GREATEST(1, "baselineEndDate" - "startDate")) DESC, "code")
    WHERE (COALESCE("actualEndDate", "forecastEndDate") - "baselineEndDate") > 0;
CREATE INDEX "Project_spentShare_idx" ON "Project" (
    ("baselineBudget" = 0) DESC, ("spentToDate" / NULLIF("baselineBudget", 0)) DESC, "code")
    WHERE "spentToDate" > 0;
