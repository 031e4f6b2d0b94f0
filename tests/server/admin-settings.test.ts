// The organisation settings page's read: the settings with their version, who may be on duty, and
// the bank holidays from the trust's today on.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseIsoDate } from "@/lib/domain/calendar";
import { getAdminSettingsPage } from "@/lib/server/admin-settings";
import { useMigratedDatabase } from "../support/test-database";
import { createUser } from "./fixtures";

useMigratedDatabase();

const today = parseIsoDate("2026-05-04");

describe("getAdminSettingsPage", () => {
  it("shows the defaults at version 0 before the organisation exists", async () => {
    const page = await getAdminSettingsPage({ today, holidayPage: 1 });
    expect(page.settings).toMatchObject({ version: 0, rebaselineToleranceDays: 30, dutyExecutiveId: null });
    expect(page.upcomingHolidays.total).toBe(0);
  });

  it("lists holidays from today on by date, counts past ones apart, and offers active executives", async () => {
    await db().holiday.createMany({
      data: [
        { date: parseIsoDate("2026-05-25"), name: "Spring bank holiday" },
        { date: parseIsoDate("2026-05-04"), name: "Early May bank holiday" },
        { date: parseIsoDate("2026-04-06"), name: "Easter Monday" },
      ],
    });
    const onDuty = await createUser({ name: "Ola Duty", role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await createUser({ name: "Ann Other", role: "EXECUTIVE", discipline: "EXECUTIVE" });
    await createUser({ name: "Gone Exec", role: "EXECUTIVE", discipline: "EXECUTIVE", active: false });
    await createUser({ name: "Pat Manager" });
    await db().organisation.create({ data: { id: 1, name: "Northbridge", dutyExecutiveId: onDuty.id } });

    const page = await getAdminSettingsPage({ today, holidayPage: 1 });
    expect(page.upcomingHolidays.rows).toEqual([
      { date: "2026-05-04", name: "Early May bank holiday" },
      { date: "2026-05-25", name: "Spring bank holiday" },
    ]);
    expect(page.pastHolidayCount).toBe(1);
    expect(page.executives.map((e) => e.name)).toEqual(["Ann Other", "Ola Duty"]);
    expect(page.formerDutyExecutive).toBeNull();
    expect(page.settings).toMatchObject({ name: "Northbridge", dutyExecutiveId: onDuty.id });
  });

  it("names a duty executive who is no longer an active executive, so the form can show them", async () => {
    const settings = await db().organisation.findUniqueOrThrow({ where: { id: 1 } });
    await db().user.update({ where: { id: settings.dutyExecutiveId ?? "" }, data: { active: false } });
    const page = await getAdminSettingsPage({ today, holidayPage: 1 });
    expect(page.formerDutyExecutive).toMatchObject({ name: "Ola Duty" });
  });
});

describe("when the settings were last saved", () => {
  it("names the latest save and who made it, from the audit trail", async () => {
    const admin = await createUser({ name: "Ada Admin", role: "ADMIN", discipline: "DIGITAL" });
    const before = await getAdminSettingsPage({ today, holidayPage: 1 });
    expect(before.lastSaved).toBeNull();
    await db().auditEvent.create({
      data: { actorId: admin.id, action: "settings.update", entityType: "Organisation", entityId: "1" },
    });
    await db().auditEvent.create({
      data: { actorId: admin.id, action: "holiday.add", entityType: "Holiday", entityId: "2026-05-25" },
    });
    const after = await getAdminSettingsPage({ today, holidayPage: 1 });
    expect(after.lastSaved).toMatchObject({ by: "Ada Admin" });
  });
});
