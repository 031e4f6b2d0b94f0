import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getUserDetail, listActiveExecutives, listUsers, parseUserListQuery } from "@/lib/server/users";
import { useMigratedDatabase } from "../support/test-database";
import { createObjective, createProject, createSite, createUser } from "./fixtures";

useMigratedDatabase();

beforeAll(async () => {
  for (const name of ["Zara Quinn", "Adam Brook", "Mina Patel", "Leo Hart", "Ben Cole"]) {
    await createUser({ name, active: name !== "Leo Hart" });
  }
});

describe("the users list", () => {
  it("pages users by name with role, discipline, active and last sign-in", async () => {
    const first = await listUsers({ page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1 });
    expect(first.rows.map((u) => u.name)).toEqual(["Adam Brook", "Ben Cole"]);
    expect(first.rows[0]).toMatchObject({
      role: "PROJECT_MANAGER",
      discipline: "OPERATIONAL",
      active: true,
      lastSignInAt: null,
    });
    const last = await listUsers({ page: 7, pageSize: 2 });
    expect(last).toMatchObject({ page: 3 });
    expect(last.rows.map((u) => u.name)).toEqual(["Zara Quinn"]);
  });

  it("never returns password hashes", async () => {
    const { rows } = await listUsers({ page: 1 });
    for (const row of rows) expect(Object.keys(row)).not.toContain("passwordHash");
  });
});

describe("finding users", () => {
  it("finds by part of a name or an email, any case, and by role and status", async () => {
    const byName = await listUsers({ page: 1, q: "pAtEl" });
    expect(byName.rows.map((u) => u.name)).toEqual(["Mina Patel"]);
    const { rows: all } = await listUsers({ page: 1 });
    const zara = all.find((u) => u.name === "Zara Quinn");
    const byEmail = await listUsers({ page: 1, q: zara?.email.slice(0, 8).toUpperCase() });
    expect(byEmail.rows.map((u) => u.name)).toContain("Zara Quinn");
    expect((await listUsers({ page: 1, status: "deactivated" })).rows.map((u) => u.name)).toEqual([
      "Leo Hart",
    ]);
    expect((await listUsers({ page: 1, status: "active", q: "Hart" })).total).toBe(0);
    expect((await listUsers({ page: 1, role: "VIEWER" })).total).toBe(0);
  });

  it("carries each account's version and SRO mark for the forms that change it", async () => {
    const { rows } = await listUsers({ page: 1, q: "Adam" });
    expect(rows[0]).toMatchObject({ name: "Adam Brook", version: 0, sroEligible: false });
  });

  it("ignores a malformed query string rather than failing", () => {
    expect(parseUserListQuery({ page: "x", role: "KING", status: "maybe", q: "  " })).toEqual({
      page: 1,
      q: undefined,
      role: undefined,
      status: undefined,
    });
    expect(parseUserListQuery({ page: "2", role: "VIEWER", status: "active", q: " Ann " })).toEqual({
      page: 2,
      q: "Ann",
      role: "VIEWER",
      status: "active",
    });
  });
});

describe("one account and what it holds", () => {
  it("lists its letters on live projects, the open objectives it owns and the duty rota", async () => {
    const exec = await createUser({ name: "Eve Stone", role: "EXECUTIVE", discipline: "EXECUTIVE" });
    const site = await createSite();
    await createProject({ siteId: site.id, code: "LIVE-1", raci: [{ userId: exec.id, letter: "A" }] });
    await createProject({
      siteId: site.id,
      code: "DONE-1",
      stage: "CLOSED",
      raci: [{ userId: exec.id, letter: "A" }],
    });
    await createObjective({ ownerId: exec.id, code: "SO-OPEN" });
    await createObjective({ ownerId: exec.id, code: "SO-GONE", status: "RETIRED" });
    await db().organisation.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Northbridge", dutyExecutiveId: exec.id },
      update: { dutyExecutiveId: exec.id },
    });

    const detail = await getUserDetail(exec.id);
    expect(detail).toMatchObject({
      name: "Eve Stone",
      onDuty: true,
      liveLetters: [{ code: "LIVE-1", letter: "A" }],
      ownedObjectives: [{ code: "SO-OPEN" }],
    });
    expect(Object.keys(detail ?? {})).not.toContain("passwordHash");
    expect(detail?.recentChanges).toEqual([]);
    expect(await getUserDetail("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect((await listActiveExecutives()).map((e) => e.name)).toEqual(["Eve Stone"]);
  });
});

describe("an account's recent changes", () => {
  it("lists the latest audited changes to the account, newest first, naming who made them", async () => {
    const admin = await createUser({ name: "Ada Admin", role: "ADMIN", discipline: "DIGITAL" });
    const person = await createUser({ name: "Sam Subject" });
    const other = await createUser({ name: "Someone Else" });
    const event = (entityId: string, action: string) => ({
      actorId: admin.id,
      action,
      entityType: "User",
      entityId,
    });
    await db().auditEvent.create({ data: event(person.id, "user.create") });
    await db().auditEvent.create({ data: event(other.id, "user.deactivate") });
    for (const action of ["user.change_role", "user.reset_password", "user.set_sro_eligibility"]) {
      await db().auditEvent.create({ data: event(person.id, action) });
    }
    await db().auditEvent.createMany({
      data: [event(person.id, "user.deactivate"), event(person.id, "user.reactivate")],
    });
    // Their own sign-in is no change to the account.
    await db().auditEvent.create({ data: event(person.id, "auth.sign_in") });
    const detail = await getUserDetail(person.id);
    expect(detail?.recentChanges.map((c) => c.action)).toEqual([
      "user.reactivate",
      "user.deactivate",
      "user.set_sro_eligibility",
      "user.reset_password",
      "user.change_role",
    ]);
    expect(detail?.recentChanges[0]).toMatchObject({ by: "Ada Admin" });
  });
});
