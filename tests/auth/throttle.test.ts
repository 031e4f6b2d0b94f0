// Sign-in throttling (issue #11; docs/security-sessions.md): failures counted per account and per
// address in the shared database, growing lockouts after the free attempts, the same answers for
// known and unknown emails, lockouts recorded.
import { describe, expect, it } from "vitest";
import { authorizeCredentials, type SignInResult } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { FREE_FAILURES, lockMinutes, MAX_LOCK_MINUTES } from "@/lib/auth/throttle";
import { createPrismaClient, type Db, db } from "@/lib/db/client";
import { useMigratedDatabase } from "../support/test-database";

const database = useMigratedDatabase();

const PASSWORD = "correct horse battery staple";
let sequence = 0;

async function person(): Promise<string> {
  sequence += 1;
  const email = `throttled.${sequence}@northbridge.example`;
  await db().user.create({
    data: {
      email,
      name: `Throttled ${sequence}`,
      passwordHash: await hashPassword(PASSWORD),
      role: "CLINICAL_CHAMPION",
      discipline: "CLINICAL",
    },
  });
  return email;
}

function attempt(
  email: string,
  password: string,
  address: string | null = null,
  connect: () => Db = db,
): Promise<SignInResult> {
  return authorizeCredentials(
    connect,
    { email, password },
    {
      requestId: `req-${email}`,
      client: { address, userAgent: "Mozilla/5.0 (Test)" },
    },
  );
}

async function fail(email: string, times: number, address: string | null = null): Promise<SignInResult[]> {
  const results: SignInResult[] = [];
  for (let i = 0; i < times; i++) results.push(await attempt(email, "not the password", address));
  return results;
}

/** As if the lock had run out: its row's expiry moved into the past. */
async function letLockRunOut(key: string) {
  await db().signInThrottle.updateMany({
    where: { key: `lock:${key}` },
    data: { expire: new Date(Date.now() - 1) },
  });
}

describe("lockMinutes: growing delays", () => {
  it("lets the free failures pass, then doubles from one minute up to an hour", () => {
    expect([1, 4].map((n) => lockMinutes(n, 5))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 10, 11, 30].map((n) => lockMinutes(n, 5))).toEqual([1, 2, 4, 8, 32, 60, 60]);
    expect(MAX_LOCK_MINUTES).toBe(60);
    expect(FREE_FAILURES.account).toBe(5);
  });
});

describe("throttling an account", () => {
  it("locks after five failures, refuses even the right password while locked, and says for how long", async () => {
    const email = await person();
    const results = await fail(email, 5);
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ status: "refused" }));
    expect(results[4]).toEqual({ status: "throttled", retryAfterMinutes: 1 });
    expect(await attempt(email, PASSWORD)).toEqual({ status: "throttled", retryAfterMinutes: 1 });
    expect(await db().authSession.count()).toBe(0);
  });

  it("gives an unknown email exactly the answers a known one gets", async () => {
    const known = await fail(await person(), 6);
    const unknown = await fail("nobody.here@northbridge.example", 6);
    expect(unknown).toEqual(known);
  });

  it("locks for longer after each further failure, and a sign-in once the lock runs out clears the count", async () => {
    const email = await person();
    await fail(email, 5);
    await letLockRunOut(`account:${email}`);
    expect(await fail(email, 1)).toEqual([{ status: "throttled", retryAfterMinutes: 2 }]);
    await letLockRunOut(`account:${email}`);
    expect(await fail(email, 1)).toEqual([{ status: "throttled", retryAfterMinutes: 4 }]);
    await letLockRunOut(`account:${email}`);
    expect(await attempt(email, PASSWORD)).toMatchObject({ status: "signed_in" });
    // The count starts again: four more failures are refused, not locked.
    expect(await fail(email, 4)).toEqual(Array(4).fill({ status: "refused" }));
  });

  it("counts the email however it is typed", async () => {
    const email = await person();
    await fail(email.toUpperCase(), 4);
    expect(await fail(`  ${email}`, 1)).toEqual([{ status: "throttled", retryAfterMinutes: 1 }]);
  });

  it("records each failure and each lockout in the security log, with the address; attempts while locked are not checked", async () => {
    const email = await person();
    await fail(email, 5, "10.9.8.7");
    expect(await fail(email, 3, "10.9.8.7")).toEqual(
      Array(3).fill({ status: "throttled", retryAfterMinutes: 1 }),
    );
    await letLockRunOut(`account:${email}`);
    await fail(email, 1, "10.9.8.7");
    const events = await db().auditEvent.findMany({
      where: { requestId: `req-${email}` },
      orderBy: { id: "asc" },
    });
    expect(events.filter((e) => e.action === "auth.sign_in_failed")).toHaveLength(6);
    const lockouts = events.filter((e) => e.action === "auth.locked_out");
    expect(lockouts.map((e) => e.after)).toEqual([
      { email, by: "account", address: null, failures: 5, minutes: 1 },
      { email, by: "account", address: null, failures: 6, minutes: 2 },
    ]);
    expect(lockouts.every((e) => e.clientAddress === "10.9.8.7")).toBe(true);
  });
});

describe("throttling a client address", () => {
  it("locks an address trying many accounts, for every account, and leaves other addresses alone", async () => {
    const guesser = "203.0.113.50";
    const emails = await Promise.all(Array.from({ length: 5 }, () => person()));
    const results: SignInResult[] = [];
    // Four failures per account: no account reaches its own limit.
    for (const email of emails) results.push(...(await fail(email, 4, guesser)));
    expect(results.slice(0, FREE_FAILURES.address - 1).every((r) => r.status === "refused")).toBe(true);
    expect(results[FREE_FAILURES.address - 1]).toEqual({ status: "throttled", retryAfterMinutes: 1 });
    const someoneElse = await person();
    expect(await attempt(someoneElse, PASSWORD, guesser)).toEqual({
      status: "throttled",
      retryAfterMinutes: 1,
    });
    expect(await attempt(someoneElse, PASSWORD, "198.51.100.7")).toMatchObject({ status: "signed_in" });
  });
});

describe("across app instances", () => {
  it("counts failures made through two database clients (two instances) against one account", async () => {
    const other = createPrismaClient(database.url(), 2);
    try {
      const email = await person();
      for (let i = 0; i < 4; i++) {
        const connect = i % 2 === 0 ? db : () => other;
        expect(await attempt(email, "not the password", null, connect)).toEqual({ status: "refused" });
      }
      expect(await attempt(email, "not the password", null, () => other)).toEqual({
        status: "throttled",
        retryAfterMinutes: 1,
      });
      expect(await attempt(email, PASSWORD, null, db)).toEqual({ status: "throttled", retryAfterMinutes: 1 });
    } finally {
      await other.$disconnect();
    }
  });
});
