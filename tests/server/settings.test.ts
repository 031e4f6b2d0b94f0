// The settings the rules read: the organisation's own, or the schema's defaults before it exists.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { getGovernanceSettings } from "@/lib/server/organisation";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

describe("getGovernanceSettings", () => {
  it("gives the defaults before the organisation exists, equal to the columns' own defaults", async () => {
    expect(await getGovernanceSettings()).toEqual(DEFAULT_SETTINGS);
    await db().organisation.create({ data: { id: 1, name: "Northbridge" } });
    expect(await getGovernanceSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("reads the organisation's settings once they are changed", async () => {
    await db().organisation.update({
      where: { id: 1 },
      data: { rebaselineToleranceDays: 14, scheduleAmberPercent: 5, feedbackAcceptanceTimeoutDays: 10 },
    });
    expect(await getGovernanceSettings()).toMatchObject({
      rebaselineToleranceDays: 14,
      scheduleAmberPercent: 5,
      feedbackAcceptanceTimeoutDays: 10,
    });
  });
});
