// Sign-in throttling (issue #11; docs/security-sessions.md): after five failures the sign-in page
// says how long to wait, for a known email and an unknown one alike, and even the right password
// waits; the lockout is in the security log.
import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../src/lib/auth/demo-users";
import { signIn, sql } from "./support/demo";

// An account of its own, so locking it slows down no other test.
const KNOWN = "locked.out@northbridge.example";
const UNKNOWN = "not.an.account@northbridge.example";

test.beforeAll(async () => {
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, discipline, "updatedAt")
     SELECT gen_random_uuid()::text, $1, 'Lou Keddie', "passwordHash", 'VIEWER', 'OPERATIONAL', now()
       FROM "User" WHERE email = 'viewer@northbridge.example'
     ON CONFLICT (email) DO NOTHING`,
    [KNOWN],
  );
});

const alert = (page: Page) => page.getByRole("main").getByRole("alert");

async function answersTo(page: Page, email: string, attempts: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < attempts; i++) {
    await signIn(page, email, `wrong guess ${i}`);
    await expect(alert(page)).not.toHaveText("");
    seen.push((await alert(page).textContent()) ?? "");
  }
  return seen;
}

test("five failures lock the email for a minute, known or not, and the right password then waits too", async ({
  page,
}) => {
  const known = await answersTo(page, KNOWN, 5);
  const unknown = await answersTo(page, UNKNOWN, 5);
  const expected = [
    ...Array(4).fill("Email or password is incorrect."),
    "Too many attempts. Try again in 1 minute.",
  ];
  expect(known).toEqual(expected);
  expect(unknown).toEqual(expected);

  await signIn(page, KNOWN, DEMO_PASSWORD);
  await expect(alert(page)).toHaveText("Too many attempts. Try again in 1 minute.");
  await expect(page).toHaveURL(/\/signin/);

  const { rows } = await sql(
    `SELECT after FROM "AuditEvent" WHERE action = 'auth.locked_out' AND after->>'email' = ANY($1) ORDER BY id`,
    [[KNOWN, UNKNOWN]],
  );
  expect(rows.map((r) => [r.after.email, r.after.minutes])).toEqual([
    [KNOWN, 1],
    [UNKNOWN, 1],
  ]);
});
