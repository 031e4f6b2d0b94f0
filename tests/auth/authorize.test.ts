// next-auth's authorize() as the sign-in route runs it (issue #11): credential inputs capped and
// NUL refused before the database is asked; a fault during sign-in logged under a reference and
// answered "refused", never thrown to the caller.
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, type SignInFaultLog } from "@/lib/auth/authenticate";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { UNKNOWN_CLIENT } from "@/lib/auth/security-log";
import { createPrismaClient, db } from "@/lib/db/client";
import { useMigratedDatabase } from "../support/test-database";

useMigratedDatabase();

const EMAIL = "rosa.okafor@northbridge.example";
const PASSWORD = "a long passphrase a person would type";

const REFUSED = { status: "refused" };
const inRequest = (requestId: string) => ({ requestId, client: UNKNOWN_CLIENT });

function listeningLog() {
  const lines: { message: string; error: unknown }[] = [];
  const log: SignInFaultLog = (message, error) => lines.push({ message, error });
  return { lines, log };
}

beforeAll(async () => {
  await db().user.create({
    data: {
      email: EMAIL,
      name: "Rosa Okafor",
      passwordHash: await hashPassword(PASSWORD),
      role: "PROJECT_MANAGER",
      discipline: "CLINICAL",
    },
  });
});

describe("authorize: the credentials it accepts", () => {
  it("signs in with valid credentials", async () => {
    expect(await authorizeCredentials(db, { email: EMAIL, password: PASSWORD })).toMatchObject({
      status: "signed_in",
      user: { email: EMAIL, role: "PROJECT_MANAGER" },
    });
  });

  it("accepts a password right at the cap", async () => {
    const email = "at.the.cap@northbridge.example";
    const longest = "p".repeat(PASSWORD_MAX_LENGTH);
    await db().user.create({
      data: {
        email,
        name: "Ade Bello",
        passwordHash: await hashPassword(longest),
        role: "VIEWER",
        discipline: "OPERATIONAL",
      },
    });
    expect(await authorizeCredentials(db, { email, password: longest })).toMatchObject({
      status: "signed_in",
      user: { email },
    });
  });

  it("refuses a password over the cap, even one the stored hash would match", async () => {
    const email = "over.the.cap@northbridge.example";
    const overlong = "p".repeat(PASSWORD_MAX_LENGTH + 1);
    await db().user.create({
      data: {
        email,
        name: "Tom Hughes",
        passwordHash: await hashPassword(overlong),
        role: "VIEWER",
        discipline: "OPERATIONAL",
      },
    });
    expect(await authorizeCredentials(db, { email, password: overlong })).toEqual(REFUSED);
  });

  it("refuses an email over the cap without asking the database", async () => {
    const { lines, log } = listeningLog();
    const email = `${"a".repeat(EMAIL_MAX_LENGTH)}@northbridge.example`;
    const unreachable = () => {
      throw new Error("the database must not be asked");
    };
    expect(
      await authorizeCredentials(unreachable, { email, password: PASSWORD }, inRequest("req-1"), log),
    ).toEqual(REFUSED);
    expect(lines).toEqual([]);
  });

  it.each([
    ["a NUL in the password", { email: EMAIL, password: `${PASSWORD}\u0000` }],
    ["a NUL in the email", { email: `${EMAIL}\u0000`, password: PASSWORD }],
    ["a missing password", { email: EMAIL }],
    ["an empty email", { email: "", password: PASSWORD }],
    ["a non-string password", { email: EMAIL, password: ["x"] }],
    ["no credentials at all", undefined],
  ])("refuses %s", async (_label, credentials) => {
    expect(await authorizeCredentials(db, credentials)).toEqual(REFUSED);
  });
});

describe("authorize: a fault during sign-in", () => {
  it("does not reach the caller when the database is unreachable: logged with a reference, refused", async () => {
    // A real connection to a port nothing listens on: the failure the pg driver gives in production.
    const down = createPrismaClient("postgresql://postgres@127.0.0.1:1/throughline?connect_timeout=2", 1);
    const { lines, log } = listeningLog();
    try {
      await expect(
        authorizeCredentials(() => down, { email: EMAIL, password: PASSWORD }, inRequest("req-down"), log),
      ).resolves.toEqual(REFUSED);
    } finally {
      await down.$disconnect();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toMatch(
      /^Sign-in failed unexpectedly \[reference [0-9A-F]{8}, request req-down\]$/,
    );
    expect(lines[0]?.error).toBeInstanceOf(Error);
  });

  it("does not reach the caller when there is no database configured at all", async () => {
    const { lines, log } = listeningLog();
    const unconfigured = () => {
      throw new Error("DATABASE_URL is not set");
    };
    await expect(
      authorizeCredentials(unconfigured, { email: EMAIL, password: PASSWORD }, inRequest("req-none"), log),
    ).resolves.toEqual(REFUSED);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toContain("request req-none");
  });
});
