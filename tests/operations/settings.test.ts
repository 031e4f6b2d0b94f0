import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { addHoliday, removeHoliday, updateOrganisationSettings } from "@/lib/server/operations/settings";
import { getGovernanceSettings, getOrganisationSettings } from "@/lib/server/organisation";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Organisation", "AuditEvent"] as const;
const HOLIDAYS = ["Holiday", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let admin: Actor;
let exec: Actor;
let pmo: Actor;
let dutyExec: { id: string };

beforeAll(async () => {
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
  exec = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  dutyExec = await make.createUser({ name: "Helen Ward", role: "EXECUTIVE", discipline: "EXECUTIVE" });
});

/** The settings form as sent: strings, as typed; blank optional fields left out. */
function settingsForm(version: number, overrides: Record<string, unknown> = {}) {
  return {
    version: String(version),
    timeZone: "Europe/London",
    rebaselineToleranceDays: "21",
    rebaselineTolerancePercent: "7.5",
    scheduleAmberPercent: "10",
    scheduleRedPercent: "25",
    safetyCriticalAnswerHours: "4",
    safetyHighAnswerHours: "24",
    safetyOtherAnswerWorkingDays: "2",
    feedbackAnswerWorkingDays: "5",
    ...overrides,
  };
}

const settingsEvents = () =>
  db().auditEvent.findMany({ where: { entityType: "Organisation" }, orderBy: { id: "asc" } });

describe("updateOrganisationSettings (ACC-7)", () => {
  it("creates the organisation's row on a fresh installation, then changes it by version, each audited once", async () => {
    const first = await updateOrganisationSettings(
      admin,
      settingsForm(0, { name: "Northbridge University Hospitals" }),
    );
    expect(first).toMatchObject({ ok: true, data: { version: 0 } });
    expect(await getOrganisationSettings()).toMatchObject({
      name: "Northbridge University Hospitals",
      rebaselineToleranceDays: 21,
      rebaselineTolerancePercent: 7.5,
      scheduleRedPercent: 25,
      feedbackAcceptanceTimeoutDays: null,
      dutyExecutiveId: null,
      version: 0,
    });
    const second = await updateOrganisationSettings(
      admin,
      settingsForm(0, {
        timeZone: "Europe/Dublin",
        feedbackAcceptanceTimeoutDays: "14",
        dutyExecutiveId: dutyExec.id,
      }),
    );
    expect(second).toMatchObject({ ok: true, data: { version: 1 } });
    // Left out, the name stays; the rules read the new values.
    expect(await getOrganisationSettings()).toMatchObject({
      name: "Northbridge University Hospitals",
      timeZone: "Europe/Dublin",
      version: 1,
    });
    expect(await getGovernanceSettings()).toMatchObject({
      feedbackAcceptanceTimeoutDays: 14,
      dutyExecutiveId: dutyExec.id,
    });
    const events = await settingsEvents();
    expect(events.map((e) => e.action)).toEqual(["settings.update", "settings.update"]);
    expect(events[0]?.before).toBeNull();
    expect(events[1]).toMatchObject({
      actorId: admin.id,
      entityId: "1",
      before: { timeZone: "Europe/London", version: 0 },
      after: { timeZone: "Europe/Dublin", version: 1, dutyExecutiveId: dutyExec.id },
    });
  });

  it("clears the acceptance timeout and the duty executive when their fields are left blank", async () => {
    const { version } = await getOrganisationSettings();
    expect(
      await updateOrganisationSettings(
        admin,
        settingsForm(version, { feedbackAcceptanceTimeoutDays: "", dutyExecutiveId: "" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await getGovernanceSettings()).toMatchObject({
      feedbackAcceptanceTimeoutDays: null,
      dutyExecutiveId: null,
    });
  });

  it("refuses values out of range, red before amber and an unknown time zone, beside their fields", async () => {
    const { version } = await getOrganisationSettings();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateOrganisationSettings(
        admin,
        settingsForm(version, {
          rebaselineToleranceDays: "-3",
          scheduleAmberPercent: "30",
          scheduleRedPercent: "20",
          timeZone: "Mars/Olympus",
          feedbackAcceptanceTimeoutDays: "0",
        }),
      ),
    );
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(
      ["feedbackAcceptanceTimeoutDays", "rebaselineToleranceDays", "scheduleRedPercent", "timeZone"].sort(),
    );
    expect(refused.fieldErrors?.scheduleRedPercent).toEqual([
      "Red must start after amber: enter more than 30%",
    ]);
  });

  it("refuses input that is not a number, or not a whole one, with field errors", async () => {
    const { version } = await getOrganisationSettings();
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      updateOrganisationSettings(
        admin,
        settingsForm(version, {
          safetyCriticalAnswerHours: "2.5",
          scheduleAmberPercent: "ten",
          timeZone: "",
        }),
      ),
    );
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["safetyCriticalAnswerHours", "scheduleAmberPercent", "timeZone"]),
    );
  });

  it("refuses a duty executive who is not an active executive, or unknown (ACC-5)", async () => {
    const { version } = await getOrganisationSettings();
    const gone = await make.createUser({ name: "Former Director", role: "EXECUTIVE", active: false });
    for (const [dutyExecutiveId, message] of [
      [pmo.id, /is not an executive/],
      [gone.id, /Former Director has been deactivated/],
      [UNKNOWN, /Choose an active executive/],
    ] as const) {
      const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
        updateOrganisationSettings(admin, settingsForm(version, { dutyExecutiveId })),
      );
      expect(refused.fieldErrors?.dutyExecutiveId?.[0]).toMatch(message);
    }
  });

  it("refuses a stale version and anyone but an admin", async () => {
    const { version } = await getOrganisationSettings();
    await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      updateOrganisationSettings(admin, settingsForm(version + 1)),
    );
    for (const who of [exec, pmo]) {
      await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        updateOrganisationSettings(who, settingsForm(version)),
      );
    }
  });
});

describe("bank holidays (ACC-8)", () => {
  it("adds and removes a holiday, each audited once", async () => {
    const added = await addHoliday(admin, { date: "2026-12-28", name: "Boxing Day (substitute day)" });
    expect(added).toMatchObject({
      ok: true,
      data: { date: "2026-12-28", name: "Boxing Day (substitute day)" },
    });
    expect(await db().holiday.count()).toBe(1);
    expect(await removeHoliday(admin, { date: "2026-12-28" })).toMatchObject({ ok: true });
    expect(await db().holiday.count()).toBe(0);
    const events = await db().auditEvent.findMany({
      where: { entityType: "Holiday" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["holiday.add", "2026-12-28"],
      ["holiday.remove", "2026-12-28"],
    ]);
    expect(events[1]?.before).toEqual({ date: "2026-12-28", name: "Boxing Day (substitute day)" });
  });

  it("refuses a weekend, a date that is already a holiday, an unknown one, a non-admin and bad input", async () => {
    expect(await addHoliday(admin, { date: "2026-12-25", name: "Christmas Day" })).toMatchObject({
      ok: true,
    });
    const weekend = await expectRefusedWithoutChange(HOLIDAYS, "INVALID", () =>
      addHoliday(admin, { date: "2026-12-26", name: "Boxing Day" }),
    );
    expect(weekend.fieldErrors?.date?.[0]).toMatch(/substitute day/);
    const taken = await expectRefusedWithoutChange(HOLIDAYS, "CONFLICT", () =>
      addHoliday(admin, { date: "2026-12-25", name: "Christmas" }),
    );
    expect(taken.message).toMatch(/Friday 25 December 2026 is already a holiday \(Christmas Day\)/);
    await expectRefusedWithoutChange(HOLIDAYS, "NOT_FOUND", () =>
      removeHoliday(admin, { date: "2026-12-24" }),
    );
    await expectRefusedWithoutChange(HOLIDAYS, "FORBIDDEN", () =>
      addHoliday(exec, { date: "2026-12-31", name: "New Year's Eve" }),
    );
    await expectRefusedWithoutChange(HOLIDAYS, "FORBIDDEN", () => removeHoliday(pmo, { date: "2026-12-25" }));
    const invalid = await expectRefusedWithoutChange(HOLIDAYS, "INVALID", () =>
      addHoliday(admin, { date: "25/12/2026", name: "" }),
    );
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["date", "name"]);
  });
});
