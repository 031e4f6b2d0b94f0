import "server-only";
// Signing off a gate milestone (docs/governance-rules.md GATE-6): the project's Accountable or an
// executive, never the milestone's owner or the project's R, approves a done go/no-go milestone.
// The project's lock is taken as for every milestone write, so the sign-off cannot interleave
// with a gate decision reading the pilot's evidence, nor land on a project being closed.
import type { Milestone } from "@/generated/prisma/client";
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { milestoneGateApproverViolations, milestoneGateViolations } from "@/lib/domain/milestone-gates";
import { approveMilestoneGateSchema } from "@/lib/schemas/milestone-gates";
import { assertCan, letterOn } from "./authority";
import { conflict, notFound, OperationError, refuse } from "./errors";
import { assertProjectTakes, lockProject } from "./project-lock";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface MilestoneGateRef {
  id: string;
  version: number;
  gateApprovedById: string | null;
}

const ref = (m: Milestone): MilestoneGateRef => ({
  id: m.id,
  version: m.version,
  gateApprovedById: m.gateApprovedById,
});

export function approveMilestoneGate(actor: Actor, input: unknown): Promise<ActionResult<MilestoneGateRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(approveMilestoneGateSchema, input);
      return db().$transaction(async (tx) => {
        const found = await tx.milestone.findUnique({
          where: { id: data.milestoneId },
          select: { projectId: true },
        });
        if (!found) throw notFound("The milestone");
        const project = await lockProject(tx, found.projectId);
        const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: data.milestoneId } });
        const letter = await letterOn(tx, actor, milestone.projectId);
        assertCan("milestone.approveGate", actor, { letter });
        const separation = milestoneGateApproverViolations({
          ownerId: milestone.ownerId,
          approverId: actor.id,
          approverLetter: letter,
        });
        if (separation.length) throw new OperationError("FORBIDDEN", `${separation[0]?.message}.`);
        if (milestone.version !== data.version) throw conflict("milestone");
        assertProjectTakes(project, { what: "gate sign-offs" });
        const violations = milestoneGateViolations({
          title: milestone.title,
          status: milestone.status,
          isGate: milestone.isGate,
          gateApproved: milestone.gateApprovedById !== null,
        });
        if (violations.length) throw refuse(violations);
        const saved = await saveVersioned(
          tx,
          actor,
          tx.milestone,
          milestone,
          { gateApprovedById: actor.id, gateApprovedAt: new Date() },
          {
            action: "milestone.approve_gate",
            entityType: "Milestone",
            what: "milestone",
            // Signed off once: a sign-off that landed meanwhile makes this one a conflict.
            where: { gateApprovedById: null },
          },
        );
        return ref(saved);
      });
    },
    "Gate signed off.",
  );
}
