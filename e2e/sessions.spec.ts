// Sessions that really end (issue #11; docs/security-sessions.md), in a real browser against the
// production build: sign-out ends the session on the server, a replayed cookie is worth nothing on
// pages, actions and /api/auth/session, "sign out everywhere" ends the others, idle and expired
// sessions end, and admins read the security log and end someone's sessions.
import { type Browser, type BrowserContext, type Cookie, expect, type Page, test } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { e2eDatabaseUrlFile } from "../playwright.config";
import { expectSignInPage, signIn, sql } from "./support/demo";
import { readServerEnv } from "./support/server-env";

const PM = "pm@northbridge.example";
const CHAMPION = "champion@northbridge.example";
const SESSION_COOKIE = "next-auth.session-token";

async function signedIn(browser: Browser, baseURL: string | undefined, email: string, landing: RegExp) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(landing, { timeout: 20_000 });
  return { context, page };
}

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie after signing in");
  return cookie;
}

/** A fresh browser holding nothing but a copy of `cookie`: an attacker replaying it. */
async function replaying(browser: Browser, baseURL: string | undefined, cookie: Cookie): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([cookie]);
  return context.newPage();
}

async function latestSessionOf(email: string) {
  const { rows } = await sql(
    `SELECT s.id FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
      WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
    [email],
  );
  return rows[0]?.id as string;
}

test("signing out ends the session on the server: a copy of the cookie gets the sign-in page and an empty session", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL, PM, /\/my-work$/);
  const cookie = await sessionCookie(context);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expectSignInPage(page);

  const replay = await replaying(browser, baseURL, cookie);
  await replay.goto("/my-work");
  await expectSignInPage(replay);
  const response = await replay.request.get("/api/auth/session");
  expect(await response.json()).toEqual({});
  // next-auth clears the cookie it was sent.
  expect(response.headers()["set-cookie"]).toMatch(new RegExp(`${SESSION_COOKIE}=;`));

  const { rows } = await sql(
    `SELECT e."userAgent" FROM "AuditEvent" e JOIN "User" u ON u.id = e."entityId"
      WHERE e.action = 'auth.sign_out' AND u.email = $1`,
    [PM],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.userAgent).toContain("Chrome");
  await context.close();
  await replay.context().close();
});

test("a live session's token renews on /api/auth/session but keeps its absolute end", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL, CHAMPION, /\/my-feedback$/);
  const { AUTH_SECRET } = readServerEnv(e2eDatabaseUrlFile);
  const claimsOf = async () => {
    const claims = await decode({ token: (await sessionCookie(context)).value, secret: AUTH_SECRET });
    if (!claims) throw new Error("the session cookie does not decode with the server's secret");
    return claims;
  };
  const atSignIn = await claimsOf();
  const { rows } = await sql(`SELECT "expiresAt" FROM "AuthSession" WHERE id = $1`, [atSignIn.sessionId]);
  const stored = rows[0]?.expiresAt as Date;
  expect(atSignIn.sessionExpiresAt).toBe(Math.floor(stored.getTime() / 1000));
  // The token expires with the 12-hour session, not next-auth's 30-day default.
  // (iat and exp are stamped separately, so they may straddle a second.)
  expect(Math.abs(Number(atSignIn.exp) - Number(atSignIn.iat) - 12 * 60 * 60)).toBeLessThanOrEqual(1);

  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toMatchObject({ email: CHAMPION, role: "CLINICAL_CHAMPION" });
  const renewed = await claimsOf();
  // A new token was written, and the session's end went with it unchanged.
  expect(renewed.jti).not.toBe(atSignIn.jti);
  expect(renewed.sessionExpiresAt).toBe(atSignIn.sessionExpiresAt);
  const cookie = await sessionCookie(context);
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
  await context.close();
});

test("your sessions: listed with their browser, and signing out everywhere ends them all; a form left open elsewhere is then refused", async ({
  browser,
  baseURL,
}) => {
  const first = await signedIn(browser, baseURL, PM, /\/my-work$/);
  await first.page.goto("/account/sessions");
  await expect(first.page.getByRole("heading", { level: 1 })).toHaveText("Your sessions");

  const second = await signedIn(browser, baseURL, PM, /\/my-work$/);
  await second.page.getByRole("link", { name: "Sessions" }).click();
  await expect(second.page.getByRole("heading", { name: /^\d+ sessions$/ })).toBeVisible();
  const table = second.page.getByRole("table", { name: /your sessions/i });
  await expect(table.getByText("This session")).toHaveCount(1);
  await expect(table).toContainText("Chrome");

  await second.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expectSignInPage(second.page);

  // The first browser still shows the form it loaded while signed in; its session has ended since.
  await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first.page.getByText("Your session has ended. Sign in again to continue.")).toBeVisible();
  const { rows } = await sql(
    `SELECT e.after FROM "AuditEvent" e JOIN "User" u ON u.id = e."entityId"
      WHERE e.action = 'auth.sessions_revoked' AND u.email = $1`,
    [PM],
  );
  expect(rows.map((r) => r.after.reason)).toEqual(["signed_out_everywhere"]);
  await first.page.goto("/my-work");
  await expectSignInPage(first.page);
  await first.context.close();
  await second.context.close();
});

test("a session ends after the idle timeout, and at its absolute end however busy", async ({
  browser,
  baseURL,
}) => {
  const idle = await signedIn(browser, baseURL, CHAMPION, /\/my-feedback$/);
  await sql(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE id = $1`, [
    await latestSessionOf(CHAMPION),
  ]);
  await idle.page.goto("/my-feedback");
  await expectSignInPage(idle.page);

  const busy = await signedIn(browser, baseURL, CHAMPION, /\/my-feedback$/);
  await sql(`UPDATE "AuthSession" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [
    await latestSessionOf(CHAMPION),
  ]);
  await busy.page.goto("/my-feedback");
  await expectSignInPage(busy.page);
  await idle.context.close();
  await busy.context.close();
});

test("an admin reads the security log and signs someone out everywhere", async ({ browser, baseURL }) => {
  const viewer = await signedIn(browser, baseURL, "viewer@northbridge.example", /\/objectives$/);
  const failed = await browser.newPage({ baseURL });
  await signIn(failed, "no.such.person@northbridge.example", "a guess");
  await expect(failed.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");

  const admin = await signedIn(browser, baseURL, "admin@northbridge.example", /\/admin\/users$/);
  await admin.page.getByRole("navigation").getByRole("link", { name: "Security log" }).click();
  await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText("Security log");
  await admin.page.getByLabel("Event").selectOption({ label: "Sign-in failed" });
  await admin.page.getByLabel("Person or email").fill("no.such.person");
  await admin.page.getByRole("button", { name: "Filter" }).click();
  const rows = admin.page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one failure
  await expect(rows.nth(1)).toContainText("no account has this email");
  await expect(rows.nth(1)).toContainText("Chrome");

  await admin.page.goto("/admin/users?q=viewer@");
  await admin.page.getByRole("link", { name: "Tom Whitfield" }).click();
  await admin.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.page.getByText("Their sessions have ended: they must sign in again.")).toBeVisible();
  await viewer.page.reload();
  await expectSignInPage(viewer.page);
  await viewer.context.close();
  await admin.context.close();
  await failed.context().close();
});
