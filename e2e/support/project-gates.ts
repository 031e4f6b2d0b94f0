// Helpers for the stage-gate journey (e2e/project-gates.spec.ts): a proposal of its own, made ready
// for its first gate behind the app's back, and screenshots at the widths people use.
import type { Page } from "@playwright/test";
import { sql } from "./demo";

export interface GateReadyProject {
  code: string;
  projectId: string;
}

const userId = async (email: string): Promise<string> =>
  (await sql(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id as string;

/**
 * A DIGITAL proposal that passes rule 1 (docs/governance-rules.md): aligned, A = David Mercer
 * (executive), R = Aisha Okafor (the demo project manager), C = Dr Leah Cohen (clinical champion),
 * and a metric with a baseline and a target. A fresh code, so no other journey touches it.
 */
export async function createGateReadyProject(code: string): Promise<GateReadyProject> {
  const [david, aisha, leah] = await Promise.all([
    userId("david.mercer@northbridge.example"),
    userId("pm@northbridge.example"),
    userId("leah.cohen@northbridge.example"),
  ]);
  const site = (await sql(`SELECT id FROM "Site" ORDER BY code LIMIT 1`)).rows[0].id as string;
  const objective = (
    await sql(`SELECT id FROM "StrategicObjective" WHERE status = 'ACTIVE' ORDER BY code LIMIT 1`)
  ).rows[0].id as string;
  const project = await sql(
    `INSERT INTO "Project" (id, code, name, summary, kind, "siteId", stage, "startDate", "baselineBudget",
       "baselineEndDate", "forecastEndDate", "expectedBenefits", "updatedAt")
     VALUES (gen_random_uuid()::text, $1, 'Digital pre-operative assessment',
       'Patients complete their pre-operative questionnaire online before clinic.', 'DIGITAL', $2, 'PROPOSED',
       current_date + 30, 80000, current_date + 365, current_date + 365,
       'Fewer cancelled operations on the day; shorter pre-operative clinics.', now())
     RETURNING id`,
    [code, site],
  );
  const projectId = project.rows[0].id as string;
  await sql(
    `INSERT INTO "RaciAssignment" (id, "projectId", "userId", letter) VALUES
       (gen_random_uuid()::text, $1, $2, 'A'), (gen_random_uuid()::text, $1, $3, 'R'),
       (gen_random_uuid()::text, $1, $4, 'C')`,
    [projectId, david, aisha, leah],
  );
  await sql(
    `INSERT INTO "Alignment" (id, "projectId", "objectiveId", contribution, rationale)
     VALUES (gen_random_uuid()::text, $1, $2, 'PRIMARY', 'Fewer on-the-day cancellations free theatre time.')`,
    [projectId, objective],
  );
  await sql(
    `INSERT INTO "Metric" (id, name, category, unit, direction, "baselineValue", "targetValue", "targetDate",
       "amberThreshold", "redThreshold", "ownerId", cadence, "objectiveId", "projectId", "updatedAt")
     VALUES (gen_random_uuid()::text, 'Questionnaires completed online', 'OPERATIONAL_EFFICIENCY', '%',
       'HIGHER_IS_BETTER', 0, 60, current_date + 365, 40, 20, $1, 'MONTHLY', $2, $3, now())`,
    [aisha, objective, projectId],
  );
  return { code, projectId };
}

/** Full-page screenshots at a laptop's width and a tablet's, to look at as the persona would. */
export async function screenshotWidths(page: Page, name: string): Promise<void> {
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
