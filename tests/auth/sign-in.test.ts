import { beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword, authorizeCredentials, loadActor } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { checkSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const PASSWORD = "correct horse battery staple";
const CLIENT = { address: "10.1.2.3", userAgent: "Mozilla/5.0 (Ward PC)" };

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

describe("checking an email and password", () => {
  beforeAll(async () => {
    await createUser("nadia.rahman@northbridge.example");
    await createUser("former.colleague@northbridge.example", { active: false });
  });

  it("accepts the right password, whatever the email's case and spacing, and writes nothing", async () => {
    const before = await db().auditEvent.count();
    const check = await authenticateWithPassword(db(), "  Nadia.Rahman@Northbridge.example ", PASSWORD);
    expect(check).toMatchObject({
      ok: true,
      user: { email: "nadia.rahman@northbridge.example", role: "PROJECT_MANAGER" },
    });
    expect(await db().auditEvent.count()).toBe(before);
    expect(await db().authSession.count()).toBe(0);
  });

  it("refuses a wrong password, an unknown email and a deactivated account, saying why only to the caller", async () => {
    const known = await db().user.findUniqueOrThrow({ where: { email: "nadia.rahman@northbridge.example" } });
    const former = await db().user.findUniqueOrThrow({
      where: { email: "former.colleague@northbridge.example" },
    });
    expect(await authenticateWithPassword(db(), known.email, "wrong password")).toEqual({
      ok: false,
      reason: "wrong_password",
      accountId: known.id,
    });
    expect(await authenticateWithPassword(db(), "nobody@northbridge.example", PASSWORD)).toEqual({
      ok: false,
      reason: "unknown_account",
      accountId: null,
    });
    expect(await authenticateWithPassword(db(), former.email, PASSWORD)).toEqual({
      ok: false,
      reason: "inactive",
      accountId: former.id,
    });
  });
});

describe("signing in (authorize)", () => {
  it("starts a stored session and records the sign-in with its request, address and user agent", async () => {
    const user = await createUser("starts.session@northbridge.example");
    const result = await authorizeCredentials(
      db,
      { email: user.email, password: PASSWORD },
      { requestId: "lb-7f3a:0001", client: CLIENT },
    );
    if (result.status !== "signed_in") throw new Error(`expected a sign-in, got ${result.status}`);
    const session = await db().authSession.findUniqueOrThrow({ where: { id: result.user.sessionId } });
    expect(session).toMatchObject({
      userId: user.id,
      revokedAt: null,
      clientAddress: CLIENT.address,
      userAgent: CLIENT.userAgent,
    });
    // The default absolute lifetime: 12 hours from signing in.
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3_600_000);
    expect(result.user.sessionExpiresAt).toEqual(session.expiresAt);
    const [event] = await db().auditEvent.findMany({ where: { action: "auth.sign_in", entityId: user.id } });
    expect(event).toMatchObject({
      actorId: user.id,
      requestId: "lb-7f3a:0001",
      clientAddress: CLIENT.address,
      userAgent: CLIENT.userAgent,
      after: { session: session.id },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(
      session.createdAt,
    );
  });

  it("records a failed sign-in with the email tried, for an unknown email too, and starts no session", async () => {
    const user = await createUser("fails.once@northbridge.example");
    for (const email of [user.email, "never.existed@northbridge.example"]) {
      expect(
        await authorizeCredentials(
          db,
          { email: email.toUpperCase(), password: "not the password" },
          { requestId: "req-fail", client: CLIENT },
        ),
      ).toEqual({ status: "refused" });
    }
    const failures = await db().auditEvent.findMany({
      where: { action: "auth.sign_in_failed", requestId: "req-fail" },
      orderBy: { id: "asc" },
    });
    expect(failures.map((f) => [f.entityType, f.entityId, f.after])).toEqual([
      ["User", user.id, { email: user.email, reason: "wrong_password" }],
      [
        "SignIn",
        "unknown-account",
        { email: "never.existed@northbridge.example", reason: "unknown_account" },
      ],
    ]);
    expect(failures.every((f) => f.clientAddress === CLIENT.address)).toBe(true);
    expect(await db().authSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the account re-check without a session (scripts, tests)", () => {
  it("ends for a user deactivated or whose sessions were ended since", async () => {
    const created = await createUser("mid.session@northbridge.example");
    expect(await loadActor(db(), created.id, 0)).toMatchObject({ id: created.id });
    await db().user.update({ where: { id: created.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(db(), created.id, 0)).toBeNull();
    await db().user.update({ where: { id: created.id }, data: { active: false } });
    expect(await loadActor(db(), created.id, 1)).toBeNull();
    expect(await loadActor(db(), "00000000-0000-0000-0000-000000000000", 0)).toBeNull();
  });

  it("a session of a deactivated account is refused even though the session itself is open", async () => {
    const created = await createUser("deactivated.behind@northbridge.example");
    const result = await authorizeCredentials(db, { email: created.email, password: PASSWORD });
    if (result.status !== "signed_in") throw new Error("expected a sign-in");
    const claims = { sessionId: result.user.sessionId, userId: created.id, sessionVersion: 0 };
    expect(await checkSession(db(), claims)).toMatchObject({ id: created.id });
    await db().user.update({ where: { id: created.id }, data: { active: false } });
    expect(await checkSession(db(), claims)).toBeNull();
  });
});
