import { beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, loadActor } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const PASSWORD = "correct horse battery staple";

async function createUser(email: string, overrides: { active?: boolean } = {}) {
  return db().user.create({
    data: {
      email,
      name: "Nadia Rahman",
      passwordHash: await hashPassword(PASSWORD),
      role: "PROJECT_MANAGER",
      discipline: "OPERATIONAL",
      active: overrides.active ?? true,
    },
  });
}

describe("signing in with email and password", () => {
  beforeAll(async () => {
    await createUser("nadia.rahman@northbridge.example");
    await createUser("former.colleague@northbridge.example", { active: false });
  });

  it("accepts the right password, whatever the email's case and spacing, and audits the sign-in", async () => {
    const user = await authenticateWithPassword(db(), "  Nadia.Rahman@Northbridge.example ", PASSWORD);
    expect(user).toMatchObject({ email: "nadia.rahman@northbridge.example", role: "PROJECT_MANAGER" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user!.id } });
    expect(stored.lastSignInAt).toBeInstanceOf(Date);
    const events = await db().auditEvent.findMany({ where: { entityId: user!.id, action: "auth.sign_in" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(user!.id);
  });

  it("refuses a wrong password and writes nothing", async () => {
    const before = await db().auditEvent.count();
    expect(
      await authenticateWithPassword(db(), "nadia.rahman@northbridge.example", "wrong password"),
    ).toBeNull();
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("refuses an unknown email", async () => {
    expect(await authenticateWithPassword(db(), "nobody@northbridge.example", PASSWORD)).toBeNull();
  });

  it("refuses a deactivated user even with the right password", async () => {
    expect(await authenticateWithPassword(db(), "former.colleague@northbridge.example", PASSWORD)).toBeNull();
  });
});

describe("the session re-check on every request", () => {
  it("ends the session of a user deactivated after signing in", async () => {
    const created = await createUser("mid.session@northbridge.example");
    const signedIn = await authenticateWithPassword(db(), created.email, PASSWORD);
    expect(signedIn).not.toBeNull();
    expect(await loadActor(db(), signedIn!.id, signedIn!.sessionVersion)).toMatchObject({ id: created.id });

    await db().user.update({ where: { id: created.id }, data: { active: false } });

    expect(await loadActor(db(), signedIn!.id, signedIn!.sessionVersion)).toBeNull();
  });

  it("ends sessions issued before a password reset (session version bumped)", async () => {
    const created = await createUser("reset.user@northbridge.example");
    const signedIn = await authenticateWithPassword(db(), created.email, PASSWORD);
    await db().user.update({ where: { id: created.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(db(), signedIn!.id, signedIn!.sessionVersion)).toBeNull();
  });

  it("ends the session of a user who no longer exists", async () => {
    expect(await loadActor(db(), "00000000-0000-0000-0000-000000000000", 0)).toBeNull();
  });
});
