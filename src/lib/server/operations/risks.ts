import "server-only";
// Risk operations (docs/governance-rules.md rules 3, 4 and 8): R/A of the project, the PMO or an admin keep
// its risk register. Scores sit on the 5×5 matrix; a risk's owner is an active person. A closed or
// cancelled project's register is kept as it ended; the project's lock keeps a close from slipping
// between the stage check and the write.
import type { z } from "zod";
import type { Risk } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { type RiskFacts, riskViolations } from "@/lib/domain/risks";
import { createRiskSchema, updateRiskSchema } from "@/lib/schemas/risks";
import { recordAudit } from "./audit";
import { assertCanOnProject } from "./authority";
import { conflict, notFound, placeByCode, refuse } from "./errors";
import { requireActiveUser } from "./people";
import { assertProjectTakes, lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface RiskRef {
  id: string;
  version: number;
}

// Which form field each rule violation belongs beside; anything unlisted goes beside the status.
const FIELD_OF: Record<string, string> = {
  LIKELIHOOD_OFF_SCALE: "likelihood",
  IMPACT_OFF_SCALE: "impact",
  MITIGATION_REQUIRED: "mitigation",
};

function assertSoundRisk(risk: RiskFacts): void {
  const violations = riskViolations(risk);
  if (violations.length) throw refuse(placeByCode(violations, FIELD_OF), "status");
}

const ref = (risk: Risk): RiskRef => ({ id: risk.id, version: risk.version });

/** What the create and edit forms both set, as columns. */
const riskColumns = (data: Omit<z.output<typeof updateRiskSchema>, "riskId" | "version">) => ({
  title: data.title,
  description: data.description ?? null,
  likelihood: data.likelihood,
  impact: data.impact,
  mitigation: data.mitigation ?? null,
  ownerId: data.ownerId,
  status: data.status,
});

export function createRisk(actor: Actor, input: unknown): Promise<ActionResult<RiskRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(createRiskSchema, input);
      return db().$transaction(async (tx) => {
        const project = await lockProject(tx, data.projectId);
        await assertCanOnProject(tx, "risk.manage", actor, data.projectId);
        assertProjectTakes(project, { what: "new risks" });
        await requireActiveUser(tx, data.ownerId, "ownerId", "the owner");
        assertSoundRisk(data);
        const risk = await tx.risk.create({
          data: { ...riskColumns(data), projectId: data.projectId },
        });
        await recordAudit(tx, actor, {
          action: "risk.create",
          entityType: "Risk",
          entityId: risk.id,
          after: risk,
        });
        return ref(risk);
      });
    },
    "Risk added.",
  );
}

export function updateRisk(actor: Actor, input: unknown): Promise<ActionResult<RiskRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(updateRiskSchema, input);
      return db().$transaction(async (tx) => {
        const found = await tx.risk.findUnique({ where: { id: data.riskId }, select: { projectId: true } });
        if (!found) throw notFound("The risk");
        const project = await lockProject(tx, found.projectId);
        const risk = await tx.risk.findUniqueOrThrow({ where: { id: data.riskId } });
        await assertCanOnProject(tx, "risk.manage", actor, risk.projectId);
        if (risk.version !== data.version) throw conflict("risk");
        assertProjectTakes(project, { what: "risk changes" });
        await requireActiveUser(tx, data.ownerId, "ownerId", "the owner");
        assertSoundRisk(data);
        const saved = await saveVersioned(tx, actor, tx.risk, risk, riskColumns(data), {
          action: "risk.update",
          entityType: "Risk",
          what: "risk",
        });
        return ref(saved);
      });
    },
    "Risk updated.",
  );
}
