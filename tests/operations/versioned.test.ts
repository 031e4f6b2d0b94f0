// The versioned tail every edit shares (rule 8), on a real database: the guarded write, the history
// row and the audit event commit together or not at all.
import { beforeEach, describe, expect, it } from "vitest";
import type { Milestone } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { OperationError } from "@/lib/server/operations/errors";
import { saveVersioned } from "@/lib/server/operations/versioned";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { createProjectTeam, fingerprint, type ProjectTeam } from "./support";

useMigratedDatabase();

const TABLES = ["Milestone", "MilestoneChange", "AuditEvent"];

let team: ProjectTeam;
let milestone: Milestone;

beforeEach(async () => {
  team = await createProjectTeam();
  milestone = await make.createMilestone({ projectId: team.projectId, baselineDate: "2031-03-01" });
});

/** Moves the milestone's forecast as `current` saw it, keeping a history row, as an operation would. */
function moveForecast(
  current: Milestone,
  write: { where?: Record<string, unknown>; failAfter?: boolean } = {},
) {
  return db().$transaction((tx) =>
    saveVersioned(
      tx,
      team.responsible,
      tx.milestone,
      current,
      { forecastDate: make.day("2031-04-01") },
      {
        action: "milestone.change_forecast",
        entityType: "Milestone",
        what: "milestone",
        ...(write.where ? { where: write.where } : {}),
        history: () =>
          tx.milestoneChange.create({
            data: {
              milestoneId: current.id,
              oldDate: current.forecastDate,
              newDate: make.day("2031-04-01"),
              reason: "Supplier delivery slipped a month",
              changedById: team.responsible.id,
            },
          }),
        after: (saved) => {
          if (write.failAfter) throw new Error("the audit snapshot failed");
          return { ...saved, reason: "Supplier delivery slipped a month" };
        },
      },
    ),
  );
}

describe("saveVersioned", () => {
  it("writes the change with the next version, its history row and one audit event", async () => {
    const saved = await moveForecast(milestone);
    expect(saved).toMatchObject({ id: milestone.id, version: milestone.version + 1 });
    expect(saved.forecastDate).toEqual(make.day("2031-04-01"));
    expect(await db().milestoneChange.count({ where: { milestoneId: milestone.id } })).toBe(1);
    const events = await db().auditEvent.findMany({ where: { entityId: milestone.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "milestone.change_forecast",
      entityType: "Milestone",
      actorId: team.responsible.id,
      requestId: team.responsible.requestId,
      before: { version: milestone.version, forecastDate: "2031-03-01T00:00:00.000Z" },
      after: { version: milestone.version + 1, reason: "Supplier delivery slipped a month" },
    });
  });

  it("refuses a stale version with CONFLICT, writing neither the change, the history nor an audit event", async () => {
    await db().milestone.update({ where: { id: milestone.id }, data: { version: { increment: 1 } } });
    const before = await fingerprint(TABLES);
    const error = await moveForecast(milestone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Someone else changed this milestone while you were editing it/),
    });
    expect(await fingerprint(TABLES)).toBe(before);
  });

  it("treats a row that no longer meets the extra condition as a conflict, whatever its version", async () => {
    const before = await fingerprint(TABLES);
    const error = await moveForecast(milestone, { where: { status: "DONE" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(await fingerprint(TABLES)).toBe(before);
  });

  it("keeps nothing when the audit step fails: change, history and event are one transaction", async () => {
    const before = await fingerprint(TABLES);
    await expect(moveForecast(milestone, { failAfter: true })).rejects.toThrow("the audit snapshot failed");
    expect(await fingerprint(TABLES)).toBe(before);
  });
});
