// Two app instances on one database (issue #11; docs/security-sessions.md): both started by
// `npm start` with the same AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. A session started
// on one is accepted and acts on the other, ending it on one ends it on both, and failed sign-ins
// count across both. Cookies are per host, not per port, so one browser carries its session to both.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../src/lib/auth/demo-users";
import { expectSignInPage, signIn, sql } from "./support/demo";
import { type SecondServer, startSecondServer } from "./support/second-server";

const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const PM = "pm@northbridge.example";

let second: SecondServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  second = await startSecondServer(SECOND_PORT);
});

test.afterAll(async () => {
  await second?.stop();
});

test("signed in on one instance, acting on the other ends the session on both", async ({
  browser,
  baseURL,
}) => {
  // One browser signed in on the first instance that stays there.
  const stays = await browser.newContext({ baseURL });
  const staysPage = await stays.newPage();
  await signIn(staysPage, PM);
  await expect(staysPage).toHaveURL(/\/my-work$/, { timeout: 20_000 });

  // Another, signed in on the first instance, goes to the second.
  const moves = await browser.newContext({ baseURL });
  const movesPage = await moves.newPage();
  await signIn(movesPage, PM);
  await expect(movesPage).toHaveURL(/\/my-work$/, { timeout: 20_000 });
  await movesPage.goto(`${second.url}/account/sessions`);
  await expect(movesPage.getByRole("heading", { level: 1 })).toHaveText("Your sessions");
  await expect(
    movesPage.getByRole("table", { name: /your sessions/i }).getByText("This session"),
  ).toHaveCount(1);

  // A server action on the second instance, with the session the first started.
  await movesPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(movesPage).toHaveURL(new RegExp(`^${second.url}/signin`));
  const { rows } = await sql(
    `SELECT e.after FROM "AuditEvent" e JOIN "User" u ON u.id = e."entityId"
      WHERE e.action = 'auth.sessions_revoked' AND u.email = $1 ORDER BY e.id DESC LIMIT 1`,
    [PM],
  );
  expect(rows[0]?.after).toMatchObject({ reason: "signed_out_everywhere" });

  // Ended there, refused here.
  await staysPage.goto("/my-work");
  await expectSignInPage(staysPage);
  await stays.close();
  await moves.close();
});

test("failed sign-ins count across both instances", async ({ page }) => {
  const email = "roams.between@northbridge.example";
  /** One attempt on an instance ("" is the first, by the tests' base URL), and what the page says. */
  const attemptOn = async (instance: string, password: string) => {
    await page.goto(`${instance}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).not.toHaveText("");
    return alert.textContent();
  };
  const answers: (string | null)[] = [];
  // Alternately on the second and the first: three there, two here.
  for (let i = 0; i < 5; i++) answers.push(await attemptOn(i % 2 === 0 ? second.url : "", `guess ${i}`));
  expect(answers).toEqual([
    ...Array(4).fill("Email or password is incorrect."),
    "Too many attempts. Try again in 1 minute.",
  ]);
  // Locked on the second instance by the fifth failure, so locked on the first as well.
  expect(await attemptOn("", DEMO_PASSWORD)).toBe("Too many attempts. Try again in 1 minute.");
});
